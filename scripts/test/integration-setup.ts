// Once per integration run (global setup of the `db` and `e2e` projects, shared between them): a template
// database next to TEST_DATABASE_URL, migrated, with the alert rule pack, the demo city and its 3D Tiles,
// vacuumed and analysed; each test file then works on its own copy (file-database.ts). The end of the run
// drops the template and any copy a file left behind.
import type { TestProject } from 'vitest/node';
import { installDefaultRules } from '../../api/src/alerts/default-rules.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createPool } from '../../api/src/store/db.ts';
import { migrate } from '../../api/src/store/migrate.ts';
import { buildBuildingTiles } from '../../tiles/3d/build-building-tiles.ts';
import { seedCity } from '../city/seed-city.ts';
import {
  createDatabase,
  databasesNamed,
  dropDatabases,
  type TestDatabases,
  testDatabases,
  testDatabaseUrl,
} from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

/** Both projects' setups run in this process: the first makes the template, the last teardown drops it. */
const shared = globalThis as typeof globalThis & {
  cityTestTemplate?: { ready: Promise<TestDatabases>; users: number };
};

async function dropAll(dbs: TestDatabases): Promise<void> {
  const copies = await databasesNamed(dbs.adminUrl, dbs.copyPrefix);
  await dropDatabases(dbs.adminUrl, [...copies, dbs.template]);
}

async function makeTemplate(): Promise<TestDatabases> {
  const dbs = testDatabases(testDatabaseUrl());
  await dropAll(dbs); // what an interrupted run left
  const pool = createPool(await createDatabase(dbs.adminUrl, dbs.template));
  try {
    await migrate(pool, loadConfig({}).migrationsDir);
    await installDefaultRules(pool);
    await seedCity(pool, 'demo', 1, () => undefined);
    await buildBuildingTiles(pool);
    // Statistics and hint bits once here, not in every copy (each would plan blind until autovacuum came).
    await pool.query('VACUUM (FREEZE, ANALYZE)');
  } catch (error) {
    await pool.end();
    await dropAll(dbs);
    throw error;
  }
  await pool.end(); // a template is copied only while nobody is connected to it
  return dbs;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.cityTestTemplate ??= { ready: makeTemplate(), users: 0 };
  const template = shared.cityTestTemplate;
  template.users++;
  project.provide('testDatabases', await template.ready);
  return async () => {
    if (--template.users > 0) return;
    shared.cityTestTemplate = undefined;
    await dropAll(await template.ready);
  };
}
