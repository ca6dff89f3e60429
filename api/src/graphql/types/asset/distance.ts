// Distances between assets: Query.nearest (k nearest to a point) and Query.proximity (pairs closer than a
// distance, or inside a slope's hazard buffer).
import type { AssetKind } from '../../../domain/codes.ts';
import { DomainError } from '../../../domain-error.ts';
import { parseRadius } from '../../../geo/area-input.ts';
import { type BBox, parseGeometry } from '../../../geo/geojson.ts';
import {
  type AssetRow,
  findNearestAssets,
  findProximityPairs,
  type ProximityPair,
} from '../../../store/assets.repo.ts';
import { builder } from '../../builder.ts';
import { AssetKindEnum } from '../../enums.ts';
import { decodeNumberCursor, encodeCursor, pageSize, toConnection } from '../../pagination.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { Asset } from './asset.ts';

const MAX_K = 100;
const MAX_PROXIMITY_M = 1_000;

const NearestAsset = builder.objectRef<AssetRow & { distance_m: number }>('NearestAsset').implement({
  fields: (t) => ({
    asset: t.field({ type: Asset, resolve: (n) => n }),
    distanceM: t.exposeFloat('distance_m', { description: 'Metres on the WGS84 spheroid.' }),
  }),
});

function pointOf(value: unknown, serviceArea: BBox): { lon: number; lat: number } {
  const point = parseGeometry(value, ['Point'], serviceArea);
  return { lon: point.coordinates[0]!, lat: point.coordinates[1]! };
}

function kindsOf(kinds: readonly string[] | null | undefined, what: string): AssetKind[] | null {
  if (kinds == null) return null;
  if (kinds.length === 0) throw new DomainError('INVALID_INPUT', `${what} is empty`);
  return kinds as AssetKind[];
}

builder.queryField('nearest', (t) =>
  t.field({
    type: [NearestAsset],
    description: 'The k assets nearest to a point, nearest first, with distances in metres.',
    args: {
      point: t.arg({ type: 'GeoJSON', required: true, description: 'A GeoJSON Point.' }),
      kinds: t.arg({ type: [AssetKindEnum] }),
      k: t.arg.int({ defaultValue: 10, description: `1 to ${MAX_K}.` }),
      maxDistanceM: t.arg.float(),
    },
    complexity: (args) => ({ field: 2, multiplier: args.k ?? 10 }),
    resolve: (_root, args, ctx) => {
      const k = args.k ?? 10;
      if (!Number.isInteger(k) || k < 1)
        throw new DomainError('INVALID_INPUT', 'k must be a whole number ≥ 1');
      if (k > MAX_K) throw new DomainError('LIMIT_EXCEEDED', `k may be at most ${MAX_K}`);
      return findNearestAssets(ctx.db, ctx.scope, {
        ...pointOf(args.point, ctx.serviceArea),
        kinds: kindsOf(args.kinds, 'kinds'),
        k,
        maxDistanceM: args.maxDistanceM == null ? null : parseRadius(args.maxDistanceM, 'maxDistanceM'),
      });
    },
  }),
);

const ProximityPairRef = builder.objectRef<ProximityPair>('ProximityPair').implement({
  description: 'A subject and a target closer than the asked distance.',
  fields: (t) => ({
    subject: t.field({ type: Asset, resolve: (p) => p.subject_id }),
    target: t.field({ type: Asset, resolve: (p) => p.target_id }),
    distanceM: t.exposeFloat('distance_m', { description: 'Metres on the WGS84 spheroid.' }),
  }),
});

builder.queryField('proximity', (t) =>
  t.connection(
    {
      type: ProximityPairRef,
      description:
        'Pairs closer than withinM, nearest first: e.g. construction sites within 50 m of gas pipelines ' +
        "(涉燃气管道的第三方工地). Without withinM, each pair uses its slope's hazard buffer " +
        '(buildings inside a slope buffer). Subjects are limited to the area.',
      args: {
        subjectKinds: t.arg({ type: [AssetKindEnum], required: true }),
        targetKinds: t.arg({ type: [AssetKindEnum], required: true }),
        withinM: t.arg.float({ description: `Metres, at most ${MAX_PROXIMITY_M}.` }),
        area: t.arg({ type: AreaInput }),
      },
      complexity: (args) => ({ field: 5, multiplier: args.first ?? 50 }),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw new DomainError('INVALID_INPUT', 'proximity pages forward only: use first and after');
        }
        const subjectKinds = kindsOf(args.subjectKinds, 'subjectKinds')!;
        const targetKinds = kindsOf(args.targetKinds, 'targetKinds')!;
        let withinM: number | null = null;
        if (args.withinM != null) {
          withinM = parseRadius(args.withinM, 'withinM');
          if (withinM > MAX_PROXIMITY_M) {
            throw new DomainError('LIMIT_EXCEEDED', `withinM may be at most ${MAX_PROXIMITY_M} m`);
          }
        } else if (!subjectKinds.includes('slope') && !targetKinds.includes('slope')) {
          throw new DomainError(
            'INVALID_INPUT',
            'withinM is required unless slopes are involved (hazard buffer)',
          );
        }
        const limit = pageSize(args.first);
        const offset = decodeNumberCursor('pair', args.after);
        const area = await areaOrCity(ctx, args.area);
        const query = { area, subjectKinds, targetKinds, withinM };
        const rows = await findProximityPairs(ctx.db, ctx.scope, query, offset, limit + 1);
        // A page past the end has no row to carry the total; the first row of the first page has it.
        const total =
          rows[0]?.total ??
          (offset > 0 ? ((await findProximityPairs(ctx.db, ctx.scope, query, 0, 1))[0]?.total ?? 0) : 0);
        let index = offset;
        return toConnection(rows, limit, () => encodeCursor('pair', ++index), offset > 0, total);
      },
    },
    { name: 'ProximityConnection' },
    { name: 'ProximityEdge' },
  ),
);
