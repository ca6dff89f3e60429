// Vector tiles against the real database, decoded with a vector-tile decoder: features and attributes equal
// what SQL says is in the tile, filters and scope cut them, bad requests are refused before any SQL, and a
// change under a cached tile replaces it while tiles elsewhere stay cached.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMapConfig } from '../../api/src/config.ts';
import { createPool } from '../../api/src/store/db.ts';
import { graphqlClient } from '../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../scripts/test/test-database.ts';
import { renderTile } from './mvt.repo.ts';
import { MVT_LAYERS } from './mvt-layers.ts';
import { parseLayerQuery, parseTileAddress, tileBounds } from './tile-request.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());

// Every statement the app sends, to prove what ran (and what did not).
const statements: string[] = [];
const counted = new Proxy(pool, {
  get(target, prop, receiver) {
    if (prop === 'query') {
      return (config: string | { text: string }, ...rest: unknown[]) => {
        statements.push(typeof config === 'string' ? config : config.text);
        return (target.query as (...a: unknown[]) => unknown)(config, ...rest);
      };
    }
    return Reflect.get(target, prop, receiver);
  },
}) as pg.Pool;
const tileStatements = () => statements.filter((s) => s.includes('ST_AsMVT(')).length;

const map = { ...loadMapConfig({}), vectorTiles: { cacheBytes: 64 * 1024 * 1024, pollMs: 0 } };
const city = graphqlClient(counted, { role: 'leader', map });
const futian = graphqlClient(pool, { role: 'leader', area: '440304', map });

/** The z/x/y tile holding a point. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

async function getTile(client: typeof city, path: string, headers: Record<string, string> = {}) {
  const res = await client.request(path, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

function decode(bytes: Uint8Array, layer: string) {
  const tile = new VectorTile(new PbfReader(bytes));
  const l = tile.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => {
    const f = l.feature(i);
    return { id: f.id, type: f.type, properties: f.properties, geometry: f.loadGeometry() };
  });
}

/** Codes of the buildings SQL says fall in a tile (with its 64/4096 buffer). */
async function buildingsInTile(t: { z: number; x: number; y: number }, where = 'true') {
  const { rows } = await pool.query<{ code: string }>(
    `SELECT a.code FROM assets a JOIN buildings b ON b.asset_id = a.id
     WHERE a.geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326)
       AND ST_Intersects(ST_Transform(a.geom, 3857), ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))
       AND ${where} ORDER BY a.code`,
    [t.z, t.x, t.y],
  );
  return rows.map((r) => r.code);
}

let busy: { z: number; x: number; y: number };
let sample: {
  code: string;
  id: number;
  safety_grade: string;
  self_built: boolean;
  floors: number;
  height_m: number;
  use: string;
  lon: number;
  lat: number;
};

beforeAll(async () => {
  // A z15 tile around the building in the densest spot of Futian.
  const { rows } = await pool.query<typeof sample>(
    `SELECT a.code, a.id::int AS id, b.safety_grade::text AS safety_grade, b.self_built, b.floors, b.height_m,
            b.use::text AS use, ST_X(ST_Centroid(a.geom)) AS lon, ST_Y(ST_Centroid(a.geom)) AS lat
     FROM assets a JOIN buildings b ON b.asset_id = a.id WHERE a.district_code = '440304'
     ORDER BY (SELECT count(*) FROM assets x WHERE ST_DWithin(x.geom, a.geom, 0.005)) DESC, a.id LIMIT 1`,
  );
  sample = rows[0]!;
  busy = tileAt(sample.lon, sample.lat, 15);
});

