// The vector tiles' SQL: one ST_AsMVT statement per layer (sql/mvt_<layer>.sql), encoded by PostGIS or, where
// PostGIS lacks protobuf-c, in Node from the same statement's rows; and the map change log.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { TileQueryError } from '../tile-errors.ts';
import { loadSql, type Queryable, queryRows, type SqlStatement } from '../tile-sql.ts';
import { encodeTile, type TileFeatureRow } from './mvt-encode.ts';
import { MVT_LAYERS } from './mvt-layers.ts';
import type { MapChange } from './tile-cache.ts';
import type { LayerQuery, TileAddress } from './tile-request.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const TILE_SQL = new Map(MVT_LAYERS.map((l) => [l.name, loadSql(SQL_DIR, `mvt_${l.name}`)]));
const SINCE = loadSql(SQL_DIR, 'map_changes_since');
const LATEST = loadSql(SQL_DIR, 'map_changes_latest');
const PRUNE = loadSql(SQL_DIR, 'map_changes_prune');
const PROBE = loadSql(SQL_DIR, 'mvt_probe');

/** Who encodes the tile: PostGIS's ST_AsMVT, or Node from the mvt_geom rows where PostGIS lacks protobuf-c. */
export type MvtEncoder = 'sql' | 'node';

/**
 * Every mvt_<layer>.sql ends with `SELECT ST_AsMVT(features, '<layer>', 4096, 'geom'[, '<id>']) AS tile FROM
 * features WHERE geom IS NOT NULL;`. The Node encoder runs the same statement with that last SELECT returning
 * the rows instead, geometry as GeoJSON in tile coordinates: one place defines what a tile holds.
 */
const FINAL_SELECT =
  /SELECT ST_AsMVT\(features, '(\w+)', (\d+), 'geom'(?:, '(\w+)')?\) AS tile FROM features WHERE geom IS NOT NULL;\s*$/;

function rowsStatement(statement: SqlStatement) {
  const match = FINAL_SELECT.exec(statement.text);
  if (!match)
    throw new Error(`${statement.name}.sql does not end with the ST_AsMVT select the Node encoder expects`);
  const [, layer, extent, idColumn] = match;
  const text = statement.text.replace(
    FINAL_SELECT,
    'SELECT ST_AsGeoJSON(geom) AS "mvt:geometry", * FROM features WHERE geom IS NOT NULL;',
  );
  return {
    statement: { name: `${statement.name}_rows`, text },
    layer: layer!,
    extent: Number(extent),
    idColumn: idColumn ?? null,
  };
}

const ROWS_SQL = new Map([...TILE_SQL].map(([name, statement]) => [name, rowsStatement(statement)]));

/** The statement and its values for one tile (the bench runs the same statement bare). */
export function tileStatement(query: LayerQuery, address: TileAddress, scope: string | null) {
  return {
    statement: TILE_SQL.get(query.layer.name)!,
    values: [address.z, address.x, address.y, scope, ...query.values],
  };
}

/** ST_AsMVT if this PostGIS can encode, else the Node encoder (asked once per pool). */
export async function detectMvtEncoder(db: Queryable): Promise<MvtEncoder> {
  try {
    await db.query(PROBE.text);
    return 'sql';
  } catch (error) {
    if (/protobuf-c/.test((error as Error).message)) return 'node';
    throw new TileQueryError('checking whether PostGIS can encode vector tiles', { cause: error });
  }
}

/** The encoded tile (empty when nothing is in it). */
export async function renderTile(
  db: Queryable,
  query: LayerQuery,
  address: TileAddress,
  scope: string | null,
  encoder: MvtEncoder = 'sql',
): Promise<Uint8Array> {
  const { statement, values } = tileStatement(query, address, scope);
  const action = `making ${query.layer.name} tile ${address.z}/${address.x}/${address.y}`;
  if (encoder === 'node') return renderTileInNode(db, query.layer.name, values, action);
  const rows = await queryRows<{ tile: Buffer | null }>(db, statement, values, action);
  return rows[0]?.tile ?? new Uint8Array(0);
}

// Values as PostgreSQL prints them, turned into what ST_AsMVT writes: booleans, integers and floats as
// themselves, everything else as its text.
const raw = { getTypeParser: () => (value: string) => value };
const BOOL = 16;
const NUMERIC_TYPES = new Set([20, 21, 23, 700, 701]);

async function renderTileInNode(
  db: Queryable,
  layerName: string,
  values: unknown[],
  action: string,
): Promise<Uint8Array> {
  const { statement, layer, extent, idColumn } = ROWS_SQL.get(layerName)!;
  let result: pg.QueryResult<Record<string, string | null>>;
  try {
    result = await db.query({ ...statement, values, types: raw } as pg.QueryConfig);
  } catch (cause) {
    throw new TileQueryError(action, { cause });
  }
  const columns = result.fields.filter((f) => f.name !== 'geom' && f.name !== 'mvt:geometry');
  const rows: TileFeatureRow[] = result.rows.map((row) => {
    const properties: TileFeatureRow['properties'] = {};
    for (const { name, dataTypeID } of columns) {
      if (name === idColumn) continue;
      const value = row[name] ?? null;
      properties[name] =
        value === null
          ? null
          : dataTypeID === BOOL
            ? value === 't'
            : NUMERIC_TYPES.has(dataTypeID)
              ? Number(value)
              : value;
    }
    return {
      id: idColumn && row[idColumn] != null ? Number(row[idColumn]) : undefined,
      geometry: JSON.parse(row['mvt:geometry']!),
      properties,
    };
  });
  return encodeTile(layer, extent, rows);
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
