// The citizen pages on a phone (390×844, touch) in Debian's Chromium, without signing in: scan a building's
// plate (/r/<code>), report a problem with a photo, get the 16-digit tracking number, follow it (/t/<no>)
// from 已上报 to 已受理 once a duty officer accepts it. Errors read in the citizen's words: too many reports,
// an unknown plate, a malformed tracking number. Nothing of Cesium is downloaded.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphqlClient } from '../../scripts/test/graphql-client.ts';
import { launchChromium } from './browser.ts';
import { pngFile, watchPage } from './fixtures.ts';
import { appForFile } from './server.ts';

const { pool, server } = appForFile();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function building(): Promise<{ code: string; name: string }> {
  const { rows } = await pool.query<{ code: string; name: string }>(
    "SELECT code, name FROM assets WHERE kind = 'building' ORDER BY random() LIMIT 1",
  );
  if (!rows[0]) throw new Error('the seeded city has no building');
  return rows[0];
}

async function phone(run: (context: BrowserContext) => Promise<void>) {
  const browser = await launchChromium();
  try {
    await run(await browser.newContext(PHONE));
  } finally {
    await browser.close();
  }
}

describe('the citizen pages', () => {
  it('reports a problem from a plate with a photo and follows it from 已上报 to 已受理', async () => {
    const asset = await building();
    await phone(async (context) => {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const watch = await watchPage(page);
      await page.goto(`${server.baseUrl}/r/${asset.code}`);
      await page.waitForSelector('[data-testid=report-form]');
      expect(await page.locator('[data-testid=report-asset]').textContent()).toContain(asset.name);
      expect(await page.locator('[data-testid=synthetic-notice]').textContent()).toContain('演示数据');

      // Phone-sized: nothing wider than the screen, the buttons big enough for a thumb.
      const layout = await page.evaluate(() => {
        const submit = document.querySelector('[data-testid=report-submit]')!.getBoundingClientRect();
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          submitHeight: submit.height,
        };
      });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.submitHeight).toBeGreaterThanOrEqual(48);

      await page.selectOption('select[name=category]', 'SJ0501');
      await page.fill('textarea[name=description]', '三楼外墙瓷砖松动，有掉落风险');
      await page.fill('input[name=phone]', '13800000000');
      await page.setInputFiles('[data-testid=report-photo]', pngFile('wall.png'));
      await page.waitForSelector('text=已选择：wall.png');
      await page.tap('[data-testid=report-submit]');
      const trackingNo = (await page.locator('[data-testid=tracking-no]').textContent())!;
      expect(trackingNo).toMatch(/^\d{16}$/);

      const { rows } = await pool.query<{
        state: string;
        source: string;
        reporter_phone: string;
        photos: number;
      }>(
        `SELECT c.state::text, c.source::text, c.reporter_phone,
                (SELECT count(*)::int FROM case_events e, unnest(e.attachments) a WHERE e.case_id = c.id) AS photos
         FROM cases c WHERE c.tracking_no = $1`,
        [trackingNo],
      );
      expect(rows[0]).toEqual({
        state: 'reported',
        source: 'citizen',
        reporter_phone: '13800000000',
        photos: 1,
      });

      await page.tap('[data-testid=status-link]');
      await page.waitForURL(`**/t/${trackingNo}`);
      await expect.poll(() => page.locator('[data-testid=status-state]').textContent()).toBe('已上报');
      expect(await page.locator('[data-testid=status-steps]').textContent()).toContain('上报');

      // A duty officer accepts it; the citizen refreshes.
      const officer = graphqlClient(pool, { role: 'duty_officer', log: () => undefined });
      const found = await officer.query<{ cases: { edges: { node: { id: string; version: number } }[] } }>(
        'query ($text: String) { cases(filter: { text: $text }) { edges { node { id version } } } }',
        { text: trackingNo },
      );
      const node = found.data!.cases.edges[0]!.node;
      const accepted = await officer.query(
        'mutation ($id: ID!, $version: Int!) { transitionCase(id: $id, action: ACCEPT, version: $version) { state } }',
        { id: node.id, version: node.version },
      );
      expect(accepted.errors).toBeUndefined();
      await page.tap('[data-testid=status-refresh]');
      await expect.poll(() => page.locator('[data-testid=status-state]').textContent()).toBe('已受理');
      const steps = await page.locator('[data-testid=status-steps] li b').allTextContents();
      expect(steps).toEqual(['受理', '上报']);

      expect(watch.errors).toEqual([]);
      expect(watch.offsite).toEqual([]);
      expect(watch.cesium).toEqual([]);
    });
  });

  it('says so when reports come too fast, a plate is unknown or a tracking number is malformed', async () => {
    const asset = await building();
    await phone(async (context) => {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const watch = await watchPage(page);
      // The server's answer past REPORTS_PER_HOUR, without spending the real limit of this test run.
      await page.route('**/public/reports', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 429,
              contentType: 'application/json',
              headers: { 'retry-after': '360' },
              body: JSON.stringify({
                error: { code: 'RATE_LIMITED', message: 'too many reports; try again in 360 s' },
              }),
            })
          : route.fallback(),
      );
      await page.goto(`${server.baseUrl}/r/${asset.code}`);
      await page.waitForSelector('[data-testid=report-form]');
      await page.selectOption('select[name=category]', 'SJ0699');
      await page.fill('textarea[name=description]', '楼道堆放杂物');
      await page.tap('[data-testid=report-submit]');
      await expect
        .poll(() => page.locator('[data-testid=report-error]').textContent())
        .toBe('提交过于频繁，请稍后再试');

      await page.goto(`${server.baseUrl}/r/JZ-440303-99999999`);
      const unknown = (await page.locator('[data-testid=report-error]').textContent())!;
      expect(unknown).toContain('未找到此二维码对应的设施');
      expect(unknown).toContain('no asset has the code');

      await page.goto(`${server.baseUrl}/t/12345`);
      const malformed = (await page.locator('[data-testid=status-error]').textContent())!;
      expect(malformed).toContain('查询编号应为 16 位数字');
      expect(malformed).toContain('16 digits');

      expect(watch.errors).toEqual([]);
      expect(watch.offsite).toEqual([]);
      expect(watch.cesium).toEqual([]);
    });
  });
});
