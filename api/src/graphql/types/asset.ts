// Assets (一栋一码 / 一物一码): the Asset interface, one node type per kind, and the asset queries.

import type { AssetKind } from '../../domain/codes.ts';
import { DomainError } from '../../domain-error.ts';
import { parseRadius } from '../../geo/area-input.ts';
import { type BBox, parseGeometry } from '../../geo/geojson.ts';
import { toAssetQuery } from '../../search/asset-filter.ts';
import {
  type AssetRow,
  countAssets,
  findAssetByCode,
  findAssetsByIds,
  findAssetsPage,
  findNearestAssets,
  findProximityPairs,
  type ProximityPair,
} from '../../store/assets.repo.ts';
import { findDevicesByAssetIds } from '../../store/devices.repo.ts';
import { builder, type SchemaTypes } from '../builder.ts';
import {
  AssetKindEnum,
  BuildingUseEnum,
  LampStatusEnum,
  RiskGradeEnum,
  SafetyGradeEnum,
  SiteStageEnum,
} from '../enums.ts';
import { decodeNumberCursor, encodeCursor, pageSize, toConnection } from '../pagination.ts';
import { Area } from './area.ts';
import { AreaInput, areaOrCity } from './area-input.ts';
import { Device } from './device.ts';
import { ResponsibleUnit } from './unit.ts';

export const MAX_K = 100;
export const MAX_PROXIMITY_M = 1_000;

const TYPE_NAMES: Record<AssetKind, string> = {
  building: 'Building',
  construction_site: 'ConstructionSite',
  slope: 'Slope',
  street_lamp: 'StreetLamp',
  waterlogging_point: 'WaterloggingPoint',
  gas_pipeline: 'GasPipeline',
};

// Fields typed Asset may resolve to an asset id; one per-request loader fetches them all.
export const Asset = builder.loadableInterfaceRef<AssetRow, number>('Asset', {
  load: (ids: number[], ctx) => findAssetsByIds(ctx.db, ctx.scope, ids),
  sort: (a) => a.id,
});

