// Case KPIs (结案率, 按期结案率, 返工率) per group, and Query.caseKpis.
import { DomainError } from '../../../domain-error.ts';
import { findCaseKpis, type KpiRow } from '../../../store/case-kpis.repo.ts';
import { builder } from '../../builder.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { viewerOf } from './actor.ts';
import { KpiGroupEnum } from './enums.ts';

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

builder.queryField('caseKpis', (t) =>
  t.field({
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
);
