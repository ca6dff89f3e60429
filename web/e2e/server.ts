// The app as the browser tests use it: the production web build served by the real hono app on a free port,
// with a real pool on the test database and attachments in a temporary folder; appForFile sets it up for a
// test file with the users it signs in as.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createUser } from '../../api/src/access/accounts.service.ts';
import type { Role } from '../../api/src/access/roles.ts';
import { loadCaseConfig, loadConfig } from '../../api/src/config.ts';
import { createServerApp } from '../../api/src/main.ts';
import { createPool } from '../../api/src/store/db.ts';
import { TEST_ACTOR } from '../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../scripts/test/test-database.ts';
import { ensureWebBuild } from '../../scripts/web-build.ts';

export interface TestServer {
  baseUrl: string;
  attachmentsDir: string;
  close: () => Promise<void>;
}

export async function startTestServer(pool: pg.Pool): Promise<TestServer> {
  const config = loadConfig({});
  await ensureWebBuild(config.rootDir, () => undefined);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-e2e-'));
  const cases = loadCaseConfig({}, dataDir);
  const app = createServerApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    cases,
    log: (line) => process.stderr.write(`server: ${line}\n`),
  });
  let server: ReturnType<typeof serve> | undefined;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  return {
    baseUrl: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`,
    attachmentsDir: cases.attachmentsDir,
    close: async () => {
      // Open SSE streams would keep close() waiting; the browsers are closed first, then connections end.
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/**
 * For one test file: a pool on its test database and the app served on it, with these users (city-wide),
 * made before its tests; the server and pool closed after them. `server` answers once the file has begun.
 */
export function appForFile(users: readonly TestUser[] = []): { pool: pg.Pool; server: TestServer } {
  const pool = createPool(testDatabaseUrl(), { max: 4 });
  let started: TestServer | undefined;
  const running = (): TestServer => {
    if (!started) throw new Error('the test server is used before the file began');
    return started;
  };
  beforeAll(async () => {
    for (const user of users) await createUser(pool, TEST_ACTOR, { ...user, areaCode: null, unitCode: null });
    started = await startTestServer(pool);
  });
  afterAll(async () => {
    await started?.close();
    await pool.end();
  });
  return {
    pool,
    server: {
      get baseUrl() {
        return running().baseUrl;
      },
      get attachmentsDir() {
        return running().attachmentsDir;
      },
      close: () => running().close(),
    },
  };
}
