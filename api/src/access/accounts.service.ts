// Managing users and API tokens, for the GraphQL admin mutations and the command line alike. Every change runs
// in one transaction with its audit entry (state before and after), so there is no change without a record.
import type pg from 'pg';
import type { AccessConfig } from '../config.ts';
import { DomainError } from '../domain-error.ts';
import {
  deleteUserSessions,
  findPasswordHash,
  findScopeArea,
  findUnitByCode,
  insertToken,
  insertUser,
  lockToken,
  lockUser,
  recordLoginAttempt,
  revokeToken,
  setPasswordHash,
  type TokenRow,
  type UserRow,
  unlockUser,
  updateUser,
} from '../store/accounts.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { type Queryable, withTransaction } from '../store/db.ts';
import { checkPassword, checkUsername, hashSecret, newApiToken } from './credentials.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Actor } from './principal.ts';
import { isRole, type Role } from './roles.ts';

export interface UserInput {
  displayName: string;
  role: string;
  /** null or the city's code: the whole city. */
  areaCode: string | null;
  unitCode: string | null;
}

export interface NewUserInput extends UserInput {
  username: string;
  password: string;
  demo?: boolean;
}

export interface TokenInput {
  name: string;
  role: string;
  areaCode: string | null;
  unitCode: string | null;
  days: number;
}

const MAX_TOKEN_DAYS = 3650;

/** What the audit log keeps of a user: everything but the password hash (which the row never has). */
function userState(u: UserRow) {
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    areaCode: u.area_code,
    unitCode: u.unit_code,
    disabled: u.disabled,
    failedLogins: u.failed_logins,
    lockedUntil: u.locked_until,
  };
}

function tokenState(t: TokenRow) {
  return {
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    areaCode: t.area_code,
    unitCode: t.unit_code,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
  };
}

/** Checks role, area and unit together; returns them normalised (city scope as null). */
async function checkAssignment(
  db: Queryable,
  input: { role: string; areaCode: string | null; unitCode: string | null },
  forToken: boolean,
): Promise<{ role: Role; areaCode: string | null; unitCode: string | null }> {
  if (!isRole(input.role))
    throw new DomainError('INVALID_INPUT', `unknown role "${input.role.slice(0, 40)}"`);
  if (input.role === 'api_client' && !forToken) {
    throw new DomainError(
      'INVALID_INPUT',
      'api_client is a role for tokens; people sign in with another role',
    );
  }
  let areaCode: string | null = null;
  const code = input.areaCode?.trim().toUpperCase() || null;
  if (code !== null) {
    const area = await findScopeArea(db, code.slice(0, 40));
    if (!area) throw new DomainError('NOT_FOUND', `no area has the code ${code.slice(0, 40)}`);
    if (area.level !== 'city' && area.level !== 'district' && area.level !== 'street') {
      throw new DomainError(
        'INVALID_INPUT',
        `a scope is the city, a district or a street; ${code} is a ${area.level}`,
      );
    }
    areaCode = area.level === 'city' ? null : area.code;
  }
  const unitCode = input.unitCode?.trim() || null;
  if (input.role === 'unit_handler') {
    if (!unitCode)
      throw new DomainError('INVALID_INPUT', 'a unit handler needs the code of their responsible unit');
    if (!(await findUnitByCode(db, unitCode.slice(0, 64)))) {
      throw new DomainError('NOT_FOUND', `no responsible unit has the code ${unitCode.slice(0, 64)}`);
    }
    return { role: input.role, areaCode, unitCode };
  }
  if (unitCode)
    throw new DomainError('INVALID_INPUT', `only unit handlers belong to a unit, not ${input.role}`);
  return { role: input.role, areaCode, unitCode: null };
}

function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 64) {
    throw new DomainError('INVALID_INPUT', 'a display name has 1 to 64 characters');
  }
  return trimmed;
}

