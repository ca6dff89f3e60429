// The analyst workbench on the production build in Debian's Chromium (?lite=1): a polygon drawn with the
// mouse, a district picked from the list and a GeoJSON file dropped on the map each give the figures a direct
// SQL query gives for that area; the asset table downloads as a CSV whose rows match the table; and reloading
// the shared URL restores the view. Nothing leaves localhost, and the page never loads Cesium.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { frames, type PageWatch, signIn, watchPage } from './fixtures.ts';
import { appForFile } from './server.ts';

const run = Date.now().toString(36);
const PASSWORD = 'Analyst-pass-1';
const analyst = `e2e${run}.analyst`;
const { pool, server } = appForFile([
  { username: analyst, displayName: '分析员测试', role: 'analyst', password: PASSWORD },
]);

/** What SQL says about an area: the same figures the cards show (assets, buildings, self-built). */
async function sqlFigures(where: string, params: unknown[]) {
  const { rows } = await pool.query<{ assets: number; buildings: number; self_built: number }>(
    `SELECT count(*)::int AS assets, count(*) FILTER (WHERE a.kind = 'building')::int AS buildings,
            count(*) FILTER (WHERE b.self_built)::int AS self_built
     FROM assets a LEFT JOIN buildings b ON b.asset_id = a.id WHERE ${where}`,
    params,
  );
  return rows[0]!;
}

const sqlInPolygon = (geometry: unknown) =>
  sqlFigures('ST_Intersects(a.geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))', [JSON.stringify(geometry)]);

async function cardFigures(page: Page) {
  await page.waitForSelector('[data-testid=area-stats][data-loaded=true]', { timeout: 60_000 });
  const value = async (stat: string) => Number(await page.getAttribute(`[data-stat=${stat}]`, 'data-value'));
  return {
    assets: await value('assets'),
    buildings: await value('buildings'),
    self_built: await value('selfBuiltBuildings'),
  };
}

