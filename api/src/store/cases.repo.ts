// Cases, their events, categories, the calendar, suggestions (units, patrol officers, duplicates), KPIs and
// attachments as rows. Every value is bound; the area and scope go through cases_in_area().
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../access/principal.ts';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import { areaParams, type ResolvedArea } from './area-params.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const sql = (name: string, planEachTime = false) => loadSql(SQL_DIR, name, { planEachTime });
const CATEGORIES = sql('case_categories');
const CALENDAR = sql('calendar_days');
const LOCATE = sql('case_locate');
const ASSET_LOCATION = sql('case_asset_location');
const ALERT_SOURCE = sql('case_alert_source');
const INSERT = sql('case_insert');
const FOR_UPDATE = sql('case_for_update');
const UPDATE = sql('case_update');
const EVENT_INSERT = sql('case_event_insert');
const EVENTS_BY_CASES = sql('case_events_by_cases');
const EVENTS_BY_IDS = sql('case_events_by_ids');
const BY_IDS = sql('cases_by_ids');
const BY_ALERTS = sql('cases_by_alerts');
const PAGE = sql('cases_page', true);
const COUNT = sql('cases_count', true);
const UNITS = sql('case_unit_suggestions');
const PATROL = sql('case_patrol_nearest');
const DUPLICATES = sql('case_duplicates');
const SUPERVISE = sql('cases_supervise_overdue');
const BY_TRACKING = sql('case_by_tracking');
const TRACKING_LIST = sql('cases_by_tracking_list');
const KPIS = sql('case_kpis', true);
const ATTACHMENT_INSERT = sql('attachment_insert');
const ATTACHMENTS_KNOWN = sql('attachments_known');
const ATTACHMENTS_VISIBLE = sql('attachments_visible');

export interface CategoryRow {
  code: string;
  kind: 'component' | 'event';
  name_zh: string;
  name_en: string;
  unit_kinds: string[];
  device_types: string[];
  /** The asset kinds the category is about; a report from an asset's plate must name one that fits it. */
  asset_kinds: string[];
  natural_time: boolean;
  requires_evidence: boolean;
  citizen: boolean;
  deadlines: Record<'normal' | 'urgent', Record<string, number>>;
}

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

export interface CaseEventRow {
  id: number;
  case_id: number;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  actor_role: string;
  comment: string | null;
  attachments: string[];
  data: Record<string, unknown>;
}

/** A case event as live subscribers get it. */
export interface CaseLiveEventRow extends CaseEventRow {
  tracking_no: string;
  case_state: string;
  category_code: string;
  district_code: string;
  street_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  unit_code: string | null;
  escalation_level: number;
  lon: number;
  lat: number;
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

export interface CaseEventInsert {
  caseId: number;
  at: Date;
  action: string;
  from: string | null;
  to: string;
  actor: string;
  actorRole: string;
  comment: string | null;
  attachments: readonly string[];
  data: Record<string, unknown>;
}

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

export interface UnitSuggestionRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  phone: string | null;
}

export interface PatrolOfficerRow {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  district_code: string;
  street_code: string | null;
  distance_m: number;
}

export interface KpiRow {
  key: string | null;
  name: string | null;
  due: number;
  closed: number;
  closed_on_time: number;
  handled: number;
  reworked: number;
  reported: number;
  open: number;
  overdue: number;
  stage_minutes: Record<string, number>;
}

export interface PublicCaseRow {
  id: number;
  tracking_no: string;
  state: string;
  source: string;
  category_code: string;
  name_zh: string;
  name_en: string;
  description: string;
  address: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  stage_due_at: Date | null;
  merged_into: number | null;
  lon: number;
  lat: number;
  events: { at: string; action: string; state: string }[];
}

export interface RequestListRow {
  id: number;
  tracking_no: string;
  state: string;
  category_code: string;
  name_zh: string;
  description: string;
  address: string | null;
  created_at: Date;
  updated_at: Date;
  stage_due_at: Date | null;
  unit_code: string | null;
  unit_name: string | null;
  /** The asset the case is about (its code is the Open311 address_id). */
  asset_code: string | null;
  lon: number;
  lat: number;
  status_notes: string | null;
  /** The link the reporter sent with the report (Open311 media_url). */
  media_url: string | null;
}

/** Who is asking, for the case queries: the area scope and, for a unit handler, their unit. */
export interface CaseViewer {
  scope: AccessScope;
  unitCode: string | null;
}

const viewerParams = (v: CaseViewer) => [scopeCode(v.scope), v.unitCode];

export const findCategories = (db: Queryable) =>
  queryRows<CategoryRow>(db, CATEGORIES, [], 'loading case categories');

export const findCalendarDays = (db: Queryable) =>
  queryRows<{ day: string; kind: 'holiday' | 'workday' }>(db, CALENDAR, [], 'loading the working calendar');

export async function locatePoint(db: Queryable, lon: number, lat: number): Promise<AreaCodes> {
  return (await queryRows<AreaCodes>(db, LOCATE, [lon, lat], 'finding the area of a case'))[0]!;
}

export async function findAssetLocation(
  db: Queryable,
  scope: AccessScope,
  ref: { code: string | null; id: number | null },
) {
  const rows = await queryRows<{
    id: number;
    code: string;
    kind: string;
    name: string;
    lon: number;
    lat: number;
  }>(db, ASSET_LOCATION, [ref.code, ref.id, scopeCode(scope)], 'locating the asset of a case');
  return rows[0] ?? null;
}

