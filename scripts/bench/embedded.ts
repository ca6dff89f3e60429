// npm run bench -- --embedded: what the embedded database costs. Starts `npm start` as a user does — on an empty
// data folder (seeds the demo city), then again on the same folder — and times each to the printed URL; then
// measures areaStats p50, node(id)/s and uncached buildings MVT tiles/s over HTTP against that server and
// against `npm start` on a real PostgreSQL holding the same demo city (BENCH_DEMO_DATABASE_URL, default
// city_bench_demo on 127.0.0.1, created and seeded when empty). No goal ratio: the figures are reported.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { Agent, request } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROOT_DIR } from '../../api/src/config.ts';
import { type Latency, throughput, timeEach } from './stats.ts';

const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');
const demoUrl = process.env.BENCH_DEMO_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/city_bench_demo';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  port: number;
  seconds: number;
  env: NodeJS.ProcessEnv;
}

/** `npm start` with these settings; resolves when it prints its URL (with the seconds that took). */
async function start(settings: Record<string, string>): Promise<Started> {
  const port = await freePort();
  // No simulator and no tile cache: the figures are the database's, not the cache's or the simulator's load.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    MQTT_URL: '',
    SIMULATE: 'false',
    MVT_CACHE_MB: '0',
    ...settings,
  };
  delete env.MQTT_PORT;
  const t = performance.now();
  const child = spawn(TSX, [path.join(ROOT_DIR, 'scripts/start.ts')], { env });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  while (!output.includes('is running at')) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, seconds: (performance.now() - t) / 1000, env };
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((r) => started.child.once('exit', r));
  started.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  if (started.child.exitCode === null) started.child.kill('SIGKILL');
}

function tokenFor(started: Started): string {
  const r = spawnSync(TSX, [path.join(ROOT_DIR, 'scripts/token.ts'), '--role', 'analyst'], {
    env: started.env,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm run token failed: ${r.stderr}`);
  return r.stdout.trim();
}

async function ensureDemoDatabase(): Promise<void> {
  const name = new URL(demoUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: demoUrl.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
}

interface Figures {
  areaStats: Latency;
  nodePerS: number;
  mvtPerS: number;
}

async function measure(started: Started): Promise<Figures> {
  const authorization = `Bearer ${tokenFor(started)}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const call = (method: string, urlPath: string, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', authorization };
      const req = request(
        { port: started.port, host: '127.0.0.1', path: urlPath, method, agent, headers },
        (res) => {
          let text = '';
          res.setEncoding('latin1');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await call('POST', '/graphql', JSON.stringify({ query, variables }));
    const parsed = JSON.parse(res.text) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (res.status !== 200 || parsed.errors) throw new Error(`GraphQL: ${res.text.slice(0, 300)}`);
    return parsed.data!;
  };

  const districts = [
    '440303',
    '440304',
    '440305',
    '440306',
    '440307',
    '440308',
    '440309',
    '440310',
    '440311',
  ];
  const areaStats = await timeEach(
    Array.from({ length: 60 }, (_, i) => districts[i % districts.length]!),
    (code) =>
      gql('query($c: String!) { areaStats(area: { code: $c }) { buildings devicesTotal } }', { c: code }),
    9,
  );

  const page = (await gql(
    '{ assets(filter: { kinds: [BUILDING] }, first: 200) { edges { node { id } } } }',
  )) as {
    assets: { edges: { node: { id: string } }[] };
  };
  const ids = page.assets.edges.map((e) => e.node.id);
  const nodePerS = await throughput(
    (i) =>
      gql('query($id: ID!) { node(id: $id) { id ... on Building { code floors } } }', {
        id: ids[i % ids.length],
      }),
    8,
    10,
  );

  // z15 tiles over Futian's centre, all different (the server's tile cache is off: MVT_CACHE_MB=0).
  const tiles: string[] = [];
  for (let dx = -6; dx <= 6; dx++)
    for (let dy = -6; dy <= 6; dy++) tiles.push(`/tiles/buildings/15/${26760 + dx}/${14275 + dy}.mvt`);
  const mvtPerS = await throughput(
    async (i) => {
      const res = await call('GET', tiles[i % tiles.length]!);
      if (res.status !== 200 && res.status !== 204)
        throw new Error(`tile: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    },
    4,
    10,
  );
  agent.destroy();
  return { areaStats, nodePerS, mvtPerS };
}

export async function benchEmbedded(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-bench-embedded-'));
  try {
    console.log('npm start on the embedded database, empty data folder (seeds the demo city)…');
    const first = await start({ DATABASE_URL: '', DATA_DIR: dataDir });
    console.log(`  to the printed URL: ${first.seconds.toFixed(1)} s`);
    await stop(first);
    const embedded = await start({ DATABASE_URL: '', DATA_DIR: dataDir });
    console.log(`npm start again on the same data folder: ${embedded.seconds.toFixed(1)} s`);
    let onEmbedded: Figures;
    try {
      onEmbedded = await measure(embedded);
    } finally {
      await stop(embedded);
    }

    await ensureDemoDatabase();
    const real = await start({ DATABASE_URL: demoUrl });
    console.log(
      `npm start on PostgreSQL (${new URL(demoUrl).pathname.slice(1)}): ${real.seconds.toFixed(1)} s`,
    );
    let onPostgres: Figures;
    try {
      onPostgres = await measure(real);
    } finally {
      await stop(real);
    }

    const row = (label: string, e: number, p: number, unit: string) =>
      console.log(
        `  ${label.padEnd(34)} embedded ${e.toFixed(1).padStart(7)} ${unit}   PostgreSQL ${p.toFixed(1).padStart(7)} ${unit}   embedded/PostgreSQL ${(e / p).toFixed(2)}`,
      );
    console.log('demo city, one run, 2 cores:');
    row('areaStats (district) p50', onEmbedded.areaStats.p50, onPostgres.areaStats.p50, 'ms');
    row('node(id), 8 in flight', onEmbedded.nodePerS, onPostgres.nodePerS, '/s');
    row('buildings MVT z15 uncached, 4 in flight', onEmbedded.mvtPerS, onPostgres.mvtPerS, '/s');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
