// The big screen's map layers: every asset of one kind in the caller's area as one GeoJSON FeatureCollection,
// built in SQL (one statement per layer in sql/layer_<kind>.sql).
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

export const MAP_LAYERS = [
  'construction_site',
  'slope',
  'street_lamp',
  'waterlogging_point',
  'gas_pipeline',
  'crane',
] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

const SQL_DIR = fileURLToPath(new URL('sql/layers', import.meta.url));
const QUERIES = Object.fromEntries(MAP_LAYERS.map((l) => [l, loadSql(SQL_DIR, `layer_${l}`)])) as Record<
  MapLayer,
  ReturnType<typeof loadSql>
>;

export const isMapLayer = (name: string): name is MapLayer =>
  (MAP_LAYERS as readonly string[]).includes(name);

export async function findLayer(
  db: Queryable,
  scope: AccessScope,
  layer: MapLayer,
): Promise<FeatureCollection> {
  const rows = await queryRows<{ collection: FeatureCollection }>(
    db,
    QUERIES[layer],
    [scopeCode(scope)],
    `reading the ${layer} layer`,
  );
  return rows[0]!.collection;
}
