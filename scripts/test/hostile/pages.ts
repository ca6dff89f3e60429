// Hostile requests for the map tiles (vector tiles, TileJSON, the buildings' 3D Tiles), the public pages (QR
// plate lookup, report categories and tracking, Open311 GeoReport v2, the web app's routes and static files)
// and malformed HTTP on the socket (request lines, headers, framing) that ordinary clients cannot send.
import { Rng } from '../../city/rng.ts';
import type { HostileContext, HttpInput, RawInput, Sender } from './types.ts';
import { utf8 } from './types.ts';

const LAYERS = ['areas', 'buildings', 'sites', 'slopes', 'lamps', 'waterlogging', 'pipelines', 'alerts'];
const MINZOOM: Record<string, number> = {
  areas: 0,
  buildings: 13,
  sites: 10,
  slopes: 10,
  lamps: 13,
  waterlogging: 8,
  pipelines: 12,
  alerts: 0,
};
const FILTERS: Record<string, [string, string[]][]> = {
  areas: [
    ['level', ['district', 'street', 'community', 'grid']],
    ['parent', ['440304', '440304001']],
  ],
  buildings: [
    ['district', ['440304', '440305']],
    ['safetyGrade', ['A', 'B,C', 'D']],
    ['selfBuilt', ['true', 'false']],
    ['use', ['residential', 'office,industrial']],
  ],
  sites: [
    ['district', ['440304']],
    ['stage', ['earthwork', 'foundation,finishing']],
  ],
  slopes: [['riskGrade', ['low', 'high']]],
  lamps: [['status', ['on', 'fault']]],
  waterlogging: [['district', ['440304']]],
  pipelines: [['pressureClass', ['low', 'sub_high']]],
  alerts: [
    ['severity', ['RED', 'BLUE,YELLOW']],
    ['kind', ['dust_monitor']],
    ['from', ['2026-01-01', '2026-01-01T00:00:00Z']],
    ['to', ['2026-02-01T00:00:00+08:00']],
  ],
};
const BAD_VALUES = [
  '',
  'x',
  'A,Z',
  "44'--",
  '%00',
  '%27%20OR%201%3D1',
  'true,false',
  'maybe',
  '1e999',
  '-1',
  '2026-99-99',
  '2026-02-30',
  '2026-02-30T25:61:61Z',
  '+275760-09-13T00:00:00Z',
  '0000-00-00',
  '9999-12-31T23:59:59.999999-23:59',
  `${'a,'.repeat(5000)}a`,
  'x'.repeat(10_000),
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  'RED,RED,RED',
  'district',
  'null',
  '[]',
  '{}',
  '%F0%9F%92%A5',
  '%EF%BF%BF',
];
const BAD_NUMBERS = [
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '00000000',
  '99999999',
  '999999999',
  '',
  ' 1',
  '%20',
  'NaN',
  'Infinity',
  '٣',
  '１',
  '1%00',
  '..',
  '%2e%2e',
  '-0',
  '+1',
  '4294967296',
  '9'.repeat(40),
];

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

