// The analyst workbench's queries: trends of alerts and cases per time bucket, where alerts were, and the
// asset and alert tables behind its list views and exports. Every row is cut to the caller's scope in SQL.
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import type { WeightedPoint } from '../analysis/hexbin.ts';
import type { TrendInterval } from '../analysis/trend-buckets.ts';
import { areaParams, type ResolvedArea } from './area-params.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/analysis', import.meta.url));
// The area functions need a plan per run (see sql-file.ts).
const ALERT_TREND = loadSql(SQL_DIR, 'alert_trend', { planEachTime: true });
const CASE_TREND = loadSql(SQL_DIR, 'case_trend', { planEachTime: true });
const DENSITY = loadSql(SQL_DIR, 'alert_density_points', { planEachTime: true });
const ASSETS = loadSql(SQL_DIR, 'analysis_assets', { planEachTime: true });
const ALERTS = loadSql(SQL_DIR, 'analysis_alerts', { planEachTime: true });

export interface AlertQuery {
  area: ResolvedArea;
  scope: AccessScope;
  from: Date;
  to: Date;
  /** Lower-case alert_severity values; null: all. */
  severities: string[] | null;
  /** Device types; null: all. */
  deviceTypes: string[] | null;
}

const alertParams = (q: AlertQuery) => [...areaParams(q.area), scopeCode(q.scope), q.from, q.to];

export const findAlertTrend = (db: Queryable, q: AlertQuery, interval: TrendInterval) =>
  queryRows<{ bucket: string; severity: string; kind: string; n: number }>(
    db,
    ALERT_TREND,
    [...alertParams(q), interval, q.severities, q.deviceTypes],
    'counting alerts over time',
  );

export const findAlertPoints = (db: Queryable, q: AlertQuery) =>
  queryRows<WeightedPoint>(db, DENSITY, [...alertParams(q), q.severities, q.deviceTypes], 'locating alerts');

export interface CaseTrendRow {
  bucket: string;
  reported: number;
  due: number;
  closed: number;
  closed_on_time: number;
}

export const findCaseTrend = (
  db: Queryable,
  area: ResolvedArea,
  viewer: { scope: AccessScope; unitCode: string | null },
  from: Date,
  to: Date,
  interval: TrendInterval,
) =>
  queryRows<CaseTrendRow>(
    db,
    CASE_TREND,
    [...areaParams(area), scopeCode(viewer.scope), viewer.unitCode, from, to, interval],
    'counting cases over time',
  );

export interface AssetTableRow {
  total: number;
  code: string;
  name: string;
  kind: string;
  district_code: string;
  district_name: string | null;
  street_code: string | null;
  street_name: string | null;
  grade: string | null;
  floors: number | null;
  height_m: number | null;
  alert_severity: string | null;
  lon: number;
  lat: number;
  geometry: string | null;
}

export const findAssetTable = (
  db: Queryable,
  q: {
    area: ResolvedArea;
    scope: AccessScope;
    kinds: string[] | null;
    sort: { by: string; dir: 'asc' | 'desc' };
    limit: number;
    withGeometry: boolean;
  },
) =>
  queryRows<AssetTableRow>(
    db,
    ASSETS,
    [...areaParams(q.area), q.kinds, scopeCode(q.scope), q.sort.by, q.sort.dir, q.limit, q.withGeometry],
    'listing the assets in the area',
  );

export interface AlertTableRow {
  total: number;
  id: number;
  asset_code: string;
  asset_name: string;
  asset_kind: string;
  district_name: string | null;
  device_code: string;
  kind: string;
  severity: string;
  peak_severity: string;
  started_at: Date;
  cleared_at: Date | null;
  acknowledged_at: Date | null;
  lon: number;
  lat: number;
}

export const findAlertTable = (db: Queryable, q: AlertQuery, limit: number) =>
  queryRows<AlertTableRow>(
    db,
    ALERTS,
    [...alertParams(q), q.severities, q.deviceTypes, limit],
    'listing the alerts in the area',
  );
