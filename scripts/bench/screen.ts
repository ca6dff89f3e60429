// The big screen's figures: building the buildings tileset from PostGIS (full, unchanged, one building
// changed) against the bare read of the footprints; and in headless Chromium (lite mode, 1280×720) the time
// to the first drawn frame and to every tile the city view needs, then the JS heap after a soak with the
// simulator feeding live readings. Reported, never asserted.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import { createUser } from '../../api/src/access/accounts.service.ts';
import { loadConfig } from '../../api/src/config.ts';
import { startMqttIngest } from '../../api/src/ingest/mqtt-ingest.ts';
import { localLive } from '../../api/src/live/live.ts';
import { createServerApp } from '../../api/src/main.ts';
import { buildBuildingTiles } from '../../tiles/3d/build-building-tiles.ts';
import { launchChromium } from '../../web/e2e/browser.ts';
import { signIn } from '../../web/e2e/fixtures.ts';
import { startSimulator } from '../simulator/simulator.ts';
import { TEST_ACTOR } from '../test/graphql-client.ts';
import { ensureWebBuild } from '../web-build.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function benchTiles(pool: pg.Pool): Promise<void> {
  const bare = performance.now();
  const { rowCount } = await pool.query(
    "SELECT a.id, ST_AsGeoJSON(a.geom, 7) FROM assets a JOIN buildings b ON b.asset_id = a.id WHERE a.kind = 'building'",
  );
  const bareMs = performance.now() - bare;
  await pool.query('TRUNCATE building_tiles, building_tilesets');
  const full = await buildBuildingTiles(pool);
  const unchanged = await buildBuildingTiles(pool);
  const { rows } = await pool.query<{ asset_id: number; height_m: number }>(
    'SELECT asset_id, height_m FROM buildings ORDER BY asset_id LIMIT 1',
  );
  await pool.query('UPDATE buildings SET height_m = height_m + 1 WHERE asset_id = $1', [rows[0]!.asset_id]);
  const one = await buildBuildingTiles(pool);
  await pool.query('UPDATE buildings SET height_m = $2 WHERE asset_id = $1', [
    rows[0]!.asset_id,
    rows[0]!.height_m,
  ]);
  await buildBuildingTiles(pool);
  console.log('\n3D Tiles of the buildings (tiles/3d, one process, 2 cores)');
  console.log(`  bare read of ${rowCount} footprints (ST_AsGeoJSON): ${seconds(bareMs)}`);
  console.log(
    `  full build: ${full.buildings} buildings → ${full.tiles} tiles, ${(full.bytes / 1e6).toFixed(0)} MB gzip glb, ${seconds(full.ms)} (${(full.ms / bareMs).toFixed(1)}× the bare read)`,
  );
  console.log(`  rebuild, nothing changed: ${seconds(unchanged.ms)} (${unchanged.rebuilt} tiles rebuilt)`);
  console.log(`  rebuild, one building changed: ${seconds(one.ms)} (${one.rebuilt} tile rebuilt)`);
}

export async function benchScreen(pool: pg.Pool, soakMinutes: number): Promise<void> {
  const config = loadConfig();
  await ensureWebBuild(config.rootDir, () => undefined);
  const log = () => undefined;
  const live = localLive(pool, config.ingest, log);
  const app = createServerApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    live,
    log,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const username = `bench${Date.now().toString(36)}`;
  await createUser(pool, TEST_ACTOR, {
    username,
    displayName: username,
    role: 'leader',
    areaCode: null,
    unitCode: null,
    password: 'Bench-pass-1',
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseUrl}/screen?lite=1`);
    await signIn(page, username, 'Bench-pass-1');
    await page.waitForSelector('[data-map-ready="true"]', { state: 'attached', timeout: 120_000 });
    // Timed on a second load with the session (and the browser's cache) in place, as a wall reopens.
    const start = Date.now();
    await page.goto(`${baseUrl}/screen?lite=1`);
    await page.waitForSelector('[data-map-ready="true"]', { state: 'attached', timeout: 120_000 });
    const firstFrame = Date.now() - start;
    await page.waitForSelector('[data-buildings-loaded="true"]', { state: 'attached', timeout: 300_000 });
    const allTiles = Date.now() - start;
    console.log('\nThe big screen (headless Chromium, software WebGL, lite mode, 1280×720, city view)');
    console.log(`  first frame with the city drawn (land, districts): ${seconds(firstFrame)}`);
    console.log(`  every building tile the city view needs loaded and drawn: ${seconds(allTiles)}`);

    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    await page.waitForTimeout(5000);
    const loaded = await heap();
    const mqtt = startMqttIngest({
      url: config.ingest.mqttUrl ?? 'mqtt://127.0.0.1:1883',
      prefix: config.ingest.mqttTopicPrefix,
      shared: false,
      clientId: `bench-screen-${Date.now()}`,
      ingest: live.ingest,
      log,
    });
    await mqtt.ready;
    const simulator = await startSimulator({
      db: pool,
      mqttUrl: config.ingest.mqttUrl ?? 'mqtt://127.0.0.1:1883',
      prefix: config.ingest.mqttTopicPrefix,
      rate: 200,
      log,
      cycleMs: 60_000,
    });
    const alertsBefore = Number(await page.locator('.screen-root').getAttribute('data-alerts'));
    await page.waitForTimeout(soakMinutes * 60_000);
    const alertsAfter = Number(await page.locator('.screen-root').getAttribute('data-alerts'));
    await simulator.stop();
    await mqtt.close();
    const soaked = await heap();
    console.log(
      `  JS heap after load ${(loaded / 1e6).toFixed(1)} MB; after ${soakMinutes} min with the simulator (200 readings/s, active alerts ${alertsBefore} → ${alertsAfter}): ${(soaked / 1e6).toFixed(1)} MB (${(((soaked - loaded) / loaded) * 100).toFixed(1)}%)`,
    );
  } finally {
    await browser.close();
    server.close();
    await live.close();
  }
}
