// Issuing and revoking MQTT credentials, for the GraphQL admin mutations and `npm run mqtt-credential` alike.
// The secret is returned once and kept only as its Mosquitto hash; every change is written with its audit
// entry in one transaction.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { DomainError } from '../domain-error.ts';
import { MQTT_SCOPES, type MqttScope } from '../ingest/mqtt-grants.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { withTransaction } from '../store/db.ts';
import {
  findMqttTarget,
  insertMqttCredential,
  lockMqttCredential,
  type MqttCredentialRow,
  revokeMqttCredentialRow,
} from '../store/mqtt-credentials.repo.ts';
import { hashMosquittoPassword, newMqttSecret } from './mosquitto-password.ts';
import type { Actor } from './principal.ts';

export interface MqttCredentialInput {
  scope: string;
  /** device: the device's code; project: the construction site's code; otherwise none. */
  code: string | null;
  /** Default: made from the code (or "gateway" / "ingest") and a random suffix. */
  username: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,63}$/;

function state(c: MqttCredentialRow) {
  return {
    username: c.username,
    scope: c.scope,
    deviceCode: c.device_code,
    projectCode: c.project_code,
    revokedAt: c.revoked_at,
  };
}

function checkUsername(username: string): string {
  const normal = username.trim().toLowerCase();
  if (!USERNAME.test(normal)) {
    throw new DomainError(
      'INVALID_INPUT',
      'an MQTT username has 3–64 characters: a–z, 0–9, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return normal;
}

/** Lower-case letters and digits, for usernames nobody types twice the same. */
function suffix(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

async function checkTarget(
  pool: pg.Pool,
  scope: MqttScope,
  rawCode: string | null,
): Promise<{ deviceCode: string | null; projectCode: string | null; base: string }> {
  const code = rawCode?.trim().toUpperCase() || null;
  if (scope === 'device' || scope === 'project') {
    const what = scope === 'device' ? 'device' : 'construction site';
    if (!code) throw new DomainError('INVALID_INPUT', `a ${scope} credential needs the ${what}'s code`);
    const target = await findMqttTarget(pool, scope, code.slice(0, 40));
    if (!target) throw new DomainError('NOT_FOUND', `no ${what} has the code ${code.slice(0, 40)}`);
    return scope === 'device'
      ? { deviceCode: target.code, projectCode: null, base: target.code.toLowerCase() }
      : { deviceCode: null, projectCode: target.code, base: target.code.toLowerCase() };
  }
  if (code) throw new DomainError('INVALID_INPUT', `a credential for ${scope} takes no device or site code`);
  return { deviceCode: null, projectCode: null, base: scope === 'ingest' ? 'ingest' : 'gateway' };
}

/** A new credential; the secret is in the answer once and never stored. */
export async function issueMqttCredential(
  pool: pg.Pool,
  actor: Actor,
  input: MqttCredentialInput,
): Promise<{ secret: string; row: MqttCredentialRow }> {
  if (!(MQTT_SCOPES as readonly string[]).includes(input.scope)) {
    throw new DomainError('INVALID_INPUT', `unknown MQTT credential scope "${input.scope.slice(0, 40)}"`);
  }
  const scope = input.scope as MqttScope;
  const target = await checkTarget(pool, scope, input.code);
  const username = input.username ? checkUsername(input.username) : `${target.base}.${suffix()}`;
  const secret = newMqttSecret();
  const secretHash = await hashMosquittoPassword(secret);
  const row = await withTransaction(pool, async (tx) => {
    const created = await insertMqttCredential(tx, {
      username,
      secretHash,
      scope,
      deviceCode: target.deviceCode,
      projectCode: target.projectCode,
      issuedBy: `${actor.kind}:${actor.name}`,
    });
    if (!created) throw new DomainError('CONFLICT', `the MQTT username ${username} is taken`);
    await insertAudit(tx, actor, {
      action: 'issueMqttCredential',
      outcome: 'ok',
      target: { type: 'mqtt_credential', id: created.id },
      after: state(created),
    });
    return created;
  });
  return { secret, row };
}

/**
 * Revokes a credential: the embedded broker refuses its next publish within seconds (mqtt-auth.ts polls every
 * 2 s) and every new connection; Mosquitto once the files are exported again (MQTT_AUTH_DIR: within seconds).
 * Revoking twice keeps the first time.
 */
export async function revokeMqttCredential(
  pool: pg.Pool,
  actor: Actor,
  username: string,
): Promise<MqttCredentialRow> {
  const name = username.trim().toLowerCase().slice(0, 64);
  return withTransaction(pool, async (tx) => {
    const before = await lockMqttCredential(tx, name);
    if (!before) throw new DomainError('NOT_FOUND', `no MQTT credential has the username ${name}`);
    const after = await revokeMqttCredentialRow(tx, before.id);
    await insertAudit(tx, actor, {
      action: 'revokeMqttCredential',
      outcome: 'ok',
      target: { type: 'mqtt_credential', id: before.id },
      before: state(before),
      after: state(after),
    });
    return after;
  });
}
