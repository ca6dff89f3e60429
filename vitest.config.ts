// Two tiers: `unit` (pure, no I/O) and `integration` (real PostGIS, the embedded start, Chromium).
// `npm test` (scripts/test.ts) provides the database and browser and runs both.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{api,scripts,web,tiles,db}/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
          // One copy of graphql for pothos, yoga and the tests (else "from another module or realm").
          server: { deps: { inline: [/@pothos/, /graphql/, /@envelop/] } },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{api,scripts,web,tiles,db}/**/*.{db,e2e}.test.ts'],
          globalSetup: ['scripts/test/integration-setup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
          server: { deps: { inline: [/@pothos/, /graphql/, /@envelop/] } },
        },
      },
    ],
  },
});
