// The alert engine's writes: rules to evaluate, per-device rule state, and alert transitions with their
// events (each returns the new alert_events ids, which the live fan-out announces).
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/alert-state', import.meta.url));
const sql = (name: string) => loadSql(SQL_DIR, name);
const RULES_FOR_TYPES = sql('rules_for_types');
const RULES_BY_KIND = sql('rules_by_kind');
const STATES = sql('rule_states_for_devices');
const STATES_UPSERT = sql('rule_states_upsert');
const FIRE = sql('alert_fire');
const CHANGE = sql('alert_change');
const CLEAR = sql('alert_clear');
const HOLD = sql('alerts_hold');
const CLEAR_SILENT = sql('alerts_clear_silent');
const FIRE_SILENT = sql('alerts_fire_silent');
const ESCALATE = sql('alerts_escalate');
const AGGREGATE = sql('aggregate_values');
const CLAIM = sql('rule_run_claim');

export interface RuleRow {
  id: number;
  code: string;
  device_type: string;
  kind: 'reading' | 'silence' | 'aggregate';
  definition: unknown;
}

type Ids = { id: number }[];
const ids = (rows: Ids) => rows.map((r) => r.id);

export const findRulesForTypes = (db: Queryable, types: readonly string[]) =>
  queryRows<RuleRow>(db, RULES_FOR_TYPES, [types], 'loading alert rules');

export const findRulesByKind = (db: Queryable, kind: RuleRow['kind']) =>
  queryRows<RuleRow>(db, RULES_BY_KIND, [kind], 'loading alert rules');

export const findRuleStates = (db: Queryable, deviceIds: readonly number[]) =>
  queryRows<{ rule_id: number; device_id: number; state: unknown }>(
    db,
    STATES,
    [deviceIds],
    'loading rule states',
  );

export async function saveRuleStates(
  db: Queryable,
  states: readonly { ruleId: number; deviceId: number; state: unknown }[],
): Promise<void> {
  if (states.length === 0) return;
  await queryRows(
    db,
    STATES_UPSERT,
    [states.map((s) => s.ruleId), states.map((s) => s.deviceId), states.map((s) => JSON.stringify(s.state))],
    'saving rule states',
  );
}

export interface TransitionKey {
  ruleId: number;
  deviceId: number;
}

export const fireAlert = async (
  db: Queryable,
  k: TransitionKey,
  severity: string,
  reading: { metricId: number | null; ts: Date | null; value: number | null },
  details: Record<string, unknown>,
  recordedAt: Date | null = null,
) =>
  ids(
    await queryRows<{ id: number }>(
      db,
      FIRE,
      [
        k.ruleId,
        k.deviceId,
        severity,
        reading.metricId,
        reading.ts,
        reading.value,
        JSON.stringify(details),
        recordedAt,
      ],
      'raising an alert',
    ),
  );

export const changeAlert = async (
  db: Queryable,
  k: TransitionKey,
  severity: string,
  ts: Date,
  value: number,
  recordedAt: Date | null = null,
) =>
  ids(
    await queryRows<{ id: number }>(
      db,
      CHANGE,
      [k.ruleId, k.deviceId, severity, ts, value, recordedAt],
      'updating an alert',
    ),
  );

export const clearAlert = async (
  db: Queryable,
  k: TransitionKey,
  ts: Date | null,
  value: number | null,
  comment: string | null,
  recordedAt: Date | null = null,
) =>
  ids(
    await queryRows<{ id: number }>(
      db,
      CLEAR,
      [k.ruleId, k.deviceId, ts, value, comment, recordedAt],
      'clearing an alert',
    ),
  );

export async function holdAlerts(
  db: Queryable,
  holds: readonly (TransitionKey & { ts: Date; value: number })[],
): Promise<void> {
  if (holds.length === 0) return;
  await queryRows(
    db,
    HOLD,
    [
      holds.map((h) => h.ruleId),
      holds.map((h) => h.deviceId),
      holds.map((h) => h.ts),
      holds.map((h) => h.value),
    ],
    'refreshing open alerts',
  );
}

export const clearSilentAlerts = async (db: Queryable, deviceIds: readonly number[]) =>
  ids(await queryRows<{ id: number }>(db, CLEAR_SILENT, [deviceIds], 'clearing no-data alerts'));

export const fireSilentAlerts = async (db: Queryable) =>
  ids(await queryRows<{ id: number }>(db, FIRE_SILENT, [], 'raising no-data alerts'));

export const escalateAlerts = async (db: Queryable) =>
  ids(await queryRows<{ id: number }>(db, ESCALATE, [], 'escalating unacknowledged alerts'));

export const aggregateValues = (
  db: Queryable,
  deviceType: string,
  metric: string,
  from: Date,
  to: Date,
  aggregate: string,
) =>
  queryRows<{ device_id: number; value: number }>(
    db,
    AGGREGATE,
    [deviceType, metric, from, to, aggregate],
    'computing a monthly figure',
  );

export const claimRuleRun = async (db: Queryable, ruleId: number, period: string) =>
  (await queryRows(db, CLAIM, [ruleId, period], 'claiming a scheduled rule run')).length === 1;
