// The demo city as loaded into real PostGIS by the integration setup.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../test/test-database.ts';

const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(() => pool.end());
const one = async <T>(sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows[0] as T;

describe('the seeded demo city', () => {
  it('has every table filled', async () => {
    const counts = await one<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM areas WHERE level = 'district') AS districts,
      (SELECT count(*)::int FROM areas WHERE level = 'street') AS streets,
      (SELECT count(*)::int FROM buildings) AS buildings,
      (SELECT count(*)::int FROM construction_sites) AS sites,
      (SELECT count(*)::int FROM slopes) AS slopes,
      (SELECT count(*)::int FROM street_lamps) AS lamps,
      (SELECT count(*)::int FROM waterlogging_points) AS water,
      (SELECT count(*)::int FROM gas_pipelines) AS pipes,
      (SELECT count(*)::int FROM responsible_units) AS units,
      (SELECT count(DISTINCT type)::int FROM devices) AS device_types,
      (SELECT count(*)::int FROM readings) AS readings`);
    expect(counts.districts).toBe(10);
    expect(counts.streets).toBe(74);
    expect(counts.buildings).toBeGreaterThan(19_900);
    for (const k of ['sites', 'slopes', 'lamps', 'water', 'pipes', 'units'])
      expect(counts[k], k).toBeGreaterThan(0);
    expect(counts.device_types).toBe(8);
    expect(counts.readings).toBeGreaterThan(500_000);
  });

  it('stores only valid EPSG:4326 geometry', async () => {
    const bad = await one<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM areas WHERE NOT ST_IsValid(boundary) OR ST_SRID(boundary) <> 4326) AS areas,
      (SELECT count(*)::int FROM assets WHERE NOT ST_IsValid(geom) OR ST_SRID(geom) <> 4326) AS assets,
      (SELECT count(*)::int FROM devices WHERE NOT ST_IsValid(location)) AS devices,
      (SELECT count(*)::int FROM responsible_units WHERE NOT ST_IsValid(service_area)) AS units`);
    expect(bad).toEqual({ areas: 0, assets: 0, devices: 0, units: 0 });
  });

  it('keeps every building inside its real district boundary', async () => {
    const outside = await one<{
      n: number;
    }>(`SELECT count(*)::int AS n FROM assets a JOIN areas d ON d.code = a.district_code
      WHERE a.kind = 'building' AND NOT ST_Within(a.geom, d.boundary)`);
    expect(outside.n).toBe(0);
  });

  it('answers "everything in this polygon" across kinds from the GiST index', async () => {
    const client = await pool.connect();
    try {
      await client.query('SET max_parallel_workers_per_gather = 0');
      const polygon = JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [114.02, 22.52],
            [114.08, 22.52],
            [114.08, 22.56],
            [114.02, 22.56],
            [114.02, 22.52],
          ],
        ],
      });
      const sql = `SELECT kind, count(*) FROM assets
        WHERE ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) GROUP BY kind`;
      const plan = (await client.query(`EXPLAIN ${sql}`, [polygon])).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toMatch(/assets_geom_gist/);
      const kinds = (await client.query(sql, [polygon])).rows.map((r) => r.kind);
      expect(kinds).toContain('building');
      expect(kinds.length).toBeGreaterThan(1);
    } finally {
      client.release();
    }
  });

  it('has the spatial indexes and reading partitions ahead of today', async () => {
    const { rows } = await pool.query(
      "SELECT indexname FROM pg_indexes WHERE indexdef ILIKE '%USING gist%' ORDER BY indexname",
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['areas_boundary_gist', 'assets_geom_gist', 'devices_location_gist']),
    );
    const ahead = await one<{ ok: boolean }>(
      "SELECT to_regclass('readings_' || to_char(current_date + 7, 'YYYYMMDD')) IS NOT NULL AS ok",
    );
    expect(ahead.ok).toBe(true);
  });

  it('refuses NaN readings and readings without a partition', async () => {
    await expect(pool.query("INSERT INTO readings VALUES (1, 1, now(), 'NaN')")).rejects.toThrow(
      /check constraint/,
    );
    await expect(
      pool.query("INSERT INTO readings VALUES (1, 1, now() + interval '400 days', 1)"),
    ).rejects.toThrow(/no partition/);
  });

  it('has 5-minute and hourly rollups that agree with the readings, bucket for bucket', async () => {
    // The seed writes rollups with each batch of readings; they must equal a fresh aggregate of the readings.
    // (Within the seeded week: tests elsewhere write hourly rows of their own further back.) Sums are compared
    // relative to the size of their terms: the hostile suite sends values of ±1e12, and float sums of them
    // differ by the order of addition.
    const mismatched = async (table: string, width: string) =>
      (
        await one<{ n: number }>(
          `WITH fresh AS (
             SELECT device_id, metric_id, date_bin('${width}', ts, TIMESTAMPTZ '2000-01-01 00:00:00+08') AS bucket,
                    count(*)::int AS n, sum(value) AS sum, sum(abs(value)) AS magnitude,
                    min(value) AS min, max(value) AS max
             FROM readings WHERE ts > now() - interval '8 days' GROUP BY 1, 2, 3)
           SELECT count(*)::int AS n
           FROM fresh f FULL JOIN (SELECT * FROM ${table} WHERE bucket > now() - interval '8 days') r
             USING (device_id, metric_id, bucket)
           WHERE r.n IS DISTINCT FROM f.n OR abs(r.sum - f.sum) > 1e-9 * greatest(1, f.magnitude)
              OR r.min IS DISTINCT FROM f.min
              OR r.max IS DISTINCT FROM f.max`,
        )
      ).n;
    expect(await mismatched('readings_5m', '5 minutes')).toBe(0);
    expect(await mismatched('readings_1h', '1 hour')).toBe(0);
  });
});
