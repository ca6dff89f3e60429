// The GraphQL API against the seeded demo city in real PostGIS: every answer is checked against SQL that
// does the same thing directly.
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { createPool } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());
const api = graphqlClient(pool);
const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  (await pool.query<T>(text, values)).rows;

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.query<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const FUTIAN = '440304';
const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [114.02, 22.52],
      [114.08, 22.52],
      [114.09, 22.56],
      [114.05, 22.58],
      [114.01, 22.55],
      [114.02, 22.52],
    ],
  ],
};
const STATS = `query($area: AreaInput!) { areaStats(area: $area) {
  assets buildings byKind { key count } buildingsBySafetyGrade { key count } buildingsByUse { key count }
  selfBuiltBuildings floorAreaM2 devicesTotal devicesOnline deviceOnlineRate } }`;

const asRecord = (counts: { key: string; count: number }[]) =>
  Object.fromEntries(counts.map((c) => [c.key, c.count]));

describe('areaStats', () => {
  it('for a district code equals SQL over the assets filed under it', async () => {
    const { areaStats: s } = await ok(STATS, { area: { code: FUTIAN } });
    const kinds = await sql<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM assets WHERE district_code = $1 GROUP BY kind',
      [FUTIAN],
    );
    expect(asRecord(s.byKind)).toEqual(Object.fromEntries(kinds.map((k) => [k.kind.toUpperCase(), k.n])));
    const [b] = await sql<{ d: number; self: number; floor: number }>(
      `SELECT count(*) FILTER (WHERE safety_grade = 'D')::int AS d, count(*) FILTER (WHERE self_built)::int AS self,
              sum(floor_area_m2::float8) AS floor
       FROM assets a JOIN buildings b ON b.asset_id = a.id WHERE a.district_code = $1`,
      [FUTIAN],
    );
    expect(asRecord(s.buildingsBySafetyGrade).D ?? 0).toBe(b!.d);
    expect(s.selfBuiltBuildings).toBe(b!.self);
    expect(s.floorAreaM2).toBeCloseTo(b!.floor, 0);
    const [d] = await sql<{ total: number; online: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE d.last_seen_at > now() - make_interval(secs => t.offline_after_s))::int AS online
       FROM devices d JOIN device_types t ON t.type = d.type JOIN assets a ON a.id = d.asset_id
       WHERE a.district_code = $1`,
      [FUTIAN],
    );
    expect([s.devicesTotal, s.devicesOnline]).toEqual([d!.total, d!.online]);
    expect(s.deviceOnlineRate).toBeCloseTo(d!.online / d!.total, 6);
    expect(s.buildings).toBeGreaterThan(100);
  });

  it('for a polygon equals SQL with ST_Intersects over the same polygon', async () => {
    const { areaStats: s } = await ok(STATS, { area: { polygon: POLYGON } });
    const kinds = await sql<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM assets
       WHERE ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) GROUP BY kind`,
      [JSON.stringify(POLYGON)],
    );
    expect(asRecord(s.byKind)).toEqual(Object.fromEntries(kinds.map((k) => [k.kind.toUpperCase(), k.n])));
    const [d] = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM devices WHERE ST_Intersects(location, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))',
      [JSON.stringify(POLYGON)],
    );
    expect(s.devicesTotal).toBe(d!.n);
    expect(s.buildings).toBeGreaterThan(50);
  });

  it('for a circle equals SQL with ST_DWithin in metres, and a bbox equals its envelope', async () => {
    const center = { type: 'Point', coordinates: [114.05, 22.54] };
    const { areaStats: c } = await ok(STATS, { area: { circle: { center, radiusM: 1500 } } });
    const [n] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM assets
       WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326)::geography, 1500)`,
    );
    expect(c.assets).toBe(n!.n);
    const { areaStats: b } = await ok(STATS, { area: { bbox: [114.02, 22.52, 114.08, 22.56] } });
    const [m] = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM assets WHERE ST_Intersects(geom, ST_MakeEnvelope(114.02, 22.52, 114.08, 22.56, 4326))',
    );
    expect(b.assets).toBe(m!.n);
  });
});

describe('assets', () => {
  const PAGE = `query($filter: AssetFilter, $after: String) {
    assets(filter: $filter, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id code kind ... on Building { safetyGrade floors } } } } }`;

  it('pages through a filter without gaps or repeats, matching SQL', async () => {
    const filter = { area: { code: FUTIAN }, safetyGrades: ['B', 'C', 'D'], floorsMin: 2 };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { assets }: any = await ok(PAGE, { filter, after });
      total = assets.totalCount;
      for (const e of assets.edges) {
        expect(['B', 'C', 'D']).toContain(e.node.safetyGrade);
        expect(e.node.floors).toBeGreaterThanOrEqual(2);
        seen.push(e.node.code);
      }
      after = assets.pageInfo.hasNextPage ? assets.pageInfo.endCursor : null;
    } while (after);
    const rows = await sql<{ code: string }>(
      `SELECT a.code FROM assets a JOIN buildings b ON b.asset_id = a.id
       WHERE a.district_code = $1 AND b.safety_grade IN ('B', 'C', 'D') AND b.floors >= 2 ORDER BY a.id`,
      [FUTIAN],
    );
    expect(seen).toEqual(rows.map((r) => r.code));
    expect(total).toBe(rows.length);
    expect(total).toBeGreaterThan(100); // more than one page
  });

  it('finds by text in the name or code, with LIKE wildcards taken literally', async () => {
    const [row] = await sql<{ code: string; name: string }>(
      "SELECT code, name FROM assets WHERE kind = 'building' ORDER BY id LIMIT 1",
    );
    const { assets } = await ok(PAGE, { filter: { text: row!.code.toLowerCase() } });
    expect(assets.edges.map((e: any) => e.node.code)).toEqual([row!.code]);
    const { assets: none } = await ok(PAGE, { filter: { text: '%' } });
    expect(none.totalCount).toBe(0);
  });

  it('resolves a QR code to the asset with its area chain, unit and devices', async () => {
    const [row] = await sql<{ code: string; district_code: string; grid_code: string }>(
      `SELECT a.code, a.district_code, a.grid_code FROM assets a
       WHERE a.kind = 'construction_site' AND EXISTS (SELECT 1 FROM devices d WHERE d.asset_id = a.id) LIMIT 1`,
    );
    const { asset } = await ok(
      `query($code: String!) { asset(code: $code) { __typename code kind
        areaChain { code level } unit { name }
        ... on ConstructionSite { stage pitDepthM }
        devices { code online datastreams { metric { key unit } latest { t value } } } } }`,
      { code: row!.code },
    );
    expect(asset.__typename).toBe('ConstructionSite');
    expect(asset.areaChain.map((a: any) => a.level)).toEqual(['DISTRICT', 'STREET', 'COMMUNITY', 'GRID']);
    expect(asset.areaChain[0].code).toBe(row!.district_code);
    expect(asset.areaChain[3].code).toBe(row!.grid_code);
    expect(asset.devices.length).toBeGreaterThan(0);
    const device = asset.devices.find((d: any) => d.datastreams.some((s: any) => s.latest));
    const stream = device.datastreams.find((s: any) => s.latest);
    const [latest] = await sql<{ ts: Date; value: number }>(
      `SELECT r.ts, r.value FROM readings r JOIN devices d ON d.id = r.device_id JOIN metrics m ON m.id = r.metric_id
       WHERE d.code = $1 AND m.key = $2 ORDER BY r.ts DESC LIMIT 1`,
      [device.code, stream.metric.key],
    );
    expect(stream.latest).toEqual({ t: latest!.ts.toISOString(), value: latest!.value });
  });

  it('resolves node(id) for every kind and returns null for an id of the wrong kind', async () => {
    const rows = await sql<{ id: number; kind: string }>(
      'SELECT DISTINCT ON (kind) id, kind FROM assets ORDER BY kind, id',
    );
    const typeName = (kind: string) => kind.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());
    const ids = rows.map((r) => Buffer.from(`${typeName(r.kind)}:${r.id}`).toString('base64'));
    const { nodes } = await ok('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids });
    expect(nodes.map((n: any) => n.__typename)).toEqual(rows.map((r) => typeName(r.kind)));
    const wrong = Buffer.from(`Slope:${rows.find((r) => r.kind === 'building')!.id}`).toString('base64');
    expect((await ok('query($id: ID!) { node(id: $id) { id } }', { id: wrong })).node).toBeNull();
  });
});

describe('nearest and proximity', () => {
  it('nearest returns the k nearest in metres, as SQL on geography orders them', async () => {
    const point = { type: 'Point', coordinates: [114.06, 22.545] };
    const { nearest } = await ok(
      'query($p: GeoJSON!) { nearest(point: $p, k: 10, kinds: [BUILDING]) { distanceM asset { code } } }',
      { p: point },
    );
    const rows = await sql<{ code: string; d: number }>(
      `SELECT code, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(114.06, 22.545), 4326)::geography) AS d
       FROM assets WHERE kind = 'building' ORDER BY d LIMIT 10`,
    );
    expect(nearest.map((n: any) => n.asset.code)).toEqual(rows.map((r) => r.code));
    nearest.forEach((n: any, i: number) => expect(n.distanceM).toBeCloseTo(rows[i]!.d, 3));
    const { nearest: within } = await ok(
      'query($p: GeoJSON!) { nearest(point: $p, k: 100, maxDistanceM: 80) { distanceM } }',
      { p: point },
    );
    for (const n of within) expect(n.distanceM).toBeLessThanOrEqual(80);
  });

  it('proximity finds construction sites within 50 m of gas pipelines (涉燃气管道的第三方工地)', async () => {
    const { proximity } =
      await ok(`{ proximity(subjectKinds: [CONSTRUCTION_SITE], targetKinds: [GAS_PIPELINE],
      withinM: 50, first: 500) { totalCount edges { node { distanceM subject { code kind } target { kind } } } } }`);
    const [n] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM assets s JOIN assets t ON t.kind = 'gas_pipeline'
       AND ST_DWithin(s.geom::geography, t.geom::geography, 50) WHERE s.kind = 'construction_site'`,
    );
    expect(proximity.totalCount).toBe(n!.n);
    expect(proximity.totalCount).toBeGreaterThan(0);
    const d = proximity.edges.map((e: any) => e.node.distanceM);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(Math.max(...d)).toBeLessThanOrEqual(50);
  });

  it("proximity without withinM uses each slope's hazard buffer", async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Widen the buffers inside this transaction so the demo city has buildings at risk; rolled back after.
      await client.query('UPDATE slopes SET hazard_buffer_m = 150');
      const { data, errors } = await graphqlClient(client).query<any>(
        '{ proximity(subjectKinds: [BUILDING], targetKinds: [SLOPE], first: 500) { totalCount edges { node { distanceM } } } }',
      );
      expect(errors).toBeUndefined();
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM assets b JOIN assets s ON s.kind = 'slope'
         JOIN slopes sl ON sl.asset_id = s.id AND ST_DWithin(b.geom::geography, s.geom::geography, sl.hazard_buffer_m)
         WHERE b.kind = 'building'`,
      );
      expect(data.proximity.totalCount).toBe(rows[0]!.n);
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});

describe('areas and device series', () => {
  it('lists areas by level and parent with children and boundaries', async () => {
    const { areas } = await ok(
      '{ areas(level: DISTRICT, first: 20) { totalCount edges { node { code name children { code level } } } } }',
    );
    expect(areas.totalCount).toBe(10);
    const { areas: streets } = await ok(
      `query($p: String) { areas(parentCode: $p, first: 100) { totalCount } }`,
      { p: FUTIAN },
    );
    const futian = areas.edges.find((e: any) => e.node.code === FUTIAN).node;
    expect(futian.children.length).toBe(streets.totalCount);
    const { area } = await ok(
      `{ area(code: "${FUTIAN}") { name level synthetic parent { level } boundary } }`,
    );
    expect(area).toMatchObject({
      name: '福田区',
      level: 'DISTRICT',
      synthetic: false,
      parent: { level: 'CITY' },
    });
    expect(area.boundary.type).toBe('MultiPolygon');
  });

  it('returns raw and bucketed series whose counts agree with the readings table', async () => {
    const [dev] = await sql<{ id: number; code: string; key: string; from: Date; to: Date; n: number }>(
      `SELECT d.id, d.code, m.key, min(r.ts) AS from, max(r.ts) + interval '1 second' AS to, count(*)::int AS n
       FROM devices d JOIN readings r ON r.device_id = d.id JOIN metrics m ON m.id = r.metric_id
       WHERE d.type = 'dust_monitor' AND m.key = 'pm10' GROUP BY d.id, d.code, m.key ORDER BY d.id LIMIT 1`,
    );
    const id = Buffer.from(`Device:${dev!.id}`).toString('base64');
    const Q = `query($id: ID!, $from: DateTime!, $to: DateTime!, $b: Bucket) { node(id: $id) { ... on Device {
      code series(metric: "pm10", from: $from, to: $to, bucket: $b) { bucketSeconds metric { unit }
      points { t value min max avg last count } } } } }`;
    const vars = { id, from: dev!.from.toISOString(), to: dev!.to.toISOString() };
    const raw = (await ok(Q, vars)).node.series;
    expect(raw.bucketSeconds).toBeNull();
    expect(raw.points.length).toBe(dev!.n);
    expect(raw.metric.unit).toBe('µg/m³');
    const hourly = (await ok(Q, { ...vars, b: 'HOUR' })).node.series;
    expect(hourly.bucketSeconds).toBe(3600);
    expect(hourly.points.reduce((s: number, p: any) => s + p.count, 0)).toBe(dev!.n);
    for (const p of hourly.points) expect(p.min <= p.avg && p.avg <= p.max).toBe(true);
    const auto = (await ok(Q, { ...vars, b: 'AUTO' })).node.series;
    expect(auto.points.length).toBeLessThanOrEqual(500);
  });
});

describe('GraphiQL', () => {
  it('serves the bundled GraphiQL page to a browser at /graphql', async () => {
    const res = await api.request('/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/unpkg|jsdelivr|cdn/);
  });
});
