// The Case node (数字城管 workflow), the case opened from an alert, and duplicate candidates. Rows are cut to the
// caller's area (and a unit handler's unit) in SQL; the actions a viewer may take come from the pure machine, so
// the console shows exactly what the server will accept.
import { can } from '../../../access/roles.ts';
import { duplicateCandidates, machineActor } from '../../../dispatch/case.service.ts';
import { allowedActions } from '../../../dispatch/case-machine.ts';
import type { CaseState } from '../../../domain/codes.ts';
import { findCaseEvents } from '../../../store/case-events.repo.ts';
import { findNearestPatrolOfficers, findUnitSuggestions } from '../../../store/case-suggestions.repo.ts';
import { type CaseRow, findCaseIdsByAlerts, findCasesByIds } from '../../../store/cases.repo.ts';
import { findUnitsByCodes } from '../../../store/units.repo.ts';
import { builder } from '../../builder.ts';
import { Alert } from '../alert/alert.ts';
import { Asset } from '../asset/asset.ts';
import { caseActor, viewerOf } from './actor.ts';
import { CaseCategory } from './category.ts';
import { CaseActionEnum, CaseSourceEnum, CaseStateEnum, CaseUrgencyEnum } from './enums.ts';
import { CaseEvent } from './history.ts';
import { PatrolOfficer, UnitSuggestion } from './suggestions.ts';

// No caching across a request: a caseEvents subscription is one long request, and must see each case as it
// is when the event arrives (batching within a tick stays).
export const FRESH = { loaderOptions: { cache: false } } as const;

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

export const Duplicate = builder.objectRef<CaseRow & { distance_m: number }>('CaseDuplicate').implement({
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
