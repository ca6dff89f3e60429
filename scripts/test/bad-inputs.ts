// Generated bad input for the campaign test: deterministic (seeded) families of malformed GeoJSON, huge
// coordinates and polygons, deep and wide queries, huge strings, wrong types, malformed HTTP bodies and path
// traversal. Each case is a GraphQL operation or a raw HTTP request; none of them may cause a 5xx.
import { Rng } from '../city/rng.ts';

export type BadInput =
  | { family: string; kind: 'graphql'; query: string; variables?: Record<string, unknown>; as?: 'admin' }
  | {
      family: string;
      kind: 'http';
      method: string;
      path: string;
      headers?: Record<string, string>;
      body?: string;
    };

const STATS = 'query($a: AreaInput!) { areaStats(area: $a) { assets } }';
const CENTRE = [114.05, 22.54];

function ring(rng: Rng, n: number, r = 0.01): number[][] {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (i / n) * 2 * Math.PI;
    return [
      CENTRE[0]! + r * Math.cos(a) * rng.range(0.5, 1),
      CENTRE[1]! + r * Math.sin(a) * rng.range(0.5, 1),
    ];
  });
  return [...pts, pts[0]!];
}

function malformedGeoJson(rng: Rng): unknown[] {
  type Polygon = { type: string; coordinates: [number[][]] };
  const good = (): Polygon => ({ type: 'Polygon', coordinates: [ring(rng, 8)] });
  const out: unknown[] = [];
  const corruptions: ((g: Polygon) => unknown)[] = [
    (g) => ({ ...g, type: 'Polygn' }),
    (g) => ({ ...g, type: undefined }),
    () => ({ type: 'Polygon' }),
    (g) => ({ ...g, coordinates: 'x' }),
    (g) => ({ ...g, coordinates: [] }),
    (g) => ({ ...g, coordinates: [[]] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].slice(0, 3)] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].slice(0, -1)] }), // not closed
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [p[1], p[0]])] }), // [lat, lon]
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [String(p[0]), p[1]])] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [p[0]])] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [p[0], p[1], 1, 2, 3])] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].map(() => [null, null])] }),
    (g) => ({ ...g, coordinates: [[[[1, 2]]]] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [p[0]! * 1e6, p[1]])] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [1e308, p[1]])] }),
    (g) => ({ ...g, coordinates: [g.coordinates[0].map((p: number[]) => [-p[0]!, -p[1]!])] }), // far away
    () => ({ type: 'Point', coordinates: CENTRE }),
    (g) => ({ type: 'LineString', coordinates: g.coordinates[0] }),
    (g) => ({ type: 'GeometryCollection', geometries: [g] }),
    (g) => ({ type: 'Feature', geometry: g, properties: {} }),
    (g) => ({
      ...g,
      crs: { type: 'name', properties: { name: 'EPSG:3857' } },
      coordinates: [[[1.2e7, 2.5e6]]],
    }),
    (g) => [g],
    () => null,
    () => 'POLYGON((114 22, 114.1 22, 114.1 22.1, 114 22))',
    // a bow-tie: self-intersecting
    () => ({
      type: 'Polygon',
      coordinates: [
        [
          [114.02, 22.52],
          [114.06, 22.56],
          [114.06, 22.52],
          [114.02, 22.56],
          [114.02, 22.52],
        ],
      ],
    }),
    // a hole outside its shell
    (g) => ({
      ...g,
      coordinates: [
        g.coordinates[0],
        [
          [114.3, 22.7],
          [114.31, 22.7],
          [114.31, 22.71],
          [114.3, 22.7],
        ],
      ],
    }),
    (g) => ({ type: 'MultiPolygon', coordinates: [g.coordinates[0]] }),
  ];
  for (let i = 0; i < 6; i++) for (const c of corruptions) out.push(c(good()));
  return out;
}