export function generateTileInputs(ctx: HostileContext): HttpInput[] {
  const rng = new Rng(ctx.seed, 'hostile/tiles');
  const out: HttpInput[] = [];
  const get = (
    sub: string,
    label: string,
    path: string,
    headers: Record<string, string> = {},
    as: Sender = 'analyst',
    method = 'GET',
  ) => out.push({ kind: 'http', family: 'tiles', sub, label, method, path, headers, as });
  const query = (layer: string, bad: boolean) => {
    const specs = Object.hasOwn(FILTERS, layer) ? FILTERS[layer]! : [];
    const parts: string[] = [];
    for (const [name, values] of specs) {
      if (rng.chance(0.4)) parts.push(`${name}=${encodeURIComponent(rng.pick(values))}`);
    }
    if (bad) {
      const which = rng.int(0, 3);
      const name =
        which === 0 || specs.length === 0
          ? rng.pick(['nope', 'z', 'x', '__proto__', 'district%00', 'a'.repeat(300)])
          : rng.pick(specs)[0];
      const value = rng.pick(BAD_VALUES);
      parts.push(`${name}=${value.includes('%') ? value : encodeURIComponent(value)}`);
      if (rng.chance(0.2)) parts.push(parts[parts.length - 1]!);
    }
    return parts.length ? `?${parts.join('&')}` : '';
  };

  // Valid tiles over the city, with fair or bad filters.
  for (let i = 0; i < 70; i++) {
    const layer = rng.pick(LAYERS);
    const z = rng.int(Math.max(MINZOOM[layer]!, 8), 16);
    const [x, y] = tileOf(rng.range(113.9, 114.3), rng.range(22.5, 22.7), z);
    const bad = rng.chance(0.5);
    get(
      bad ? 'bad filters' : 'valid',
      `${layer}/${z}/${x}/${y}${bad ? ' with bad filters' : ''}`,
      `/tiles/${layer}/${z}/${x}/${y}.mvt${query(layer, bad)}`,
      rng.chance(0.3) ? { 'accept-encoding': 'gzip' } : {},
    );
  }
  // Hostile addresses.
  for (let i = 0; i < 170; i++) {
    const layer = rng.chance(0.85)
      ? rng.pick(LAYERS)
      : rng.pick([
          '',
          'BUILDINGS',
          'building',
          '..',
          '%2e%2e',
          'x'.repeat(500),
          'buildings%00',
          'tileset',
          '__proto__',
          'constructor',
        ]);
    const z = rng.chance(0.5) ? String(rng.int(0, 22)) : rng.pick(BAD_NUMBERS);
    const zn = Number(z);
    const x =
      rng.chance(0.5) && Number.isInteger(zn) && zn >= 0 && zn <= 30
        ? String(rng.int(0, 2 ** Math.min(zn, 22)))
        : rng.pick(BAD_NUMBERS);
    const y =
      rng.chance(0.5) && Number.isInteger(zn) && zn >= 0 && zn <= 30
        ? String(rng.int(0, 2 ** Math.min(zn, 22)))
        : rng.pick(BAD_NUMBERS);
    const ext = rng.pick(['.mvt', '.mvt', '.mvt', '.pbf', '.png', '', '.MVT', '.mvt.gz', '.mvt%00', '.json']);
    get(
      'addresses',
      `${layer.slice(0, 20)}/${z.slice(0, 12)}/${x.slice(0, 12)}/${y.slice(0, 12)}${ext}`,
      `/tiles/${encodeURI(layer)}/${encodeURI(z)}/${encodeURI(x)}/${encodeURI(y)}${ext}${rng.chance(0.3) ? query(layer, rng.chance(0.5)) : ''}`,
    );
  }
  for (const path of [
    '/tiles',
    '/tiles/',
    '/tiles/buildings',
    '/tiles/buildings/14',
    '/tiles/buildings/14/1',
    '/tiles/buildings/14/1/2/3.mvt',
    '/tiles//14/1/1.mvt',
    '/tiles/buildings/14/1/1.mvt/',
    '/tiles/..%2F..%2Fpackage.json',
    '/tiles/%2e%2e/%2e%2e/package.json',
  ]) {
    get('addresses', path, path);
  }
  // TileJSON.
  for (const layer of [...LAYERS, 'nope', 'BUILDINGS', 'x'.repeat(300), '..']) {
    get(
      'tilejson',
      `${layer.slice(0, 20)}.json`,
      `/tiles/${encodeURI(layer)}.json${query(layer, rng.chance(0.6))}`,
    );
  }
  for (let i = 0; i < 20; i++) {
    const layer = rng.pick(LAYERS);
    get('tilejson', `${layer}.json with bad filters`, `/tiles/${layer}.json${query(layer, true)}`, {
      host: rng.pick(['evil.example', 'localhost:1', '[::1]', 'x'.repeat(300)]),
    });
  }
  // Odd headers on valid tiles.
  for (const headers of <Record<string, string>[]>[
    { 'if-none-match': '"x"'.repeat(2000) },
    { 'if-none-match': '*' },
    { 'accept-encoding': 'gzip;q=0, *;q=0' },
    { 'accept-encoding': 'br, zstd, gzip'.repeat(300) },
    { range: 'bytes=0-10' },
    { range: 'bytes=999999-' },
  ]) {
    const [x, y] = tileOf(114.05, 22.54, 14);
    get(
      'headers',
      `buildings tile with ${Object.keys(headers)[0]}`,
      `/tiles/buildings/14/${x}/${y}.mvt`,
      headers,
    );
  }
  // The buildings' 3D Tiles.
  for (const t of ctx.buildingTiles.slice(0, 8)) {
    get(
      '3d',
      `t/${t.street}/${t.level}/${t.x}/${t.y}.glb`,
      `/tiles/3d/buildings/t/${t.street}/${t.level}/${t.x}/${t.y}.glb${rng.chance(0.5) ? `?v=${'0'.repeat(16)}` : ''}`,
      rng.chance(0.5) ? { 'accept-encoding': 'gzip' } : {},
    );
  }
  const street = ctx.buildingTiles[0]?.street ?? '440304001';
  for (let i = 0; i < 60; i++) {
    const s = rng.chance(0.6)
      ? street
      : rng.pick([
          '',
          '..',
          '%2e%2e',
          "4403'--",
          'x'.repeat(300),
          '440304001%00',
          'ABCDEF',
          '44030400100000000',
          '%2F',
        ]);
    const level = rng.chance(0.5) ? String(rng.int(0, 20)) : rng.pick(BAD_NUMBERS);
    const x = rng.chance(0.5) ? String(rng.int(0, 300)) : rng.pick(BAD_NUMBERS);
    const y = rng.chance(0.5) ? String(rng.int(0, 300)) : rng.pick(BAD_NUMBERS);
    const ext = rng.pick(['.glb', '.glb', '.b3dm', '', '.glb%00', '.GLB', '.glb.gz']);
    get(
      '3d',
      `t/${s.slice(0, 12)}/${level.slice(0, 10)}/${x.slice(0, 10)}/${y.slice(0, 10)}${ext}`,
      `/tiles/3d/buildings/t/${encodeURI(s)}/${encodeURI(level)}/${encodeURI(x)}/${encodeURI(y)}${ext}`,
    );
  }
  for (const headers of <Record<string, string>[]>[
    {},
    { 'if-none-match': '"x"'.repeat(3000) },
    { 'if-none-match': 'W/"*"' },
  ]) {
    get(
      '3d',
      `tileset.json ${JSON.stringify(headers).slice(0, 30)}`,
      '/tiles/3d/buildings/tileset.json',
      headers,
    );
  }
  for (const path of [
    '/tiles/3d/buildings/',
    '/tiles/3d/buildings/t',
    '/tiles/3d/buildings/t/a/b/c/d/e.glb',
    '/tiles/3d/buildings/tileset.json/..',
    '/tiles/3d/buildings/..%2F..%2F..%2Fpackage.json',
    '/tiles/3d/buildings/tileset.json%00',
  ]) {
    get('3d', path, path);
  }
  // Without credentials, and with a role that may not see the map.
  for (const path of [
    '/tiles/buildings/14/13388/7137.mvt',
    '/tiles/areas.json',
    '/tiles/3d/buildings/tileset.json',
  ]) {
    get('who', `${path} without credentials`, path, {}, 'anonymous');
    get('who', `${path} with a garbage bearer`, path, { authorization: 'Bearer x' }, 'anonymous');
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH']) {
    get('methods', `${method} a tile`, '/tiles/areas/0/0/0.mvt', {}, 'analyst', method);
  }
  return out;
}

