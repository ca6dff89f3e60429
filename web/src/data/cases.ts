// The duty console's cases over GraphQL: the list, one case, its workflow steps, filing a new one, the
// categories, the KPIs and the live case events. Answer types pick their fields from the generated schema types.

import type {
  Alert,
  AlertRule,
  Asset,
  Attachment,
  Case,
  CaseCategory,
  CaseDuplicate,
  CaseKpi,
  CaseState,
  CreateCaseInput,
  Device,
  MutationTransitionCaseArgs,
  PatrolOfficer,
  CaseEvent as SchemaCaseEvent,
  CaseFilter as SchemaCaseFilter,
  CaseLiveEvent as SchemaCaseLiveEvent,
  UnitSuggestion,
} from './generated/graphql.ts';
import { gql } from './graphql.ts';
import { ApiError } from './http.ts';

export type CaseRow = Pick<
  Case,
  | 'id'
  | 'trackingNo'
  | 'version'
  | 'state'
  | 'source'
  | 'urgency'
  | 'description'
  | 'address'
  | 'unitCode'
  | 'unitName'
  | 'createdAt'
  | 'stageStartedAt'
  | 'stageDueAt'
  | 'dueAt'
  | 'overdue'
  | 'escalationLevel'
  | 'reworkCount'
> & { category: Pick<CaseCategory, 'code' | 'name' | 'nameEn' | 'requiresEvidence'> };

export type CaseEvent = Pick<
  SchemaCaseEvent,
  'id' | 'at' | 'action' | 'fromState' | 'toState' | 'actor' | 'comment'
> & {
  attachments: Pick<Attachment, 'id' | 'url'>[];
  data: Record<string, unknown>;
};

export type CaseRef = Pick<Case, 'id' | 'trackingNo' | 'state' | 'description'>;

export interface Duplicate extends Pick<CaseDuplicate, 'distanceM'> {
  case: CaseRef;
}

export type CaseDetail = CaseRow &
  Pick<
    Case,
    'districtCode' | 'reporterName' | 'reporterPhone' | 'closedAt' | 'handledBy' | 'allowedActions'
  > & {
    location: { type: 'Point'; coordinates: [number, number] };
    extensionPending: { minutes?: number; comment?: string; by?: string } | null;
    mergedInto: Pick<Case, 'trackingNo'> | null;
    asset: Pick<Asset, 'code' | 'name' | 'kind'> | null;
    alert:
      | (Pick<Alert, 'id' | 'severity' | 'state' | 'startedAt' | 'lastValue'> & {
          rule: Pick<AlertRule, 'name' | 'nameEn'>;
          device: Pick<Device, 'code'> | null;
        })
      | null;
    events: CaseEvent[];
    suggestedUnits: Pick<UnitSuggestion, 'code' | 'name' | 'kind' | 'phone'>[];
    nearestPatrolOfficers: Pick<PatrolOfficer, 'code' | 'name' | 'phone' | 'distanceM'>[];
    duplicateCandidates: Duplicate[];
  };

export type Category = Pick<CaseCategory, 'code' | 'name' | 'nameEn' | 'kind' | 'requiresEvidence'>;

export type Kpi = Pick<
  CaseKpi,
  | 'due'
  | 'closed'
  | 'closedOnTime'
  | 'handled'
  | 'reworked'
  | 'open'
  | 'overdue'
  | 'closureRate'
  | 'onTimeRate'
  | 'reworkRate'
>;

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
export type CaseFilter = Pick<SchemaCaseFilter, 'categories' | 'sources' | 'overdue' | 'text'> & {
  states?: readonly CaseState[];
};

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
  throw new ApiError('NOT_FOUND', `case ${id} does not exist or is not visible to you`);
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

export type TransitionInput = MutationTransitionCaseArgs;

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

export type NewCase = CreateCaseInput;

export async function createCase(input: NewCase) {
  const data = await gql<{
    createCase: { case: CaseDetail; duplicates: Duplicate[] };
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

export const CASE_EVENTS =
  'subscription ConsoleCaseEvents { caseEvents { id action trackingNo toState case { id } } }';
export interface CaseLiveEvent {
  caseEvents: Pick<SchemaCaseLiveEvent, 'id' | 'action' | 'trackingNo' | 'toState'> & {
    case: Pick<Case, 'id'> | null;
  };
}
