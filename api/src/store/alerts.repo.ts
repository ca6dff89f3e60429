// Alerts as the API reads them, their history, acknowledgement, roll-ups, and the rules table.
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import { areaParams, type ResolvedArea } from './area-params.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/alerts', import.meta.url));
const sql = (name: string, planEachTime = false) => loadSql(SQL_DIR, name, { planEachTime });
const EVENTS_BY_IDS = sql('alert_events_by_ids');
const PAGE = sql('alerts_page', true);
const COUNT = sql('alerts_count', true);
const BY_IDS = sql('alerts_by_ids');
const HISTORY = sql('alert_history');
const ACK = sql('alert_acknowledge');
const ESCALATE = sql('alert_escalate_manual');
const ASSET_SEVERITY = sql('asset_alert_severity');
const RULES = sql('rules_list');
const RULE_FOR_UPDATE = sql('rule_by_id');
const RULE_INSERT = sql('rule_insert');
const RULE_UPDATE = sql('rule_update');
const RULE_RESET = sql('rule_reset');

/** An alert event as live subscribers get it: the history entry plus what their filters need. */
export interface AlertEventRow extends AlertHistoryRow {
  rule_id: number;
  device_id: number;
  asset_id: number;
  device_type: string;
  district_code: string;
  street_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  lon: number;
  lat: number;
}

export interface AlertRow {
  id: number;
  rule_id: number;
  rule_code: string;
  device_id: number;
  asset_id: number;
  severity: string;
  peak_severity: string;
  started_at: Date;
  created_at: Date;
  updated_at: Date;
  cleared_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  ack_comment: string | null;
  escalated_at: Date | null;
  escalation_level: number;
  metric_id: number | null;
  trigger_ts: Date | null;
  trigger_value: number | null;
  last_ts: Date | null;
  last_value: number | null;
  details: Record<string, unknown>;
}

export interface AlertHistoryRow {
  id: number;
  alert_id: number;
  kind: string;
  at: Date;
  severity: string;
  previous_severity: string | null;
  value: number | null;
  actor: string;
  comment: string | null;
}

export interface AlertFilter {
  area: ResolvedArea;
  states: string[] | null;
  severities: string[] | null;
  deviceTypes: string[] | null;
  from: Date | null;
  to: Date | null;
  assetCode: string | null;
}

export interface RuleFullRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  device_type: string;
  kind: string;
  definition: unknown;
  escalate_after_s: number | null;
  citation: string;
  enabled: boolean;
  version: number;
  updated_at: Date;
  updated_by: string;
}

const filterParams = (scope: AccessScope, f: AlertFilter) => [
  ...areaParams(f.area),
  scopeCode(scope),
  f.states,
  f.severities,
  f.deviceTypes,
  f.from,
  f.to,
  f.assetCode,
];

export const findAlertEventsByIds = (db: Queryable, ids: readonly number[]) =>
  queryRows<AlertEventRow>(db, EVENTS_BY_IDS, [ids], 'loading alert events');

export const findAlertsPage = (
  db: Queryable,
  scope: AccessScope,
  filter: AlertFilter,
  after: { startedAt: Date; id: number } | null,
  limit: number,
) =>
  queryRows<AlertRow>(
    db,
    PAGE,
    [...filterParams(scope, filter), after?.startedAt ?? null, after?.id ?? null, limit],
    'listing alerts',
  );

export const countAlerts = async (db: Queryable, scope: AccessScope, filter: AlertFilter) =>
  (await queryRows<{ n: number }>(db, COUNT, filterParams(scope, filter), 'counting alerts'))[0]!.n;

export const findAlertsByIds = (db: Queryable, scope: AccessScope, ids: readonly number[]) =>
  queryRows<AlertRow>(db, BY_IDS, [ids, scopeCode(scope)], 'loading alerts');

export const findAlertHistory = (db: Queryable, alertIds: readonly number[]) =>
  queryRows<AlertHistoryRow>(db, HISTORY, [alertIds], 'loading alert history');

export async function acknowledgeAlertRow(
  db: Queryable,
  scope: AccessScope,
  alertId: number,
  actor: string,
  comment: string,
): Promise<{ id: number; already: boolean; event_id: number | null } | null> {
  const [row] = await queryRows<{ id: number; already: boolean; event_id: number | null }>(
    db,
    ACK,
    [alertId, actor, comment, scopeCode(scope)],
    'acknowledging an alert',
  );
  return row ?? null;
}

export async function escalateAlertRow(
  db: Queryable,
  scope: AccessScope,
  alertId: number,
  actor: string,
  comment: string,
): Promise<{ id: number; level_before: number; cleared: boolean; event_id: number | null } | null> {
  const [row] = await queryRows<{
    id: number;
    level_before: number;
    cleared: boolean;
    event_id: number | null;
  }>(db, ESCALATE, [alertId, actor, comment, scopeCode(scope)], 'escalating an alert');
  return row ?? null;
}

export const findAssetAlertSeverity = (db: Queryable, assetIds: readonly number[]) =>
  queryRows<{ asset_id: number; severity: string; open_alerts: number }>(
    db,
    ASSET_SEVERITY,
    [assetIds],
    'loading asset alert severity',
  );

export const listRules = (db: Queryable) => queryRows<RuleFullRow>(db, RULES, [], 'listing alert rules');

export const findRuleForUpdate = async (db: Queryable, id: number) =>
  (await queryRows<RuleFullRow>(db, RULE_FOR_UPDATE, [id], 'loading an alert rule'))[0] ?? null;

export interface RuleInsert {
  code: string;
  nameZh: string;
  nameEn: string;
  deviceType: string;
  kind: string;
  definition: unknown;
  escalateAfterS: number | null;
  citation: string;
  enabled: boolean;
}

export const insertRule = async (db: Queryable, r: RuleInsert, actor: string) =>
  (
    await queryRows<RuleFullRow>(
      db,
      RULE_INSERT,
      [
        r.code,
        r.nameZh,
        r.nameEn,
        r.deviceType,
        r.kind,
        JSON.stringify(r.definition),
        r.escalateAfterS,
        r.citation,
        r.enabled,
        actor,
      ],
      'creating an alert rule',
    )
  )[0] ?? null;

export const updateRule = async (
  db: Queryable,
  before: RuleFullRow,
  after: Omit<RuleInsert, 'code' | 'deviceType' | 'kind'>,
  actor: string,
) =>
  (
    await queryRows<RuleFullRow>(
      db,
      RULE_UPDATE,
      [
        before.id,
        before.version,
        after.nameZh,
        after.nameEn,
        JSON.stringify(after.definition),
        after.escalateAfterS,
        after.citation,
        after.enabled,
        actor,
      ],
      'changing an alert rule',
    )
  )[0] ?? null;

export const resetRule = async (db: Queryable, id: number, comment: string) =>
  (await queryRows<{ id: number }>(db, RULE_RESET, [id, comment], 'resetting an alert rule')).map(
    (r) => r.id,
  );
