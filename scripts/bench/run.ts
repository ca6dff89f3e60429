// npm run bench: the GraphQL API against bare SQL and a bare graphql-yoga server, on the `large` preset in
// a real PostgreSQL + PostGIS (BENCH_DATABASE_URL, default city_bench on 127.0.0.1, seeded when empty).
// Prints the figures the README reports. Not a test: nothing here asserts a time.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSchema, createYoga } from 'graphql-yoga';
import pg from 'pg';
import { createToken } from '../../api/src/access/accounts.service.ts';
import { installDefaultRules } from '../../api/src/alerts/default-rules.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createApp } from '../../api/src/http/app.ts';
import { areaParams } from '../../api/src/store/area-params.ts';
import { createPool } from '../../api/src/store/db.ts';
import { migrate } from '../../api/src/store/migrate.ts';
import { loadSql } from '../../api/src/store/sql-file.ts';
import { Rng } from '../city/rng.ts';
import { seedCity } from '../city/seed-city.ts';
import { benchCases } from './cases.ts';
import { benchEmbedded } from './embedded.ts';
import { benchIngest } from './ingest.ts';
import { benchMvt } from './mvt.ts';
import { districtLikePolygon } from './polygons.ts';
import { benchReliability } from './reliability.ts';
import { benchScreen, benchTiles } from './screen.ts';
import { type Latency, throughput, timeEach, timePaired } from './stats.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/city_bench';
const config = loadConfig();
const SQL_DIR = new URL('../../api/src/store/sql/', import.meta.url).pathname;

async function ensureDatabase(): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
}

