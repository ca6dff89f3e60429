// Once per integration run: migrate the test database and seed the demo city into it.
import { loadConfig } from '../../api/src/config.ts';
import { createPool } from '../../api/src/store/db.ts';
import { migrate } from '../../api/src/store/migrate.ts';
import { seedCity } from '../city/seed-city.ts';
import { testDatabaseUrl } from './test-database.ts';

export default async function setup(): Promise<void> {
  const pool = createPool(testDatabaseUrl());
  try {
    await migrate(pool, loadConfig({}).migrationsDir);
    await seedCity(pool, 'demo', 1, () => undefined);
  } finally {
    await pool.end();
  }
}
