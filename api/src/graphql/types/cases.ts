// Cases (数字城管 workflow): Query.cases, caseCategories and caseKpis, Mutation.createCase and transitionCase,
// Subscription.caseEvents. Rows are cut to the caller's area (and a unit handler's unit) in SQL; the actions a
// viewer may take come from the pure machine, so the console shows exactly what the server will accept.
import type { MultiPolygon, Polygon } from 'geojson';
import { can } from '../../access/roles.ts';
import {
  type CaseActor,
  type CaseDeps,
  caseViewer,
  createCase,
  duplicateCandidates,
  machineActor,
  transitionCase,
} from '../../dispatch/case.service.ts';
import { allowedActions } from '../../dispatch/case-machine.ts';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATES, type CaseState, URGENCIES } from '../../domain/codes.ts';
import { DomainError } from '../../domain-error.ts';
import type { CategoryRow } from '../../store/case-categories.repo.ts';
import { type CaseEventRow, type CaseLiveEventRow, findCaseEvents } from '../../store/case-events.repo.ts';
import { findCaseKpis, type KpiRow } from '../../store/case-kpis.repo.ts';
import {
  findNearestPatrolOfficers,
  findUnitSuggestions,
  type PatrolOfficerRow,
  type UnitSuggestionRow,
} from '../../store/case-suggestions.repo.ts';
import {
  type CaseFilter,
  type CaseRow,
  countCases,
  findCaseIdsByAlerts,
  findCasesByIds,
  findCasesPage,
} from '../../store/cases.repo.ts';
import { findUnitsByCodes } from '../../store/units.repo.ts';
import { builder } from '../builder.ts';
import type { ApiContext } from '../context.ts';
import { liveStream } from '../live-stream.ts';
import { parseNodeId } from '../node-id.ts';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../pagination.ts';
import { Alert, eventMatches } from './alerts.ts';
import { AreaInput, areaOrCity } from './area-input.ts';
import { Asset } from './asset.ts';

const upper = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<string, { value: T }>;

const CaseStateEnum = builder.enumType('CaseState', {
  description:
    'reported 上报 → accepted 受理 | rejected 不予受理 → registered 立案 → dispatched 派遣 → handling 处置 → handled 反馈 → verified 核查 → closed 结案; suspended 挂账.',
  values: upper(CASE_STATES),
});
const CaseActionEnum = builder.enumType('CaseAction', {
  description:
    'ACCEPT 受理, REJECT 不予受理, MERGE 合并, REGISTER 立案, DISPATCH 派遣, START 开始处置, REPORT_HANDLED 处置反馈, VERIFY_PASS 核查通过, VERIFY_FAIL 核查不通过(返工), CLOSE 结案, REQUEST_EXTENSION 申请延期, APPROVE_EXTENSION 批准延期, DENY_EXTENSION 驳回延期, SUSPEND 挂账, RESUME 恢复, SUPERVISE 督办.',
  values: upper(CASE_ACTIONS),
});
const CaseSourceEnum = builder.enumType('CaseSource', { values: upper(CASE_SOURCES) });
const CaseUrgencyEnum = builder.enumType('CaseUrgency', {
  description: 'URGENT cases count natural time and use the shorter deadlines.',
  values: upper(URGENCIES),
});
const KpiGroupEnum = builder.enumType('CaseKpiGroup', {
  values: upper(['all', 'district', 'street', 'grid', 'unit'] as const),
});

const CaseCategory = builder.objectRef<CategoryRow>('CaseCategory').implement({
  description: '部件 (BJ) and 事件 (SJ) categories in the CJ/T 214 manner, with minutes per stage.',
  fields: (t) => ({
    code: t.exposeString('code'),
    kind: t.exposeString('kind', { description: 'component (部件) or event (事件).' }),
    name: t.exposeString('name_zh'),
    nameEn: t.exposeString('name_en'),
    requiresEvidence: t.exposeBoolean('requires_evidence', {
      description: 'Handled needs at least one photo.',
    }),
    naturalTime: t.exposeBoolean('natural_time', {
      description: 'Deadlines in natural rather than working time.',
    }),
    citizen: t.exposeBoolean('citizen', { description: 'Offered on the citizen page and Open311.' }),
    unitKinds: t.exposeStringList('unit_kinds'),
    deadlines: t.field({
      type: 'JSON',
      description:
        '{"normal": {stage: minutes}, "urgent": {…}}; stages accept, register, dispatch, handle, verify, close.',
      resolve: (c) => c.deadlines,
    }),
  }),
});