export async function createUser(pool: pg.Pool, actor: Actor, input: NewUserInput): Promise<UserRow> {
  const username = checkUsername(input.username);
  checkPassword(input.password, username);
  const displayName = checkDisplayName(input.displayName);
  const assignment = await checkAssignment(pool, input, false);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(pool, async (tx) => {
    const user = await insertUser(tx, {
      username,
      displayName,
      role: assignment.role as UserRow['role'],
      areaCode: assignment.areaCode,
      unitCode: assignment.unitCode,
      passwordHash,
      demo: input.demo ?? false,
    });
    if (!user) throw new DomainError('CONFLICT', `the username ${username} is taken`);
    await insertAudit(tx, actor, {
      action: 'createUser',
      outcome: 'ok',
      target: { type: 'user', id: user.id },
      after: userState(user),
    });
    return user;
  });
}

async function lockedUser(tx: Queryable, id: number): Promise<UserRow> {
  const user = await lockUser(tx, id);
  if (!user) throw new DomainError('NOT_FOUND', `no user has the id ${id}`);
  return user;
}

/** What an administrator changes; fields left out keep their value (areaCode null: the whole city). */
export interface UserPatch {
  displayName?: string;
  role?: string;
  areaCode?: string | null;
  unitCode?: string | null;
  disabled?: boolean;
}

/**
 * Changes a user's profile, applied to the row as it is inside the transaction (so two administrators do not
 * undo each other's changes). A change of role, area or unit, or disabling, signs the user out everywhere.
 */
export async function changeUser(
  pool: pg.Pool,
  actor: Actor,
  id: number,
  patch: UserPatch,
): Promise<UserRow> {
  return withTransaction(pool, async (tx) => {
    const before = await lockedUser(tx, id);
    const role = patch.role ?? before.role;
    const assignment = await checkAssignment(
      tx,
      {
        role,
        areaCode: patch.areaCode === undefined ? before.area_code : patch.areaCode,
        // a new role other than unit handler drops the unit unless one is given
        unitCode:
          patch.unitCode !== undefined ? patch.unitCode : role === 'unit_handler' ? before.unit_code : null,
      },
      false,
    );
    const disabled = patch.disabled ?? before.disabled;
    if (actor.kind === 'user' && actor.id === id && (disabled || assignment.role !== 'admin')) {
      throw new DomainError('INVALID_INPUT', 'administrators cannot disable or demote themselves');
    }
    const after = await updateUser(tx, id, {
      displayName:
        patch.displayName === undefined ? before.display_name : checkDisplayName(patch.displayName),
      role: assignment.role as UserRow['role'],
      areaCode: assignment.areaCode,
      unitCode: assignment.unitCode,
      disabled,
    });
    const narrowed =
      before.role !== after.role ||
      before.area_code !== after.area_code ||
      before.unit_code !== after.unit_code;
    if (narrowed || after.disabled) await deleteUserSessions(tx, id);
    await insertAudit(tx, actor, {
      action: 'updateUser',
      outcome: 'ok',
      target: { type: 'user', id },
      before: userState(before),
      after: userState(after),
    });
    return after;
  });
}

/** Locks a user, applies a change and audits it with the state before and after, in one transaction. */
function auditedUserChange(
  pool: pg.Pool,
  actor: Actor,
  id: number,
  action: string,
  change: (tx: Queryable) => Promise<void>,
): Promise<UserRow> {
  return withTransaction(pool, async (tx) => {
    const before = await lockedUser(tx, id);
    await change(tx);
    const after = await lockedUser(tx, id);
    await insertAudit(tx, actor, {
      action,
      outcome: 'ok',
      target: { type: 'user', id },
      before: userState(before),
      after: userState(after),
    });
    return after;
  });
}

