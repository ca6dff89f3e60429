// Three tiers: `unit` (pure, no I/O), then the integration tiers on real PostGIS: `db` (*.db.test.ts, two
// files at a time) and, after it, `e2e` (*.e2e.test.ts: Chromium and live API processes, one file at a time,
// as they time what a person would see). Each integration file gets its own copy of a migrated, seeded
// template database (scripts/test/integration-setup.ts, file-database.ts). `npm test` (scripts/test.ts)
// provides the database and browser and runs them all.
import { defineConfig } from 'vitest/config';

// One copy of graphql for pothos, yoga and the tests (else "from another module or realm").
const server = { deps: { inline: [/@pothos/, /graphql/, /@envelop/] } };
const integration = {
  globalSetup: ['scripts/test/integration-setup.ts'],
  setupFiles: ['scripts/test/file-database.ts'],
  testTimeout: 240_000,
  hookTimeout: 240_000,
  server,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{api,scripts,web,tiles,db}/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
          server,
        },
      },
      {
        test: {
          name: 'db',
          include: ['{api,scripts,web,tiles,db}/**/*.db.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          ...integration,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['{api,scripts,web,tiles,db}/**/*.e2e.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          ...integration,
        },
      },
    ],
  },
});