const Attachment = builder.objectRef<string>('Attachment').implement({
  fields: (t) => ({
    id: t.string({ description: 'The SHA-256 of the file.', resolve: (h) => h }),
    url: t.string({ resolve: (h) => `/attachments/${h}` }),
  }),
});

const CaseEvent = builder.objectRef<CaseEventRow>('CaseEvent').implement({
  description: 'One step in a case’s history (append-only).',
  fields: (t) => ({
    id: t.string({ resolve: (e) => String(e.id) }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.exposeString('action', { description: 'report, a CaseAction in lower case, or supervise.' }),
    fromState: t.field({
      type: CaseStateEnum,
      nullable: true,
      resolve: (e) => e.from_state as CaseState | null,
    }),
    toState: t.field({ type: CaseStateEnum, resolve: (e) => e.to_state as CaseState }),
    actor: t.exposeString('actor'),
    actorRole: t.exposeString('actor_role'),
    comment: t.exposeString('comment', { nullable: true }),
    attachments: t.field({ type: [Attachment], resolve: (e) => e.attachments }),
    data: t.field({ type: 'JSON', resolve: (e) => e.data }),
  }),
});

const UnitSuggestion = builder.objectRef<UnitSuggestionRow>('UnitSuggestion').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    phone: t.exposeString('phone', { nullable: true }),
  }),
});

const PatrolOfficer = builder.objectRef<PatrolOfficerRow>('PatrolOfficer').implement({
  description: 'A patrol officer (巡查员) on duty, synthetic in the demo city.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true }),
    streetCode: t.exposeString('street_code', { nullable: true }),
    distanceM: t.exposeFloat('distance_m'),
  }),
});

const viewerOf = (ctx: ApiContext) => caseViewer(ctx.viewer);

const caseDeps = (ctx: ApiContext): CaseDeps => ({
  pool: ctx.pool,
  config: ctx.cases,
  events: ctx.live.events,
});

const caseActor = (ctx: ApiContext): CaseActor => ({
  audit: ctx.actor,
  role: ctx.viewer.role,
  unitCode: ctx.viewer.unitCode,
  scope: ctx.scope,
});

// No caching across a request: a caseEvents subscription is one long request, and must see each case as it
// is when the event arrives (batching within a tick stays).
const FRESH = { loaderOptions: { cache: false } } as const;

export const Case = builder.loadableNodeRef<CaseRow, string, string>('Case', {
  ...FRESH,
  id: { resolve: (c) => c.id },
  load: (ids: string[], ctx) =>
    findCasesByIds(ctx.db, viewerOf(ctx), ids.filter((i) => /^\d{1,15}$/.test(i)).map(Number)),
  sort: (c) => String(c.id),
});

// The case opened from an alert, when the caller may see it (the big screen links to it in the console).
builder.objectField(Alert, 'case', (t) =>
  t.loadable({
    ...FRESH,
    type: Case,
    nullable: true,
    description:
      'The case opened from this alert (立案), or null when none was opened or it is outside your view.',
    load: async (alertIds: number[], ctx) => {
      const pairs = await findCaseIdsByAlerts(ctx.db, alertIds);
      const cases = await findCasesByIds(
        ctx.db,
        viewerOf(ctx),
        pairs.map((p) => p.id),
      );
      const byId = new Map(cases.map((c) => [c.id, c]));
      return alertIds.map((id) => {
        const caseId = pairs.find((p) => p.alert_id === id)?.id;
        return (caseId !== undefined && byId.get(caseId)) || null;
      });
    },
    resolve: (a) => a.id,
  }),
);

const Duplicate = builder.objectRef<CaseRow & { distance_m: number }>('CaseDuplicate').implement({
  description: 'An open case of the same category nearby that a report may repeat.',
  fields: (t) => ({
    case: t.field({ type: Case, resolve: (c) => c }),
    distanceM: t.exposeFloat('distance_m'),
  }),
});

