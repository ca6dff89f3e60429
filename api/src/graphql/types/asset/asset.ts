// The Asset interface (一栋一码 / 一物一码): what every kind of asset on the map has.
import type { AssetKind } from '../../../domain/codes.ts';
import { type AssetRow, findAssetsByIds } from '../../../store/assets.repo.ts';
import { findDevicesByAssetIds } from '../../../store/devices.repo.ts';
import { builder } from '../../builder.ts';
import { AssetKindEnum } from '../../enums.ts';
import { Area } from '../area.ts';
import { Device } from '../device.ts';
import { ResponsibleUnit } from '../unit.ts';

export const TYPE_NAMES: Record<AssetKind, string> = {
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
