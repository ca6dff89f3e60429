// Ingest's statements: device and metric lookups, the batched reading insert with its rollups, and the
// dead-letter table.
import { fileURLToPath } from 'node:url';
import type { IngestDevice } from '../ingest/reading-items.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/ingest', import.meta.url));
const DEVICES = loadSql(SQL_DIR, 'ingest_devices');
const METRICS = loadSql(SQL_DIR, 'ingest_metrics');
const LOCK = loadSql(SQL_DIR, 'ingest_lock_devices');
const INSERT = loadSql(SQL_DIR, 'ingest_readings');
const REJECTS = loadSql(SQL_DIR, 'ingest_rejects_insert');

export interface IngestDeviceRow {
  id: number;
  code: string;
  type: string;
  asset_id: number;
  district_code: string;
  street_code: string | null;
  road_class: string | null;
}

export interface StoredReadingRow {
  device_id: number;
  metric_id: number;
  /** Epoch microseconds (int8, as text). */
  ts_us: string;
  value: number;
}

/** The devices with these codes, as the ingest and the alert engine use them. */
export async function findIngestDevices(db: Queryable, codes: readonly string[]): Promise<IngestDevice[]> {
  const rows = await queryRows<IngestDeviceRow>(db, DEVICES, [codes], 'looking up devices');
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    type: row.type,
    assetId: row.asset_id,
    districtCode: row.district_code,
    streetCode: row.street_code,
    roadClass: row.road_class,
  }));
}

export const findDeviceTypeMetrics = (db: Queryable) =>
  queryRows<{ id: number; key: string; device_type: string }>(db, METRICS, [], 'loading metrics');

export async function lockDevices(db: Queryable, deviceIds: readonly number[]): Promise<void> {
  await queryRows(db, LOCK, [deviceIds], 'locking devices for ingest');
}

export interface ReadingColumns {
  deviceIds: number[];
  metricIds: number[];
  /** ISO 8601 to the microsecond (a Date would cut it to the millisecond). */
  ts: string[];
  values: number[];
}

/** Inserts what is new; returns only the rows that were inserted. */
export const insertReadings = (db: Queryable, c: ReadingColumns) =>
  queryRows<StoredReadingRow>(db, INSERT, [c.deviceIds, c.metricIds, c.ts, c.values], 'storing readings');

export async function insertRejects(
  db: Queryable,
  source: string,
  actor: string,
  rejects: readonly { reason: string; message: string; item: string }[],
): Promise<void> {
  if (rejects.length === 0) return;
  await queryRows(
    db,
    REJECTS,
    [
      text(source),
      text(actor),
      rejects.map((r) => text(r.reason)),
      rejects.map((r) => text(r.message)),
      rejects.map((r) => text(r.item)),
    ],
    'keeping rejected readings',
  );
}

/** PostgreSQL text cannot hold NUL; a dead letter must always be writable, whatever it quotes. */
function text(value: string): string {
  return value.replaceAll('\u0000', '\\u0000');
}