Case.implement({
  description: 'A case (案件) from an alert, a citizen, a patrol or a hotline call, through to its closing.',
  fields: (t) => ({
    number: t.int({ description: 'The database id.', resolve: (c) => c.id }),
    trackingNo: t.exposeString('tracking_no', { description: '16 digits a reporter can follow it by.' }),
    version: t.exposeInt('version', {
      description: 'Send it with transitionCase; it changes with every step.',
    }),
    state: t.field({ type: CaseStateEnum, resolve: (c) => c.state as CaseState }),
    source: t.field({ type: CaseSourceEnum, resolve: (c) => c.source as 'alert' }),
    urgency: t.field({ type: CaseUrgencyEnum, resolve: (c) => c.urgency }),
    category: t.field({
      type: CaseCategory,
      resolve: async (c, _args, ctx) => (await ctx.caseCategories()).get(c.category_code)!,
    }),
    description: t.exposeString('description'),
    address: t.exposeString('address', { nullable: true }),
    location: t.field({
      type: 'GeoJSON',
      resolve: (c) => ({ type: 'Point' as const, coordinates: [c.lon, c.lat] }),
    }),
    districtCode: t.exposeString('district_code'),
    streetCode: t.exposeString('street_code', { nullable: true }),
    gridCode: t.exposeString('grid_code', { nullable: true }),
    asset: t.field({ type: Asset, nullable: true, resolve: (c) => c.asset_id }),
    alert: t.field({
      type: Alert,
      nullable: true,
      resolve: (c) => (c.alert_id === null ? null : String(c.alert_id)),
    }),
    unitCode: t.exposeString('unit_code', { nullable: true }),
    unitName: t.loadable({
      type: 'String',
      nullable: true,
      // One query for every case on a page.
      load: async (codes: string[], ctx) => {
        const names = new Map((await findUnitsByCodes(ctx.db, codes)).map((u) => [u.code, u.name]));
        return codes.map((code) => names.get(code) ?? null);
      },
      resolve: (c) => c.unit_code,
    }),
    reporterName: t.string({
      nullable: true,
      description: 'Shown to duty officers only.',
      resolve: (c, _args, ctx) => (can(ctx.viewer.role, 'cases:dispatch') ? c.reporter_name : null),
    }),
    reporterPhone: t.string({
      nullable: true,
      description: 'Shown to duty officers only.',
      resolve: (c, _args, ctx) => (can(ctx.viewer.role, 'cases:dispatch') ? c.reporter_phone : null),
    }),
    createdBy: t.exposeString('created_by'),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updated_at }),
    stageStartedAt: t.field({ type: 'DateTime', resolve: (c) => c.stage_started_at }),
    stageDueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the current stage is due (working or natural time by category).',
      resolve: (c) => c.stage_due_at,
    }),
    dueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the case is due to close.',
      resolve: (c) => c.due_at,
    }),
    overdue: t.boolean({ resolve: (c) => c.stage_due_at !== null && c.stage_due_at.getTime() < Date.now() }),
    escalationLevel: t.exposeInt('escalation_level', { description: 'How many times it was urged (督办).' }),
    reworkCount: t.exposeInt('rework_count', { description: 'Times verification failed (返工).' }),
    extensionPending: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.extension_pending }),
    handledBy: t.exposeString('handled_by', { nullable: true }),
    suspendedFrom: t.field({
      type: CaseStateEnum,
      nullable: true,
      resolve: (c) => c.suspended_from as CaseState | null,
    }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.closed_at }),
    closedOnTime: t.boolean({
      nullable: true,
      resolve: (c) => (c.closed_at && c.due_at ? c.closed_at <= c.due_at : null),
    }),
    mergedInto: t.field({
      type: Case,
      nullable: true,
      resolve: (c) => (c.merged_into ? String(c.merged_into) : null),
    }),
    events: t.loadableList({
      ...FRESH,
      type: CaseEvent,
      description: 'Every step, oldest first.',
      load: async (ids: number[], ctx) => {
        const rows = await findCaseEvents(ctx.db, ids);
        return ids.map((id) => rows.filter((r) => r.case_id === id));
      },
      resolve: (c) => c.id,
    }),
    allowedActions: t.field({
      type: [CaseActionEnum],
      description: 'What you may do now (some actions then need a comment, a unit or a photo).',
      resolve: async (c, _args, ctx) => {
        const actor = machineActor(caseActor(ctx));
        if (!actor) return [];
        const category = (await ctx.caseCategories()).get(c.category_code)!;
        return allowedActions(
          {
            state: c.state as CaseState,
            suspendedFrom: c.suspended_from as CaseState | null,
            unitCode: c.unit_code,
            handledBy: c.handled_by,
            extensionPending: c.extension_pending !== null,
            requiresEvidence: category.requires_evidence,
          },
          actor,
        );
      },
    }),
    suggestedUnits: t.field({
      type: [UnitSuggestion],
      description: 'Units serving the location whose kind the category names, best first.',
      resolve: (c, _args, ctx) => findUnitSuggestions(ctx.db, c.lon, c.lat, c.category_code),
    }),
    nearestPatrolOfficers: t.field({
      type: [PatrolOfficer],
      description: 'Patrol officers on duty nearest to the case, for verification (KNN).',
      args: { first: t.arg.int({ defaultValue: 3 }) },
      resolve: (c, args, ctx) =>
        findNearestPatrolOfficers(
          ctx.db,
          ctx.scope,
          c.lon,
          c.lat,
          Math.min(Math.max(args.first ?? 3, 1), 20),
        ),
    }),
    duplicateCandidates: t.field({
      type: [Duplicate],
      description: 'Open cases of the same category within 50 m: merge this one into one of them.',
      resolve: (c, _args, ctx) =>
        duplicateCandidates(ctx.db, ctx.scope, {
          lon: c.lon,
          lat: c.lat,
          category: c.category_code,
          except: c.id,
        }),
    }),
  }),
});

