// Migrations apply to an empty database, then again as a no-op.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../api/src/config.ts';
import { createPool } from '../api/src/store/db.ts';
import { migrate, migrationStatus } from '../api/src/store/migrate.ts';
import { createScratchDatabase } from '../scripts/test/test-database.ts';

describe('migrations', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(async () => scratch?.drop());

  it('apply to an empty database and are a no-op the second time', async () => {
    const pool = createPool(scratch.url);
    try {
      const dir = loadConfig({}).migrationsDir;
      const files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.sql'))
        .map((f) => f.replace(/\.sql$/, ''))
        .sort();
      expect(files.slice(0, 6)).toEqual([
        '0001_postgis',
        '0002_areas_and_units',
        '0003_assets',
        '0004_devices_and_readings',
        '0005_search_indexes',
        '0006_api_views',
      ]);
      expect(await migrate(pool, dir)).toEqual(files);
      expect(await migrate(pool, dir)).toEqual([]);
      expect(await migrationStatus(pool)).toEqual({ version: files.at(-1), applied: files.length });
      const { rows } = await pool.query(
        "SELECT ensure_readings_partitions(current_date, current_date + 2) AS n, to_regclass('readings_' || to_char(current_date, 'YYYYMMDD')) IS NOT NULL AS ok",
      );
      expect(rows[0]).toEqual({ n: 3, ok: true });
    } finally {
      await pool.end();
    }
  });
});
