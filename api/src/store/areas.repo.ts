// Areas (city → district → street → community → grid): GeoJSON for the map, rows for the API.
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { type AccessScope, areaScopeParams } from '../access/scope.ts';
import type { AreaLevel } from '../domain/codes.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';
import { StoreError } from './store-error.ts';

const SQL_DIR = fileURLToPath(new URL('sql/areas', import.meta.url));
const AREAS_GEOJSON = loadSql(SQL_DIR, 'areas_geojson');
const BY_CODES = loadSql(SQL_DIR, 'areas_by_codes');
const CHILDREN = loadSql(SQL_DIR, 'areas_children');
const PAGE = loadSql(SQL_DIR, 'areas_page');
const BOUNDARIES = loadSql(SQL_DIR, 'area_boundaries');
const CHECK = loadSql(SQL_DIR, 'area_check');
const SERVICE_AREA = loadSql(SQL_DIR, 'service_area');

export async function findAreasGeoJson(
  db: Queryable,
  scope: AccessScope,
  level: AreaLevel,
): Promise<FeatureCollection> {
  try {
    const { rows } = await db.query<{ collection: FeatureCollection }>({
      ...AREAS_GEOJSON,
      values: [level, ...areaScopeParams(scope)],
    });
    return rows[0]!.collection;
  } catch (cause) {
    throw new StoreError(`reading ${level} areas`, { cause });
  }
}

export async function countAreas(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  return rows[0]!.n;
}

export async function postgisVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ v: string }>('SELECT postgis_lib_version() AS v');
  return rows[0]!.v;
}

export interface AreaRow {
  code: string;
  name: string;
  name_en: string | null;
  level: AreaLevel;
  parent_code: string | null;
  synthetic: boolean;
  area_km2: number;
}

export function findAreasByCodes(
  db: Queryable,
  scope: AccessScope,
  codes: readonly string[],
): Promise<AreaRow[]> {
  const values = [codes, ...areaScopeParams(scope)];
  return queryRows<AreaRow>(db, BY_CODES, values, `loading ${codes.length} areas`);
}

export function findAreaChildren(
  db: Queryable,
  scope: AccessScope,
  parentCodes: readonly string[],
): Promise<AreaRow[]> {
  return queryRows<AreaRow>(db, CHILDREN, [parentCodes, ...areaScopeParams(scope)], 'loading child areas');
}

export async function findAreasPage(
  db: Queryable,
  scope: AccessScope,
  filter: { level: AreaLevel | null; parentCode: string | null },
  afterCode: string,
  limit: number,
): Promise<{ rows: AreaRow[]; total: number }> {
  const rows = await queryRows<AreaRow & { total: number }>(
    db,
    PAGE,
    [filter.level, filter.parentCode, afterCode, limit, ...areaScopeParams(scope)],
    'listing areas',
  );
  return { rows: rows.filter((r) => r.code !== null), total: rows[0]!.total };
}

export function findAreaBoundaries(
  db: Queryable,
  scope: AccessScope,
  codes: readonly string[],
): Promise<{ code: string; boundary: MultiPolygon }[]> {
  return queryRows(db, BOUNDARIES, [codes, ...areaScopeParams(scope)], 'loading area boundaries');
}

/** Size and placement are measured on a valid polygon only. */
export type PolygonCheck =
  | { valid: false; reason: string | null; area_km2: null; in_city: null }
  | { valid: true; reason: null; area_km2: number; in_city: boolean };

/** PostGIS's verdict on a client polygon: validity and why not, size, and whether it touches the city. */
export async function checkPolygon(db: Queryable, geojson: string): Promise<PolygonCheck> {
  return (await queryRows<PolygonCheck>(db, CHECK, [geojson], 'checking a polygon'))[0]!;
}

/** The city's bounding box [minLon, minLat, maxLon, maxLat], or null before the city is seeded. */
export async function findServiceArea(db: Queryable): Promise<[number, number, number, number] | null> {
  const [row] = await queryRows<{
    min_lon: number | null;
    min_lat: number;
    max_lon: number;
    max_lat: number;
  }>(db, SERVICE_AREA, [], 'reading the city extent');
  if (!row || row.min_lon === null) return null;
  return [row.min_lon, row.min_lat, row.max_lon, row.max_lat];
}
