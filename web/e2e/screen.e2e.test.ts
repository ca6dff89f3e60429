// The 3D big screen on the production build in Debian's Chromium (lite render mode): the wall at 1920×1080
// draws the city offline and says the data is synthetic; a click on a building shows its code and devices;
// an alert raised through the API appears on the map and in the ticker within 5 s and hides with its layer;
// focusing a district narrows the KPIs; stopping the API shows the banner, and restarting it recovers and
// catches up on what was missed.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../api/src/access/accounts.service.ts';
import { loadCaseConfig, loadConfig } from '../../api/src/config.ts';
import { createServerApp } from '../../api/src/main.ts';
import { createPool } from '../../api/src/store/db.ts';
import { createTestToken, TEST_ACTOR } from '../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../scripts/test/test-database.ts';
import { ensureWebBuild } from '../../scripts/web-build.ts';
import { launchChromium } from './browser.ts';
import { frames, type PageWatch, signIn, watchPage } from './fixtures.ts';

const pool = createPool(testDatabaseUrl(), { max: 6 });
const run = Date.now().toString(36);
const PASSWORD = 'Screen-pass-1';
const users = { leader: `e2e${run}.leader`, futian: `e2e${run}.futian` };

// A server that can be stopped and started again on the same port (the connection-loss test).
const config = loadConfig({});
let app: ReturnType<typeof createServerApp>;
let server: ReturnType<typeof serve> | null = null;
let port = 0;
const baseUrl = () => `http://127.0.0.1:${port}`;

async function startServer() {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve());
  });
  port = (server!.address() as AddressInfo).port;
}
async function stopServer() {
  const s = server;
  server = null;
  if (!s) return;
  await new Promise<void>((resolve) => {
    s.close(() => resolve());
    (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

let browser: Browser;

beforeAll(async () => {
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
  app = createServerApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    cases: loadCaseConfig({}, config.dataDir),
    log: () => undefined,
  });
  await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopServer();
  await pool.end();
});

/** Pixels within `tolerance` of a CSS colour, optionally only in a centred box of `box` pixels. */
function pixelsLike(png: Buffer, css: string, tolerance = 40, box?: number): number {
  const img = PNG.sync.read(png);
  const [r0, g0, b0] = [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16));
  const [x0, x1] = box ? [(img.width - box) / 2, (img.width + box) / 2] : [0, img.width];
  const [y0, y1] = box ? [(img.height - box) / 2, (img.height + box) / 2] : [0, img.height];
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      const i = 4 * (y * img.width + x);
      if (
        Math.abs(img.data[i]! - r0!) < tolerance &&
        Math.abs(img.data[i + 1]! - g0!) < tolerance &&
        Math.abs(img.data[i + 2]! - b0!) < tolerance
      )
        n++;
    }
  return n;
}

async function openScreen(
  username: string,
  query = '',
  viewport = { width: 1920, height: 1080 },
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport });
  const watch = await watchPage(page);
  await page.goto(`${baseUrl()}/screen?lite=1&lang=zh-CN${query}`);
  await signIn(page, username, PASSWORD);
  await page.waitForSelector('[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  return { page, watch };
}

const kpi = async (page: Page, name: string) =>
  Number(await page.locator(`[data-kpi="${name}"]`).first().getAttribute('data-value'));