export function generatePublicInputs(ctx: HostileContext): (HttpInput | RawInput)[] {
  const rng = new Rng(ctx.seed, 'hostile/public');
  const out: (HttpInput | RawInput)[] = [];
  const req = (
    sub: string,
    label: string,
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
    as: Sender = 'anonymous',
  ) =>
    out.push({
      kind: 'http',
      family: 'public',
      sub,
      label,
      method,
      path,
      headers,
      ...(body !== undefined && { body }),
      as,
    });
  const assets = ctx.assets;
  const code = () => rng.pick(assets).code;

  // QR plate lookups.
  const plates = [
    ...Array.from({ length: 10 }, () => code()),
    ...Array.from({ length: 10 }, () => code().toLowerCase()),
    'JZ-440304-999999',
    'XX-000000-0000',
    'JZ-440304-000001%00',
    "JZ-440304-000001'--",
    'JZ-440304-000001%27%20OR%20%271%27%3D%271',
    '..%2F..%2Fpackage.json',
    '%2e%2e',
    'x'.repeat(10_000),
    'JZ-%E4%B8%AD%E6%96%87-0001',
    '%F0%9F%92%A5',
    'JZ-440304-000001.json',
    'JZ-440304-000001/../../x',
    '',
    '%20',
    'JZ-440304-1',
    `JZ-${'4'.repeat(16)}-${'1'.repeat(8)}`,
    `JZ-${'4'.repeat(17)}-${'1'.repeat(9)}`,
  ];
  for (const p of plates) req('plates', `/public/assets/${p.slice(0, 40)}`, 'GET', `/public/assets/${p}`);
  while (out.length < 90) {
    const c = code();
    const broken = rng.pick([
      c.replace('-', '--'),
      c.slice(0, -1),
      `${c}0`,
      c.replace(/\d/, '٣'),
      encodeURIComponent(`${c}\u202e`),
      `${c}%0d%0aSet-Cookie:%20x=1`,
      `${c}?x=${'y'.repeat(1000)}`,
    ]);
    req('plates', `/public/assets/${broken.slice(0, 40)}`, 'GET', `/public/assets/${broken}`);
  }
  // Categories.
  for (const kind of [
    'building',
    'street_lamp',
    'BUILDING',
    '',
    'nope',
    '__proto__',
    'constructor',
    "building'--",
    'x'.repeat(5000),
    '%00',
    'building&assetKind=slope',
    'building%26assetKind%3Dslope',
  ]) {
    req('categories', `assetKind=${kind.slice(0, 30)}`, 'GET', `/public/categories?assetKind=${kind}`);
  }
  req('categories', 'no filter', 'GET', '/public/categories');
  // Tracking numbers.
  for (const t of [
    '1234567890123456',
    '0000000000000000',
    '9'.repeat(16),
    '12345',
    '1'.repeat(17),
    '１２３４５６７８９０１２３４５６',
    '123456789012345%00',
    '..%2F..%2Fpackage.json',
    "1234567890123456'--",
    'x'.repeat(5000),
    '-123456789012345',
    '1234567890123456.json',
    '1e15',
  ]) {
    req('tracking', `/public/reports/${t.slice(0, 30)}`, 'GET', `/public/reports/${t}`);
  }
  for (const method of ['PUT', 'DELETE', 'PATCH'])
    req('tracking', `${method} a report`, method, '/public/reports/1234567890123456', '{}', {
      'content-type': 'application/json',
    });
  req('tracking', 'GET the report list', 'GET', '/public/reports');

  // Open311 GeoReport v2: reads.
  const fmt = () =>
    rng.pick(['xml', 'json', 'XML', 'Json', 'html', 'csv', '', 'xml%00', 'json.xml', 'x'.repeat(100)]);
  for (let i = 0; i < 25; i++)
    req(
      'open311 read',
      `services.${'?'}`,
      'GET',
      `/open311/v2/services.${fmt()}${rng.chance(0.3) ? `?jurisdiction_id=${rng.pick(['sz.gov.cn', 'sfgov.org', '', 'SZ.GOV.CN', 'x'.repeat(500), '%00'])}` : ''}`,
    );
  for (let i = 0; i < 25; i++) {
    const sc = rng.pick([
      ...ctx.categories,
      'NOPE',
      '',
      "SJ0699'--",
      'x'.repeat(1000),
      '..%2F..%2Fpackage',
      '%00',
      'sj0699',
    ]);
    req('open311 read', `services/${sc.slice(0, 20)}`, 'GET', `/open311/v2/services/${sc}.${fmt()}`);
  }
  const filterValues: Record<string, string[]> = {
    service_request_id: [
      '1234567890123456',
      'x',
      '1234567890123456,x',
      `${'1234567890123456,'.repeat(500)}1`,
      '%00',
    ],
    service_code: ['SJ0699', 'NOPE', 'SJ0699,NOPE', `${'SJ0699,'.repeat(1000)}X`, "'--"],
    status: ['open', 'closed', 'open,closed', 'maybe', 'OPEN', '', 'open,maybe'],
    start_date: [
      '2026-01-01T00:00:00Z',
      'yesterday',
      '2026-02-30T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '2026-01-01',
      '',
    ],
    end_date: ['2026-12-31T00:00:00Z', '1970-01-01T00:00:00Z', '2026-13-01T00:00:00Z', 'x'.repeat(1000)],
    jurisdiction_id: ['sz.gov.cn', 'sfgov.org', ''],
    page_size: ['-1', '100000', 'x'],
  };
  for (let i = 0; i < 70; i++) {
    const params: string[] = [];
    for (const [k, vs] of Object.entries(filterValues)) {
      if (rng.chance(0.35)) params.push(`${k}=${encodeURIComponent(rng.pick(vs))}`);
    }
    if (rng.chance(0.15)) params.push(params[0] ?? 'status=open');
    req(
      'open311 read',
      `requests ${params.join('&').slice(0, 60)}`,
      'GET',
      `/open311/v2/requests.${rng.pick(['xml', 'json', 'json', 'csv'])}${params.length ? `?${params.join('&')}` : ''}`,
    );
  }
  for (const id of [
    '1234567890123456',
    'x',
    '..%2F..%2Fpackage.json',
    '%00',
    'x'.repeat(5000),
    '1234567890123456%2Fx',
  ]) {
    req('open311 read', `requests/${id.slice(0, 20)}`, 'GET', `/open311/v2/requests/${id}.${fmt()}`);
  }
  for (const path of [
    '/open311/v2',
    '/open311/v2/',
    '/open311/v2/discovery.json',
    '/open311/v1/services.xml',
    '/open311/v2/services',
    '/open311/v2/requests',
    '/open311/v2/tokens/x.json',
    '/open311/../graphql',
    '/open311/v2/%2e%2e/%2e%2e/package.json',
  ]) {
    req('open311 read', path, 'GET', path);
  }
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])
    req('open311 read', `${method} requests.json`, method, '/open311/v2/requests.json');

  // Open311: filing (each with at least one refused field; a report that was accepted would be a case).
  const goodFields = () => ({
    service_code: rng.pick(ctx.categories),
    lat: '22.54',
    long: '114.05',
    description: '路灯不亮',
  });
  const breakers: [string, Record<string, string | undefined>][] = [
    ['no service_code', { service_code: undefined }],
    ['unknown service_code', { service_code: 'NOPE' }],
    ['service_code with SQL', { service_code: "SJ0699' OR '1'='1" }],
    ['service_code of 10 KB', { service_code: 'S'.repeat(10_000) }],
    ['lat NaN', { lat: 'NaN' }],
    ['lat Infinity', { lat: 'Infinity' }],
    ['lat 1e308', { lat: '1e308' }],
    ['long -1e308', { long: '-1e308' }],
    ['lat and long swapped', { lat: '114.05', long: '22.54' }],
    ['lat without long', { long: undefined }],
    ['lat north', { lat: 'north' }],
    ['lat 0x16', { lat: '0x16' }],
    ['lat of 1,000 digits', { lat: `22.${'5'.repeat(1000)}1e400` }],
    ['at sea', { lat: '22.30', long: '114.60' }],
    ['in Beijing', { lat: '39.9', long: '116.4' }],
    ['no location at all', { lat: undefined, long: undefined }],
    ['empty description', { description: '' }],
    ['description of 3,000 characters', { description: '坏'.repeat(3000) }],
    ['description of NUL', { description: '\u0000' }],
    ['media_url javascript:', { media_url: 'javascript:alert(1)', description: '' }],
    ['media_url data:', { media_url: 'data:text/html,<script>alert(1)</script>', description: '' }],
    ['media_url of 100 KB', { media_url: `https://x/${'a'.repeat(100_000)}` }],
    ['address_string on Mars', { lat: undefined, long: undefined, address_string: '火星基地1栋' }],
    ['address_id unknown', { lat: undefined, long: undefined, address_id: 'JZ-440304-999999' }],
    ['address_id traversal', { lat: undefined, long: undefined, address_id: '../../etc/passwd' }],
    ['jurisdiction elsewhere', { jurisdiction_id: 'sfgov.org' }],
    ['phone of a script', { phone: '<script>alert(1)</script>', description: '' }],
    ['phone of 1,000 digits', { phone: '1'.repeat(1000) }],
    ['first_name of 10 KB', { first_name: '名'.repeat(10_000), description: '' }],
  ];
  const form = (fields: Record<string, string | undefined>) =>
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`)
      .join('&');
  for (const [label, patch] of breakers) {
    const fields = { ...goodFields(), ...patch };
    req(
      'open311 file',
      `${label} (form)`,
      'POST',
      `/open311/v2/requests.${rng.pick(['json', 'xml'])}`,
      form(fields),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    const jsonFields = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    req('open311 file', `${label} (JSON)`, 'POST', '/open311/v2/requests.json', JSON.stringify(jsonFields), {
      'content-type': 'application/json',
    });
  }
  for (const [label, body, type] of [
    ['JSON array', '[1,2]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    [
      'JSON of nested values',
      '{"service_code": {"a": 1}, "lat": [22.5], "long": true, "description": null}',
      'application/json',
    ],
    ['JSON 5,000 deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, 'application/json'],
    ['not JSON', '{', 'application/json'],
    [
      'form of 70 KB',
      `service_code=SJ0699&description=${'x'.repeat(70_000)}`,
      'application/x-www-form-urlencoded',
    ],
    [
      'form with repeated keys',
      'service_code=NOPE&service_code=SJ0699&lat=22.54&long=114.05&description=',
      'application/x-www-form-urlencoded',
    ],
    [
      'form of broken escapes',
      'service_code=%E0%A4%A&lat=%&long=%%&description=%00',
      'application/x-www-form-urlencoded',
    ],
    ['multipart without fields', '--b\r\n\r\n--b--\r\n', 'multipart/form-data; boundary=b'],
    ['text/plain', 'service_code=SJ0699', 'text/plain'],
    [
      'XML body',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><service_request><service_code>&e;</service_code></service_request>',
      'application/xml',
    ],
    ['no content type', 'service_code=NOPE', ''],
  ] as const) {
    req(
      'open311 file',
      label,
      'POST',
      '/open311/v2/requests.json',
      body,
      type ? { 'content-type': type } : {},
    );
  }
  req('open311 file', 'POST services.json', 'POST', '/open311/v2/services.json', 'x=1', {
    'content-type': 'application/x-www-form-urlencoded',
  });
  req('open311 file', 'POST requests.csv', 'POST', '/open311/v2/requests.csv', 'service_code=NOPE', {
    'content-type': 'application/x-www-form-urlencoded',
  });

  // The web app's routes, static files and odd paths.
  for (const path of [
    '/',
    '/r/JZ-440304-000001',
    `/r/${'x'.repeat(5000)}`,
    '/r/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '/t/1234567890123456',
    '/t/..%2F..%2Fpackage.json',
    '/index.html',
    '/graphiql.html',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/package.json',
    '/..%5c..%5cpackage.json',
    '/.env',
    '/.git/config',
    '/node_modules/pg/package.json',
    '/package.json',
    '/api',
    '/api/',
    '/api/areas?level=%00',
    '/auth',
    '/health',
    `/health?x=${'y'.repeat(8000)}`,
    '/favicon.ico',
    `/${'a/'.repeat(2000)}`,
    `/${'%'.repeat(100)}`,
    '/%E0%A4%A',
    '/%00',
    '/x%0d%0aSet-Cookie:%20a=1',
    '/?__proto__[x]=1',
    '//evil.example/',
    '/\\evil.example',
  ]) {
    req('web', path.slice(0, 60), 'GET', path, undefined, {
      accept: rng.pick(['text/html', '*/*', 'application/json']),
    });
  }
  for (const method of ['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'DELETE', 'PUT', 'CONNECT_ISH', 'M-SEARCH']) {
    req('web', `${method} /`, method, '/');
  }
  for (const body of [
    '',
    '{',
    '[]',
    '{"username": {"$ne": 1}, "password": "x"}',
    `{"username": "hx-nobody-${ctx.runId}", "password": "${'x'.repeat(5000)}"}`,
    'x'.repeat(20_000),
    `{"username": ["a"], "password": 1}`,
  ]) {
    req('sign-in', `POST /auth/login ${body.slice(0, 40)}`, 'POST', '/auth/login', body, {
      'content-type': 'application/json',
    });
  }
  req('sign-in', 'POST /auth/login as a form', 'POST', '/auth/login', 'username=x&password=y', {
    'content-type': 'application/x-www-form-urlencoded',
  });
  req('sign-in', 'POST /auth/logout with a forged cookie', 'POST', '/auth/logout', '{}', {
    'content-type': 'application/json',
    cookie: `com_session=${'x'.repeat(4000)}`,
  });
  req('sign-in', 'GET /auth/me with a garbage cookie', 'GET', '/auth/me', undefined, {
    cookie: 'com_session=%00%00; com_session=x',
  });

  // Malformed HTTP on the socket.
  const raw = (label: string, text: string | Uint8Array) =>
    out.push({
      kind: 'raw',
      family: 'public',
      sub: 'raw http',
      label,
      bytes: typeof text === 'string' ? utf8(text) : text,
    });
  const H = 'Host: 127.0.0.1\r\nConnection: close\r\n';
  raw('request line of garbage', 'HELLO\r\n\r\n');
  raw('HTTP/0.9', 'GET /\r\n\r\n');
  raw('HTTP/3.0', `GET / HTTP/3.0\r\n${H}\r\n`);
  raw('lower-case method', `get / HTTP/1.1\r\n${H}\r\n`);
  raw('absolute-form URI', `GET http://evil.example/graphql HTTP/1.1\r\n${H}\r\n`);
  raw('asterisk-form', `OPTIONS * HTTP/1.1\r\n${H}\r\n`);
  raw('CONNECT', `CONNECT evil.example:443 HTTP/1.1\r\n${H}\r\n`);
  raw('path with spaces', `GET /a b/c HTTP/1.1\r\n${H}\r\n`);
  raw('path with raw UTF-8', `GET /public/assets/中文 HTTP/1.1\r\n${H}\r\n`);
  raw('path of 100 KB', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\n${H}\r\n`);
  raw('header of 100 KB', `GET /health HTTP/1.1\r\n${H}X-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
  raw(
    '5,000 headers',
    `GET /health HTTP/1.1\r\n${H}${Array.from({ length: 5000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`,
  );
  raw('NUL in a header', `GET /health HTTP/1.1\r\n${H}X-A: a\u0000b\r\n\r\n`);
  raw('header without a colon', `GET /health HTTP/1.1\r\n${H}Broken header\r\n\r\n`);
  raw('obsolete line folding', `GET /health HTTP/1.1\r\n${H}X-A: a\r\n b\r\n\r\n`);
  raw('LF only', `GET /health HTTP/1.1\n${H.replaceAll('\r\n', '\n')}\n`);
  raw(
    'two Content-Lengths',
    `POST /graphql HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 30\r\n\r\n{"query":"{ me { name } }"}`,
  );
  raw(
    'Content-Length and chunked',
    `POST /graphql HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\n${H}\r\n`,
  );
  raw('negative Content-Length', `POST /ingest HTTP/1.1\r\n${H}Content-Length: -1\r\n\r\n`);
  raw('Content-Length of 2^64', `POST /ingest HTTP/1.1\r\n${H}Content-Length: 18446744073709551616\r\n\r\n`);
  raw(
    'bad chunk size',
    `POST /ingest HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n[]\r\n0\r\n\r\n`,
  );
  raw(
    'chunk size of 2^64',
    `POST /ingest HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nFFFFFFFFFFFFFFFFF\r\n[]\r\n0\r\n\r\n`,
  );
  raw(
    'chunked, then truncated',
    `POST /ingest HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n10\r\n[]`,
  );
  raw(
    'transfer-encoding gzip, chunked',
    `POST /graphql HTTP/1.1\r\n${H}Transfer-Encoding: gzip, chunked\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n`,
  );
  raw(
    'body shorter than Content-Length, then close',
    `POST /graphql HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":`,
  );
  raw(
    '50 pipelined requests',
    Array.from(
      { length: 50 },
      (_, i) =>
        `GET /health?i=${i} HTTP/1.1\r\nHost: 127.0.0.1\r\n${i === 49 ? 'Connection: close\r\n' : ''}\r\n`,
    ).join(''),
  );
  raw('HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
  raw(
    'TLS ClientHello',
    new Uint8Array([
      0x16,
      0x03,
      0x01,
      0x00,
      0xa5,
      0x01,
      0x00,
      0x00,
      0xa1,
      0x03,
      0x03,
      ...Array.from({ length: 64 }, () => rng.int(0, 255)),
    ]),
  );
  raw('random bytes', new Uint8Array(Array.from({ length: 2048 }, () => rng.int(0, 255))));
  raw('empty connection', new Uint8Array(0));
  raw(
    'Expect: 100-continue, no body',
    `POST /graphql HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n`,
  );
  raw(
    'Upgrade: websocket',
    `GET /graphql HTTP/1.1\r\n${H}Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  raw('Host of 10 KB', `GET /health HTTP/1.1\r\nHost: ${'h'.repeat(10_000)}\r\nConnection: close\r\n\r\n`);
  raw('no Host', 'GET /health HTTP/1.1\r\nConnection: close\r\n\r\n');
  raw('two Hosts', `GET /health HTTP/1.1\r\n${H}Host: evil.example\r\n\r\n`);
  return out;
}
