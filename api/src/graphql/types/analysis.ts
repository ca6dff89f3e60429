// The analyst's questions about an area over a period: Query.alertTrend (alerts raised per time bucket by
// severity and device type), Query.caseTrend (cases reported, due, closed and closed on time per bucket) and
// Query.alertDensity (hexagons of where alerts were raised). Buckets are in China Standard Time.
import { type HexCell, hexbin } from '../../analysis/hexbin.ts';
import {
  checkPeriod,
  TREND_INTERVALS,
  type TrendInterval,
  trendBuckets,
} from '../../analysis/trend-buckets.ts';
import { caseViewer } from '../../dispatch/case.service.ts';
import { SEVERITIES } from '../../domain/codes.ts';
import { DomainError } from '../../domain-error.ts';
import {
  type AlertQuery,
  findAlertPoints,
  findAlertTrend,
  findCaseTrend,
} from '../../store/analysis.repo.ts';
import { builder } from '../builder.ts';
import type { ApiContext } from '../context.ts';
import { AlertSeverityEnum, DeviceTypeEnum } from '../enums.ts';
import { AreaInput, areaOrCity } from './area-input.ts';
import { CountRef } from './stats.ts';

const TrendIntervalEnum = builder.enumType('TrendInterval', {
  description:
    'Buckets in China Standard Time: hours, days from midnight, weeks from Monday, months from the 1st.',
  values: Object.fromEntries(TREND_INTERVALS.map((i) => [i.toUpperCase(), { value: i }])) as Record<
    string,
    { value: TrendInterval }
  >,
});

interface Count {
  key: string;
  count: number;
}

interface AlertBucket {
  start: Date;
  total: number;
  bySeverity: Count[];
  byKind: Count[];
}

const toCounts = (m: Map<string, number>): Count[] =>
  [...m].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));

const AlertTrendBucket = builder.objectRef<AlertBucket>('AlertTrendBucket').implement({
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime' }),
    total: t.exposeInt('total'),
    bySeverity: t.field({
      type: [CountRef],
      description: 'Keys: AlertSeverity names.',
      resolve: (b) => b.bySeverity,
    }),
    byKind: t.field({ type: [CountRef], description: 'Keys: DeviceType names.', resolve: (b) => b.byKind }),
  }),
});

const AlertTrend = builder
  .objectRef<{ total: number; bySeverity: Count[]; byKind: Count[]; buckets: AlertBucket[] }>('AlertTrend')
  .implement({
    description:
      'Alerts raised in a period, in all and per bucket (every bucket of the period, empty ones too).',
    fields: (t) => ({
      total: t.exposeInt('total'),
      bySeverity: t.field({ type: [CountRef], resolve: (x) => x.bySeverity }),
      byKind: t.field({ type: [CountRef], resolve: (x) => x.byKind }),
      buckets: t.field({ type: [AlertTrendBucket], resolve: (x) => x.buckets }),
    }),
  });

interface CaseBucket {
  start: Date;
  reported: number;
  due: number;
  closed: number;
  closedOnTime: number;
}

const CaseTrendBucket = builder.objectRef<CaseBucket>('CaseTrendBucket').implement({
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime' }),
    reported: t.exposeInt('reported', { description: 'Cases filed in the bucket.' }),
    due: t.exposeInt('due', { description: 'Cases whose deadline falls in the bucket.' }),
    closed: t.exposeInt('closed', { description: 'Of those due, closed.' }),
    closedOnTime: t.exposeInt('closedOnTime', { description: 'Of those due, closed by the deadline.' }),
    closureRate: t.float({
      nullable: true,
      description: '结案率 = closed / due; null when none were due.',
      resolve: (b) => (b.due ? b.closed / b.due : null),
    }),
    onTimeRate: t.float({
      nullable: true,
      description: '按期结案率 = closed on time / due; null when none were due.',
      resolve: (b) => (b.due ? b.closedOnTime / b.due : null),
    }),
  }),
});

const CaseTrend = builder.objectRef<{ total: CaseBucket; buckets: CaseBucket[] }>('CaseTrend').implement({
  description: 'Cases over a period, in all (start = the period’s start) and per bucket.',
  fields: (t) => ({
    total: t.field({ type: CaseTrendBucket, resolve: (x) => x.total }),
    buckets: t.field({ type: [CaseTrendBucket], resolve: (x) => x.buckets }),
  }),
});

const AlertDensityCell = builder.objectRef<HexCell>('AlertDensityCell').implement({
  description: 'A hexagon and the alerts raised in it.',
  fields: (t) => ({
    hexagon: t.field({ type: 'GeoJSON', description: 'A GeoJSON Polygon.', resolve: (c) => c.hexagon }),
    count: t.exposeInt('count'),
    worstSeverity: t.field({
      type: AlertSeverityEnum,
      resolve: (c) => SEVERITIES[c.rank]!,
    }),
  }),
});