const CaseFilterInput = builder.inputType('CaseFilter', {
  fields: (t) => ({
    area: t.field({ type: AreaInput, description: 'Default: the whole city (your area).' }),
    states: t.field({ type: [CaseStateEnum] }),
    categories: t.stringList(),
    sources: t.field({ type: [CaseSourceEnum] }),
    overdue: t.boolean({ description: 'Only cases past their stage deadline.' }),
    unitCode: t.string(),
    text: t.string({ description: 'A tracking number, or words of the description or address.' }),
    order: t.string({ description: '"due" (soonest deadline first, the default) or "new" (newest first).' }),
  }),
});

async function toFilter(
  ctx: ApiContext,
  input: typeof CaseFilterInput.$inferInput | null | undefined,
): Promise<CaseFilter> {
  const nonEmpty = <T>(list: readonly T[] | null | undefined) => (list && list.length > 0 ? [...list] : null);
  const order = input?.order ?? 'due';
  if (order !== 'due' && order !== 'new') throw new DomainError('INVALID_INPUT', 'order: "due" or "new"');
  const text = input?.text?.replaceAll('\u0000', '').trim() ?? '';
  if (text.length > 100) throw new DomainError('LIMIT_EXCEEDED', 'text: at most 100 characters');
  return {
    area: await areaOrCity(ctx, input?.area),
    states: nonEmpty(input?.states),
    categories: nonEmpty(input?.categories),
    sources: nonEmpty(input?.sources),
    overdueOnly: input?.overdue ?? false,
    unitCode: input?.unitCode ?? null,
    text: text.length > 0 ? text.replace(/[%_\\]/g, (m) => `\\${m}`) : null,
    order,
  };
}

const CaseKpi = builder.objectRef<KpiRow>('CaseKpi').implement({
  description:
    '结案率 = closed / due, 按期结案率 = closed on time / due, 返工率 = reworked / handled, for cases due in the period.',
  fields: (t) => ({
    key: t.exposeString('key', { nullable: true, description: 'The district, street, grid or unit code.' }),
    name: t.exposeString('name', { nullable: true }),
    due: t.exposeInt('due'),
    closed: t.exposeInt('closed'),
    closedOnTime: t.exposeInt('closed_on_time'),
    handled: t.exposeInt('handled'),
    reworked: t.exposeInt('reworked'),
    reported: t.exposeInt('reported', { description: 'Cases filed in the period.' }),
    open: t.exposeInt('open', { description: 'Open now.' }),
    overdue: t.exposeInt('overdue', { description: 'Past their stage deadline now.' }),
    closureRate: t.float({ nullable: true, resolve: (k) => (k.due ? k.closed / k.due : null) }),
    onTimeRate: t.float({ nullable: true, resolve: (k) => (k.due ? k.closed_on_time / k.due : null) }),
    reworkRate: t.float({ nullable: true, resolve: (k) => (k.handled ? k.reworked / k.handled : null) }),
    stageMinutes: t.field({
      type: 'JSON',
      description:
        'Average minutes spent in each state, for state changes in the period: {"dispatched": 42.5, …}.',
      resolve: (k) => k.stage_minutes,
    }),
  }),
});

