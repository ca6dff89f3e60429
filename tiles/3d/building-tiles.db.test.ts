// The buildings tileset against the real database: a full build, an incremental rebuild that touches only
// the tiles of a changed building, and the HTTP side (scope, caching headers, 304s, typed 400s, gzip glb
// whose property table names the buildings).
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../api/src/store/db.ts';
import { graphqlClient } from '../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../scripts/test/test-database.ts';
import { buildBuildingTiles } from './build-building-tiles.ts';
import { readGlb } from './glb-writer.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());

const city = graphqlClient(pool, { role: 'leader' });
const futian = graphqlClient(pool, { role: 'leader', area: '440304' });

type T = { content?: { uri: string }; children?: T[] };
const uris = (t: T): string[] => [...(t.content ? [t.content.uri] : []), ...(t.children ?? []).flatMap(uris)];

function propertyStrings(glb: Buffer, name: string): string[] {
  const { json, bin } = readGlb(glb);
  const views = json.bufferViews as { byteOffset: number; byteLength: number }[];
  const view = (i: number) => bin.subarray(views[i]!.byteOffset, views[i]!.byteOffset + views[i]!.byteLength);
  const table = (
    json.extensions as {
      EXT_structural_metadata: {
        propertyTables: {
          count: number;
          properties: Record<string, { values: number; stringOffsets: number }>;
        }[];
      };
    }
  ).EXT_structural_metadata.propertyTables[0]!;
  const p = table.properties[name]!;
  const offsets = new Uint32Array(new Uint8Array(view(p.stringOffsets)).buffer);
  const data = view(p.values);
  return Array.from({ length: table.count }, (_, i) =>
    data.subarray(offsets[i]!, offsets[i + 1]!).toString('utf8'),
  );
}

describe('the buildings tileset', () => {
  it('holds every building once and rebuilds only the tiles of a changed building', async () => {
    const first = await buildBuildingTiles(pool);
    expect(first.ran).toBe(true);
    const { rows } = await pool.query<{ n: number; tiles: number; sum: number }>(
      `SELECT (SELECT count(*) FROM buildings)::int AS n, count(*)::int AS tiles, sum(buildings)::int AS sum
       FROM building_tiles`,
    );
    expect(rows[0]!.sum).toBe(rows[0]!.n);
    expect(first.tiles).toBe(rows[0]!.tiles);

    // Raise one low building to 160 m: it leaves its leaf tile for a level-3 tile.
    const { rows: picked } = await pool.query<{ asset_id: number; height_m: number }>(
      'SELECT asset_id, height_m FROM buildings WHERE height_m < 20 ORDER BY asset_id LIMIT 1',
    );
    const { asset_id: id, height_m: height } = picked[0]!;
    const before = await pool.query<{ key: string; built_at: Date }>(
      `SELECT street_code || '/' || level || '/' || x || '/' || y AS key, built_at FROM building_tiles`,
    );
    try {
      await pool.query('UPDATE buildings SET height_m = 160 WHERE asset_id = $1', [id]);
      const second = await buildBuildingTiles(pool);
      // The tile it left and the tile it joined (new, or an existing tall-building tile).
      expect(second.rebuilt + second.removed).toBeGreaterThanOrEqual(2);
      expect(second.rebuilt + second.removed).toBeLessThanOrEqual(2);
      expect(second.version).not.toBe(first.version);
      const after = await pool.query<{ key: string; built_at: Date }>(
        `SELECT street_code || '/' || level || '/' || x || '/' || y AS key, built_at FROM building_tiles`,
      );
      const old = new Map(before.rows.map((r) => [r.key, r.built_at.getTime()]));
      const touched = after.rows.filter((r) => old.get(r.key) !== r.built_at.getTime());
      expect(touched.length).toBe(second.rebuilt);
      const third = await buildBuildingTiles(pool);
      expect(third.rebuilt).toBe(0);
      expect(third.version).toBe(second.version);
    } finally {
      await pool.query('UPDATE buildings SET height_m = $2 WHERE asset_id = $1', [id, height]);
      await buildBuildingTiles(pool);
    }
  });

  it('serves tileset.json cut to the caller’s scope, revalidated by ETag', async () => {
    const res = await city.request('/tiles/3d/buildings/tileset.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const etag = res.headers.get('etag')!;
    const tileset = (await res.json()) as { asset: { version: string }; root: T };
    expect(tileset.asset.version).toBe('1.1');
    const all = uris(tileset.root);
    const again = await city.request('/tiles/3d/buildings/tileset.json', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);

    const scoped = (await (await futian.request('/tiles/3d/buildings/tileset.json')).json()) as { root: T };
    const mine = uris(scoped.root);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const { rows } = await pool.query<{ street_code: string }>(
      "SELECT DISTINCT street_code FROM building_tiles WHERE district_code = '440304'",
    );
    const streets = new Set(rows.map((r) => r.street_code));
    expect(mine.every((u) => streets.has(u.split('/')[1]!))).toBe(true);

    // A tile of another district is not found for the Futian officer.
    const elsewhere = all.find((u) => !streets.has(u.split('/')[1]!))!;
    expect((await futian.request(`/tiles/3d/buildings/${elsewhere}`)).status).toBe(404);
    expect((await city.app.request('/tiles/3d/buildings/tileset.json')).status).toBe(401);
  });

  it('serves tiles as gzip glb, immutable at their versioned URL, with the buildings’ codes', async () => {
    const tileset = (await (await futian.request('/tiles/3d/buildings/tileset.json')).json()) as { root: T };
    const uri = uris(tileset.root).find((u) => u.includes('/7/'))!;
    const res = await futian.request(`/tiles/3d/buildings/${uri}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('model/gltf-binary');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const glb = gunzipSync(Buffer.from(await res.arrayBuffer()));
    const codes = propertyStrings(glb, 'code');
    expect(codes.length).toBeGreaterThan(0);
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM assets WHERE code = ANY ($1) AND kind = 'building' AND district_code = '440304'",
      [codes],
    );
    expect(rows[0]!.n).toBe(codes.length);

    const etag = res.headers.get('etag')!;
    const cached = await futian.request(`/tiles/3d/buildings/${uri}`, { headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);
    // Without gzip in Accept-Encoding the glb comes plain; an old ?v= is not immutable.
    const plain = await futian.request(`/tiles/3d/buildings/${uri.replace(/\?v=.*/, '?v=old')}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe('private, no-cache');
    expect(Buffer.from(await plain.arrayBuffer()).toString('ascii', 0, 4)).toBe('glTF');
  });

  it('answers a malformed tile address with a typed 400 before any SQL', async () => {
    for (const bad of [
      't/440304001/21/0/0.glb',
      't/440304001/3/8/0.glb',
      't/440304001/3/0/0.b3dm',
      't/x/3/0/0.glb',
    ]) {
      const res = await city.request(`/tiles/3d/buildings/${bad}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    }
  });
});