describe('vector tiles', () => {
  it('hold exactly the buildings SQL finds in the tile, with their attributes', async () => {
    const { res, bytes } = await getTile(city, `/tiles/buildings/${busy.z}/${busy.x}/${busy.y}.mvt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const features = decode(bytes, 'buildings');
    const expected = await buildingsInTile(busy);
    expect(expected.length).toBeGreaterThan(5);
    expect(features.map((f) => f.properties.code).sort()).toEqual(expected);
    const mine = features.find((f) => f.properties.code === sample.code)!;
    expect(mine.id).toBe(sample.id);
    expect(mine.type).toBe(3); // polygon
    expect(mine.properties).toMatchObject({
      safetyGrade: sample.safety_grade,
      selfBuilt: sample.self_built,
      floors: sample.floors,
      use: sample.use,
      districtCode: '440304',
    });
    expect(mine.properties.heightM).toBeCloseTo(sample.height_m, 0);
    // Tile coordinates: the building's centre lies inside the 4096-unit tile square.
    const [w, s, e, n] = tileBounds(busy);
    const ring = mine.geometry[0]!;
    const cx = ring.reduce((sum, p) => sum + p.x, 0) / ring.length;
    expect(cx / 4096).toBeCloseTo((sample.lon - w) / (e - w), 1);
    expect(n).toBeGreaterThan(s);
  });

  it('apply attribute filters, and the same filters in another order or case are the same tile', async () => {
    const path = `/tiles/buildings/${busy.z}/${busy.x}/${busy.y}.mvt`;
    const { bytes } = await getTile(city, `${path}?safetyGrade=C,D&selfBuilt=false`);
    const codes = decode(bytes, 'buildings')
      .map((f) => f.properties.code)
      .sort();
    expect(codes).toEqual(await buildingsInTile(busy, `b.safety_grade IN ('C', 'D') AND NOT b.self_built`));
    for (const f of decode(bytes, 'buildings')) expect(['C', 'D']).toContain(f.properties.safetyGrade);
    const before = tileStatements();
    const again = await getTile(city, `${path}?selfBuilt=false&safetyGrade=d,c`);
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(tileStatements()).toBe(before); // served from the cache
  });

  it('cut tiles to the caller’s scope', async () => {
    // A z12 tile on the Futian–Luohu border holds buildings of both.
    const border = tileAt(114.09, 22.55, 13);
    const all = decode(
      (await getTile(city, `/tiles/buildings/${border.z}/${border.x}/${border.y}.mvt`)).bytes,
      'buildings',
    );
    const mine = decode(
      (await getTile(futian, `/tiles/buildings/${border.z}/${border.x}/${border.y}.mvt`)).bytes,
      'buildings',
    );
    expect(new Set(all.map((f) => f.properties.districtCode)).size).toBeGreaterThan(1);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    for (const f of mine) expect(f.properties.districtCode).toBe('440304');
  });

  it('serve areas, sites, lamps and the other layers, and answer an empty tile with 204', async () => {
    const z8 = tileAt(114.05, 22.54, 8);
    const z11 = tileAt(114.05, 22.54, 11);
    const districts = decode((await getTile(city, `/tiles/areas/8/${z8.x}/${z8.y}.mvt`)).bytes, 'areas');
    expect(districts.map((f) => f.properties.name)).toContain('福田区');
    for (const f of districts) expect(f.properties.level).toBe('district');
    const streets = decode(
      (await getTile(city, `/tiles/areas/11/${z11.x}/${z11.y}.mvt?level=street&parent=440304`)).bytes,
      'areas',
    );
    expect(streets.length).toBeGreaterThan(0);
    for (const f of streets) expect(f.properties.parentCode).toBe('440304');
    for (const layer of ['sites', 'slopes', 'waterlogging', 'pipelines', 'lamps']) {
      const t = tileAt(114.06, 22.55, 13);
      const { res } = await getTile(city, `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`);
      expect([200, 204]).toContain(res.status);
    }
    const sea = await getTile(city, '/tiles/buildings/14/0/0.mvt');
    expect(sea.res.status).toBe(204);
    expect(sea.bytes.byteLength).toBe(0);
  });

  it('refuse a bad layer, z/x/y or filter with a typed 400 before any SQL', async () => {
    await city.request('/tiles/buildings/15/0/0.mvt'); // the token is now known
    const before = statements.length;
    const bad = [
      '/tiles/roads/14/1/1.mvt',
      '/tiles/buildings/23/0/0.mvt',
      '/tiles/buildings/-1/0/0.mvt',
      '/tiles/buildings/14/16384/0.mvt',
      '/tiles/buildings/14/1/1.png',
      '/tiles/buildings/14/1/1e3.mvt',
      '/tiles/buildings/12/1/1.mvt', // below minzoom 13
      '/tiles/buildings/14/1/1.mvt?grade=A',
      '/tiles/buildings/14/1/1.mvt?safetyGrade=E',
      '/tiles/buildings/14/1/1.mvt?safetyGrade=A&safetyGrade=B',
      '/tiles/buildings/14/1/1.mvt?selfBuilt=yes',
      '/tiles/buildings/14/1/1.mvt?district=440304%27%3B--',
      '/tiles/alerts/14/1/1.mvt?from=yesterday',
      '/tiles/alerts/14/1/1.mvt?from=2026-02-01&to=2026-01-01',
      '/tiles/nope.json',
    ];
    for (const path of bad) {
      const res = await city.request(path);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([path, res.status, body.error.code]).toEqual([path, 400, 'INVALID_INPUT']);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
    expect(statements.length).toBe(before);
    const anonymous = await city.app.request('/tiles/buildings/15/0/0.mvt');
    expect(anonymous.status).toBe(401);
  });

  it('carry an ETag (304 when it matches) and gzip when asked', async () => {
    const path = `/tiles/buildings/${busy.z}/${busy.x}/${busy.y}.mvt?use=residential`;
    const first = await getTile(city, path);
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get('cache-control')).toBe('private, no-cache');
    const again = await city.request(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const zipped = await city.request(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
  });

  it('replace a cached tile when a building under it changes, and keep tiles elsewhere cached', async () => {
    const here = `/tiles/buildings/${busy.z}/${busy.x}/${busy.y}.mvt`;
    const far = tileAt(113.9, 22.58, 15); // 宝安, far from Futian
    const there = `/tiles/buildings/${far.z}/${far.x}/${far.y}.mvt`;
    const hereBefore = await getTile(city, here);
    await getTile(city, there);
    const grade = sample.safety_grade === 'D' ? 'A' : 'D';
    await pool.query('UPDATE buildings SET safety_grade = $2 WHERE asset_id = $1', [sample.id, grade]);
    try {
      const before = tileStatements();
      const hereAfter = await getTile(city, here, { 'if-none-match': hereBefore.res.headers.get('etag')! });
      expect(hereAfter.res.status).toBe(200);
      const changed = decode(hereAfter.bytes, 'buildings').find((f) => f.properties.code === sample.code)!;
      expect(changed.properties.safetyGrade).toBe(grade);
      expect(tileStatements()).toBe(before + 1);
      await getTile(city, there);
      expect(tileStatements()).toBe(before + 1); // still cached
    } finally {
      await pool.query('UPDATE buildings SET safety_grade = $2 WHERE asset_id = $1', [
        sample.id,
        sample.safety_grade,
      ]);
    }
  });

  it('describe each layer in TileJSON, with the filters in the tile URL', async () => {
    const res = await city.request('/tiles/buildings.json?safetyGrade=D');
    const json = (await res.json()) as Record<string, unknown> & {
      tiles: string[];
      vector_layers: { id: string; fields: Record<string, string> }[];
    };
    expect(json.tilejson).toBe('3.0.0');
    expect(json.tiles[0]).toMatch(/\/tiles\/buildings\/\{z\}\/\{x\}\/\{y\}\.mvt\?safetyGrade=D$/);
    expect(json.minzoom).toBe(13);
    expect(json.vector_layers[0]!.id).toBe('buildings');
    expect(json.vector_layers[0]!.fields.safetyGrade).toBe('String');
    // TileJSON 3.0.0: no vector layer goes deeper than the tileset.
    for (const l of json.vector_layers as unknown as { maxzoom: number }[])
      expect(l.maxzoom).toBeLessThanOrEqual(json.maxzoom as number);
    expect(String(json.attribution)).toMatch(/Synthetic/);
    const bounds = json.bounds as number[];
    expect(bounds[0]).toBeGreaterThan(113);
    expect(bounds[2]).toBeLessThan(115);
  });
});

describe('the Node encoder (for a PostGIS without protobuf-c, as the embedded one)', () => {
  const byId = (a: ReturnType<typeof decode>[number], b: ReturnType<typeof decode>[number]) =>
    String(a.id ?? a.properties.code).localeCompare(String(b.id ?? b.properties.code));

  it('writes, for every layer, the tile ST_AsMVT writes: same features, ids, attributes and geometry', async () => {
    const month = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const cases: [string, Record<string, string[]>, number][] = [
      ['areas', {}, 10],
      ['areas', { level: ['grid'] }, 14],
      ['buildings', {}, 15],
      ['buildings', { safetyGrade: ['C,D'] }, 14],
      ['sites', {}, 12],
      ['slopes', {}, 12],
      ['lamps', {}, 14],
      ['waterlogging', {}, 11],
      ['pipelines', {}, 12],
      ['alerts', { from: [month] }, 11],
    ];
    expect(new Set(cases.map(([l]) => l))).toEqual(new Set(MVT_LAYERS.map((l) => l.name)));
    let nonEmpty = 0;
    for (const [name, filters, z] of cases) {
      const query = parseLayerQuery(MVT_LAYERS.find((l) => l.name === name)!, filters);
      const at = tileAt(sample.lon, sample.lat, z);
      const address = parseTileAddress(query.layer, String(at.z), String(at.x), `${at.y}.mvt`);
      for (const scope of [null, '440304']) {
        const sql = await renderTile(pool, query, address, scope, 'sql');
        const node = await renderTile(pool, query, address, scope, 'node');
        const a = decode(sql, name).sort(byId);
        const b = decode(node, name).sort(byId);
        expect([name, scope, b.length]).toEqual([name, scope, a.length]);
        expect(b).toEqual(a);
        if (a.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(14);
  });
});

describe('mvt_geom_portable (the tile geometry of a PostGIS without protobuf-c)', () => {
  it('keeps the features ST_AsMVTGeom keeps, with the same type and winding, within one tile unit', async () => {
    for (const z of [11, 13, 15]) {
      const t = tileAt(sample.lon, sample.lat, z);
      const { rows } = await pool.query<{ kind: string; features: number; mismatched: number; far: number }>(
        `WITH env AS (SELECT ST_TileEnvelope($1, $2, $3) AS t),
         pair AS (
           SELECT a.kind, ST_AsMVTGeom(ST_Transform(a.geom, 3857), env.t::box2d, 4096, 64, true) AS native,
                  mvt_geom_portable(ST_Transform(a.geom, 3857), env.t, 4096, 64, true) AS portable
           FROM assets a, env WHERE a.geom && ST_Transform(ST_Expand(env.t, 1000), 4326))
         SELECT kind, count(native)::int AS features,
                count(*) FILTER (WHERE (native IS NULL) <> (portable IS NULL)
                                    OR GeometryType(native) <> GeometryType(portable)
                                    OR ST_IsPolygonCCW(native) <> ST_IsPolygonCCW(portable))::int AS mismatched,
                count(*) FILTER (WHERE ST_HausdorffDistance(native, portable) > 1)::int AS far
         FROM pair GROUP BY kind`,
        [t.z, t.x, t.y],
      );
      expect(rows.reduce((n, r) => n + r.features, 0)).toBeGreaterThan(100);
      for (const r of rows) expect([z, r.kind, r.mismatched, r.far]).toEqual([z, r.kind, 0, 0]);
    }
  });
});