Asset.implement({
  description:
    'Anything on the map with a public code: a building, site, slope, lamp, waterlogging point or pipe.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (row) => TYPE_NAMES[row.kind],
  fields: (t) => ({
    kind: t.field({ type: AssetKindEnum, resolve: (a) => a.kind }),
    code: t.exposeString('code', { description: 'The code on the QR plate (一栋一码 / 一物一码).' }),
    name: t.exposeString('name'),
    geometry: t.field({ type: 'GeoJSON', resolve: (a) => a.geometry }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for the generated demo city.' }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updated_at }),
    district: t.field({ type: Area, resolve: (a) => a.district_code }),
    street: t.field({ type: Area, nullable: true, resolve: (a) => a.street_code }),
    community: t.field({ type: Area, nullable: true, resolve: (a) => a.community_code }),
    grid: t.field({ type: Area, nullable: true, resolve: (a) => a.grid_code }),
    areaChain: t.field({
      type: [Area],
      description: 'District, street, community and grid, from the top down.',
      resolve: (a) =>
        [a.district_code, a.street_code, a.community_code, a.grid_code].filter(
          (c): c is string => c !== null,
        ),
    }),
    unit: t.field({ type: ResponsibleUnit, nullable: true, resolve: (a) => a.unit_id }),
    devices: t.loadableList({
      type: Device,
      description: 'Monitoring devices on this asset (SensorThings: the Things of this Thing).',
      load: async (ids: number[], ctx) => {
        const rows = await findDevicesByAssetIds(ctx.db, ctx.scope, ids);
        return ids.map((id) => rows.filter((d) => d.asset_id === id));
      },
      resolve: (a) => a.id,
    }),
  }),
});

type AttrBuilder = PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, AssetRow>;

function assetNode(
  kind: AssetKind,
  description: string,
  fields: (t: AttrBuilder) => Record<string, unknown>,
) {
  const ref = builder.loadableNodeRef<AssetRow, string, string>(TYPE_NAMES[kind], {
    id: { resolve: (a) => a.id },
    load: async (ids: string[], ctx) => {
      const numeric = ids.map(Number).filter(Number.isSafeInteger);
      return (await findAssetsByIds(ctx.db, ctx.scope, numeric)).filter((a) => a.kind === kind);
    },
    sort: (a) => String(a.id),
  });
  ref.implement({
    description,
    interfaces: [Asset],
    isTypeOf: (value) => (value as AssetRow).kind === kind,
    fields: fields as never,
  });
  return ref;
}

const attr = <T>(key: string) => ({ resolve: (a: AssetRow) => a.attrs[key] as T });

assetNode('building', '房屋 — a building with its use, structure and safety grade (JGJ 125).', (t) => ({
  floors: t.int(attr<number>('floors')),
  heightM: t.float(attr<number>('height_m')),
  use: t.field({ type: BuildingUseEnum, ...attr<string>('use') }),
  structure: t.string(attr<string>('structure')),
  yearBuilt: t.int(attr<number>('year_built')),
  selfBuilt: t.boolean({ description: '自建房', ...attr<boolean>('self_built') }),
  safetyGrade: t.field({ type: SafetyGradeEnum, ...attr<'A' | 'B' | 'C' | 'D'>('safety_grade') }),
  footprintM2: t.float(attr<number>('footprint_m2')),
  floorAreaM2: t.float(attr<number>('floor_area_m2')),
  lastInspectedOn: t.string({
    nullable: true,
    description: 'YYYY-MM-DD',
    ...attr<string | null>('last_inspected_on'),
  }),
  hazards: t.stringList(attr<string[]>('hazards')),
}));

assetNode(
  'construction_site',
  '在建工地 — a site with its parties, stage, deep pit and dangerous works (危大工程).',
  (t) => ({
    projectName: t.string(attr<string>('project_name')),
    builder: t.string({ description: '建设单位', ...attr<string>('builder') }),
    contractor: t.string({ description: '施工单位', ...attr<string>('contractor') }),
    supervisor: t.string({ description: '监理单位', ...attr<string>('supervisor') }),
    monitor: t.string({ nullable: true, description: '第三方监测单位', ...attr<string | null>('monitor') }),
    stage: t.field({ type: SiteStageEnum, ...attr<string>('stage') }),
    dangerousWorks: t.stringList(attr<string[]>('dangerous_works')),
    pitDepthM: t.float({ nullable: true, ...attr<number | null>('pit_depth_m') }),
    pitOutline: t.field({ type: 'GeoJSON', nullable: true, ...attr<never>('pit_outline') }),
    startedOn: t.string(attr<string>('started_on')),
    plannedCompletion: t.string(attr<string>('planned_completion')),
  }),
);

assetNode('slope', '边坡 — a slope with its risk grade and hazard buffer.', (t) => ({
  riskGrade: t.field({ type: RiskGradeEnum, ...attr<'low' | 'medium' | 'high'>('risk_grade') }),
  slopeType: t.string(attr<string>('slope_type')),
  heightM: t.float(attr<number>('height_m')),
  gradientDeg: t.float(attr<number>('gradient_deg')),
  hazardBufferM: t.float({
    description: 'Buildings within this distance are at risk.',
    ...attr<number>('hazard_buffer_m'),
  }),
  protection: t.string({ nullable: true, ...attr<string | null>('protection') }),
}));

assetNode('street_lamp', '路灯 — a street lamp on a circuit fed by a cabinet.', (t) => ({
  circuitCode: t.string(attr<string>('circuit_code')),
  cabinetCode: t.string(attr<string>('cabinet_code')),
  roadName: t.string(attr<string>('road_name')),
  roadClass: t.string(attr<string>('road_class')),
  lampType: t.string(attr<string>('lamp_type')),
  powerW: t.int(attr<number>('power_w')),
  poleHeightM: t.float(attr<number>('pole_height_m')),
  status: t.field({ type: LampStatusEnum, ...attr<'on' | 'off' | 'fault'>('status') }),
}));

assetNode(
  'waterlogging_point',
  '易涝点 — a waterlogging point with its depth bands in centimetres.',
  (t) => ({
    roadName: t.string(attr<string>('road_name')),
    blueCm: t.float(attr<number>('blue_cm')),
    yellowCm: t.float(attr<number>('yellow_cm')),
    orangeCm: t.float(attr<number>('orange_cm')),
    redCm: t.float(attr<number>('red_cm')),
    historyMaxCm: t.float({ nullable: true, ...attr<number | null>('history_max_cm') }),
  }),
);

assetNode('gas_pipeline', '燃气管道 — a gas pipe segment.', (t) => ({
  pressureClass: t.string(attr<string>('pressure_class')),
  diameterMm: t.int(attr<number>('diameter_mm')),
  material: t.string(attr<string>('material')),
  operator: t.string(attr<string>('operator')),
  buriedDepthM: t.float(attr<number>('buried_depth_m')),
  builtYear: t.int(attr<number>('built_year')),
  lengthM: t.float(attr<number>('length_m')),
}));

const AssetFilter = builder.inputType('AssetFilter', {
  description:
    'All given conditions must hold. Attribute filters imply their kind (safety grade → buildings).',
  fields: (t) => ({
    kinds: t.field({ type: [AssetKindEnum] }),
    area: t.field({ type: AreaInput }),
    text: t.string({ description: 'Part of the code or name.' }),
    safetyGrades: t.field({ type: [SafetyGradeEnum] }),
    selfBuilt: t.boolean(),
    floorsMin: t.int(),
    floorsMax: t.int(),
    riskGrades: t.field({ type: [RiskGradeEnum] }),
    lampStatuses: t.field({ type: [LampStatusEnum] }),
    siteStages: t.field({ type: [SiteStageEnum] }),
  }),
});

builder.queryField('asset', (t) =>
  t.field({
    type: Asset,
    description: 'The asset a scanned QR plate resolves to; NOT_FOUND when the code is unknown.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, ctx) => {
      const normal = code.trim().toUpperCase();
      const row = normal.length <= 40 ? await findAssetByCode(ctx.db, ctx.scope, normal) : null;
      if (!row) throw new DomainError('NOT_FOUND', `no asset has the code ${code.slice(0, 40)}`);
      return row;
    },
  }),
);

builder.queryField('assets', (t) =>
  t.connection(
    {
      type: Asset,
      description: 'Assets matching a filter, in id order.',
      args: { filter: t.arg({ type: AssetFilter }) },
      complexity: (args) => ({ field: 2, multiplier: args.first ?? 50 }),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw new DomainError('INVALID_INPUT', 'assets pages forward only: use first and after');
        }
        const limit = pageSize(args.first);
        const afterId = decodeNumberCursor('asset', args.after);
        const filter = args.filter ?? {};
        const query = toAssetQuery(
          { ...filter, kinds: filter.kinds as AssetKind[] | null | undefined },
          await areaOrCity(ctx, filter.area),
        );
        const rows = await findAssetsPage(ctx.db, ctx.scope, query, afterId, limit + 1);
        return toConnection(
          rows,
          limit,
          (r) => encodeCursor('asset', r.id),
          afterId > 0,
          () => countAssets(ctx.db, ctx.scope, query),
        );
      },
    },
    { name: 'AssetConnection' },
    { name: 'AssetEdge' },
  ),
);

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
