// The app as the browser tests use it: the production web build served by the real hono app on a free port,
// with a real pool on the test database and attachments in a temporary folder.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import { loadCaseConfig, loadConfig } from '../../api/src/config.ts';
import { createServerApp } from '../../api/src/main.ts';
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