const nonEmpty = <T>(list: readonly T[] | null | undefined) => (list && list.length > 0 ? [...list] : null);

async function alertQuery(
  ctx: ApiContext,
  args: {
    area?: typeof AreaInput.$inferInput | null;
    from: Date;
    to: Date;
    severities?: readonly string[] | null;
    kinds?: readonly string[] | null;
  },
): Promise<AlertQuery> {
  checkPeriod(args.from, args.to);
  return {
    area: await areaOrCity(ctx, args.area),
    scope: ctx.scope,
    from: args.from,
    to: args.to,
    severities: nonEmpty(args.severities),
    deviceTypes: nonEmpty(args.kinds),
  };
}

builder.queryFields((t) => ({
  alertTrend: t.field({
    type: AlertTrend,
    description: 'Alerts raised in [from, to) in an area, per bucket, by severity and device type.',
    args: {
      area: t.arg({ type: AreaInput }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      interval: t.arg({ type: TrendIntervalEnum, defaultValue: 'day' }),
      severities: t.arg({ type: [AlertSeverityEnum] }),
      kinds: t.arg({ type: [DeviceTypeEnum], description: 'Device types.' }),
    },
    resolve: async (_root, args, ctx) => {
      const interval = args.interval ?? 'day';
      const buckets = trendBuckets(args.from, args.to, interval);
      const rows = await findAlertTrend(ctx.db, await alertQuery(ctx, args), interval);
      const byBucket = new Map(
        buckets.map((b) => [b.key, { sev: new Map<string, number>(), kind: new Map<string, number>() }]),
      );
      const sevAll = new Map<string, number>();
      const kindAll = new Map<string, number>();
      const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
      for (const r of rows) {
        const into = byBucket.get(r.bucket);
        const severity = r.severity.toUpperCase();
        const kind = r.kind.toUpperCase();
        if (into) {
          add(into.sev, severity, r.n);
          add(into.kind, kind, r.n);
        }
        add(sevAll, severity, r.n);
        add(kindAll, kind, r.n);
      }
      return {
        total: [...sevAll.values()].reduce((a, b) => a + b, 0),
        bySeverity: toCounts(sevAll),
        byKind: toCounts(kindAll),
        buckets: buckets.map((b) => {
          const { sev, kind } = byBucket.get(b.key)!;
          return {
            start: b.start,
            total: [...sev.values()].reduce((a, c) => a + c, 0),
            bySeverity: toCounts(sev),
            byKind: toCounts(kind),
          };
        }),
      };
    },
  }),

  caseTrend: t.field({
    type: CaseTrend,
    description:
      'Cases in an area per bucket of [from, to): filed, due, and of those due closed and closed on time (as caseKpis counts them).',
    args: {
      area: t.arg({ type: AreaInput }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      interval: t.arg({ type: TrendIntervalEnum, defaultValue: 'day' }),
    },
    resolve: async (_root, args, ctx) => {
      checkPeriod(args.from, args.to);
      const interval = args.interval ?? 'day';
      const buckets = trendBuckets(args.from, args.to, interval);
      const area = await areaOrCity(ctx, args.area);
      const rows = await findCaseTrend(ctx.db, area, caseViewer(ctx.viewer), args.from, args.to, interval);
      const byKey = new Map(rows.map((r) => [r.bucket, r]));
      const total: CaseBucket = { start: args.from, reported: 0, due: 0, closed: 0, closedOnTime: 0 };
      const list = buckets.map((b) => {
        const r = byKey.get(b.key);
        const bucket = {
          start: b.start,
          reported: r?.reported ?? 0,
          due: r?.due ?? 0,
          closed: r?.closed ?? 0,
          closedOnTime: r?.closed_on_time ?? 0,
        };
        total.reported += bucket.reported;
        total.due += bucket.due;
        total.closed += bucket.closed;
        total.closedOnTime += bucket.closedOnTime;
        return bucket;
      });
      return { total, buckets: list };
    },
  }),

  alertDensity: t.field({
    type: [AlertDensityCell],
    description:
      'Hexagons (cellM from the centre to a corner) holding the alerts raised in [from, to) in an area.',
    args: {
      area: t.arg({ type: AreaInput }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      cellM: t.arg.float({ defaultValue: 500, description: '50 to 5,000 metres.' }),
      severities: t.arg({ type: [AlertSeverityEnum] }),
      kinds: t.arg({ type: [DeviceTypeEnum], description: 'Device types.' }),
    },
    resolve: async (_root, args, ctx) => {
      const cellM = args.cellM ?? 500;
      if (!(cellM >= 50 && cellM <= 5000)) {
        throw new DomainError('INVALID_INPUT', 'cellM is a number of metres from 50 to 5,000');
      }
      const points = await findAlertPoints(ctx.db, await alertQuery(ctx, args));
      return hexbin(points, cellM);
    },
  }),
}));