/** The area in the URL, as a GeoJSON polygon (area=poly:lon,lat;lon,lat;…). */
function polygonFromUrl(url: string) {
  const area = new URL(url).searchParams.get('area')!;
  expect(area).toMatch(/^poly:/);
  const ring = area
    .slice(5)
    .split(';')
    .map((p) => p.split(',').map(Number));
  if (ring[0]!.join() !== ring.at(-1)!.join()) ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

async function openWorkbench(page: Page, query = '') {
  await page.goto(`${server.baseUrl}/analyst?lite=1${query}`);
  if (await page.isVisible('[data-testid=login-form]').catch(() => false)) {
    await signIn(page, analyst, PASSWORD);
  }
  await page.waitForSelector('.analyst-root[data-map-ready=true]', { timeout: 90_000 });
}

describe('the analyst workbench', () => {
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    const browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    watch = await watchPage(page);
    await page.goto(`${server.baseUrl}/analyst?lite=1`);
    await signIn(page, analyst, PASSWORD);
    await page.waitForSelector('.analyst-root[data-map-ready=true]', { timeout: 90_000 });
    return () => browser.close();
  }, 120_000);

  it('shows for a polygon drawn with the mouse the figures SQL gives for it', async () => {
    // Centre the map on Futian's CBD, then draw a square of about 1.6 km with five clicks.
    await openWorkbench(page, '&view=114.055,22.54,14');
    await page.click('[data-testid=area-draw]');
    await page.waitForSelector('.am-map[data-drawing=true]'); // clicks before that would pick, not draw
    await frames(page); // deck.gl takes the drawing click handler and controller on its next render
    const canvas = (await page.locator('canvas').first().boundingBox())!;
    const corners: [number, number][] = [
      [114.047, 22.533],
      [114.063, 22.533],
      [114.063, 22.547],
      [114.047, 22.547],
    ];
    for (const [i, [lon, lat]] of corners.entries()) {
      const [x, y] = await page.evaluate(
        ([lo, la]) =>
          (
            window as unknown as { __analyst: { project: (a: number, b: number) => [number, number] } }
          ).__analyst.project(lo!, la!),
        [lon, lat],
      );
      // As a person draws: a click the map did not take (software WebGL under load can miss one) is clicked
      // again; a click on the last vertex adds none, so a late first one cannot double it. While drawing the
      // map has no double-click gesture, so the next click may follow as soon as this one is taken.
      for (let attempt = 0; attempt < 3; attempt++) {
        await page.mouse.click(canvas.x + x, canvas.y + y);
        const taken = await page
          .waitForSelector(`[data-testid=area-draw-hint][data-vertices="${i + 1}"]`, { timeout: 3000 })
          .then(() => true)
          .catch(() => false);
        if (taken) break;
      }
    }
    await page.click('[data-testid=area-draw-finish]');
    await page.waitForSelector('.analyst-root[data-area^="poly:"]');
    const polygon = polygonFromUrl(page.url());
    // The drawn corners are where we clicked (within a pixel at zoom 14: ~10 m).
    expect(polygon.coordinates[0]![0]![0]).toBeCloseTo(114.047, 3);
    const sql = await sqlInPolygon(polygon);
    expect(sql.buildings).toBeGreaterThan(10);
    expect(await cardFigures(page)).toEqual(sql);
  }, 120_000);

  it('shows for a picked district the figures SQL gives for it, and downloads its table as CSV', async () => {
    await page.selectOption('[data-testid=area-level]', 'district');
    await page.selectOption('[data-testid=area-pick]', '440304');
    await page.waitForSelector('.analyst-root[data-area="code:440304"]');
    expect(await cardFigures(page)).toEqual(await sqlFigures("a.district_code = '440304'", []));

    // The table: sorted by height, highest first, on the server; the CSV has the same rows in the same order.
    await page.waitForSelector('[data-testid=asset-table][data-loaded=true]', { timeout: 60_000 });
    await page.click('[data-sort=heightM] button'); // heights sort highest first
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'heightM:desc');
    await page.waitForSelector('[data-testid=asset-table][data-loaded=true]', { timeout: 60_000 });
    const total = Number(await page.getAttribute('[data-testid=asset-table]', 'data-total'));
    const firstRows = await page.$$eval('[data-row-code]', (rows) =>
      rows.slice(0, 5).map((r) => r.getAttribute('data-row-code')),
    );
    // What the table shows under 类型 and 等级/状态 for them.
    const firstWords = await page.$$eval('[data-row-code]', (rows) =>
      rows
        .slice(0, 5)
        .map((r) =>
          [...r.querySelectorAll('td')].map((td) => td.textContent).filter((_, i) => i === 2 || i === 5),
        ),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-assets-csv]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^assets-.*\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('编码,名称,类型')).toBe(true);
    expect(lines.length - 1).toBe(total);
    expect(lines.slice(1, 6).map((l) => l.split(',')[0])).toEqual(firstRows);
    // The CSV reads like the table, in Chinese: 房屋 and its safety grade (C级), not the codes.
    const firstCells = lines.slice(1, 6).map((l) => l.split(','));
    expect(firstCells.map((c) => [c[2], c[5]])).toEqual(firstWords);
    for (const c of firstCells) {
      expect(c[2]).toBe('房屋');
      expect(c[5]).toMatch(/^[ABCD]级$/);
    }
  }, 180_000);

  it('shows for a dropped GeoJSON file the figures SQL gives for it, and refuses a self-intersecting one in words', async () => {
    const square = {
      type: 'Feature',
      properties: { name: '测试区域' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [114.1, 22.54],
            [114.12, 22.54],
            [114.12, 22.56],
            [114.1, 22.56],
            [114.1, 22.54],
          ],
        ],
      },
    };
    const drop = async (json: unknown) =>
      page.evaluate(async (text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'area.geojson', { type: 'application/geo+json' }));
        const target = document.querySelector('[data-testid=area-drop]')!;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
        }
      }, JSON.stringify(json));
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [114.1, 22.54],
          [114.12, 22.56],
          [114.12, 22.54],
          [114.1, 22.56],
          [114.1, 22.54],
        ],
      ],
    };
    await drop(bowtie);
    await page.waitForSelector('[data-testid=area-error]');
    expect(await page.textContent('[data-testid=area-error]')).toMatch(/自相交/);
    await drop(square);
    await page.waitForSelector('.analyst-root[data-area^="poly:"]');
    expect(await cardFigures(page)).toEqual(await sqlInPolygon(square.geometry));
  }, 120_000);

  it('restores the whole view from a shared link', async () => {
    await page.click('[data-preset="90d"]');
    await page.click('[data-layer=lamps]');
    // The link holds the range and the lamps as they are now shown.
    const lampsOn = await page.isChecked('[data-layer=lamps]');
    await page.waitForFunction((on) => {
      const q = new URL(location.href).searchParams;
      return q.get('range') === '90d' && (q.get('layers') ?? '').split(',').includes('lamps') === on;
    }, lampsOn);
    const shared = page.url();
    const before = {
      area: await page.getAttribute('.analyst-root', 'data-area'),
      lamps: await page.isChecked('[data-layer=lamps]'),
      figures: await cardFigures(page),
    };
    await page.goto('about:blank');
    await page.goto(shared);
    await page.waitForSelector('.analyst-root[data-map-ready=true]', { timeout: 90_000 });
    expect(page.url()).toBe(shared);
    expect(await page.getAttribute('.analyst-root', 'data-area')).toBe(before.area);
    expect(await page.isChecked('[data-layer=lamps]')).toBe(before.lamps);
    expect(await page.getAttribute('[data-preset="90d"]', 'aria-pressed')).toBe('true');
    expect(await cardFigures(page)).toEqual(before.figures);
    expect(watch.offsite).toEqual([]);
    expect(watch.cesium).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 120_000);
});
