// Bad input gets a typed error with a stable extensions.code, no 5xx, nothing leaked, and the server goes on.
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { createPool, type Queryable } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());
const api = graphqlClient(pool);

const square = (lon: number, lat: number, d = 0.02) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});
/** A polygon of the outer ring of the first square and the others' rings as holes. */
const withHoles = (...squares: ReturnType<typeof square>[]) => ({
  type: 'Polygon',
  coordinates: squares.map((s) => s.coordinates[0]!),
});
const STATS = 'query($area: AreaInput!) { areaStats(area: $area) { assets } }';
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const manyPositions = Array.from({ length: 25_000 }, (_, i) => {
  const a = (2 * Math.PI * i) / 25_000;
  return [114.05 + 0.01 * Math.cos(a), 22.55 + 0.01 * Math.sin(a)];
});
manyPositions.push(manyPositions[0]!);
const nested = (depth: number) =>
  `{ area(code: "440304") { ${'parent { '.repeat(depth)}code${' }'.repeat(depth)} } }`;

type Case = [name: string, query: string, variables: Record<string, unknown>, code: string, message?: RegExp];

const cases: Case[] = [
  ['GeoJSON that is a string', STATS, { area: { polygon: 'POLYGON((1 2, 3 4))' } }, 'INVALID_GEOMETRY'],
  ['GeoJSON without a type', STATS, { area: { polygon: { coordinates: [] } } }, 'INVALID_GEOMETRY'],
  [
    'a LineString for an area',
    STATS,
    {
      area: {
        polygon: {
          type: 'LineString',
          coordinates: [
            [114, 22.5],
            [114.1, 22.6],
          ],
        },
      },
    },
    'INVALID_GEOMETRY',
    /expected a GeoJSON Polygon or MultiPolygon/,
  ],
  [
    'string coordinates',
    STATS,
    { area: { polygon: { type: 'Polygon', coordinates: [[['114', '22.5']]] } } },
    'INVALID_GEOMETRY',
  ],
  [
    'a self-intersecting polygon, with PostGIS’s reason',
    STATS,
    {
      area: {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [114.0, 22.5],
              [114.05, 22.55],
              [114.05, 22.5],
              [114.0, 22.55],
              [114.0, 22.5],
            ],
          ],
        },
      },
    },
    'INVALID_GEOMETRY',
    /Self-intersection\[114\.025 22\.525\]/,
  ],
  [
    'a polygon whose hole lies outside it and is larger (PostGIS failed with "area < 0")',
    STATS,
    { area: { polygon: withHoles(square(114.0, 22.55, 0.01), square(114.1, 22.6, 0.05)) } },
    'INVALID_GEOMETRY',
    /^coordinates\[1\]: this hole lies outside the outer ring coordinates\[0\]/,
  ],
  [
    'a MultiPolygon whose polygon has a hole outside it',
    STATS,
    {
      area: {
        polygon: {
          type: 'MultiPolygon',
          coordinates: [withHoles(square(114.0, 22.55, 0.01), square(114.1, 22.6, 0.05)).coordinates],
        },
      },
    },
    'INVALID_GEOMETRY',
    /^coordinates\[0\]\[1\]: this hole lies outside/,
  ],
  [
    'a polygon whose hole crosses it',
    STATS,
    { area: { polygon: withHoles(square(114.0, 22.5, 0.1), square(114.09, 22.52, 0.02)) } },
    'INVALID_GEOMETRY',
    /this hole crosses the outer ring coordinates\[0\] near \[114\.1, 22\.52\]/,
  ],
  [
    'a polygon with overlapping holes',
    STATS,
    {
      area: {
        polygon: withHoles(
          square(114.0, 22.5, 0.1),
          square(114.02, 22.52, 0.02),
          square(114.03, 22.53, 0.02),
        ),
      },
    },
    'INVALID_GEOMETRY',
    /^coordinates\[1\] and coordinates\[2\]: these holes overlap/,
  ],
  [
    '[lat, lon] coordinates',
    STATS,
    { area: { polygon: square(22.5, 114.0) } },
    'INVALID_GEOMETRY',
    /\[latitude, longitude\]/,
  ],
  [
    'a polygon in Beijing',
    STATS,
    { area: { polygon: square(116.4, 39.9) } },
    'OUT_OF_SERVICE_AREA',
    /outside the city/,
  ],
  [
    'a polygon at sea inside the city’s box',
    STATS,
    { area: { polygon: square(114.62, 22.4, 0.01) } },
    'OUT_OF_SERVICE_AREA',
  ],
  [
    'an unclosed ring',
    STATS,
    {
      area: {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [114, 22.5],
              [114.1, 22.5],
              [114.1, 22.6],
              [114, 22.6],
            ],
          ],
        },
      },
    },
    'INVALID_GEOMETRY',
    /not closed/,
  ],
  [
    'a degenerate polygon',
    STATS,
    {
      area: {
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [114, 22.5],
              [114.1, 22.6],
              [114.2, 22.7],
              [114, 22.5],
            ],
          ],
        },
      },
    },
    'INVALID_GEOMETRY',
    /degenerate/,
  ],
  [
    'an empty polygon',
    STATS,
    { area: { polygon: { type: 'Polygon', coordinates: [] } } },
    'INVALID_GEOMETRY',
  ],
  [
    'a polygon of 25,000 positions',
    STATS,
    { area: { polygon: { type: 'Polygon', coordinates: [manyPositions] } } },
    'LIMIT_EXCEEDED',
  ],
  [
    'a polygon far larger than the city',
    STATS,
    { area: { polygon: square(113.0, 21.5, 2) } },
    'LIMIT_EXCEEDED',
    /km²/,
  ],
  [
    'a radius of 0',
    STATS,
    { area: { circle: { center: point(114.05, 22.54), radiusM: 0 } } },
    'INVALID_INPUT',
  ],
  [
    'a negative radius',
    STATS,
    { area: { circle: { center: point(114.05, 22.54), radiusM: -5 } } },
    'INVALID_INPUT',
  ],
  [
    'an absurd radius',
    STATS,
    { area: { circle: { center: point(114.05, 22.54), radiusM: 1e9 } } },
    'LIMIT_EXCEEDED',
  ],
  [
    'two AreaInput members',
    STATS,
    { area: { code: '440304', bbox: [114, 22.5, 114.1, 22.6] } },
    'INVALID_INPUT',
    /got code and bbox/,
  ],
  ['no AreaInput member', STATS, { area: {} }, 'INVALID_INPUT', /none was given/],
  ['an unknown area code', STATS, { area: { code: '440399' } }, 'NOT_FOUND', /440399/],
  ['a malformed area code', STATS, { area: { code: "1'; DROP TABLE assets; --" } }, 'INVALID_INPUT'],
  [
    'a swapped bbox',
    STATS,
    { area: { bbox: [22.5, 114.0, 22.6, 114.1] } },
    'INVALID_GEOMETRY',
    /lon\/lat order/,
  ],
  ['an unknown asset code', '{ asset(code: "JZ-000000-000000") { code } }', {}, 'NOT_FOUND'],
  ['an unknown area', '{ area(code: "999999") { code } }', {}, 'NOT_FOUND'],
  ['a page over the maximum', '{ assets(first: 10000) { totalCount } }', {}, 'LIMIT_EXCEEDED', /at most 500/],
  ['a negative page size', '{ assets(first: -1) { totalCount } }', {}, 'INVALID_INPUT'],
  ['a cursor from elsewhere', '{ assets(after: "bm9wZQ") { totalCount } }', {}, 'INVALID_INPUT'],
  [
    'k over the maximum',
    'query($p: GeoJSON!) { nearest(point: $p, k: 5000) { distanceM } }',
    { p: point(114.05, 22.54) },
    'LIMIT_EXCEEDED',
  ],
  [
    'a nearest point in [lat, lon]',
    'query($p: GeoJSON!) { nearest(point: $p) { distanceM } }',
    { p: point(22.54, 114.05) },
    'INVALID_GEOMETRY',
  ],
  [
    'proximity over 1 km',
    '{ proximity(subjectKinds: [BUILDING], targetKinds: [BUILDING], withinM: 5000) { totalCount } }',
    {},
    'LIMIT_EXCEEDED',
  ],
  [
    'proximity without a distance or slope',
    '{ proximity(subjectKinds: [BUILDING], targetKinds: [GAS_PIPELINE]) { totalCount } }',
    {},
    'INVALID_INPUT',
  ],
  [
    'mixed attribute filters',
    '{ assets(filter: { safetyGrades: [D], riskGrades: [HIGH] }) { totalCount } }',
    {},
    'INVALID_INPUT',
  ],
  [
    'text too long',
    'query($t: String) { assets(filter: { text: $t }) { totalCount } }',
    { t: 'x'.repeat(10_000) },
    'LIMIT_EXCEEDED',
  ],
  ['a query too deep', nested(20), {}, 'LIMIT_EXCEEDED', /depth/],
  // graphql-js's parser recursed into a stack overflow (INTERNAL) before the depth limit could answer
  [
    'a document nested 3,000 deep',
    `{ area(code: "440304") { ${'parent { '.repeat(3000)}code${' }'.repeat(3000)} } }`,
    {},
    'LIMIT_EXCEEDED',
    /nests more than 64 levels/,
  ],
  // the complexity count followed the spreads into a stack overflow (INTERNAL)
  [
    'a chain of 1,000 fragments',
    `{ area(code: "440304") { ...F0 } } ${Array.from({ length: 1000 }, (_, i) => `fragment F${i} on Area { parent { ${i < 999 ? `...F${i + 1}` : 'code'} } }`).join(' ')}`,
    {},
    'LIMIT_EXCEEDED',
    /at most 100 fragments/,
  ],
  // introspection escapes the complexity count: 1,500 of these held the server for 15 s
  [
    'introspection under 300 aliases',
    `{ ${Array.from({ length: 300 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`,
    {},
    'LIMIT_EXCEEDED',
    /__schema or __type at most 4 times/,
  ],
  [
    'an argument list nested 3,000 deep',
    `{ assets(filter: { codes: ${'['.repeat(3000)}"x"${']'.repeat(3000)} }) { totalCount } }`,
    {},
    'LIMIT_EXCEEDED',
  ],
  [
    'GeoJSON variables nested 1,000 deep',
    'query($a: AreaInput!) { areaStats(area: $a) { assets } }',
    { a: { polygon: JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`) } },
    'LIMIT_EXCEEDED',
    /variables nests/,
  ],
  [
    'a document of 60,000 tokens',
    `{ ${'__typename '.repeat(60_000)} }`,
    {},
    'GRAPHQL_PARSE_FAILED',
    /50000 tokens/,
  ],
  [
    'a query too costly',
    '{ assets(first: 500) { edges { node { devices { datastreams { latest { value } } series(metric: "pm10", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { points { value } } } } } } }',
    {},
    'LIMIT_EXCEEDED',
    /complexity/,
  ],
  [
    'a DateTime without an offset',
    '{ node(id: "x") { ... on Device { series(metric: "pm10", from: "2026-01-01T00:00:00", to: "2026-01-02T00:00:00Z") { bucketSeconds } } } }',
    {},
    'INVALID_INPUT',
  ],
  [
    'a NUL byte in an asset code',
    'query($c: String!) { asset(code: $c) { code } }',
    { c: 'JZ-\u0000' },
    'INVALID_INPUT',
  ],
  [
    'a NUL byte in search text',
    'query($t: String) { assets(filter: { text: $t }) { totalCount } }',
    { t: 'a\u0000b' },
    'INVALID_INPUT',
  ],
  [
    'more than 100 node ids',
    'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    { ids: Array(101).fill('QXJlYTo0NDAzMDQ=') },
    'LIMIT_EXCEEDED',
  ],
  [
    '30 February',
    '{ node(id: "x") { ... on Device { series(metric: "pm10", from: "2026-02-30T00:00:00Z", to: "2026-03-02T00:00:00Z") { bucketSeconds } } } }',
    {},
    'INVALID_INPUT',
  ],
];

describe('bad input', () => {
  it.each(cases)('%s', async (_name, query, variables, code, message) => {
    const res = await api.query(query, variables);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.length, JSON.stringify(res)).toBeGreaterThan(0);
    expect(res.errors![0]!.extensions?.code, JSON.stringify(res.errors)).toBe(code);
    if (message) expect(res.errors![0]!.message).toMatch(message);
    expect(JSON.stringify(res.errors)).not.toMatch(/SELECT|postgres|stack|\.ts:/i);
  });

  it('series: unknown metric, reversed range and an over-long range', async () => {
    const { rows } = await pool.query<{ id: number }>(
      "SELECT id FROM devices WHERE type = 'dust_monitor' LIMIT 1",
    );
    const id = Buffer.from(`Device:${rows[0]!.id}`).toString('base64');
    const Q = `query($id: ID!, $m: String!, $from: DateTime!, $to: DateTime!) { node(id: $id) { ... on Device {
      series(metric: $m, from: $from, to: $to) { bucketSeconds } } } }`;
    for (const [vars, code] of [
      [{ m: 'nonsense', from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00' }, 'NOT_FOUND'],
      [{ m: 'pm10', from: '2026-11-02T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' }, 'INVALID_INPUT'],
      [{ m: 'pm10', from: '2020-01-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' }, 'LIMIT_EXCEEDED'],
    ] as const) {
      const res = await api.query(Q, { id, ...vars });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe(code);
    }
  });

  it('GET with variables that are not JSON is INVALID_INPUT, not INTERNAL', async () => {
    const res = await api.request(`/graphql?query=${encodeURIComponent('{ me { name } }')}&variables={`, {
      method: 'GET',
    });
    const body = (await res.json()) as { errors: { extensions: { code: string }; message: string }[] };
    expect(body.errors[0]).toMatchObject({
      extensions: { code: 'INVALID_INPUT' },
      message: expect.stringMatching(/^the variables parameter is not JSON/),
    });
    expect(res.status).toBe(400);
  });

  it('wrong types and malformed requests are 4xx or typed errors, never 5xx', async () => {
    const bodies = ['{', '[]', 'null', '{"query": 5}', '{"query": "{ areaStats(area: 5) { assets } }"}'];
    for (const body of bodies) {
      const res = await api.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status, body).toBeLessThan(500);
    }
    const typed = await api.query('{ assets(first: "ten") { totalCount } }');
    expect(typed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('cancels a statement over the time limit as LIMIT_EXCEEDED, and the pool goes on', async () => {
    // The proximity of every building and lamp takes minutes; the sign-in and the city extent read on the
    // same pool must stay inside the limit on a loaded machine, so it is a second, not 100 ms.
    const slow = createPool(testDatabaseUrl(), { max: 2, statementTimeoutMs: 1000 });
    try {
      const res = await graphqlClient(slow).query(
        '{ proximity(subjectKinds: [BUILDING, STREET_LAMP], targetKinds: [BUILDING, STREET_LAMP], withinM: 1000, first: 1) { totalCount } }',
      );
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe('LIMIT_EXCEEDED');
      expect((await slow.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await slow.end();
    }
  });

  it('answers a device id beyond the id range with null', async () => {
    const id = Buffer.from('Device:9999999999').toString('base64');
    const res = await api.query('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null });
  });

  it('masks unexpected failures and logs them, and keeps serving', async () => {
    const logged: string[] = [];
    // The sign-in lookups work; everything after them fails.
    const failing: Queryable = {
      query: ((config: { text: string }, ...rest: unknown[]) =>
        /api_tokens|sessions|audit_log/.test(config.text)
          ? (pool.query as (...a: unknown[]) => unknown)(config, ...rest)
          : Promise.reject(new Error('connection to server lost (secret detail)'))) as never,
    };
    const res = await graphqlClient(failing, { log: (line) => logged.push(line) }).query(
      '{ area(code: "440304") { name } }',
    );
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]).toMatchObject({
      message: 'Unexpected error; it has been logged.',
      extensions: { code: 'INTERNAL' },
    });
    expect(JSON.stringify(res)).not.toContain('secret detail');
    expect(logged.join('\n')).toContain('secret detail');
    const after = await api.query<{ area: { name: string } }>('{ area(code: "440304") { name } }');
    expect(after.data?.area.name).toBe('福田区');
  });
});
