// Cases as rows: filing, locking and updating one under its version, and the lists a viewer sees (by ids, by
// alert, a filtered page and its count, the overdue ones to urge). The area and scope go through cases_in_area().
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import { areaParams, type ResolvedArea } from './area-params.ts';
import type { CategoryRow } from './case-categories.repo.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/cases', import.meta.url));
const sql = (name: string, planEachTime = false) => loadSql(SQL_DIR, name, { planEachTime });
const INSERT = sql('case_insert');
const FOR_UPDATE = sql('case_for_update');
const UPDATE = sql('case_update');
const BY_IDS = sql('cases_by_ids');
const BY_ALERTS = sql('cases_by_alerts');
const PAGE = sql('cases_page', true);
const COUNT = sql('cases_count', true);
const SUPERVISE = sql('cases_supervise_overdue');

export interface CaseRow {
  id: number;
  tracking_no: string;
  version: number;
  state: string;
  source: string;
  category_code: string;
  urgency: 'normal' | 'urgent';
  description: string;
  address: string | null;
  lon: number;
  lat: number;
  district_code: string;
  street_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  asset_id: number | null;
  alert_id: number | null;
  unit_code: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  stage_started_at: Date;
  stage_due_at: Date | null;
  due_at: Date | null;
  suspended_from: string | null;
  suspended_stage_min: number | null;
  suspended_due_min: number | null;
  escalation_level: number;
  escalated_at: Date | null;
  stage_escalated: boolean;
  rework_count: number;
  extension_pending: { minutes: number; by: string; comment: string } | null;
  handled_by: string | null;
  closed_at: Date | null;
  merged_into: number | null;
}

export interface LockedCaseRow extends CaseRow {
  requires_evidence: boolean;
  natural_time: boolean;
  deadlines: CategoryRow['deadlines'];
}

export interface AreaCodes {
  district_code: string | null;
  street_code: string | null;
  community_code: string | null;
  grid_code: string | null;
}

export interface CaseInsert {
  trackingNo: string;
  state: string;
  source: string;
  categoryCode: string;
  urgency: string;
  description: string;
  address: string | null;
  lon: number;
  lat: number;
  area: AreaCodes;
  assetId: number | null;
  alertId: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  createdBy: string;
  at: Date;
  stageDueAt: Date | null;
}

/** The columns a transition writes (see case_update.sql). */
export type CaseChange = Pick<
  CaseRow,
  | 'state'
  | 'unit_code'
  | 'stage_started_at'
  | 'stage_due_at'
  | 'due_at'
  | 'suspended_from'
  | 'suspended_stage_min'
  | 'suspended_due_min'
  | 'escalation_level'
  | 'escalated_at'
  | 'stage_escalated'
  | 'rework_count'
  | 'extension_pending'
  | 'handled_by'
  | 'closed_at'
  | 'merged_into'
  | 'urgency'
>;

export interface CaseFilter {
  area: ResolvedArea;
  states: string[] | null;
  categories: string[] | null;
  sources: string[] | null;
  overdueOnly: boolean;
  unitCode: string | null;
  text: string | null;
  order: 'due' | 'new';
}

/** Who is asking, for the case queries: the area scope and, for a unit handler, their unit. */
export interface CaseViewer {
  scope: AccessScope;
  unitCode: string | null;
}

/** The bound values of a viewer, in the order the case statements take them. */
export const viewerParams = (v: CaseViewer) => [scopeCode(v.scope), v.unitCode];

export async function insertCase(db: Queryable, c: CaseInsert): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    INSERT,
    [
      c.trackingNo,
      c.state,
      c.source,
      c.categoryCode,
      c.urgency,
      c.description,
      c.address,
      c.lon,
      c.lat,
      c.area.district_code,
      c.area.street_code,
      c.area.community_code,
      c.area.grid_code,
      c.assetId,
      c.alertId,
      c.reporterName,
      c.reporterPhone,
      c.createdBy,
      c.at,
      c.stageDueAt,
    ],
    'creating a case',
  );
  return Number(rows[0]!.id);
}

export async function lockCase(db: Queryable, viewer: CaseViewer, id: number): Promise<LockedCaseRow | null> {
  const rows = await queryRows<LockedCaseRow>(
    db,
    FOR_UPDATE,
    [id, ...viewerParams(viewer)],
    'locking a case',
  );
  return rows[0] ?? null;
}

/** Writes a transition if the case is still at `version`; returns the new version, or null after a race. */
export async function updateCase(
  db: Queryable,
  id: number,
  version: number,
  at: Date,
  c: CaseChange,
): Promise<number | null> {
  const rows = await queryRows<{ version: number }>(
    db,
    UPDATE,
    [
      id,
      version,
      at,
      c.state,
      c.unit_code,
      c.stage_started_at,
      c.stage_due_at,
      c.due_at,
      c.suspended_from,
      c.suspended_stage_min,
      c.suspended_due_min,
      c.escalation_level,
      c.escalated_at,
      c.stage_escalated,
      c.rework_count,
      c.extension_pending === null ? null : JSON.stringify(c.extension_pending),
      c.handled_by,
      c.closed_at,
      c.merged_into,
      c.urgency,
    ],
    'saving a case transition',
  );
  return rows[0]?.version ?? null;
}

export const findCasesByIds = (db: Queryable, viewer: CaseViewer, ids: readonly number[]) =>
  queryRows<CaseRow>(db, BY_IDS, [ids, ...viewerParams(viewer)], 'loading cases');

/** Case ids by the alert they were opened from. */
export const findCaseIdsByAlerts = (db: Queryable, alertIds: readonly number[]) =>
  queryRows<{ alert_id: number; id: number }>(db, BY_ALERTS, [alertIds], 'finding the cases of alerts');

const filterParams = (viewer: CaseViewer, f: CaseFilter, now: Date) => [
  ...areaParams(f.area),
  ...viewerParams(viewer),
  f.states,
  f.categories,
  f.sources,
  f.overdueOnly,
  f.unitCode,
  f.text,
  now,
];

export const findCasesPage = (
  db: Queryable,
  viewer: CaseViewer,
  filter: CaseFilter,
  now: Date,
  after: { key: number; id: number } | null,
  limit: number,
) =>
  queryRows<CaseRow & { sort_key: number }>(
    db,
    PAGE,
    [...filterParams(viewer, filter, now), after?.key ?? null, after?.id ?? null, limit, filter.order],
    'listing cases',
  );

export const countCases = async (db: Queryable, viewer: CaseViewer, filter: CaseFilter, now: Date) =>
  (await queryRows<{ n: number }>(db, COUNT, filterParams(viewer, filter, now), 'counting cases'))[0]!.n;

export const superviseOverdueRows = (db: Queryable, now: Date) =>
  queryRows<{ id: number; state: string; escalation_level: number; stage_due_at: Date }>(
    db,
    SUPERVISE,
    [now],
    'marking overdue cases',
  );