async function main(): Promise<void> {
  if (process.argv.includes('--embedded')) return benchEmbedded();
  await ensureDatabase();
  const pool = createPool(url, { max: 10 });
  await migrate(pool, config.migrationsDir);
  await installDefaultRules(pool);
  const buildings = async () =>
    (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM assets WHERE kind = 'building'"))
      .rows[0]!.n;
  const casesOnly = process.argv.includes('--cases-only');
  if (casesOnly && (await buildings()) === 0) await seedCity(pool, 'demo', 1, () => undefined);
  if (!casesOnly && (await buildings()) < 200_000) {
    console.log('seeding the large preset (about 2–3 minutes)…');
    await seedCity(pool, 'large', 1, (line) => console.log(`  ${line}`));
  }
  const app = createApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    log: () => {},
  });
  // Signed in as a city-wide analyst with a real token, as another system would be.
  const actor = { kind: 'cli', id: null, name: 'bench', origin: { ip: null, userAgent: null } } as const;
  const { token } = await createToken(pool, actor, {
    name: `bench-${Date.now()}`,
    role: 'analyst',
    areaCode: null,
    unitCode: null,
    days: 1,
  });
  const authorization = `Bearer ${token}`;
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const apiPort = (server.address() as AddressInfo).port;

  if (casesOnly) {
    await reportCases(pool);
    server.close();
    await pool.end();
    return;
  }
  if (process.argv.includes('--mvt-only')) {
    server.close();
    await benchMvt(pool, token);
    await pool.end();
    return;
  }
  if (process.argv.includes('--screen-only')) {
    server.close();
    await benchTiles(pool);
    await benchScreen(pool, Number(process.env.SOAK_MINUTES ?? '10'));
    await pool.end();
    return;
  }
  if (process.argv.includes('--reliability')) {
    server.close();
    await benchReliability(pool, url);
    await pool.end();
    return;
  }
  if (process.argv.includes('--ingest-only')) {
    await reportIngest(pool, apiPort);
    server.close();
    await pool.end();
    return;
  }

  // In process: the whole GraphQL stack (hono, yoga, pothos, SQL) without sockets, like the bare SQL beside it.
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
    return body;
  };
  // Over loopback HTTP with keep-alive, as a client sees it (the client shares this process's event loop).
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const post = (port: number, body: string) =>
    new Promise<string>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', authorization };
      const req = request(
        { port, host: '127.0.0.1', path: '/graphql', method: 'POST', agent, headers },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const gqlHttp = async (query: string, variables: Record<string, unknown>) => {
    const text = await post(apiPort, JSON.stringify({ query, variables }));
    if (text.includes('"errors"')) throw new Error(`GraphQL error: ${text}`);
  };

  // Centres on built-up land, picked deterministically.
  const { rows: centres } = await pool.query<{ lon: number; lat: number; id: number }>(
    `SELECT id, ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat
     FROM assets WHERE kind = 'building' AND id % 997 = 0 ORDER BY id LIMIT 400`,
  );
  const rng = new Rng(7, 'bench');
  const polygons = centres.slice(0, 200).map((c) => districtLikePolygon(rng, c.lon, c.lat, 20));

  // 1. areaStats for 20 km² polygons, against the same statement run bare.
  const areaStatsSql = loadSql(SQL_DIR, 'stats/area_stats');
  const STATS = `query($p: GeoJSON!) { areaStats(area: { polygon: $p }) {
    assets buildings byKind { key count } buildingsBySafetyGrade { key count } buildingsByUse { key count }
    selfBuiltBuildings floorAreaM2 devicesTotal devicesOnline deviceOnlineRate } }`;
  const [bareStats, apiStats] = await timePaired(
    polygons,
    (p) =>
      pool.query({
        ...areaStatsSql,
        values: [...areaParams({ kind: 'geometry', geojson: JSON.stringify(p) }), null],
      }),
    (p) => gql(STATS, { p }),
  );
  const httpStats = await timeEach(polygons, (p) => gqlHttp(STATS, { p }));

  // 2. nearest k = 10.
  const points = centres.map((c) => ({ type: 'Point', coordinates: [c.lon + 0.0003, c.lat - 0.0002] }));
  const NEAREST = 'query($p: GeoJSON!) { nearest(point: $p, k: 10) { distanceM asset { id code kind } } }';
  const nearestSql = loadSql(SQL_DIR, 'assets/assets_nearest');
  const [bareNearest, apiNearest] = await timePaired(
    points,
    (p) => pool.query({ ...nearestSql, values: [p.coordinates[0], p.coordinates[1], null, 10, null, null] }),
    (p) => gql(NEAREST, { p }),
  );
  const httpNearest = await timeEach(points, (p) => gqlHttp(NEAREST, { p }));

  // 3. node(id) throughput against a bare graphql-yoga "hello" server in this process.
  const hello = createServer(
    createYoga({
      schema: createSchema({
        typeDefs: 'type Query { hello: String }',
        resolvers: { Query: { hello: () => 'world' } },
      }),
      logging: false,
    }),
  );
  await new Promise<void>((r) => hello.listen(0, '127.0.0.1', r));
  const helloPort = (hello.address() as AddressInfo).port;
  const helloRps = await throughput(() => post(helloPort, JSON.stringify({ query: '{ hello }' })), 8, 5);
  const ids = centres.map((c) => Buffer.from(`Building:${c.id}`).toString('base64'));
  const NODE = 'query($id: ID!) { node(id: $id) { id ... on Building { code floors safetyGrade } } }';
  const nodeRps = await throughput((i) => gqlHttp(NODE, { id: ids[i % ids.length] }), 8, 5);
  // The cost of signing every request in: the smallest query, with the token looked up each time.
  const typenameRps = await throughput(() => gqlHttp('{ __typename }', {}), 8, 5);

  const { rows: polygonBuildings } = await pool.query<{ n: number }>(
    `SELECT avg(n)::int AS n FROM (SELECT (SELECT count(*) FROM assets a WHERE a.kind = 'building'
       AND ST_Intersects(a.geom, ST_SetSRID(ST_GeomFromGeoJSON(p), 4326))) AS n FROM unnest($1::text[]) p) x`,
    [polygons.slice(0, 50).map((p) => JSON.stringify(p))],
  );

  const f = (l: Latency) => `${l.p50.toFixed(2)} / ${l.p95.toFixed(2)} / ${l.p99.toFixed(2)}`;
  console.log(
    `\nlarge preset, ${(await buildings()).toLocaleString('en')} buildings; ${polygonBuildings[0]!.n} buildings per polygon on average\n`,
  );
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log('| measure | GraphQL in process | GraphQL over HTTP | bare baseline | ratio |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| areaStats, 20 km² polygons, p50 / p95 / p99 ms (n=${apiStats.n}) | ${f(apiStats)} | ${f(httpStats)} | SQL ${f(bareStats)} | p50 ${ratio(apiStats.p50, bareStats.p50)} in process, ${ratio(httpStats.p50, bareStats.p50)} over HTTP |`,
  );
  console.log(
    `| nearest k=10, p50 / p95 / p99 ms (n=${apiNearest.n}) | ${f(apiNearest)} | ${f(httpNearest)} | SQL ${f(bareNearest)} | p99 ${ratio(apiNearest.p99, bareNearest.p99)} in process |`,
  );
  console.log(
    `| node(id) lookups/s over HTTP, 8 in flight, 5 s | | ${Math.round(nodeRps)} | yoga "hello" ${Math.round(helloRps)} | ${ratio(nodeRps, helloRps)} |`,
  );
  console.log(
    `| signed-in { __typename }/s over HTTP (token checked per request), 8 in flight, 5 s | | ${Math.round(typenameRps)} | yoga "hello" ${Math.round(helloRps)} | ${ratio(typenameRps, helloRps)} |`,
  );
  agent.destroy();
  hello.close();
  await reportIngest(pool, apiPort);
  await reportCases(pool);
  await benchTiles(pool);
  await benchMvt(pool, token);
  await benchScreen(pool, Number(process.env.SOAK_MINUTES ?? '10'));
  server.close();
  await pool.end();
}

