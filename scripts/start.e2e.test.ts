// `npm start` for real: the embedded PostGIS path end to end, and the one-line errors for bad setups.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../api/src/config.ts';

const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function runScript(script: string, args: string[], env: Record<string, string>) {
  const clean = { ...process.env, DATABASE_URL: '', ...env };
  return spawnSync(TSX, [path.join(ROOT_DIR, script), ...args], {
    env: clean,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

describe('npm start on the embedded database', () => {
  it('migrates, seeds the demo city with demo accounts, answers /health, serves the page and signs in', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-embedded-'));
    const port = await freePort();
    const child = spawn(TSX, [path.join(ROOT_DIR, 'scripts/start.ts')], {
      // MQTT_PORT: this machine's Mosquitto has 1883; the embedded broker takes a free port.
      env: {
        ...process.env,
        DATABASE_URL: '',
        MQTT_URL: '',
        DATA_DIR: dataDir,
        PORT: String(port),
        MQTT_PORT: String(await freePort()),
      },
    });
    children.push(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 200_000;
    while (!output.includes('is running at')) {
      if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not come up: ${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
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

    // the command line works beside the running server on its embedded database
    const env = { DATA_DIR: dataDir };
    const token = runScript('scripts/token.ts', ['--role', 'api_client', '--area', '440304'], env);
    expect(token.status, token.stderr).toBe(0);
    const scoped = await fetch(areas, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    expect((await scoped.json()).features.map((f: { id: string }) => f.id)).toEqual(['440304']);
    const list = runScript('scripts/user.ts', ['list'], env);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/admin +admin +city/);
    const bad = runScript('scripts/user.ts', ['add', 'zhang.san', '--role', 'wizard'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('error: unknown role "wizard"');

    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
    child.kill('SIGTERM');
  });
});

describe('bad setups stop with one clear line', () => {
  const oneLine = (stderr: string) =>
    stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('error:'));

  it('a wrong DATABASE_URL', () => {
    const r = runScript('scripts/migrate.ts', [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      'error: cannot reach PostgreSQL at 127.0.0.1:1/nowhere (ECONNREFUSED). check DATABASE_URL, or unset it to run on the embedded database',
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unknown preset', () => {
    const r = runScript('scripts/seed.ts', ['--preset', 'huge'], {});
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('error: unknown preset "huge". use one of: demo, large');
  });

  it('a port in use', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const r = runScript('scripts/start.ts', [], { PORT: String(port) });
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
