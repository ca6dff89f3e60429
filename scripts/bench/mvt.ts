// Vector tiles (tiles/mvt) on the large preset: uncached tiles per second through the HTTP server at z14 and
// z16 against the bare ST_AsMVT statement run on the pool, and cached tiles per second. Tiles are those
// around a spread of buildings, requested as a browser does (gzip accepted, a bearer token).
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type pg from 'pg';
import { loadConfig, loadMapConfig } from '../../api/src/config.ts';
import { createServerApp } from '../../api/src/main.ts';
import { tileStatement } from '../../tiles/mvt/mvt.repo.ts';
import { findMvtLayer } from '../../tiles/mvt/mvt-layers.ts';
import { parseLayerQuery } from '../../tiles/mvt/tile-request.ts';
import { throughput } from './stats.ts';

const SECONDS = Number(process.env.MVT_BENCH_SECONDS ?? '15');

function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

async function serveApp(pool: pg.Pool, cacheMb: number) {
  const config = loadConfig();
  const app = createServerApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    map: loadMapConfig({ MVT_CACHE_MB: String(cacheMb) }),
    log: () => {},
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return { server, port: (server.address() as AddressInfo).port };
}

function getter(port: number, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          agent,
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
        },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          res.on('end', () =>
            res.statusCode === 200 || res.statusCode === 204
              ? resolve(bytes)
              : reject(new Error(`${path}: HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
}

export async function benchMvt(pool: pg.Pool, token: string): Promise<void> {
  // 400 buildings spread over the city (every n-th by id), and the tiles holding them.
  const { rows } = await pool.query<{ lon: number; lat: number }>(
    `SELECT ST_X(c) AS lon, ST_Y(c) AS lat FROM (
       SELECT ST_Centroid(geom) AS c, row_number() OVER (ORDER BY id) AS i, count(*) OVER () AS n
       FROM assets WHERE kind = 'building') x
     WHERE i % greatest(n / 400, 1) = 0`,
  );
  const layer = findMvtLayer('buildings')!;
  const query = parseLayerQuery(layer, {});
  const uncached = await serveApp(pool, 0);
  const cached = await serveApp(pool, 256);
  console.log(
    `\nVector tiles (tiles/mvt): buildings, ${SECONDS} s per figure, 2 cores shared by PostgreSQL, server and client`,
  );
  for (const z of [14, 16]) {
    const tiles = [
      ...new Map(rows.map((r) => tileAt(r.lon, r.lat, z)).map((t) => [`${t.z}/${t.x}/${t.y}`, t])).values(),
    ];
    const paths = tiles.map((t) => `/tiles/buildings/${t.z}/${t.x}/${t.y}.mvt`);
    const bare = await throughput(
      async (i) => {
        const { statement, values } = tileStatement(query, tiles[i % tiles.length]!, null);
        await pool.query({ ...statement, values });
      },
      4,
      SECONDS,
    );
    const getUncached = getter(uncached.port, token);
    const http = await throughput((i) => getUncached(paths[i % paths.length]!), 4, SECONDS);
    const { rows: size } = await pool.query<{ kb: number }>(
      `SELECT avg(length(tile)) / 1024 AS kb FROM (${tileStatement(query, tiles[0]!, null).statement.text.replace(/;\s*$/, '')}) t`,
      tileStatement(query, tiles[0]!, null).values,
    );
    console.log(
      `  z${z}, ${tiles.length} distinct tiles (first ≈ ${Number(size[0]!.kb).toFixed(0)} KiB): bare ST_AsMVT ${bare.toFixed(0)} tiles/s, HTTP uncached ${http.toFixed(0)} tiles/s → ratio ${(http / bare).toFixed(2)}`,
    );
    const getCached = getter(cached.port, token);
    for (const p of paths) await getCached(p);
    const hot = await throughput((i) => getCached(paths[i % paths.length]!), 32, SECONDS);
    console.log(`  z${z} cached: ${hot.toFixed(0)} tiles/s`);
  }
  uncached.server.close();
  cached.server.close();
}
