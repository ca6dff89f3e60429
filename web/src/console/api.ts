// What the console reads and changes through GraphQL: alerts, cases, categories and KPIs, with their types.
import { GraphQLError, gql } from '../data/graphql.ts';

export const CASE_STATES = [
  'REPORTED',
  'ACCEPTED',
  'REGISTERED',
  'DISPATCHED',
  'HANDLING',
  'HANDLED',
  'VERIFIED',
  'CLOSED',
  'REJECTED',
  'SUSPENDED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter(
  (s) => s !== 'CLOSED' && s !== 'REJECTED',
);
export const CASE_SOURCES = ['ALERT', 'CITIZEN', 'HOTLINE', 'PATROL', 'OPEN311'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export type CaseAction =
  | 'ACCEPT'
  | 'REJECT'
  | 'MERGE'
  | 'REGISTER'
  | 'DISPATCH'
  | 'START'
  | 'REPORT_HANDLED'
  | 'VERIFY_PASS'
  | 'VERIFY_FAIL'
  | 'CLOSE'
  | 'REQUEST_EXTENSION'
  | 'APPROVE_EXTENSION'
  | 'DENY_EXTENSION'
  | 'SUSPEND'
  | 'RESUME'
  | 'SUPERVISE';
export type Severity = 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';

export interface CaseRow {
  id: string;
  trackingNo: string;
  version: number;
  state: CaseState;
  source: CaseSource;
  urgency: 'NORMAL' | 'URGENT';
  category: { code: string; name: string; nameEn: string; requiresEvidence: boolean };
  description: string;
  address: string | null;
  unitCode: string | null;
  unitName: string | null;
  createdAt: string;
  stageStartedAt: string;
  stageDueAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  reworkCount: number;
}

export interface CaseEvent {
  id: string;
  at: string;
  action: string;
  fromState: CaseState | null;
  toState: CaseState;
  actor: string;
  comment: string | null;
  attachments: { id: string; url: string }[];
  data: Record<string, unknown>;
}

export interface CaseRef {
  id: string;
  trackingNo: string;
  state: CaseState;
  description: string;
}

export interface CaseDetail extends CaseRow {
  districtCode: string;
  location: { type: 'Point'; coordinates: [number, number] };
  reporterName: string | null;
  reporterPhone: string | null;
  closedAt: string | null;
  extensionPending: { minutes?: number; comment?: string; by?: string } | null;
  handledBy: string | null;
  mergedInto: { trackingNo: string } | null;
  allowedActions: CaseAction[];
  asset: { code: string; name: string; kind: string } | null;
  alert: {
    id: string;
    severity: Severity;
    state: string;
    startedAt: string;
    lastValue: number | null;
    rule: { name: string; nameEn: string };
    device: { code: string } | null;
  } | null;
  events: CaseEvent[];
  suggestedUnits: { code: string; name: string; kind: string; phone: string | null }[];
  nearestPatrolOfficers: { code: string; name: string; phone: string | null; distanceM: number }[];
  duplicateCandidates: { distanceM: number; case: CaseRef }[];
}

export interface AlertRow {
  id: string;
  severity: Severity;
  state: 'ACTIVE_UNACKNOWLEDGED' | 'ACTIVE_ACKNOWLEDGED';
  acknowledged: boolean;
  acknowledgeComment: string | null;
  escalationLevel: number;
  startedAt: string;
  lastValue: number | null;
  rule: { name: string; nameEn: string };
  device: { code: string; typeName: string; typeNameEn: string } | null;
  asset: { code: string; name: string } | null;
}

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  requiresEvidence: boolean;
}

export interface Kpi {
  due: number;
  closed: number;
  closedOnTime: number;
  handled: number;
  reworked: number;
  open: number;
  overdue: number;
  closureRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
}

const CASE_ROW = `id trackingNo version state source urgency description address unitCode unitName createdAt
  stageStartedAt stageDueAt dueAt overdue escalationLevel reworkCount
  category { code name nameEn requiresEvidence }`;
const CASE_REF = 'id trackingNo state description';
const CASE_DETAIL = `${CASE_ROW} districtCode location reporterName reporterPhone closedAt extensionPending handledBy
  mergedInto { trackingNo } allowedActions
  asset { code name kind }
  alert { id severity state startedAt lastValue rule { name nameEn } device { code } }
  events { id at action fromState toState actor comment attachments { id url } data }
  suggestedUnits { code name kind phone }
  nearestPatrolOfficers(first: 3) { code name phone distanceM }
  duplicateCandidates { distanceM case { ${CASE_REF} } }`;
const ALERT_ROW = `id severity state acknowledged acknowledgeComment escalationLevel startedAt lastValue
  rule { name nameEn } device { code typeName typeNameEn } asset { code name }`;

export interface CaseFilter {
  states?: readonly CaseState[];
  categories?: string[];
  sources?: CaseSource[];
  overdue?: boolean;
  text?: string;
}

export async function fetchCases(filter: CaseFilter, signal?: AbortSignal) {
  const data = await gql<{ cases: { totalCount: number; edges: { node: CaseRow }[] } }>(
    `query ConsoleCases($filter: CaseFilter) {
      cases(filter: $filter, first: 100) { totalCount edges { node { ${CASE_ROW} } } }
    }`,
    { filter },
    signal,
  );
  return { total: data.cases.totalCount, rows: data.cases.edges.map((e) => e.node) };
}

