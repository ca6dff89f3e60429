// MQTT credentials and refusals. Secret hashes leave this module only to the broker's check and the export
// for Mosquitto, never in a list.
import { fileURLToPath } from 'node:url';
import type { MqttScope } from '../ingest/mqtt-grants.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/mqtt-credentials', import.meta.url));
const sql = (name: string) => loadSql(SQL_DIR, name);
const INSERT = sql('mqtt_credential_insert');
const FOR_UPDATE = sql('mqtt_credential_for_update');
const REVOKE = sql('mqtt_credential_revoke');
const LIST = sql('mqtt_credentials_list');
const TARGET = sql('mqtt_credential_target');
const LOGIN = sql('mqtt_credential_login');
const GRANTS = sql('mqtt_credential_grants');
const REVOKED = sql('mqtt_credentials_revoked');
const TOUCH = sql('mqtt_credential_touch');
const EXPORT = sql('mqtt_credentials_export');
const REFUSALS_INSERT = sql('mqtt_refusals_insert');
const REFUSALS_COUNT = sql('mqtt_refusals_count');
const REFUSALS_RECENT = sql('mqtt_refusals_recent');

export interface MqttCredentialRow {
  id: number;
  username: string;
  scope: MqttScope;
  device_code: string | null;
  project_code: string | null;
  issued_by: string;
  issued_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface NewMqttCredential {
  username: string;
  secretHash: string;
  scope: MqttScope;
  deviceCode: string | null;
  projectCode: string | null;
  issuedBy: string;
}

/** The credential, or null when the username is taken. */
export async function insertMqttCredential(
  db: Queryable,
  c: NewMqttCredential,
): Promise<MqttCredentialRow | null> {
  const values = [c.username, c.secretHash, c.scope, c.deviceCode, c.projectCode, c.issuedBy];
  return (await queryRows<MqttCredentialRow>(db, INSERT, values, 'issuing an MQTT credential'))[0] ?? null;
}

export async function lockMqttCredential(db: Queryable, username: string): Promise<MqttCredentialRow | null> {
  return (
    (await queryRows<MqttCredentialRow>(db, FOR_UPDATE, [username], 'reading an MQTT credential'))[0] ?? null
  );
}

export async function revokeMqttCredentialRow(db: Queryable, id: number): Promise<MqttCredentialRow> {
  return (await queryRows<MqttCredentialRow>(db, REVOKE, [id], 'revoking an MQTT credential'))[0]!;
}

export const listMqttCredentials = (
  db: Queryable,
  filter: { code: string | null; includeRevoked: boolean; limit: number },
) =>
  queryRows<MqttCredentialRow>(
    db,
    LIST,
    [filter.code, filter.includeRevoked, filter.limit],
    'listing MQTT credentials',
  );

/** The device, or the construction site with its device count; null when there is no such thing. */
export async function findMqttTarget(
  db: Queryable,
  scope: 'device' | 'project',
  code: string,
): Promise<{ code: string; devices: number } | null> {
  const rows = await queryRows<{ code: string; devices: number }>(
    db,
    TARGET,
    [scope, code],
    `looking up ${scope === 'device' ? 'the device' : 'the construction site'}`,
  );
  return rows[0] ?? null;
}

/** What the broker needs to know of a credential; `devices` null: any device, or none (ingest). */
export interface MqttGrantRow {
  id: number;
  scope: MqttScope;
  revoked: boolean;
  devices: string[] | null;
}

export async function findMqttLogin(
  db: Queryable,
  username: string,
): Promise<(MqttGrantRow & { secret_hash: string }) | null> {
  const rows = await queryRows<MqttGrantRow & { secret_hash: string }>(
    db,
    LOGIN,
    [username],
    'checking MQTT credentials',
  );
  return rows[0] ?? null;
}

export const findMqttGrants = (db: Queryable, ids: readonly number[]) =>
  queryRows<MqttGrantRow>(db, GRANTS, [ids], 'reading MQTT credentials');

export async function findRevokedMqttCredentials(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number }>(db, REVOKED, [ids], 'checking MQTT revocations');
  return rows.map((r) => r.id);
}

export async function touchMqttCredential(db: Queryable, id: number): Promise<void> {
  await queryRows(db, TOUCH, [id], 'recording an MQTT credential use');
}

export interface MqttExportRow {
  username: string;
  secret_hash: string;
  scope: MqttScope;
  code: string | null;
  devices: string[];
}

export const findMqttExport = (db: Queryable) =>
  queryRows<MqttExportRow>(db, EXPORT, [], 'reading MQTT credentials for Mosquitto');

export interface MqttRefusal {
  actor: string;
  reason: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
  item: string;
}

export async function insertMqttRefusals(db: Queryable, refusals: readonly MqttRefusal[]): Promise<void> {
  if (refusals.length === 0) return;
  await queryRows(
    db,
    REFUSALS_INSERT,
    [
      refusals.map((r) => r.actor),
      refusals.map((r) => r.reason),
      refusals.map((r) => r.message),
      refusals.map((r) => r.item),
    ],
    'keeping MQTT refusals',
  );
}

export const countMqttRefusals = (db: Queryable, since: Date) =>
  queryRows<{ reason: MqttRefusal['reason']; count: number; last_at: Date }>(
    db,
    REFUSALS_COUNT,
    [since],
    'counting MQTT refusals',
  );

export interface MqttRefusalRow {
  id: number;
  received_at: Date;
  reason: MqttRefusal['reason'];
  actor: string;
  message: string;
  item: string;
}

export const recentMqttRefusals = (db: Queryable, since: Date, limit: number) =>
  queryRows<MqttRefusalRow>(db, REFUSALS_RECENT, [since, limit], 'listing MQTT refusals');
