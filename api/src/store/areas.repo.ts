// Areas as GeoJSON for the map.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type { Queryable } from './db.ts';
import { loadSql } from './sql-file.ts';
import { StoreError } from './store-error.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const AREAS_GEOJSON = loadSql(SQL_DIR, 'areas_geojson');

export const AREA_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export async function findAreasGeoJson(db: Queryable, level: AreaLevel): Promise<FeatureCollection> {
  try {
    const { rows } = await db.query<{ collection: FeatureCollection }>({ ...AREAS_GEOJSON, values: [level] });
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