/** One case; NOT_FOUND when there is none the viewer may see (another unit's or area's reads the same). */
export async function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  const data = await gql<{ node: CaseDetail | null }>(
    `query ConsoleCase($id: ID!) { node(id: $id) { ... on Case { ${CASE_DETAIL} } } }`,
    { id },
    signal,
  );
  if (data.node && 'trackingNo' in data.node) return data.node;
  throw new GraphQLError('NOT_FOUND', `case ${id} does not exist or is not visible to you`);
}

/** The list fields of one case (to refresh a row after a live event). */
export async function fetchCaseRow(id: string, signal?: AbortSignal): Promise<CaseRow | null> {
  const data = await gql<{ node: CaseRow | null }>(
    `query ConsoleCaseRow($id: ID!) { node(id: $id) { ... on Case { ${CASE_ROW} } } }`,
    { id },
    signal,
  );
  return data.node && 'trackingNo' in data.node ? data.node : null;
}

export interface TransitionInput {
  id: string;
  action: CaseAction;
  version: number;
  comment?: string | null;
  unitCode?: string | null;
  attachments?: string[];
  extensionMinutes?: number | null;
  mergeInto?: string | null;
}

export async function transitionCase(input: TransitionInput): Promise<CaseDetail> {
  const data = await gql<{ transitionCase: CaseDetail }>(
    `mutation ConsoleTransition($id: ID!, $action: CaseAction!, $version: Int!, $comment: String,
      $unitCode: String, $attachments: [String!], $extensionMinutes: Int, $mergeInto: ID) {
      transitionCase(id: $id, action: $action, version: $version, comment: $comment, unitCode: $unitCode,
        attachments: $attachments, extensionMinutes: $extensionMinutes, mergeInto: $mergeInto) { ${CASE_DETAIL} }
    }`,
    { ...input },
  );
  return data.transitionCase;
}

export interface NewCase {
  source: CaseSource;
  alertId?: string;
  category?: string;
  urgency?: 'NORMAL' | 'URGENT';
  description: string;
  assetCode?: string;
  location?: { lon: number; lat: number };
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
}

export async function createCase(input: NewCase) {
  const data = await gql<{
    createCase: { case: CaseDetail; duplicates: { distanceM: number; case: CaseRef }[] };
  }>(
    `mutation ConsoleCreateCase($input: CreateCaseInput!) {
      createCase(input: $input) { case { ${CASE_DETAIL} } duplicates { distanceM case { ${CASE_REF} } } }
    }`,
    { input },
  );
  return data.createCase;
}

export async function fetchCategories(signal?: AbortSignal): Promise<Category[]> {
  const data = await gql<{ caseCategories: Category[] }>(
    '{ caseCategories { code name nameEn kind requiresEvidence } }',
    {},
    signal,
  );
  return data.caseCategories;
}

export async function fetchKpi(from: Date, to: Date, signal?: AbortSignal): Promise<Kpi | null> {
  const data = await gql<{ caseKpis: Kpi[] }>(
    `query ConsoleKpis($from: DateTime!, $to: DateTime!) {
      caseKpis(from: $from, to: $to) {
        due closed closedOnTime handled reworked open overdue closureRate onTimeRate reworkRate
      }
    }`,
    { from: from.toISOString(), to: to.toISOString() },
    signal,
  );
  return data.caseKpis[0] ?? null;
}

export async function fetchActiveAlerts(signal?: AbortSignal) {
  const data = await gql<{ alerts: { totalCount: number; edges: { node: AlertRow }[] } }>(
    `{ alerts(filter: { states: [ACTIVE_UNACKNOWLEDGED, ACTIVE_ACKNOWLEDGED] }, first: 100) {
        totalCount edges { node { ${ALERT_ROW} } }
    } }`,
    {},
    signal,
  );
  return { total: data.alerts.totalCount, rows: data.alerts.edges.map((e) => e.node) };
}

export async function acknowledgeAlert(id: string, comment: string): Promise<AlertRow> {
  const data = await gql<{ acknowledgeAlert: AlertRow }>(
    `mutation ConsoleAck($id: ID!, $comment: String!) { acknowledgeAlert(id: $id, comment: $comment) { ${ALERT_ROW} } }`,
    { id, comment },
  );
  return data.acknowledgeAlert;
}

export async function escalateAlert(id: string, comment: string): Promise<AlertRow> {
  const data = await gql<{ escalateAlert: AlertRow }>(
    `mutation ConsoleEscalate($id: ID!, $comment: String!) { escalateAlert(id: $id, comment: $comment) { ${ALERT_ROW} } }`,
    { id, comment },
  );
  return data.escalateAlert;
}

export const ALERT_EVENTS =
  'subscription ConsoleAlertEvents { alertEvents { id kind severity at alert { id } } }';
export interface AlertLiveEvent {
  alertEvents: { id: string; kind: string; severity: Severity; at: string; alert: { id: string } | null };
}
export const CASE_EVENTS =
  'subscription ConsoleCaseEvents { caseEvents { id action trackingNo toState case { id } } }';
export interface CaseLiveEvent {
  caseEvents: {
    id: string;
    action: string;
    trackingNo: string;
    toState: CaseState;
    case: { id: string } | null;
  };
}