async function reportCases(pool: pg.Pool): Promise<void> {
  console.log('\ncases (hotline cases registered, 4 in flight)…');
  const r = await benchCases(pool);
  const n = (x: number) => Math.round(x).toLocaleString('en');
  console.log('| measure | through the product | bare baseline | ratio |');
  console.log('|---|---|---|---|');
  console.log(
    `| transitions/s (lock, version, machine, calendar, row + event + audit) | ${n(r.servicePerS)} | UPDATE + INSERT event ${n(r.barePerS)} | ${(r.servicePerS / r.barePerS).toFixed(2)} |`,
  );
  console.log(
    `| caseKpis by district over ${n(r.cases)} cases, median ms | ${r.kpiMs.toFixed(1)} | GROUP BY count ${r.countMs.toFixed(1)} | ${(r.kpiMs / r.countMs).toFixed(2)} |`,
  );
}

async function reportIngest(pool: pg.Pool, apiPort: number): Promise<void> {
  const actor = { kind: 'cli', id: null, name: 'bench', origin: { ip: null, userAgent: null } } as const;
  const { token } = await createToken(pool, actor, {
    name: `bench-ingest-${Date.now()}`,
    role: 'api_client',
    areaCode: null,
    unitCode: null,
    days: 1,
  });
  console.log('\ningest (dust monitors, 3 metrics and 3 rules each; batches of 1,000)…');
  const r = await benchIngest(pool, apiPort, token);
  const n = (x: number) => Math.round(x).toLocaleString('en');
  console.log('| measure | through the product | bare baseline | ratio |');
  console.log('|---|---|---|---|');
  console.log(
    `| readings/s, POST /ingest (rules, rollups, 2 in flight) | ${n(r.httpRowsPerS)} | INSERT … unnest ${n(r.bareRowsPerS)} | ${(r.httpRowsPerS / r.bareRowsPerS).toFixed(2)} |`,
  );
  console.log(
    `| readings/s, MQTT QoS 1 via Mosquitto (PUBACK after commit) | ${n(r.mqttRowsPerS)} | INSERT … unnest ${n(r.bareRowsPerS)} | ${(r.mqttRowsPerS / r.bareRowsPerS).toFixed(2)} |`,
  );
  console.log(
    `| ingest call → alertEvents, at ${n(r.latency.rate)} readings/s (n=${r.latency.n}), p50 / p99 ms | ${r.latency.p50.toFixed(1)} / ${r.latency.p99.toFixed(1)} | | |`,
  );
}

await main();
