// The vector tiles' SQL: one ST_AsMVT statement per layer (sql/mvt_<layer>.sql) and the map change log.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from '../../api/src/store/db.ts';
import { loadSql } from '../../api/src/store/sql-file.ts';
import { MVT_LAYERS } from './mvt-layers.ts';
import type { MapChange } from './tile-cache.ts';
import type { LayerQuery, TileAddress } from './tile-request.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const TILE_SQL = new Map(MVT_LAYERS.map((l) => [l.name, loadSql(SQL_DIR, `mvt_${l.name}`)]));
const SINCE = loadSql(SQL_DIR, 'map_changes_since');
const LATEST = loadSql(SQL_DIR, 'map_changes_latest');
const PRUNE = loadSql(SQL_DIR, 'map_changes_prune');

/** The statement and its values for one tile (the bench runs the same statement bare). */
export function tileStatement(query: LayerQuery, address: TileAddress, scope: string | null) {
  return {
    statement: TILE_SQL.get(query.layer.name)!,
    values: [address.z, address.x, address.y, scope, ...query.values],
  };
}

/** The encoded tile (empty when nothing is in it). */
export async function renderTile(
  db: Queryable,
  query: LayerQuery,
  address: TileAddress,
  scope: string | null,
): Promise<Uint8Array> {
  const { statement, values } = tileStatement(query, address, scope);
  const rows = await queryRows<{ tile: Buffer | null }>(
    db,
    statement,
    values,
    `making ${query.layer.name} tile ${address.z}/${address.x}/${address.y}`,
  );
  return rows[0]?.tile ?? new Uint8Array(0);
}

export async function findChangesSince(db: Queryable, afterId: number): Promise<MapChange[]> {
  const rows = await queryRows<{
    id: number;
    layer: string;
    west: number;
    south: number;
    east: number;
    north: number;
  }>(db, SINCE, [afterId], 'reading map changes');
  return rows.map((r) => ({ id: r.id, layer: r.layer, bounds: [r.west, r.south, r.east, r.north] }));
}

export async function findLatestChangeId(db: Queryable): Promise<number> {
  const rows = await queryRows<{ id: number }>(db, LATEST, [], 'reading the latest map change');
  return rows[0]!.id;
}

export async function pruneChanges(db: Queryable): Promise<void> {
  await queryRows(db, PRUNE, [], 'pruning old map changes');
}
