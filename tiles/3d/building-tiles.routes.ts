// Serves the buildings tileset: /tiles/3d/buildings/tileset.json (cut to the caller's scope, revalidated by
// ETag on every load) and the tiles under t/<street>/<level>/<x>/<y>.glb (gzip glb; immutable while their
// ?v= matches the tile's source hash, since a rebuilt tile gets a new URL in the next tileset.json).
import { gunzipSync } from 'node:zlib';
import { type Env, Hono } from 'hono';
import { TileRequestError } from '../tile-errors.ts';
import { type TileHost, throwHostErrors } from '../tile-host.ts';
import { findStoredTiles, findTileContent, findTilesetVersion } from './building-tiles.repo.ts';
import { buildTilesetJson, inScope, type TileRecord } from './tileset-json.ts';

const STREET = /^[0-9A-Z]{6,16}$/;
const MAX_LEVEL = 20;

export function buildingTileRoutes<E extends Env>(host: TileHost<E>): Hono<E> {
  const { db } = host;
  const app = new Hono<E>();
  throwHostErrors(app, host);
  // The stored tile list per build version; the tileset per version and scope.
  let records: { version: string; tiles: Promise<TileRecord[]> } | null = null;
  const tilesets = new Map<string, string>();

  app.get('/tileset.json', async (c) => {
    const scope = host.scopeOf(c);
    const build = await findTilesetVersion(db);
    if (!build) {
      throw new TileRequestError(
        'NOT_FOUND',
        'the buildings tileset has not been built yet; it builds at start',
      );
    }
    const etag = `"${build.version}-${scope ?? 'city'}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    const key = `${build.version}/${scope ?? ''}`;
    let json = tilesets.get(key);
    if (json === undefined) {
      if (records?.version !== build.version) {
        records = { version: build.version, tiles: findStoredTiles(db) };
        tilesets.clear();
      }
      json = JSON.stringify(buildTilesetJson(await records.tiles, scope));
      tilesets.set(key, json);
    }
    c.header('Content-Type', 'application/json');
    return c.body(json);
  });

  app.get('/t/:street/:level/:x/:file', async (c) => {
    const { street, level, x, file } = c.req.param();
    const y = /^(\d{1,7})\.glb$/.exec(file)?.[1];
    const numbers = [level, x, y].map((v) =>
      v !== undefined && /^\d{1,7}$/.test(v) ? Number(v) : Number.NaN,
    );
    const [l, tx, ty] = numbers as [number, number, number];
    if (!STREET.test(street) || !(l <= MAX_LEVEL) || !(tx < 2 ** l) || !(ty < 2 ** l)) {
      throw new TileRequestError(
        'INVALID_INPUT',
        'a building tile is t/<street code>/<level 0–20>/<x>/<y>.glb with x and y below 2^level',
      );
    }
    const tile = await findTileContent(db, { streetCode: street, level: l, x: tx, y: ty });
    const scope = host.scopeOf(c);
    // Out of scope answers like a missing tile: a scoped caller learns nothing about other areas.
    if (!tile || !inScope(scope, { districtCode: tile.district_code, streetCode: street })) {
      throw new TileRequestError('NOT_FOUND', `no building tile ${street}/${l}/${tx}/${ty}`);
    }
    const etag = `"${tile.source_hash}"`;
    c.header('ETag', etag);
    const current = c.req.query('v') === tile.source_hash.slice(0, 16);
    c.header('Cache-Control', current ? 'private, max-age=31536000, immutable' : 'private, no-cache');
    c.header('Vary', 'Accept-Encoding, Cookie, Authorization');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', 'model/gltf-binary');
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(tile.content));
    }
    return c.body(new Uint8Array(gunzipSync(tile.content)));
  });

  return app;
}