describe('the big screen', () => {
  it('draws the city at 1920×1080 offline, with its buildings, KPIs and the synthetic-data notice', async () => {
    const { page, watch } = await openScreen(users.leader);
    await page.waitForSelector('[data-buildings-loaded="true"]', { state: 'attached', timeout: 90_000 });
    await expect // district outlines and panel accents, once drawn
      .poll(async () => pixelsLike(await page.screenshot(), '#38e1ff'), { timeout: 20_000 })
      .toBeGreaterThan(3000);
    await expect(page.locator('[data-testid=synthetic-badge]').textContent()).resolves.toContain('合成数据');
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM buildings');
    await expect.poll(() => kpi(page, 'buildings'), { timeout: 20_000 }).toBe(rows[0]!.n);
    await page.click('[data-testid=lang-switch]');
    await expect(page.locator('[data-testid=synthetic-badge]').textContent()).resolves.toContain('synthetic');
    expect(watch.offsite).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('shows a building’s code and devices when it is clicked', async () => {
    // A large building with monitoring devices and no active alert, seen from straight above.
    const { rows } = await pool.query<{ code: string; lon: number; lat: number; h: number; devices: number }>(
      `SELECT a.code, ST_X(ST_PointOnSurface(a.geom)) AS lon, ST_Y(ST_PointOnSurface(a.geom)) AS lat,
              b.height_m AS h, (SELECT count(*)::int FROM devices d WHERE d.asset_id = a.id) AS devices
       FROM assets a JOIN buildings b ON b.asset_id = a.id
       WHERE EXISTS (SELECT 1 FROM devices d WHERE d.asset_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM alerts al WHERE al.asset_id = a.id AND al.cleared_at IS NULL)
       ORDER BY b.footprint_m2 DESC LIMIT 1`,
    );
    const b = rows[0]!;
    const { page, watch } = await openScreen(
      users.leader,
      `&view=${b.lon.toFixed(6)},${b.lat.toFixed(6)},${Math.round(b.h + 300)}`,
      { width: 1280, height: 720 },
    );
    await page.waitForSelector('[data-buildings-loaded="true"]', { state: 'attached', timeout: 90_000 });
    // A click before the building's tile is drawn picks nothing: clicked again until it picks.
    await expect
      .poll(
        async () => {
          await page.mouse.click(640, 360);
          return page
            .waitForSelector('[data-testid=drilldown-code]', { timeout: 1_000 })
            .then((e) => e.textContent())
            .catch(() => null);
        },
        { timeout: 15_000 },
      )
      .toBe(b.code);
    await expect
      .poll(() => page.locator('[data-testid=drilldown-devices] li').count(), { timeout: 15_000 })
      .toBe(b.devices);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('shows an alert raised through the API on the map and in the ticker within 5 s; its layer toggle hides it', async () => {
    const { rows } = await pool.query<{ code: string; lon: number; lat: number; site: string }>(
      `SELECT d.code, ST_X(d.location) AS lon, ST_Y(d.location) AS lat,
              (SELECT a.code FROM assets a WHERE a.id = d.asset_id) AS site
       FROM devices d
       WHERE d.type = 'crane_monitor'
         AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = d.id AND a.cleared_at IS NULL)
       ORDER BY d.id LIMIT 1`,
    );
    const crane = rows[0]!;
    const { page } = await openScreen(users.leader, `&view=${crane.lon},${crane.lat},1200`, {
      width: 1280,
      height: 720,
    });
    // Live (the alert will come as an event), the buildings in, and all of that drawn: the picture before.
    await page.waitForSelector('.screen-root[data-live=live][data-buildings-loaded=true]', {
      state: 'attached',
    });
    await page.waitForSelector('[data-testid=alert-ticker]');
    await frames(page);
    const red = '#ff3040';
    const before = pixelsLike(await page.screenshot(), red, 45, 120);
    // The construction sites are fetched again after the alert, the crane's site with a red outline.
    const sitesWithAlert = page.waitForResponse(async (r) => {
      if (!r.url().endsWith('/api/layers/construction_site')) return false;
      const sites = (await r.json()) as {
        features: { properties: { code: string; alertSeverity?: string } }[];
      };
      return sites.features.some(
        (f) => f.properties.code === crane.site && f.properties.alertSeverity === 'RED',
      );
    });

    const raised = Date.now();
    const response = await fetch(`${baseUrl()}/ingest`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await createTestToken('api_client')}`,
      },
      body: JSON.stringify([
        {
          device: crane.code,
          metric: 'load_moment_ratio',
          ts: new Date(Date.now() - 5_000).toISOString(),
          value: 110,
        },
      ]),
    });
    expect(response.status).toBe(200);
    const { rows: fired } = await pool.query<{ id: number; severity: string }>(
      `SELECT a.id, a.severity FROM alerts a JOIN devices d ON d.id = a.device_id
       WHERE d.code = $1 AND a.cleared_at IS NULL`,
      [crane.code],
    );
    expect(fired[0]?.severity).toBe('red');
    try {
      await page.waitForSelector('[data-testid=alert-ticker] [data-severity=RED]', { timeout: 5_000 });
      const shown = Date.now() - raised;
      expect(shown).toBeLessThan(5_000);
      await expect
        .poll(async () => pixelsLike(await page.screenshot(), red, 45, 120), { timeout: 5_000 })
        .toBeGreaterThan(before + 20);
      // The site's outline turns red too once its layer is fetched again and drawn.
      await sitesWithAlert;
      await frames(page);
      const shownRed = pixelsLike(await page.screenshot(), red, 45, 120);

      // The alerts layer off: the marker goes; the sites layer off too: no red is left.
      await page.click('input[data-layer=alerts]');
      await expect
        .poll(async () => pixelsLike(await page.screenshot(), red, 45, 120), { timeout: 5_000 })
        .toBeLessThan(shownRed - 20);
      await page.click('input[data-layer=construction_site]');
      await expect
        .poll(async () => pixelsLike(await page.screenshot(), red, 45, 120), { timeout: 5_000 })
        .toBeLessThan(before + 20);
    } finally {
      await pool.query('UPDATE alerts SET cleared_at = now() WHERE id = $1', [fired[0]!.id]);
      await page.close();
    }
  });

  it('narrows the KPIs to a focused district, and a district officer sees only theirs', async () => {
    const { page } = await openScreen(users.leader);
    const counts = await pool.query<{ district_code: string; n: number }>(
      `SELECT district_code, count(*)::int AS n FROM assets WHERE kind = 'building' GROUP BY 1`,
    );
    const futian = counts.rows.find((r) => r.district_code === '440304')!.n;
    const city = counts.rows.reduce((s, r) => s + r.n, 0);
    await expect.poll(() => kpi(page, 'buildings'), { timeout: 20_000 }).toBe(city);
    await page.click('[data-testid=district-focus] [data-district="440304"]');
    await expect.poll(() => kpi(page, 'buildings'), { timeout: 20_000 }).toBe(futian);
    await expect(page.locator('.screen-root').getAttribute('data-focus')).resolves.toBe('440304');
    await page.close();

    const scoped = await openScreen(users.futian);
    await expect.poll(() => kpi(scoped.page, 'buildings'), { timeout: 20_000 }).toBe(futian);
    expect(await scoped.page.locator('[data-testid=district-focus]').count()).toBe(0);
    await scoped.page.close();
  });

  it('shows a banner with the data’s age while the API is down, then recovers and catches up', async () => {
    const { page } = await openScreen(users.leader, '', { width: 1280, height: 720 });
    await page.waitForSelector('[data-testid=alert-ticker]');
    await page.waitForSelector('.screen-root[data-live=live]', { state: 'attached' });
    await stopServer();
    await page.waitForSelector('[data-testid=connection-banner]', { timeout: 20_000 });
    await expect(page.locator('[data-testid=connection-banner]').textContent()).resolves.toMatch(
      /连接中断|重连/,
    );

    // Raised while the screen was cut off: it must appear after the reconnection's catch-up.
    const { rows } = await pool.query<{ code: string }>(
      `SELECT d.code FROM devices d WHERE d.type = 'crane_monitor'
         AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = d.id AND a.cleared_at IS NULL)
       ORDER BY d.id DESC LIMIT 1`,
    );
    const offline = createServerApp({
      pool,
      mode: 'external',
      webDistDir: config.webDistDir,
      access: config.access,
      log: () => undefined,
    });
    const res = await offline.request('/ingest', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await createTestToken('api_client')}`,
      },
      body: JSON.stringify([
        {
          device: rows[0]!.code,
          metric: 'load_moment_ratio',
          ts: new Date(Date.now() - 5_000).toISOString(),
          value: 110,
        },
      ]),
    });
    expect(res.status).toBe(200);
    try {
      await startServer();
      await page.waitForSelector('[data-testid=connection-banner]', { state: 'detached', timeout: 60_000 });
      const { rows: fired } = await pool.query<{ id: number }>(
        `SELECT a.id FROM alerts a JOIN devices d ON d.id = a.device_id WHERE d.code = $1 AND a.cleared_at IS NULL`,
        [rows[0]!.code],
      );
      const globalId = Buffer.from(`Alert:${fired[0]!.id}`).toString('base64');
      await page.waitForSelector(`[data-testid=alert-ticker] [data-alert-id="${globalId}"]`, {
        timeout: 30_000,
      });
      await pool.query('UPDATE alerts SET cleared_at = now() WHERE id = $1', [fired[0]!.id]);
    } finally {
      if (!server) await startServer();
      await page.close();
    }
  });
});