builder.queryFields((t) => ({
  cases: t.connection({
    type: Case,
    description: 'Cases in an area (a unit handler: their unit’s), soonest deadline first by default.',
    args: { filter: t.arg({ type: CaseFilterInput }) },
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 50 }),
    resolve: async (_root, args, ctx) => {
      if (args.last != null || args.before != null)
        throw new DomainError('INVALID_INPUT', 'page forwards with first/after');
      const limit = pageSize(args.first);
      const filter = await toFilter(ctx, args.filter);
      const key = decodeCursor('case', args.after);
      let after: { key: number; id: number } | null = null;
      if (key !== null) {
        const m = /^(-?[0-9.e+]{1,24}):(\d{1,15})$/.exec(key);
        if (!m || !Number.isFinite(Number(m[1])))
          throw new DomainError('INVALID_INPUT', '"after" is not a case cursor');
        after = { key: Number(m[1]), id: Number(m[2]) };
      }
      const now = new Date();
      const rows = await findCasesPage(ctx.db, viewerOf(ctx), filter, now, after, limit + 1);
      return toConnection(
        rows,
        limit,
        (c) => encodeCursor('case', `${c.sort_key}:${c.id}`),
        after !== null,
        () => countCases(ctx.db, viewerOf(ctx), filter, now),
      );
    },
  }),
  caseCategories: t.field({
    type: [CaseCategory],
    resolve: async (_root, _args, ctx) => [...(await ctx.caseCategories()).values()],
  }),
  caseKpis: t.field({
    type: [CaseKpi],
    description: 'Case KPIs for cases due in [from, to), per group; a group without cases is left out.',
    args: {
      area: t.arg({ type: AreaInput }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      groupBy: t.arg({ type: KpiGroupEnum, defaultValue: 'all' }),
    },
    resolve: async (_root, args, ctx) => {
      if (!(args.from < args.to)) throw new DomainError('INVALID_INPUT', '"from" must be before "to"');
      if (args.to.getTime() - args.from.getTime() > 3 * 366 * 86_400_000) {
        throw new DomainError('LIMIT_EXCEEDED', 'a KPI period is at most three years');
      }
      const area = await areaOrCity(ctx, args.area);
      return findCaseKpis(ctx.db, viewerOf(ctx), area, args.from, args.to, args.groupBy ?? 'all', new Date());
    },
  }),
}));

const LocationInput = builder.inputType('LonLatInput', {
  fields: (t) => ({ lon: t.float({ required: true }), lat: t.float({ required: true }) }),
});

const CreateCaseInput = builder.inputType('CreateCaseInput', {
  fields: (t) => ({
    source: t.field({ type: CaseSourceEnum, required: true }),
    alertId: t.id({
      description: 'For source ALERT: the alert (its location, asset and evidence are taken).',
    }),
    category: t.string({ description: 'A category code; for ALERT the default follows the device type.' }),
    urgency: t.field({ type: CaseUrgencyEnum }),
    description: t.string({ required: true }),
    location: t.field({ type: LocationInput, description: 'WGS84 longitude, latitude.' }),
    assetCode: t.string({ description: 'Or the asset’s code (一栋一码): the case is placed on it.' }),
    address: t.string(),
    reporterName: t.string(),
    reporterPhone: t.string(),
    attachments: t.stringList({ description: 'Ids from POST /attachments.' }),
  }),
});

const CreateCasePayload = builder
  .objectRef<{ caseRow: CaseRow; duplicates: (CaseRow & { distance_m: number })[] }>('CreateCasePayload')
  .implement({
    fields: (t) => ({
      case: t.field({ type: Case, resolve: (p) => p.caseRow }),
      duplicates: t.field({
        type: [Duplicate],
        description: 'Open cases of the same category within 50 m, to merge into (MERGE).',
        resolve: (p) => p.duplicates,
      }),
    }),
  });

async function reload(ctx: ApiContext, id: number): Promise<CaseRow> {
  const [row] = await findCasesByIds(ctx.db, viewerOf(ctx), [id]);
  if (!row) throw new DomainError('NOT_FOUND', `case ${id} is no longer visible to you`);
  return row;
}