/** An administrator sets a new password; the user is signed out everywhere and any lock is lifted. */
export async function resetPassword(
  pool: pg.Pool,
  actor: Actor,
  id: number,
  password: string,
): Promise<UserRow> {
  const hash = await hashPasswordFor(pool, id, password);
  return auditedUserChange(pool, actor, id, 'resetPassword', async (tx) => {
    await setPasswordHash(tx, id, hash);
    await deleteUserSessions(tx, id);
  });
}

async function hashPasswordFor(db: Queryable, id: number, password: string): Promise<string> {
  const user = await lockUser(db, id); // outside a transaction: just reads the username
  if (!user) throw new DomainError('NOT_FOUND', `no user has the id ${id}`);
  checkPassword(password, user.username);
  return hashPassword(password);
}

/**
 * A person changes their own password, proving the current one. Wrong guesses count toward the sign-in lock
 * (a stolen session cannot try passwords without limit); on success every other session of theirs ends.
 * Refusals are audited by the GraphQL layer (graphql/mutation-audit.ts).
 */
export async function changeOwnPassword(
  pool: pg.Pool,
  access: AccessConfig,
  actor: Actor & { kind: 'user'; id: number },
  sessionKey: Buffer | null,
  current: string,
  next: string,
): Promise<void> {
  const attempt = await recordLoginAttempt(pool, actor.id, access.loginMaxFailures, access.loginLockMinutes);
  if (!attempt) throw new DomainError('FORBIDDEN', 'this account is locked after repeated wrong passwords');
  if (!(await verifyPassword(await findPasswordHash(pool, actor.id), current))) {
    throw new DomainError('FORBIDDEN', 'the current password is wrong');
  }
  if (current === next)
    throw new DomainError('INVALID_INPUT', 'the new password is the same as the current one');
  const hash = await hashPasswordFor(pool, actor.id, next);
  await withTransaction(pool, async (tx) => {
    await lockedUser(tx, actor.id);
    await setPasswordHash(tx, actor.id, hash); // also clears the attempt count
    await deleteUserSessions(tx, actor.id, sessionKey);
    await insertAudit(tx, actor, {
      action: 'changeMyPassword',
      outcome: 'ok',
      target: { type: 'user', id: actor.id },
    });
  });
}

export function unlockAccount(pool: pg.Pool, actor: Actor, id: number): Promise<UserRow> {
  return auditedUserChange(pool, actor, id, 'unlockUser', (tx) => unlockUser(tx, id));
}

/** A new bearer token; the token itself is returned once and never stored. */
export async function createToken(
  pool: pg.Pool,
  actor: Actor,
  input: TokenInput,
): Promise<{ token: string; row: TokenRow }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 64)
    throw new DomainError('INVALID_INPUT', 'a token name has 1 to 64 characters');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_TOKEN_DAYS) {
    throw new DomainError('INVALID_INPUT', `a token lives 1 to ${MAX_TOKEN_DAYS} days`);
  }
  const assignment = await checkAssignment(pool, input, true);
  const { token, prefix } = newApiToken();
  const row = await withTransaction(pool, async (tx) => {
    const created = await insertToken(tx, {
      name,
      prefix,
      secretHash: hashSecret(token),
      ...assignment,
      createdBy: `${actor.kind}:${actor.name}`,
      days: input.days,
    });
    await insertAudit(tx, actor, {
      action: 'createApiToken',
      outcome: 'ok',
      target: { type: 'api_token', id: created.id },
      after: tokenState(created),
    });
    return created;
  });
  return { token, row };
}

export async function revokeApiToken(pool: pg.Pool, actor: Actor, id: number): Promise<TokenRow> {
  return withTransaction(pool, async (tx) => {
    const before = await lockToken(tx, id);
    if (!before) throw new DomainError('NOT_FOUND', `no API token has the id ${id}`);
    const after = await revokeToken(tx, id);
    await insertAudit(tx, actor, {
      action: 'revokeApiToken',
      outcome: 'ok',
      target: { type: 'api_token', id },
      before: tokenState(before),
      after: tokenState(after),
    });
    return after;
  });
}
