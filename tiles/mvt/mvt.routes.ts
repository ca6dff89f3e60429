// Vector tiles for signed-in callers: /tiles/{layer}/{z}/{x}/{y}.mvt (ST_AsMVT, or encoded in Node where PostGIS
// cannot; cut to the caller's scope) and
// TileJSON at /tiles/{layer}.json. The layer, z/x/y and filters are checked before any SQL. Tiles are kept in
// a memory cache that map changes invalidate (change-feed.ts) and carry an ETag; an empty tile is a 204.

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { type Env, Hono } from 'hono';
import { type TileHost, throwHostErrors } from '../tile-host.ts';
import { ChangeFeed } from './change-feed.ts';
import { detectMvtEncoder, type MvtEncoder, renderTile } from './mvt.repo.ts';
import { BUFFER, EXTENT } from './mvt-layers.ts';
import { type Bounds, type CachedTile, TileCache } from './tile-cache.ts';
import {
  type LayerQuery,
  parseLayerName,
  parseLayerQuery,
  parseTileAddress,
  tileBounds,
} from './tile-request.ts';
import { tileJson } from './tilejson.ts';

const gzipAsync = promisify(gzip);
const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

export interface MvtOptions {
  /** The memory cache's size (0: no cache). */
  cacheBytes: number;
  /** The map change log is looked at most this often before a tile is served from the cache. */
  pollMs: number;
}

export interface MvtHost<E extends Env> extends TileHost<E> {
  /** The city's extent, for TileJSON. */
  cityBounds: () => Promise<Bounds>;
}

export function mvtRoutes<E extends Env>(host: MvtHost<E>, options: MvtOptions): Hono<E> {
  const { db, cityBounds } = host;
  const cache = new TileCache({ maxBytes: options.cacheBytes, maxAgeMs: 10 * 60_000, recentMs: 5 * 60_000 });
  const feed = new ChangeFeed(db, cache, { pollMs: options.pollMs, pruneMs: 10 * 60_000 });
  const app = new Hono<E>();
  throwHostErrors(app, host);
  // Asked on the first tile, not at construction: tests build routes over pools that are not up yet.
  let encoder: Promise<MvtEncoder> | null = null;
  const encoderOf = () => {
    encoder ??= detectMvtEncoder(db).catch((error) => {
      encoder = null;
      throw error;
    });
    return encoder;
  };

  const queryOf = (layerName: string, url: string): LayerQuery => {
    const params = new URL(url).searchParams;
    const query: Record<string, string[]> = {};
    for (const key of new Set(params.keys())) query[key] = params.getAll(key);
    return parseLayerQuery(parseLayerName(layerName), query);
  };

  app.get('/:file{[a-z]+\\.json}', async (c) => {
    const query = queryOf(c.req.param('file').replace(/\.json$/, ''), c.req.url);
    c.header('Cache-Control', 'private, max-age=300');
    return c.json(tileJson(query, new URL(c.req.url).origin, await cityBounds()));
  });

  app.get('/:layer/:z/:x/:y', async (c) => {
    const { layer, z, x, y } = c.req.param();
    const query = queryOf(layer, c.req.url);
    const address = parseTileAddress(query.layer, z, x, y);
    const scope = host.scopeOf(c);
    const key = `${query.layer.name}/${address.z}/${address.x}/${address.y}?${query.canonical}#${scope ?? ''}`;

    await feed.sync();
    const now = Date.now();
    let tile = cache.get(key, now);
    if (!tile) {
      const startedAfter = cache.lastChangeId;
      const body = await renderTile(db, query, address, scope, await encoderOf());
      tile = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
      if (options.cacheBytes > 0)
        cache.set(key, query.layer.name, margined(tileBounds(address)), tile, startedAfter, now);
    }

    c.header('ETag', tile.etag);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding, Cookie, Authorization');
    if (c.req.header('If-None-Match') === tile.etag) return c.body(null, 304);
    if (tile.body.byteLength === 0) return c.body(null, 204);
    c.header('Content-Type', MVT_TYPE);
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body((await gzipped(tile, key)) as Uint8Array<ArrayBuffer>);
    }
    return c.body(tile.body as Uint8Array<ArrayBuffer>);
  });

  async function gzipped(tile: CachedTile, key: string): Promise<Uint8Array> {
    if (tile.gzip) return tile.gzip;
    const packed = new Uint8Array(await gzipAsync(tile.body, { level: 1 }));
    cache.addGzip(key, packed);
    return packed;
  }

  return app;
}

/** A tile's bounds widened by its buffer: features that far outside are drawn in it too. */
function margined([w, s, e, n]: Bounds): Bounds {
  const dx = ((e - w) * BUFFER) / EXTENT;
  const dy = ((n - s) * BUFFER) / EXTENT;
  return [w - dx, s - dy, e + dx, n + dy];
}
