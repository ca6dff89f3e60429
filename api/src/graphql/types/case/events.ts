// Subscription.caseEvents over SSE: every case step in an area as it happens, including 督办 of overdue cases.
import type { MultiPolygon, Polygon } from 'geojson';
import type { CaseState } from '../../../domain/codes.ts';
import type { CaseLiveEventRow } from '../../../store/case-events.repo.ts';
import { builder } from '../../builder.ts';
import { eventMatches } from '../../live-area.ts';
import { liveStream } from '../../live-stream.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { viewerOf } from './actor.ts';
import { Case } from './case.ts';
import { CaseStateEnum } from './enums.ts';

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