export function generateBadInputs(seed = 1): BadInput[] {
  const rng = new Rng(seed, 'bad-inputs');
  const cases: BadInput[] = [];
  const gql = (family: string, query: string, variables?: Record<string, unknown>, as?: 'admin') =>
    cases.push({ family, kind: 'graphql', query, ...(variables && { variables }), ...(as && { as }) });
  const http = (
    family: string,
    method: string,
    path: string,
    body?: string,
    headers?: Record<string, string>,
  ) =>
    cases.push({
      family,
      kind: 'http',
      method,
      path,
      ...(body !== undefined && { body }),
      ...(headers && { headers }),
    });

  // 1. malformed GeoJSON, as a polygon and as a point
  for (const g of malformedGeoJson(rng)) {
    gql('malformed GeoJSON', STATS, { a: { polygon: g } });
    gql('malformed GeoJSON', 'query($p: GeoJSON!) { nearest(point: $p) { distanceM } }', { p: g });
  }

  // 2. huge coordinates and polygons
  for (const v of [1e308, -1e308, 181, -91, 1e9, Number.MAX_SAFE_INTEGER, 0.1e-300]) {
    gql('huge coordinates', STATS, { a: { bbox: [v, 22.5, 114.1, 22.6] } });
    gql('huge coordinates', STATS, {
      a: { circle: { center: { type: 'Point', coordinates: [v, 22.5] }, radiusM: 100 } },
    });
    gql('huge coordinates', STATS, {
      a: { circle: { center: { type: 'Point', coordinates: CENTRE }, radiusM: v } },
    });
  }
  for (const n of [20_001, 30_000])
    gql('huge polygons', STATS, { a: { polygon: { type: 'Polygon', coordinates: [ring(rng, n)] } } });
  gql('huge polygons', STATS, { a: { polygon: { type: 'Polygon', coordinates: [ring(rng, 64, 1.5)] } } }); // ~100,000 km²
  gql('huge polygons', STATS, {
    a: {
      polygon: {
        type: 'MultiPolygon',
        coordinates: Array.from({ length: 2000 }, () => [ring(rng, 12, 0.001)]),
      },
    },
  });

  // 3. deep and wide queries
  for (const depth of [13, 20, 50, 200]) {
    gql('deep queries', `{ area(code: "440304") { ${'parent { '.repeat(depth)}code${' }'.repeat(depth)} } }`);
  }
  for (const width of [301, 1000, 5000]) {
    gql('wide queries', `{ ${Array.from({ length: width }, (_, i) => `a${i}: me { name }`).join(' ')} }`);
  }
  gql(
    'wide queries',
    '{ assets(first: 500) { edges { node { devices { datastreams { series(metric: "pm10", from: "2026-01-01T00:00:00+08:00", to: "2026-02-01T00:00:00+08:00") { points { t } } } } } } } }',
  );
  gql('wide queries', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
  gql('wide queries', `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
    ids: Array.from({ length: 101 }, (_, i) => String(i)),
  });

  // 4. huge strings
  for (const n of [41, 1_000, 100_000, 1_500_000]) {
    gql('huge strings', 'query($c: String!) { asset(code: $c) { code } }', { c: 'B'.repeat(n) });
    gql('huge strings', 'query($c: String!) { area(code: $c) { code } }', { c: '4'.repeat(n) });
    gql('huge strings', 'query($t: String!) { assets(filter: { text: $t }) { totalCount } }', {
      t: '%_\\'.repeat(n / 3),
    });
  }
  for (const s of [
    '\u0000',
    '\uD800',
    '𠮷'.repeat(1000),
    "'; DROP TABLE assets; --",
    '$' + '{jndi:ldap://x}', // log4shell-style
    '<script>',
  ]) {
    gql('huge strings', 'query($c: String!) { asset(code: $c) { code } }', { c: s });
    gql('huge strings', 'query($t: String!) { assets(filter: { text: $t }) { totalCount } }', { t: s });
  }

  // 5. wrong types
  const wrong = [null, 'x', 1.5, -1, 2 ** 31, [], {}, true, 'NaN', 'Infinity'];
  for (const w of wrong) {
    gql('wrong types', 'query($n: Int) { assets(first: $n) { totalCount } }', { n: w });
    gql('wrong types', 'query($k: [AssetKind!]) { assets(filter: { kinds: $k }) { totalCount } }', { k: w });
    gql('wrong types', 'query($a: AreaInput!) { areaStats(area: $a) { assets } }', { a: w });
    gql('wrong types', 'query($d: DateTime!) { auditLog(filter: { from: $d }) { totalCount } }', { d: w });
    gql('wrong types', 'query($id: ID!) { node(id: $id) { id } }', { id: w });
    gql('wrong types', 'query($c: String) { assets(after: $c) { totalCount } }', {
      c: typeof w === 'string' ? w : JSON.stringify(w),
    });
  }
  for (const d of [
    '2026-13-01T00:00:00+08:00',
    '2026-02-30T00:00:00+08:00',
    '2026-01-01T00:00:00',
    'yesterday',
    '',
  ]) {
    gql('wrong types', 'query($d: DateTime!) { auditLog(filter: { from: $d }) { totalCount } }', { d });
  }

  // 6. bad administration input (as an administrator): nothing may be written
  const user = (input: Record<string, unknown>) =>
    gql(
      'bad admin input',
      'mutation($i: NewUserInput!) { createUser(input: $i) { id } }',
      {
        i: { username: 'valid.name', displayName: 'x', password: 'Pass-word-1', role: 'LEADER', ...input },
      },
      'admin',
    );
  for (const username of ['', 'ab', 'A'.repeat(100), '../../etc', 'name with space', '名字', "x'--"])
    user({ username });
  for (const password of ['', 'short', 'a'.repeat(10), 'valid.name-Pass-1', 'P1'.repeat(100)])
    user({ password });
  for (const areaCode of ['999999', 'nope', '440304001001001', '../', 'x'.repeat(500)]) user({ areaCode });
  for (const unitCode of ['U-NONE', 'x'.repeat(500)]) user({ unitCode });
  user({ role: 'UNIT_HANDLER' });
  user({ role: 'API_CLIENT' });
  user({ displayName: '' });
  user({ displayName: 'x'.repeat(65) });
  for (const id of [0, -1, 2 ** 31 - 1]) {
    gql('bad admin input', 'mutation($id: Int!) { unlockUser(id: $id) { id } }', { id }, 'admin');
    gql('bad admin input', 'mutation($id: Int!) { revokeApiToken(id: $id) { id } }', { id }, 'admin');
  }
  for (const days of [0, -5, 100_000]) {
    gql(
      'bad admin input',
      'mutation($d: Int) { createApiToken(input: { name: "t", days: $d }) { token } }',
      { d: days },
      'admin',
    );
  }
  gql('bad admin input', 'mutation { createApiToken(input: { name: "" }) { token } }', undefined, 'admin');

  // 7. malformed HTTP bodies and requests
  for (const body of [
    '',
    '{',
    '}',
    '[]',
    '[1,2]',
    'null',
    '"q"',
    '{"query": 5}',
    '{"query": null}',
    '{"query": "{"}',
    '{"variables": "x", "query": "{ me { name } }"}',
    '\u0000\u0001',
    'x'.repeat(3 * 1024 * 1024),
  ]) {
    http('malformed bodies', 'POST', '/graphql', body, { 'content-type': 'application/json' });
  }
  http('malformed bodies', 'POST', '/graphql', 'query { me { name } }', { 'content-type': 'text/plain' });
  http('malformed bodies', 'POST', '/graphql', 'query=%7B%7D', {
    'content-type': 'application/x-www-form-urlencoded',
  });
  http('malformed bodies', 'GET', '/graphql?query=mutation%7BunlockUser(id%3A1)%7Bid%7D%7D');
  http('malformed bodies', 'PUT', '/graphql', '{}', { 'content-type': 'application/json' });
  for (const body of ['', '{', '[]', '{"username": {"$ne": 1}, "password": "x"}', 'x'.repeat(20_000)]) {
    http('malformed bodies', 'POST', '/auth/login', body, { 'content-type': 'application/json' });
  }
  for (const level of ['', 'country', "district' OR 1=1", 'x'.repeat(10_000)]) {
    http('malformed bodies', 'GET', `/api/areas?level=${encodeURIComponent(level)}`);
  }
  // ingest and attachments arrive with the alert and case issues; until then these paths must be clean 404s
  http('malformed bodies', 'POST', '/ingest', '{"device": 1, "value": "NaN"}', {
    'content-type': 'application/json',
  });

  // 9. cases: bad intake and workflow input (as admin, who may file and dispatch), public reports, Open311
  const CREATE = 'mutation($i: CreateCaseInput!) { createCase(input: $i) { case { id } } }';
  const base = {
    source: 'HOTLINE',
    category: 'SJ0699',
    description: '测试',
    location: { lon: 114.05, lat: 22.54 },
  };
  for (const patch of [
    { location: { lon: 22.54, lat: 114.05 } },
    { location: { lon: 1e308, lat: 22.5 } },
    { location: { lon: 'NaN', lat: 22.5 } },
    { location: { lon: 113.0, lat: 23.5 } },
    { category: "SJ0699' OR '1'='1" },
    { category: 'x'.repeat(10_000) },
    { description: '' },
    { description: 'x'.repeat(100_000) },
    { description: '\u0000' },
    { attachments: ['../../etc/passwd'] },
    { attachments: Array.from({ length: 50 }, (_, i) => i.toString(16).padStart(64, '0')) },
    { reporterPhone: '<script>alert(1)</script>' },
    { assetCode: "JZ-440304-000001' --" },
    { source: 'ALERT', alertId: 'abc' },
    { source: 'ALERT', alertId: '99999999999' },
    { source: 'SPACESHIP' },
    { urgency: 'PANIC' },
  ]) {
    gql('cases', CREATE, { i: { ...base, ...patch } }, 'admin');
  }
  for (const [id, action, version] of [
    ['x', 'ACCEPT', 1],
    ['99999999999', 'ACCEPT', 1],
    ['1', 'accept', 1],
    ['1', 'ACCEPT', -1],
    ['1', 'ACCEPT', 1e12],
    ["1' OR 1=1", 'CLOSE', 1],
  ] as const) {
    gql(
      'cases',
      'mutation($id: ID!, $a: CaseAction!, $v: Int!) { transitionCase(id: $id, action: $a, version: $v) { id } }',
      { id, a: action, v: version },
      'admin',
    );
  }
  gql('cases', '{ caseKpis(from: "2026-02-30T00:00:00Z", to: "2026-03-01T00:00:00Z") { due } }');
  gql('cases', '{ caseKpis(from: "2026-03-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { due } }');
  gql(
    'cases',
    '{ cases(filter: { text: "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%" }) { totalCount } }',
  );
  gql('cases', '{ cases(after: "not-a-cursor") { totalCount } }');
  http('cases', 'POST', '/attachments', 'MZ this is not an image', {
    'content-type': 'application/octet-stream',
  });
  http('cases', 'POST', '/attachments', '{"file": "x"}', { 'content-type': 'application/json' });
  http('cases', 'GET', '/attachments/not-a-hash');
  http('cases', 'GET', `/attachments/${'f'.repeat(64)}`);
  http('cases', 'POST', '/public/reports', 'assetCode=x', {
    'content-type': 'application/x-www-form-urlencoded',
  });
  http('cases', 'POST', '/public/reports', '--b\r\nbroken', {
    'content-type': 'multipart/form-data; boundary=b',
  });
  http('cases', 'GET', '/public/reports/12345');
  http('cases', 'GET', `/public/reports/${'9'.repeat(16)}`);
  http('cases', 'POST', '/open311/v2/requests.json', 'service_code=SJ0401&lat=north&long=114&description=x', {
    'content-type': 'application/x-www-form-urlencoded',
  });
  http(
    'cases',
    'POST',
    '/open311/v2/requests.json',
    'service_code=NOPE&lat=22.54&long=114.05&description=x',
    {
      'content-type': 'application/x-www-form-urlencoded',
    },
  );
  http('cases', 'POST', '/open311/v2/requests.json', '[1,2]', { 'content-type': 'application/json' });
  http('cases', 'GET', '/open311/v2/requests.json?start_date=yesterday');
  http('cases', 'GET', '/open311/v2/requests.json?status=maybe');
  http('cases', 'GET', '/open311/v2/requests/..%2F..%2Fpackage.json');
  http('cases', 'GET', '/open311/v2/services.csv');
  http('cases', 'GET', '/open311/v2/requests.xml?status=open,maybe&service_code=%00');
  http('cases', 'GET', '/open311/v2/services.xml?jurisdiction_id=sfgov.org');
  http('cases', 'DELETE', '/open311/v2/requests.json');
  http(
    'cases',
    'POST',
    '/open311/v2/requests.xml',
    `service_code=SJ0501&description=x&address_string=${encodeURIComponent('火星基地1栋')}`,
    { 'content-type': 'application/x-www-form-urlencoded' },
  );
  http(
    'cases',
    'POST',
    '/open311/v2/requests.json',
    'service_code=SJ0699&lat=22.54&long=114.05&description=x&media_url=javascript%3Aalert(1)',
    { 'content-type': 'application/x-www-form-urlencoded' },
  );

  // 8. the big screen: map layers, building tiles, alert filters
  for (const kind of ['building', 'lamps', '', '%00', 'street_lamp%27', 'x'.repeat(500), '..%2F..%2Fetc']) {
    http('screen', 'GET', `/api/layers/${kind}`);
  }
  for (const t of [
    't/440304001/99/0/0.glb',
    't/440304001/7/128/0.glb',
    't/440304001/7/-1/0.glb',
    't/440304001/7/0/1e3.glb',
    't/440304001/7/0/0.png',
    't/..%2F..%2Fpackage.json/7/0/0.glb',
    't/440304001/7/0/99999999999999999999.glb',
    "t/4403'--/7/0/0.glb",
    't/440304001/NaN/0/0.glb',
  ]) {
    http('screen', 'GET', `/tiles/3d/buildings/${t}`);
  }
  for (const f of [
    { assetCode: "BD'; DROP TABLE assets;--" },
    { assetCode: 'x'.repeat(10_000) },
    { activeAt: 'yesterday' },
    { activeAt: '2026-11-20T00:00:00Z', from: '2026-11-19T00:00:00Z' },
  ]) {
    gql('screen', 'query($f: AlertFilter) { alerts(filter: $f, first: 5) { totalCount } }', { f });
  }

  // 9. the analyst workbench: vector tiles, trends, tables and downloads
  for (const t of [
    'roads/14/1/1.mvt',
    'buildings/99/0/0.mvt',
    'buildings/14/99999/0.mvt',
    'buildings/14/1/NaN.mvt',
    'buildings/14/1/1.mvt?safetyGrade=Z',
    "buildings/14/1/1.mvt?district=44'--",
    'buildings/14/1/1.mvt?selfBuilt=maybe&selfBuilt=true',
    `buildings/14/1/1.mvt?use=${'office,'.repeat(500)}`,
    'alerts/14/1/1.mvt?from=2026-99-99',
    'alerts/14/1/1.mvt?from=2026-11-02&to=2026-11-01',
    '..%2F..%2Fpackage.json',
    'buildings.json?x=1',
  ]) {
    http('analyst', 'GET', `/tiles/${t}`);
  }
  const json = { 'content-type': 'application/json' };
  for (const body of [
    '{nope',
    '[]',
    '{}',
    JSON.stringify({ area: { code: '440304' }, sort: { by: 'price; DROP TABLE assets' } }),
    JSON.stringify({ area: { code: '440304' }, kinds: ['BUILDING', 'x'.repeat(10_000)] }),
    JSON.stringify({ area: { code: '440304' }, format: '../../etc/passwd' }),
    JSON.stringify({ area: { polygon: { type: 'Polygon', coordinates: ring(rng, 30_000) } } }),
    JSON.stringify({ area: { bbox: [Number.MAX_VALUE, 0, 1, 1] } }),
  ]) {
    http('analyst', 'POST', '/api/analysis/assets', body, json);
  }
  for (const body of [
    JSON.stringify({ area: { code: '440304' }, from: 'yesterday', to: 'today' }),
    JSON.stringify({ area: { code: '440304' }, from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
    JSON.stringify({
      area: { code: '440304' },
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      severities: ['PURPLE'],
    }),
  ]) {
    http('analyst', 'POST', '/api/analysis/alerts', body, json);
  }
  for (const vars of [
    { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' },
    { from: '1970-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' },
    { from: '2026-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z', cellM: Number.NaN },
    { from: '2026-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z', cellM: 1e9 },
  ]) {
    gql(
      'analyst',
      'query($from: DateTime!, $to: DateTime!, $cellM: Float) { alertTrend(from: $from, to: $to, interval: HOUR) { total } alertDensity(from: $from, to: $to, cellM: $cellM) { count } }',
      vars,
    );
  }

  // 10. path traversal
  for (const p of [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/public/assets/..%2F..%2Fetc%2Fpasswd',
    '/public/assets/%00',
    '/graphiql.html/../../package.json',
    '/%252e%252e/package.json',
    '/attachments/..%2F..%2F.env',
  ]) {
    http('path traversal', 'GET', p);
  }
  return cases;
}

/** Error codes a refused input may carry; anything else (or none) is an untyped error. */
export const TYPED_ERROR_CODES: readonly string[] = [
  'INVALID_INPUT',
  'INVALID_GEOMETRY',
  'OUT_OF_SERVICE_AREA',
  'NOT_FOUND',
  'LIMIT_EXCEEDED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RATE_LIMITED',
  'ILLEGAL_TRANSITION',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
];
