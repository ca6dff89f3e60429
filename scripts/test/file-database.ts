// Before each integration test file (setupFiles): its own copy of the run's template database, which
// TEST_DATABASE_URL then names for the file and the processes it starts; dropped after the file, passed or
// failed (the run's end drops any a killed worker left).
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabases } from './test-database.ts';

const { adminUrl, template, copyPrefix } = inject('testDatabases');
const name = `${copyPrefix}${process.pid}_${Date.now().toString(36)}`;
process.env.TEST_DATABASE_URL = await createDatabase(adminUrl, name, template);

afterAll(() => dropDatabases(adminUrl, [name]));
