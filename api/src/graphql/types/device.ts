// Devices and their data (SensorThings-like: a device's metric is a Datastream with a unit; readings are
// Observations), down to a bucketed time series for charts.
import { DomainError } from '../../domain-error.ts';
import {
  BUCKETS,
  type BucketName,
  bucketSeconds,
  checkRange,
  MAX_RAW_POINTS,
} from '../../series/series-range.ts';
import {
  type DeviceRow,
  findBucketedSeries,
  findDevicesByIds,
  findLatestReadings,
  findRawSeries,
  type LatestReadingRow,
  type MetricRow,
} from '../../store/devices.repo.ts';
import { builder } from '../builder.ts';
import type { ApiContext } from '../context.ts';
import { Asset } from './asset/asset.ts';

export const Metric = builder.objectRef<MetricRow>('Metric').implement({
  description: 'What a device measures, with its unit as shown to users.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name_zh', { description: 'Chinese name.' }),
    nameEn: t.exposeString('name_en'),
    unit: t.exposeString('unit'),
  }),
});

const Observation = builder.objectRef<{ ts: Date; value: number }>('Observation').implement({
  fields: (t) => ({
    t: t.field({ type: 'DateTime', resolve: (o) => o.ts }),
    value: t.exposeFloat('value'),
  }),
});

const Datastream = builder.objectRef<LatestReadingRow & { metric: MetricRow }>('Datastream').implement({
  description: 'One metric of one device and its latest observation.',
  fields: (t) => ({
    metric: t.field({ type: Metric, resolve: (d) => d.metric }),
    latest: t.field({
      type: Observation,
      nullable: true,
      resolve: (d) => (d.ts === null || d.value === null ? null : { ts: d.ts, value: d.value }),
    }),
  }),
});

const BucketEnum = builder.enumType('Bucket', {
  description:
    'Aggregate readings per bucket (aligned to midnight CST); AUTO keeps a series near 500 points.',
  values: ['AUTO', ...Object.keys(BUCKETS)] as BucketName[],
});

interface SeriesPointShape {
  t: Date;
  value: number;
  min: number;
  max: number;
  avg: number;
  last: number;
  count: number;
}

const SeriesPoint = builder.objectRef<SeriesPointShape>('SeriesPoint').implement({
  description: 'A reading, or a bucket of readings (value is the bucket average).',
  fields: (t) => ({
    t: t.field({
      type: 'DateTime',
      description: 'The reading time or the bucket start.',
      resolve: (p) => p.t,
    }),
    value: t.exposeFloat('value'),
    min: t.exposeFloat('min'),
    max: t.exposeFloat('max'),
    avg: t.exposeFloat('avg'),
    last: t.exposeFloat('last'),
    count: t.exposeInt('count'),
  }),
});

interface SeriesShape {
  metric: MetricRow;
  from: Date;
  to: Date;
  bucketSeconds: number | null;
  points: SeriesPointShape[];
}

export const Series = builder.objectRef<SeriesShape>('Series').implement({
  fields: (t) => ({
    metric: t.field({ type: Metric, resolve: (s) => s.metric }),
    from: t.field({ type: 'DateTime', resolve: (s) => s.from }),
    to: t.field({ type: 'DateTime', resolve: (s) => s.to }),
    bucketSeconds: t.int({
      nullable: true,
      description: 'null for raw readings.',
      resolve: (s) => s.bucketSeconds,
    }),
    points: t.field({ type: [SeriesPoint], resolve: (s) => s.points }),
  }),
});

export const Device = builder.loadableNodeRef<DeviceRow, string, string>('Device', {
  id: { resolve: (d) => d.id },
  load: (ids: string[], ctx) =>
    findDevicesByIds(
      ctx.db,
      ctx.scope,
      ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647), // int ids
    ),
  sort: (d) => String(d.id),
});

export async function loadSeries(
  deviceIds: readonly number[],
  ctx: ApiContext,
  args: { metric: string; from: Date; to: Date; bucket?: BucketName | null },
): Promise<SeriesShape[]> {
  checkRange(args.from, args.to);
  const metric = [...(await ctx.metrics()).values()].find((m) => m.key === args.metric);
  if (!metric) throw new DomainError('NOT_FOUND', `no metric is called "${args.metric.slice(0, 40)}"`);
  const seconds = bucketSeconds(args.bucket, args.from, args.to);
  const range = { metricId: metric.id, from: args.from, to: args.to };
  const byDevice = new Map<number, SeriesPointShape[]>(deviceIds.map((id) => [id, []]));
  if (seconds === null) {
    for (const r of await findRawSeries(ctx.db, deviceIds, range, MAX_RAW_POINTS)) {
      const points = byDevice.get(r.device_id)!;
      if (points.length === MAX_RAW_POINTS) {
        throw new DomainError(
          'LIMIT_EXCEEDED',
          `more than ${MAX_RAW_POINTS} readings in range; ask for a bucket`,
        );
      }
      points.push({
        t: r.ts,
        value: r.value,
        min: r.value,
        max: r.value,
        avg: r.value,
        last: r.value,
        count: 1,
      });
    }
  } else {
    for (const b of await findBucketedSeries(ctx.db, deviceIds, range, seconds)) {
      byDevice.get(b.device_id)!.push({ ...b, value: b.avg });
    }
  }
  return deviceIds.map((id) => ({
    metric,
    from: args.from,
    to: args.to,
    bucketSeconds: seconds,
    points: byDevice.get(id)!,
  }));
}

Device.implement({
  description: 'A monitoring device on an asset (SensorThings: a Thing’s sensor).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    type: t.exposeString('type'),
    typeName: t.exposeString('type_name_zh', { description: 'Chinese name of the device type.' }),
    typeNameEn: t.exposeString('type_name_en'),
    location: t.field({
      type: 'GeoJSON',
      resolve: (d) => ({ type: 'Point' as const, coordinates: [d.lon, d.lat] }),
    }),
    vendor: t.exposeString('vendor', { nullable: true }),
    installedOn: t.exposeString('installed_on', { description: 'YYYY-MM-DD' }),
    lastSeenAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.last_seen_at }),
    online: t.exposeBoolean('online', { description: 'Seen within its type’s offline threshold.' }),
    expectedIntervalS: t.exposeInt('expected_interval_s'),
    offlineAfterS: t.exposeInt('offline_after_s'),
    asset: t.field({ type: Asset, resolve: (d) => d.asset_id }),
    datastreams: t.loadableList({
      type: Datastream,
      description: 'Each metric of the device with its latest observation.',
      load: async (ids: number[], ctx) => {
        const [rows, metrics] = await Promise.all([findLatestReadings(ctx.db, ids), ctx.metrics()]);
        return ids.map((id) =>
          rows.filter((r) => r.device_id === id).map((r) => ({ ...r, metric: metrics.get(r.metric_id)! })),
        );
      },
      resolve: (d) => d.id,
    }),
    series: t.loadable({
      type: Series,
      byPath: true,
      complexity: 100,
      description:
        'Readings of one metric in [from, to): raw without a bucket (at most 10,000), else per bucket.',
      args: {
        metric: t.arg.string({ required: true, description: 'The metric key, e.g. wall_top_displacement.' }),
        from: t.arg({ type: 'DateTime', required: true }),
        to: t.arg({ type: 'DateTime', required: true }),
        bucket: t.arg({ type: BucketEnum }),
      },
      load: (ids: number[], ctx, args) => loadSeries(ids, ctx, args),
      resolve: (d) => d.id,
    }),
  }),
});
