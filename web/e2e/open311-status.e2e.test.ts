// The citizen status page (/t/<number>) of a request filed through Open311 with a media_url, in Debian's
// Chromium: the link is shown (zh-CN first, English with ?lang=en), opening in a new tab; a request without
// one shows none. The production web build on the real app and the test database.
import { describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { watchPage } from './fixtures.ts';
import { appForFile } from './server.ts';

const { pool, server } = appForFile();

async function fileRequest(fields: Record<string, string>): Promise<string> {
  const { rows } = await pool.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
       SELECT ST_PointOnSurface(boundary) AS p FROM areas WHERE level = 'street' ORDER BY random() LIMIT 1) x`,
  );
  const res = await fetch(`${server.baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      service_code: 'SJ0699',
      lat: String(rows[0]!.lat),
      long: String(rows[0]!.lon),
      description: '人行道地砖松动',
      ...fields,
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

describe('the status page of an Open311 request', () => {
  it('links the media its reporter sent, in Chinese and in English, and nothing when there is none', async () => {
    const media = 'https://img.example.cn/reports/a%20b.jpg';
    const withMedia = await fileRequest({ media_url: media });
    const without = await fileRequest({});
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      page.setDefaultTimeout(20_000);
      const watch = await watchPage(page);

      await page.goto(`${server.baseUrl}/t/${withMedia}`);
      const link = page.locator('[data-testid=status-media]');
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(media);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await link.textContent()).toBe('上报时附带的图片或视频（img.example.cn，外部链接）');

      await page.goto(`${server.baseUrl}/t/${withMedia}?lang=en`);
      await link.waitFor();
      expect(await link.textContent()).toBe(
        'Photo or video sent with the report (img.example.cn, external link)',
      );

      await page.goto(`${server.baseUrl}/t/${without}`);
      await page.locator('[data-testid=status-card]').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await link.count()).toBe(0);

      expect(watch.errors).toEqual([]);
      expect(watch.offsite).toEqual([]);
      expect(watch.cesium).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
