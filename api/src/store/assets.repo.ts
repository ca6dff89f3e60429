// Assets for the API: by id and code, filtered pages, nearest neighbours and close pairs.
import { fileURLToPath } from 'node:url';
import type { Geometry } from 'geojson';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import type { AssetKind } from '../domain/codes.ts';
import { areaParams, type ResolvedArea } from './area-params.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/assets', import.meta.url));
const BY_IDS = loadSql(SQL_DIR, 'assets_by_ids');
const BY_CODE = loadSql(SQL_DIR, 'asset_by_code');
const PAGE = loadSql(SQL_DIR, 'assets_page', { planEachTime: true });
const COUNT = loadSql(SQL_DIR, 'assets_count', { planEachTime: true });
const NEAREST = loadSql(SQL_DIR, 'assets_nearest');
const PROXIMITY = loadSql(SQL_DIR, 'assets_proximity', { planEachTime: true });

/** 一栋一码 / 一物一码, as the assets table checks it: e.g. BD-440304-000123. */
export const ASSET_CODE = /^[A-Z]{2}-[0-9A-Z]{6,16}-[0-9]{4,8}$/;

/** A row of the asset_rows view; attrs holds the kind's own columns (snake_case, as in its table). */
export interface AssetRow {
  id: number;
  kind: AssetKind;
  code: string;
  name: string;
  geometry: Geometry;
  district_code: string;
  street_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  unit_id: number | null;
  synthetic: boolean;
  updated_at: Date;
  attrs: Record<string, unknown>;
}

export interface AssetQuery {
  area: ResolvedArea;
  kinds: readonly AssetKind[] | null;
  /** An ILIKE pattern, already escaped. */
  namePattern: string | null;
  safetyGrades: readonly string[] | null;
  selfBuilt: boolean | null;
  floorsMin: number | null;
  floorsMax: number | null;
  riskGrades: readonly string[] | null;
  lampStatuses: readonly string[] | null;
  siteStages: readonly string[] | null;
}

function queryParams(q: AssetQuery): unknown[] {
  return [
    ...areaParams(q.area),
    q.kinds,
    q.namePattern,
    q.safetyGrades,
    q.selfBuilt,
    q.floorsMin,
    q.floorsMax,
    q.riskGrades,
    q.lampStatuses,
    q.siteStages,
  ];
}

export function findAssetsByIds(
  db: Queryable,
  scope: AccessScope,
  ids: readonly number[],
): Promise<AssetRow[]> {
  return queryRows<AssetRow>(db, BY_IDS, [ids, scopeCode(scope)], `loading ${ids.length} assets by id`);
}

export async function findAssetByCode(
  db: Queryable,
  scope: AccessScope,
  code: string,
): Promise<AssetRow | null> {
  const rows = await queryRows<AssetRow>(db, BY_CODE, [code, scopeCode(scope)], `looking up asset ${code}`);
  return rows[0] ?? null;
}

export function findAssetsPage(
  db: Queryable,
  scope: AccessScope,
  q: AssetQuery,
  afterId: number,
  limit: number,
): Promise<AssetRow[]> {
  return queryRows<AssetRow>(
    db,
    PAGE,
    [...queryParams(q), afterId, limit, scopeCode(scope)],
    'searching assets',
  );
}

export async function countAssets(db: Queryable, scope: AccessScope, q: AssetQuery): Promise<number> {
  const values = [...queryParams(q), scopeCode(scope)];
  return (await queryRows<{ n: number }>(db, COUNT, values, 'counting assets'))[0]!.n;
}

export interface NearestQuery {
  lon: number;
  lat: number;
  kinds: readonly AssetKind[] | null;
  k: number;
  maxDistanceM: number | null;
}

export function findNearestAssets(
  db: Queryable,
  scope: AccessScope,
  q: NearestQuery,
): Promise<(AssetRow & { distance_m: number })[]> {
  return queryRows(
    db,
    NEAREST,
    [q.lon, q.lat, q.kinds, q.k, q.maxDistanceM, scopeCode(scope)],
    'finding the nearest assets',
  );
}

export interface ProximityQuery {
  area: ResolvedArea;
  subjectKinds: readonly AssetKind[];
  targetKinds: readonly AssetKind[];
  /** null: the hazard buffer of the slope in each pair. */
  withinM: number | null;
}

export interface ProximityPair {
  subject_id: number;
  target_id: number;
  distance_m: number;
  total: number;
}

export function findProximityPairs(
  db: Queryable,
  scope: AccessScope,
  q: ProximityQuery,
  offset: number,
  limit: number,
): Promise<ProximityPair[]> {
  return queryRows<ProximityPair>(
    db,
    PROXIMITY,
    [...areaParams(q.area), q.subjectKinds, q.targetKinds, q.withinM, offset, limit, scopeCode(scope)],
    'finding close pairs of assets',
  );
}