builder.mutationFields((t) => ({
  createCase: t.field({
    type: CreateCasePayload,
    authScopes: { anyPermission: ['cases:dispatch', 'alerts:handle'] },
    description:
      'File a case. From an alert it is registered at once; a patrol or hotline case is accepted at once; others wait for acceptance.',
    args: { input: t.arg({ type: CreateCaseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await createCase(caseDeps(ctx), caseActor(ctx), {
        source: input.source,
        categoryCode: input.category ?? null,
        urgency: input.urgency ?? null,
        description: input.description,
        address: input.address ?? null,
        location: input.location ?? null,
        assetCode: input.assetCode ?? null,
        alertId: input.alertId == null ? null : parseNodeId(input.alertId, 'Alert'),
        reporterName: input.reporterName ?? null,
        reporterPhone: input.reporterPhone ?? null,
        attachments: input.attachments ?? [],
      });
      const caseRow = await reload(ctx, result.caseId);
      const duplicates = await duplicateCandidates(ctx.db, ctx.scope, {
        lon: caseRow.lon,
        lat: caseRow.lat,
        category: caseRow.category_code,
        except: caseRow.id,
      });
      return { caseRow, duplicates };
    },
  }),
  transitionCase: t.field({
    type: Case,
    authScopes: { anyPermission: ['cases:dispatch', 'cases:handle'] },
    description:
      'Take one workflow step. `version` is the one you read: if someone acted in between you get CONFLICT and nothing changes.',
    args: {
      id: t.arg.id({ required: true }),
      action: t.arg({ type: CaseActionEnum, required: true }),
      version: t.arg.int({ required: true }),
      comment: t.arg.string(),
      unitCode: t.arg.string({ description: 'DISPATCH: the unit.' }),
      attachments: t.arg.stringList({ description: 'Ids from POST /attachments (photos of the result).' }),
      extensionMinutes: t.arg.int({ description: 'REQUEST_EXTENSION: how much more time, in minutes.' }),
      mergeInto: t.arg.id({ description: 'MERGE: the case this one repeats.' }),
    },
    resolve: async (_root, args, ctx) => {
      const id = parseNodeId(args.id, 'Case');
      await transitionCase(caseDeps(ctx), caseActor(ctx), {
        id,
        action: args.action,
        version: args.version,
        input: {
          comment: args.comment ?? null,
          unitCode: args.unitCode ?? null,
          attachments: args.attachments ?? [],
          extensionMinutes: args.extensionMinutes ?? null,
          mergeInto: args.mergeInto == null ? null : parseNodeId(args.mergeInto, 'Case'),
        },
      });
      return reload(ctx, id);
    },
  }),
}));

const CaseLiveEvent = builder.objectRef<CaseLiveEventRow>('CaseLiveEvent').implement({
  description: 'A step in some case, as it happens (including automatic 督办).',
  fields: (t) => ({
    id: t.string({ resolve: (e) => String(e.id) }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.exposeString('action'),
    fromState: t.field({
      type: CaseStateEnum,
      nullable: true,
      resolve: (e) => e.from_state as CaseState | null,
    }),
    toState: t.field({ type: CaseStateEnum, resolve: (e) => e.to_state as CaseState }),
    actor: t.exposeString('actor'),
    comment: t.exposeString('comment', { nullable: true }),
    trackingNo: t.exposeString('tracking_no'),
    caseState: t.field({ type: CaseStateEnum, resolve: (e) => e.case_state as CaseState }),
    escalationLevel: t.exposeInt('escalation_level'),
    categoryCode: t.exposeString('category_code'),
    unitCode: t.exposeString('unit_code', { nullable: true }),
    location: t.field({
      type: 'GeoJSON',
      resolve: (e) => ({ type: 'Point' as const, coordinates: [e.lon, e.lat] }),
    }),
    case: t.field({ type: Case, nullable: true, resolve: (e) => String(e.case_id) }),
  }),
});

builder.subscriptionField('caseEvents', (t) =>
  t.field({
    type: CaseLiveEvent,
    description: 'Every case step in an area as it happens, including 督办 of overdue cases (SSE).',
    args: { area: t.arg({ type: AreaInput }) },
    subscribe: async (_root, args, ctx) => {
      const area = await areaOrCity(ctx, args.area);
      const geometry = area.kind === 'geometry' ? (JSON.parse(area.geojson) as Polygon | MultiPolygon) : null;
      const scope = ctx.scope;
      const unit = viewerOf(ctx).unitCode;
      return liveStream(
        ctx.live.cases,
        (e) => (unit === null || e.unit_code === unit) && eventMatches(e, scope, area, geometry),
      );
    },
    resolve: (event) => event,
  }),
);
