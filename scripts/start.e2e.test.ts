// `npm start` for real: the embedded tier — the production build on the embedded PostGIS with no DATABASE_URL,
// under parallel requests and in Chromium through every screen — and the one-line errors for bad setups.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import mqtt from 'mqtt';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../api/src/config.ts';
import { launchChromium } from '../web/e2e/browser.ts';
import { signIn, watchPage } from '../web/e2e/fixtures.ts';
import { collectOutput, freePort, STARTED_LINE, untilPrinted } from './test/api-process.ts';

const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');

/**
 * Runs a script to its end without blocking this process: a blocked event loop misses the server closing an
 * idle keep-alive socket, and the next fetch dies on it ("other side closed").
 */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const clean = { ...process.env, DATABASE_URL: '', ...env };
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      [path.join(ROOT_DIR, script), ...args],
      { env: clean, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (error && status === null) reject(error);
        else resolve({ status, stdout, stderr });
      },
    );
  });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

/** One `npm start` on an empty data folder, shared by the embedded tier below. */
const started = {
  port: 0,
  dataDir: '',
  printed: (): string => '',
  /** All it printed so far. */
  get output() {
    return this.printed();
  },
  /** When it said it was running: the simulator's readings are stamped after this. */
  upAt: 0,
  child: null as ChildProcess | null,
  get base() {
    return `http://127.0.0.1:${this.port}`;
  },
};

beforeAll(async () => {
  started.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-embedded-'));
  started.port = await freePort();
  // No MQTT_PORT: on this machine Mosquitto holds 1883, so the embedded broker must take another port itself.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: '',
    MQTT_URL: '',
    DATA_DIR: started.dataDir,
    PORT: String(started.port),
  };
  delete env.MQTT_PORT;
  const child = spawn(TSX, [path.join(ROOT_DIR, 'scripts/start.ts')], { env });
  started.child = child;
  children.push(child);
  started.printed = collectOutput(child);
  await untilPrinted(child, started.printed, STARTED_LINE, 220_000).catch((error: Error) => {
    throw new Error(`npm start ${error.message}`);
  });
  started.upAt = Date.now() - 1000;
});

