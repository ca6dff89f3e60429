// Once per integration run: migrate the test database, seed the demo city into it and build its 3D Tiles.
import { installDefaultRules } from '../../api/src/alerts/default-rules.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createPool } from '../../api/src/store/db.ts';
import { migrate } from '../../api/src/store/migrate.ts';
import { buildBuildingTiles } from '../../tiles/3d/build-building-tiles.ts';
import { seedCity } from '../city/seed-city.ts';
import { testDatabaseUrl } from './test-database.ts';

export default async function setup(): Promise<void> {
  const pool = createPool(testDatabaseUrl());
  try {
    await migrate(pool, loadConfig({}).migrationsDir);
    await installDefaultRules(pool);
    await seedCity(pool, 'demo', 1, () => undefined);
    await buildBuildingTiles(pool);
  } finally {
    await pool.end();
  }
}
