// Devices, their metrics and readings (SensorThings: a Datastream is a device's metric).
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/devices', import.meta.url));
const BY_ASSET_IDS = loadSql(SQL_DIR, 'devices_by_asset_ids');
const BY_IDS = loadSql(SQL_DIR, 'devices_by_ids');
const LATEST = loadSql(SQL_DIR, 'latest_readings');
const METRICS = loadSql(SQL_DIR, 'metrics');
const SERIES_RAW = loadSql(SQL_DIR, 'series_raw');
const SERIES_BUCKETS = loadSql(SQL_DIR, 'series_buckets');

export interface DeviceRow {
  id: number;
  code: string;
  type: string;
  asset_id: number;
  name: string;
  lon: number;
  lat: number;
  vendor: string | null;
  installed_on: string;
  last_seen_at: Date | null;
  type_name_zh: string;
  type_name_en: string;
  expected_interval_s: number;
  offline_after_s: number;
  online: boolean;
}

export interface MetricRow {
  id: number;
  key: string;
  name_zh: string;
  name_en: string;
  unit: string;
}

export interface LatestReadingRow {
  device_id: number;
  metric_id: number;
  ts: Date | null;
  value: number | null;
}

export interface RawPointRow {
  device_id: number;
  ts: Date;
  value: number;
}

export interface BucketRow {
  device_id: number;
  t: Date;
  min: number;
  max: number;
  avg: number;
  last: number;
  count: number;
}

export function findDevicesByAssetIds(
  db: Queryable,
  scope: AccessScope,
  assetIds: readonly number[],
): Promise<DeviceRow[]> {
  const values = [assetIds, scopeCode(scope)];
  return queryRows<DeviceRow>(db, BY_ASSET_IDS, values, 'loading the devices of assets');
}

export function findDevicesByIds(
  db: Queryable,
  scope: AccessScope,
  ids: readonly number[],
): Promise<DeviceRow[]> {
  return queryRows<DeviceRow>(db, BY_IDS, [ids, scopeCode(scope)], `loading ${ids.length} devices`);
}

export function findLatestReadings(db: Queryable, deviceIds: readonly number[]): Promise<LatestReadingRow[]> {
  return queryRows<LatestReadingRow>(db, LATEST, [deviceIds], 'loading the latest readings');
}

export function findMetrics(db: Queryable): Promise<MetricRow[]> {
  return queryRows<MetricRow>(db, METRICS, [], 'loading metrics');
}

export interface SeriesRange {
  metricId: number;
  from: Date;
  to: Date;
}

/** At most maxPoints + 1 rows per device, so the caller can tell when a range holds too many. */
export function findRawSeries(
  db: Queryable,
  deviceIds: readonly number[],
  range: SeriesRange,
  maxPoints: number,
): Promise<RawPointRow[]> {
  return queryRows<RawPointRow>(
    db,
    SERIES_RAW,
    [deviceIds, range.metricId, range.from, range.to, maxPoints + 1],
    'loading raw readings',
  );
}

export function findBucketedSeries(
  db: Queryable,
  deviceIds: readonly number[],
  range: SeriesRange,
  bucketSeconds: number,
): Promise<BucketRow[]> {
  return queryRows<BucketRow>(
    db,
    SERIES_BUCKETS,
    [deviceIds, range.metricId, range.from, range.to, `${bucketSeconds} seconds`],
    'loading bucketed readings',
  );
}
