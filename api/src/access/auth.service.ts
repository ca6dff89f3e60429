// Sign-in, sign-out and who a request is: a session cookie or a bearer token turned into a Principal.
// Lockout: LOGIN_MAX_FAILURES failures in a row lock the account for LOGIN_LOCK_MINUTES; every attempt is
// audited. Secrets are looked up by their SHA-256.
import type pg from 'pg';
import type { AccessConfig } from '../config.ts';
import { DomainError } from '../domain-error.ts';
import {
  deleteSession,
  findLogin,
  findSessionPrincipal,
  findTokenPrincipal,
  insertSession,
  type PrincipalRow,
  recordLoginAttempt,
  recordLoginSuccess,
  touchSession,
  touchToken,
} from '../store/accounts.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { type Queryable, withTransaction } from '../store/db.ts';
import { checkUsername, hashSecret, newSecret } from './credentials.ts';
import { verifyPassword } from './passwords.ts';
import type { Actor, Principal, RequestOrigin } from './principal.ts';
import type { AccessScope } from './scope.ts';

/** Sliding expiry and last-use times are written at most this often per session or token. */
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  /** Goes into the cookie; the database keeps only its hash. */
  secret: string;
  expiresAt: Date;
  userId: number;
}

function publicActor(username: string, origin: RequestOrigin): Actor {
  return { kind: 'public', id: null, name: username.slice(0, 64) || '(empty)', origin };
}

export async function signIn(
  pool: pg.Pool,
  config: AccessConfig,
  credentials: { username: string; password: string },
  origin: RequestOrigin,
): Promise<SignedIn> {
  const wrong = () => new DomainError('UNAUTHENTICATED', 'wrong username or password');
  const normal = credentials.username.trim().toLowerCase();
  const actor = publicActor(normal, origin);
  const deny = async (reason: string, userId: number | null, detail: object = {}) => {
    await insertAudit(pool, actor, {
      action: 'signIn',
      outcome: 'denied',
      target: userId === null ? null : { type: 'user', id: userId },
      detail: { reason, ...detail },
    });
  };
  let username: string;
  try {
    username = checkUsername(credentials.username);
  } catch {
    await verifyPassword(null, credentials.password); // the same time as a real check
    await deny('malformed username', null);
    throw wrong();
  }
  const login = await findLogin(pool, username);
  if (!login) {
    await verifyPassword(null, credentials.password);
    await deny('unknown user', null);
    throw wrong();
  }
  // Counted before the check, atomically, so parallel guesses cannot outrun the lock.
  const attempt = await recordLoginAttempt(pool, login.id, config.loginMaxFailures, config.loginLockMinutes);
  if (!attempt) {
    await verifyPassword(null, credentials.password);
    await deny('locked', login.id, { lockedUntil: login.locked_until });
    throw new DomainError(
      'UNAUTHENTICATED',
      'this account is locked after repeated failed sign-ins; wait, or ask an administrator to unlock it',
    );
  }
  if (!(await verifyPassword(login.password_hash, credentials.password))) {
    await deny('wrong password', login.id, {
      failedLogins: attempt.failed_logins,
      lockedUntil: attempt.locked_until,
    });
    throw wrong();
  }
  if (login.disabled) {
    await deny('disabled', login.id);
    throw new DomainError('UNAUTHENTICATED', 'this account is disabled');
  }
  const secret = newSecret();
  const expiresAt = await withTransaction(pool, async (tx) => {
    await recordLoginSuccess(tx, login.id);
    const expires = await insertSession(tx, hashSecret(secret), login.id, config.sessionIdleSeconds, origin);
    await insertAudit(
      tx,
      { ...actor, kind: 'user', id: login.id },
      {
        action: 'signIn',
        outcome: 'ok',
        target: { type: 'user', id: login.id },
      },
    );
    return expires;
  });
  return { secret, expiresAt, userId: login.id };
}

/** Ends the session of a cookie secret, whoever it belongs to (also when their account can no longer sign in). */
export async function signOut(pool: pg.Pool, secret: string, origin: RequestOrigin): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const userId = await deleteSession(tx, hashSecret(secret));
    if (userId !== null) {
      const actor: Actor = { kind: 'user', id: userId, name: `user:${userId}`, origin };
      await insertAudit(tx, actor, {
        action: 'signOut',
        outcome: 'ok',
        target: { type: 'user', id: userId },
      });
    }
  });
}

function toPrincipal(kind: Principal['kind'], row: PrincipalRow, sessionKey: Buffer | null): Principal {
  let scope: AccessScope = null;
  if (row.area_code !== null) {
    if (row.area_level !== 'district' && row.area_level !== 'street') {
      // The scope's area is gone (the city was re-seeded) or is not a district or street: refuse rather
      // than widen the scope to the whole city.
      throw new DomainError(
        'FORBIDDEN',
        `this ${kind === 'user' ? 'account' : 'token'} is scoped to area ${row.area_code}, which is not a ` +
          'district or street of this city; ask an administrator to fix its area',
      );
    }
    scope = { code: row.area_code, level: row.area_level, name: row.area_name!, chain: row.area_chain! };
  }
  return {
    kind,
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    scope,
    unitCode: row.unit_code,
    expiresAt: row.expires_at,
    sessionKey,
  };
}

function isStale(lastSeen: Date | null): boolean {
  return !lastSeen || Date.now() - lastSeen.getTime() > TOUCH_EVERY_MS;
}

/** The signed-in user of a session secret, or null when it is unknown, expired or the user is disabled. */
export async function principalFromSession(
  db: Queryable,
  config: AccessConfig,
  secret: string,
): Promise<Principal | null> {
  const hash = hashSecret(secret);
  const row = await findSessionPrincipal(db, hash);
  if (!row) return null;
  if (isStale(row.last_seen_at)) await touchSession(db, hash, config.sessionIdleSeconds);
  return toPrincipal('user', row, hash);
}

/** The owner of a bearer token; UNAUTHENTICATED when it is unknown, expired or revoked. */
export async function principalFromToken(db: Queryable, token: string): Promise<Principal> {
  const row = await findTokenPrincipal(db, hashSecret(token));
  if (!row) throw new DomainError('UNAUTHENTICATED', 'this API token is unknown, expired or revoked');
  if (isStale(row.last_seen_at)) await touchToken(db, row.id);
  return toPrincipal('token', row, null);
}