export interface AlertSourceRow {
  id: number;
  asset_id: number;
  severity: string;
  trigger_value: number | null;
  trigger_ts: Date | null;
  started_at: Date;
  cleared_at: Date | null;
  device_code: string;
  device_type: string;
  device_name: string;
  lon: number;
  lat: number;
  rule_code: string;
  rule_name: string;
  asset_code: string;
  asset_name: string;
  open_case: string | null;
}

export async function findAlertSource(db: Queryable, scope: AccessScope, alertId: number) {
  const rows = await queryRows<AlertSourceRow>(
    db,
    ALERT_SOURCE,
    [alertId, scopeCode(scope)],
    'loading the alert of a case',
  );
  return rows[0] ?? null;
}

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

export async function insertCaseEvent(db: Queryable, e: CaseEventInsert): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    EVENT_INSERT,
    [
      e.caseId,
      e.at,
      e.action,
      e.from,
      e.to,
      e.actor,
      e.actorRole,
      e.comment,
      e.attachments,
      JSON.stringify(e.data),
    ],
    'recording a case event',
  );
  return Number(rows[0]!.id);
}

export const findCaseEvents = (db: Queryable, caseIds: readonly number[]) =>
  queryRows<CaseEventRow>(db, EVENTS_BY_CASES, [caseIds], 'loading case histories');

export const findCaseLiveEvents = (db: Queryable, ids: readonly number[]) =>
  queryRows<CaseLiveEventRow>(db, EVENTS_BY_IDS, [ids], 'loading case events');

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

export const findUnitSuggestions = (db: Queryable, lon: number, lat: number, category: string) =>
  queryRows<UnitSuggestionRow>(db, UNITS, [lon, lat, category], 'suggesting units');

export const findNearestPatrolOfficers = (
  db: Queryable,
  scope: AccessScope,
  lon: number,
  lat: number,
  k: number,
) =>
  queryRows<PatrolOfficerRow>(
    db,
    PATROL,
    [lon, lat, k, scopeCode(scope)],
    'finding the nearest patrol officers',
  );

export const findDuplicateCandidates = (
  db: Queryable,
  scope: AccessScope,
  p: { lon: number; lat: number; category: string; radiusM: number; except: number | null },
) =>
  queryRows<CaseRow & { distance_m: number }>(
    db,
    DUPLICATES,
    [p.lon, p.lat, p.category, p.radiusM, p.except, scopeCode(scope)],
    'looking for duplicate cases',
  );

export const superviseOverdueRows = (db: Queryable, now: Date) =>
  queryRows<{ id: number; state: string; escalation_level: number; stage_due_at: Date }>(
    db,
    SUPERVISE,
    [now],
    'marking overdue cases',
  );

export async function findPublicCase(db: Queryable, trackingNo: string): Promise<PublicCaseRow | null> {
  return (
    (await queryRows<PublicCaseRow>(db, BY_TRACKING, [trackingNo], 'loading a case by tracking number'))[0] ??
    null
  );
}

export const findRequests = (
  db: Queryable,
  f: {
    trackingNos: string[] | null;
    categories: string[] | null;
    statuses: ('open' | 'closed')[] | null;
    from: Date | null;
    to: Date | null;
    limit: number;
  },
) =>
  queryRows<RequestListRow>(
    db,
    TRACKING_LIST,
    [f.trackingNos, f.categories, f.statuses, f.from, f.to, f.limit],
    'listing service requests',
  );

export const findCaseKpis = (
  db: Queryable,
  viewer: CaseViewer,
  area: ResolvedArea,
  from: Date,
  to: Date,
  groupBy: string,
  now: Date,
) =>
  queryRows<KpiRow>(
    db,
    KPIS,
    [...areaParams(area), ...viewerParams(viewer), from, to, groupBy, now],
    'computing case KPIs',
  );

/** Who uploads or asks for an attachment, as the audit log names actors (users and tokens by id). */
export interface AttachmentActor {
  kind: Actor['kind'];
  id: number | null;
  name: string;
}

export async function insertAttachment(
  db: Queryable,
  a: { hash: string; mime: string; size: number; uploader: AttachmentActor },
): Promise<void> {
  const { kind, id, name } = a.uploader;
  await queryRows(
    db,
    ATTACHMENT_INSERT,
    [a.hash, a.mime, a.size, name, kind, kind === 'user' || kind === 'token' ? id : null],
    'recording an attachment',
  );
}

/** Which of the hashes are stored, whoever uploaded them (for the server's own actors only). */
export async function findKnownAttachments(db: Queryable, hashes: readonly string[]): Promise<Set<string>> {
  const rows = await queryRows<{ hash: string }>(db, ATTACHMENTS_KNOWN, [hashes], 'checking attachments');
  return new Set(rows.map((r) => r.hash));
}

export interface AttachmentRow {
  hash: string;
  mime: string;
  size_bytes: number;
}

/**
 * The attachments among `hashes` the caller may see, fetch and cite: those they uploaded (a user or token,
 * by id), or those on a case the viewer sees (their scope and unit).
 */
export async function findVisibleAttachments(
  db: Queryable,
  viewer: CaseViewer,
  caller: Pick<AttachmentActor, 'kind' | 'id'>,
  hashes: readonly string[],
): Promise<AttachmentRow[]> {
  const byId = caller.kind === 'user' || caller.kind === 'token' ? caller.id : null;
  return queryRows<AttachmentRow>(
    db,
    ATTACHMENTS_VISIBLE,
    [hashes, ...viewerParams(viewer), caller.kind, byId],
    'loading attachments',
  );
}