async function signInAs(username: string): Promise<string> {
  const login = await fetch(`${started.base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo-2026' }),
  });
  expect(login.status).toBe(200);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('npm start on the embedded database', () => {
  it('migrates, seeds the demo city with demo accounts, answers /health, serves the page and signs in', async () => {
    const { port, dataDir, output } = started;
    // Where the broker went is noted for `npm run simulate` beside it.
    const broker = /MQTT: embedded broker at (mqtt:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(broker).toBeDefined();
    // The note carries the simulator's credential (it lives in the server's memory only): owner-only.
    const note = path.join(dataDir, 'embedded-mqtt.json');
    const noted = new URL(JSON.parse(fs.readFileSync(note, 'utf8')).url);
    expect(`${noted.protocol}//${noted.host}`).toBe(broker);
    expect(noted.username).toBe('_simulator');
    expect(fs.statSync(note).mode & 0o777).toBe(0o600);
    // The broker refuses anonymous clients and junk credentials, and takes the noted one.
    for (const credentials of [{}, { username: 'admin', password: 'Demo-2026' }]) {
      const refused = await mqtt.connectAsync(broker!, { reconnectPeriod: 0, ...credentials }).then(
        (c) => c.endAsync().then(() => null),
        (e: { code?: number }) => e.code,
      );
      expect(refused, JSON.stringify(credentials)).toBe(4);
    }
    const simulator = await mqtt.connectAsync(noted.href, { reconnectPeriod: 0 });
    await simulator.endAsync();
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toMatchObject({
      status: 'ok',
      database: { mode: 'embedded' },
      migrations: {
        applied: fs.readdirSync(path.join(ROOT_DIR, 'db/migrations')).filter((f) => f.endsWith('.sql'))
          .length,
      },
    });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const areas = `http://127.0.0.1:${port}/api/areas?level=district`;
    expect((await fetch(areas)).status).toBe(401);

    // the printed demo sign-in works
    expect(output).toContain('demo sign-in (password Demo-2026)');
    expect(output).toMatch(/futian\.duty +Duty officer \(值班员\), area 440304/);
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Demo-2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await (await fetch(areas, { headers: { cookie } })).json()).features).toHaveLength(10);

    // The simulator's readings go through the broker with that credential and are stored.
    const lastSeen = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ assets(filter: { kinds: [CONSTRUCTION_SITE] }, first: 500) { edges { node { devices { lastSeenAt } } } } }',
        }),
      });
      const body = (await res.json()) as any;
      const times = body.data.assets.edges.flatMap((e: any) =>
        e.node.devices.map((d: any) => Date.parse(d.lastSeenAt)),
      );
      return Math.max(0, ...times.filter(Number.isFinite));
    };
    const deadline = Date.now() + 30_000;
    while ((await lastSeen()) < started.upAt && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(await lastSeen()).toBeGreaterThanOrEqual(started.upAt);

    // the command line works beside the running server on its embedded database
    const env = { DATA_DIR: dataDir };
    const token = await runScript('scripts/token.ts', ['--role', 'api_client', '--area', '440304'], env);
    expect(token.status, token.stderr).toBe(0);
    const scoped = await fetch(areas, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    expect((await scoped.json()).features.map((f: { id: string }) => f.id)).toEqual(['440304']);
    const list = await runScript('scripts/user.ts', ['list'], env);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/admin +admin +city/);
    const bad = await runScript('scripts/user.ts', ['add', 'zhang.san', '--role', 'wizard'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('error: unknown role "wizard"');

    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
  });

  it('answers 20 parallel requests of mixed kinds, ten times over, with no 5xx', async () => {
    const cookie = await signInAs('admin');
    const headers = { cookie };
    const tileset = await (
      await fetch(`${started.base}/tiles/3d/buildings/tileset.json`, { headers })
    ).json();
    const glbs: string[] = [];
    const walk = (node: { content?: { uri: string }; children?: unknown[] }) => {
      if (node.content && glbs.length < 4) glbs.push(node.content.uri);
      for (const c of node.children ?? []) walk(c as typeof node);
    };
    walk(tileset.root);
    expect(glbs.length).toBe(4);
    const gql = (query: string) => ({
      path: '/graphql',
      init: {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      },
    });
    const get = (p: string) => ({ path: p, init: { headers } });
    const requests = [
      get('/api/areas?level=district'),
      get('/api/areas?level=street&parent=440304'),
      get('/api/layers/construction_site'),
      get('/api/layers/street_lamp'),
      get('/auth/me'),
      get('/tiles/3d/buildings/tileset.json'),
      ...glbs.map((g) => get(`/tiles/3d/buildings/${g}`)),
      get('/tiles/buildings/15/26760/14275.mvt'),
      get('/tiles/areas/10/836/446.mvt'),
      get('/tiles/lamps/14/13380/7137.mvt'),
      get('/tiles/alerts/11/1672/892.mvt'),
      get('/tiles/buildings.json'),
      gql('{ areaStats(area: { code: "440304" }) { buildings devicesTotal } }'),
      gql(
        '{ assets(filter: { kinds: [BUILDING] }, first: 20) { totalCount edges { node { code geometry } } } }',
      ),
      gql('{ me { role } cases(first: 10) { totalCount } }'),
      gql('{ alerts(first: 10) { totalCount } }'),
      get('/open311/v2/services.json'),
    ];
    expect(requests).toHaveLength(20);
    const failures: string[] = [];
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        requests.map(async (r) => {
          const res = await fetch(`${started.base}${r.path}`, r.init as RequestInit);
          const text = await res.text();
          const gqlErrors = r.path === '/graphql' && /"errors"/.test(text);
          return res.status >= 500 || res.status === 401 || gqlErrors
            ? `${res.status} ${r.path} ${text.slice(0, 200)}`
            : null;
        }),
      );
      failures.push(...answers.filter((a): a is string => a !== null));
    }
    expect(failures).toEqual([]);
  });

  it('works in Chromium: the wall, the console, the analyst map with buildings drawn, a citizen page, GraphiQL', async () => {
    const browser = await launchChromium();
    const serverErrors: string[] = [];
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const watch = await watchPage(page);
      page.on('response', (r) => {
        if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${started.base}/console?lite=1`);
      await signIn(page, 'admin', 'Demo-2026');
      await page.waitForSelector('[data-testid=console][data-live=true]', { timeout: 60_000 });
      await page.waitForSelector('[data-testid=case-row]', { timeout: 30_000 });

      await page.goto(`${started.base}/screen?lite=1`);
      await page.waitForSelector('[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
      await page.waitForSelector('[data-testid=district-focus] [data-district="440304"]', {
        timeout: 30_000,
      });

      // The analyst map over Futian at zoom 15: with the buildings layer on, the map has pixels it lacks
      // without it (the tiles were made by the Node encoder and drawn by deck.gl).
      const view = `area=code:440304:district&view=114.0596,22.5409,15`;
      const mapShot = async (layers: string) => {
        await page.goto(`${started.base}/analyst?lite=1&${view}&layers=${layers}`);
        await page.waitForSelector('.analyst-root[data-map-ready=true]', { timeout: 90_000 });
        await page.waitForSelector('[data-testid=area-stats][data-loaded=true]', { timeout: 60_000 });
        // Every tile asked for has arrived (no request for 500 ms); deck.gl draws on the next frame.
        await page.waitForLoadState('networkidle', { timeout: 60_000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        return PNG.sync.read(await page.locator('.am-map').screenshot());
      };
      const without = await mapShot('areas');
      let changed = 0;
      await expect
        .poll(
          async () => {
            const withBuildings = await mapShot('areas,buildings');
            changed = 0;
            for (let i = 0; i < withBuildings.data.length; i += 4)
              if (Math.abs(withBuildings.data[i]! - without.data[i]!) > 24) changed++;
            return changed;
          },
          { timeout: 60_000, interval: 1000 },
        )
        .toBeGreaterThan(2000);
      expect(await page.locator('[data-testid=map-failure]').count()).toBe(0);

      const citizen = await context.newPage();
      const citizenWatch = await watchPage(citizen);
      const building = await (
        await fetch(`${started.base}/graphql`, {
          method: 'POST',
          headers: { cookie: await signInAs('admin'), 'content-type': 'application/json' },
          body: JSON.stringify({
            query: '{ assets(filter: { kinds: [BUILDING] }, first: 1) { edges { node { code } } } }',
          }),
        })
      ).json();
      await citizen.goto(`${started.base}/r/${building.data.assets.edges[0].node.code}`);
      await citizen.waitForSelector('[data-testid=report-form]');

      await page.goto(`${started.base}/graphql`);
      await page.waitForSelector('.graphiql-container', { timeout: 30_000 });

      expect([...watch.errors, ...citizenWatch.errors]).toEqual([]);
      expect([...watch.offsite, ...citizenWatch.offsite]).toEqual([]);
      expect(serverErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('bad setups stop with one clear line', () => {
  const oneLine = (stderr: string) =>
    stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('error:'));

  it('a wrong DATABASE_URL', async () => {
    const r = await runScript('scripts/migrate.ts', [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      'error: cannot reach PostgreSQL at 127.0.0.1:1/nowhere (ECONNREFUSED). check DATABASE_URL, or unset it to run on the embedded database',
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unknown preset', async () => {
    const r = await runScript('scripts/seed.ts', ['--preset', 'huge'], {});
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('error: unknown preset "huge". use one of: demo, large');
  });

  it('a port in use', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const r = await runScript('scripts/start.ts', [], { PORT: String(port) });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `error: port ${port} on 127.0.0.1 is already in use. stop what uses it or set PORT to a free port`,
      );
    } finally {
      blocker.close();
    }
  });

  it('a database without PostGIS', async () => {
    // A PGlite without the PostGIS extension stands in for a PostgreSQL server lacking postgis.
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    const { port } = (server as unknown as { server: net.Server }).server.address() as net.AddressInfo;
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(TSX, [path.join(ROOT_DIR, 'scripts/migrate.ts')], {
          env: {
            ...process.env,
            DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
          },
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (status) => resolve({ status, stderr }));
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toMatch(/^error: this PostgreSQL has no PostGIS extension\. install it/);
    } finally {
      await server.stop();
      await db.close();
    }
  });
});
