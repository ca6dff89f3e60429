// The buildings tileset's storage: what each building contributes, the tiles as built, and the build record.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { loadSql, type Queryable, queryRows } from '../tile-sql.ts';
import type { Bounds } from './tile-grid.ts';
import type { TileRecord } from './tileset-json.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const sql = (name: string) => loadSql(SQL_DIR, name);
const MEMBERS = sql('building_tile_members');
const FEATURES = sql('building_tile_features');
const STORED = sql('building_tiles_stored');
const UPSERT = sql('building_tiles_upsert');
const DELETE = sql('building_tiles_delete');
const SAVE = sql('building_tileset_save');
const CONTENT = sql('building_tile_content');
const VERSION = sql('building_tileset_version');

export interface MemberRow {
  id: number;
  code: string;
  street_code: string;
  district_code: string;
  lon: number;
  lat: number;
  height_m: number;
  digest: string;
}

export interface FeatureRow {
  id: number;
  code: string;
  height_m: number;
  safety_grade: string;
  self_built: boolean;
  use: string;
  floors: number;
  footprint: string;
}

export interface BuiltTile extends TileRecord {
  buildings: number;
  content: Buffer;
}

export const findTileMembers = (db: Queryable) =>
  queryRows<MemberRow>(db, MEMBERS, [], 'listing buildings for the tileset');

export const findTileFeatures = (db: Queryable, ids: readonly number[]) =>
  queryRows<FeatureRow>(db, FEATURES, [ids], 'reading building footprints for tiles');

export async function findStoredTiles(db: Queryable): Promise<TileRecord[]> {
  const rows = await queryRows<{
    street_code: string;
    district_code: string;
    level: number;
    x: number;
    y: number;
    source_hash: string;
    bounds: number[];
    max_height_m: number;
  }>(db, STORED, [], 'listing building tiles');
  return rows.map((r) => ({
    streetCode: r.street_code,
    districtCode: r.district_code,
    level: r.level,
    x: r.x,
    y: r.y,
    sourceHash: r.source_hash,
    bounds: r.bounds as unknown as Bounds,
    maxHeightM: r.max_height_m,
  }));
}

export async function saveTiles(db: pg.PoolClient, tiles: readonly BuiltTile[]) {
  if (tiles.length === 0) return;
  await queryRows(
    db,
    UPSERT,
    [
      tiles.map((t) => t.streetCode),
      tiles.map((t) => t.districtCode),
      tiles.map((t) => t.level),
      tiles.map((t) => t.x),
      tiles.map((t) => t.y),
      tiles.map((t) => t.sourceHash),
      tiles.map((t) => t.buildings),
      tiles.flatMap((t) => [...t.bounds]),
      tiles.map((t) => t.maxHeightM),
      tiles.map((t) => t.content),
    ],
    'saving building tiles',
  );
}

export async function deleteTiles(db: pg.PoolClient, tiles: readonly TileRecord[]) {
  if (tiles.length === 0) return;
  await queryRows(
    db,
    DELETE,
    [tiles.map((t) => t.streetCode), tiles.map((t) => t.level), tiles.map((t) => t.x), tiles.map((t) => t.y)],
    'deleting empty building tiles',
  );
}

export const saveTileset = (db: pg.PoolClient, version: string, buildings: number, tiles: number) =>
  queryRows(db, SAVE, [version, buildings, tiles], 'recording the tileset build');

export async function findTileContent(
  db: Queryable,
  key: { streetCode: string; level: number; x: number; y: number },
) {
  const rows = await queryRows<{ district_code: string; source_hash: string; content: Buffer }>(
    db,
    CONTENT,
    [key.streetCode, key.level, key.x, key.y],
    'reading a building tile',
  );
  return rows[0] ?? null;
}

export async function findTilesetVersion(db: Queryable) {
  const rows = await queryRows<{ version: string; buildings: number; tiles: number; built_at: Date }>(
    db,
    VERSION,
    [],
    'reading the tileset version',
  );
  return rows[0] ?? null;
}
