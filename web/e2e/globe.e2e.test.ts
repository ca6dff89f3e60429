// The production build in Debian's Chromium: sign-in (a wrong password is refused, the right one opens the
// screen), the district outlines are drawn (pixels checked), the synthetic-data notice is shown in both
// languages, a district-scoped officer sees only their district, and nothing is requested from outside
// localhost.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../api/src/access/accounts.service.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createApp } from '../../api/src/http/app.ts';
import { createPool } from '../../api/src/store/db.ts';
import { TEST_ACTOR } from '../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../scripts/test/test-database.ts';
import { ensureWebBuild } from '../../scripts/web-build.ts';
import { guardOffline, launchChromium } from './browser.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
let server: ReturnType<typeof serve>;
let baseUrl = '';

const run = Date.now().toString(36);
const PASSWORD = 'Screen-pass-1';
const users = { leader: `e2e${run}.leader`, futian: `e2e${run}.futian` };

beforeAll(async () => {
  const config = loadConfig({});
  for (const [username, area] of [
    [users.leader, null],
    [users.futian, '440304'],
  ] as const) {
    await createUser(pool, TEST_ACTOR, {
      username,
      displayName: username,
      role: 'leader',
      areaCode: area,
      unitCode: null,
      password: PASSWORD,
    });
  }
  await ensureWebBuild(config.rootDir, () => undefined);
  const app = createApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    log: () => undefined,
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await pool.end();
});

/** Pixels close to the outline colour #38e1ff. */
function outlinePixels(png: Buffer): number {
  const img = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    if (Math.abs(r - 0x38) < 40 && Math.abs(g - 0xe1) < 40 && Math.abs(b - 0xff) < 40) n++;
  }
  return n;
}

async function signIn(page: Page, username: string, password: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

describe('the big screen', () => {
  it('draws Shenzhen district outlines offline and says the data is synthetic, in zh-CN and English', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const offsite = await guardOffline(page);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/?lite=1`);
      await page.waitForSelector('[data-testid=login-form]');
      await signIn(page, users.leader, 'Wrong-pass-1');
      await expect(page.locator('[data-testid=login-error]').textContent()).resolves.toBe('用户名或密码错误');
      await signIn(page, users.leader, PASSWORD);
      await page.waitForSelector('[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
      await page.waitForTimeout(1000);
      const shot = await page.screenshot();
      expect(outlinePixels(shot)).toBeGreaterThan(3000); // ten district outlines across the view
      await expect(page.locator('[data-testid=synthetic-badge]').textContent()).resolves.toContain(
        '合成数据',
      );
      await expect(page.locator('[data-testid=district-panel]').textContent()).resolves.toContain('福田区');

      await page.click('[data-testid=lang-switch]');
      await expect(page.locator('[data-testid=synthetic-badge]').textContent()).resolves.toContain(
        'synthetic',
      );
      await expect(page.locator('[data-testid=district-panel]').textContent()).resolves.toContain('Futian');
      await expect(page.locator('[data-testid=viewer]').textContent()).resolves.toContain('Whole city');

      await page.click('[data-testid=sign-out]');
      await page.waitForSelector('[data-testid=login-form]');
      expect(offsite).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('shows a district-scoped officer their district only', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await guardOffline(page);
      await page.goto(`${baseUrl}/?lite=1&lang=zh-CN`);
      await signIn(page, users.futian, PASSWORD);
      await page.waitForSelector('[data-testid=district-panel]');
      const panel = (await page.locator('[data-testid=district-panel]').textContent()) ?? '';
      expect(panel).toContain('福田区');
      expect(panel).not.toContain('罗湖区');
      await expect(page.locator('[data-testid=viewer]').textContent()).resolves.toContain('福田区');
    } finally {
      await browser.close();
    }
  });
});
