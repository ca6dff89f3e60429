// Hostile GraphQL: documents nested thousands deep (selections, fragments, inline fragments, list literals,
// braces), wide (aliases, repeated fields, fragments, operations, variables, directives, arguments, batches),
// huge (strings and documents up to and over the body limit, huge numbers, odd Unicode), every argument given
// the wrong type, malformed request envelopes, and mutations with bad input (as an administrator and a duty
// officer). All seeded; nothing here is valid enough to change data.
import { Rng } from '../../city/rng.ts';
import {
  type HostileContext,
  type HttpInput,
  json,
  nestedArray,
  nestedObject,
  type Sender,
} from './types.ts';

const MB = 1024 * 1024;

export function generateGraphqlInputs(ctx: HostileContext): HttpInput[] {
  const rng = new Rng(ctx.seed, 'hostile/graphql');
  const out: HttpInput[] = [];
  const request = (
    sub: string,
    label: string,
    body: string,
    as: Sender = 'analyst',
    headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' },
    method = 'POST',
    path = '/graphql',
  ) => out.push({ kind: 'http', family: 'graphql', sub, label, method, path, headers, body, as });
  const gql = (sub: string, label: string, query: string, variables?: unknown, as: Sender = 'analyst') =>
    request(sub, label, json(variables === undefined ? { query } : { query, variables }), as);

  // Deep.
  const depths = [1, 2, 5, 11, 12, 13, 20, 50, 100, 500, 1000, 2000, 3000, 5000, 10_000];
  const logDepth = () => Math.round(Math.exp(rng.range(0, Math.log(12_000))));
  const deep: [string, (d: number) => [string, unknown?] | string][] = [
    ['area.parent', (d) => `{ area(code: "440304") { ${'parent { '.repeat(d)}code${' }'.repeat(d)} } }`],
    ['me.area.parent', (d) => `{ me { area { ${'parent { '.repeat(d)}name${' }'.repeat(d)} } } }`],
    [
      'fragment chain',
      (d) =>
        `{ area(code: "440304") { ...F0 } } ${Array.from({ length: d }, (_, i) => `fragment F${i} on Area { parent { ${i + 1 < d ? `...F${i + 1}` : 'code'} } }`).join(' ')}`,
    ],
    ['inline fragments', (d) => `{ ${'... on Query { '.repeat(d)}me { name }${' }'.repeat(d)} }`],
    ['list literal', (d) => `{ nodes(ids: ${'['.repeat(d)}"x"${']'.repeat(d)}) { id } }`],
    [
      'object literal',
      (d) => `{ areaStats(area: ${'{ code: '.repeat(d)}"440304"${' }'.repeat(d)}) { assets } }`,
    ],
    ['braces', (d) => '{'.repeat(d)],
    ['parentheses', (d) => `{ area${'('.repeat(d)} }`],
    [
      'list variable',
      (d) => ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: nestedArray(d, 'x') }],
    ],
    [
      'GeoJSON variable',
      (d) => [
        'query($p: GeoJSON!) { nearest(point: $p) { distanceM } }',
        { p: { type: 'Point', coordinates: nestedArray(d) } },
      ],
    ],
    ['unused variable', (d) => ['query { me { name } }', { x: nestedArray(d, { y: 1 }) }]],
    [
      'object variable',
      (d) => [
        'query($a: AreaInput!) { areaStats(area: $a) { assets } }',
        { a: nestedObject(d, 'code', '440304') },
      ],
    ],
  ];
  for (const [name, make] of deep) {
    for (const d of depths) {
      const made = make(d);
      const [q, v] = typeof made === 'string' ? [made] : made;
      gql('deep', `${name} ×${d}`, q, v);
    }
  }
  for (let i = 0; i < 40; i++) {
    const [name, make] = rng.pick(deep);
    const d = logDepth();
    const made = make(d);
    const [q, v] = typeof made === 'string' ? [made] : made;
    gql('deep', `${name} ×${d} (random)`, q, v);
  }
  // The JSONInput scalar (an alert rule's definition) and the request envelope, nested deep.
  for (const d of [100, 1000, 5000, 20_000]) {
    gql(
      'deep',
      `alert rule definition ×${d}`,
      'mutation($d: JSONInput!) { createAlertRule(input: { code: "X bad", name: "x", nameEn: "x", deviceType: dust_monitor, citation: "x", definition: $d }) { id } }',
      { d: nestedObject(d, 'a') },
      'admin',
    );
    request('deep', `extensions ×${d}`, json({ query: '{ me { name } }', extensions: nestedObject(d, 'a') }));
    request('deep', `body array ×${d}`, `${'['.repeat(d)}${']'.repeat(d)}`);
  }

  // Wide.
  const widths = [2, 100, 299, 300, 301, 1000, 5000, 20_000];
  const wide: [string, (n: number) => string][] = [
    ['aliases of me', (n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { name }`).join(' ')} }`],
    ['one field repeated', (n) => `{ me { ${'name '.repeat(n)}} }`],
    [
      'fragments spread',
      (n) =>
        `{ me { ${Array.from({ length: n }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Viewer { name }`).join(' ')}`,
    ],
    ['one fragment spread n times', (n) => `{ me { ${'...F '.repeat(n)}} } fragment F on Viewer { name }`],
    ['operations', (n) => Array.from({ length: n }, (_, i) => `query Q${i} { me { name } }`).join(' ')],
    [
      'variables declared',
      (n) => `query(${Array.from({ length: n }, (_, i) => `$v${i}: Int`).join(', ')}) { me { name } }`,
    ],
    ['directives', (n) => `{ me { name ${'@include(if: true) '.repeat(n)}} }`],
    [
      'duplicate arguments',
      (n) => `{ area(${Array.from({ length: n }, (_, i) => `code: "${440300 + i}"`).join(', ')}) { code } }`,
    ],
    [
      'aliases of area',
      (n) =>
        `{ ${Array.from({ length: Math.min(n, 400) }, (_, i) => `a${i}: area(code: "440304") { name }`).join(' ')} }`,
    ],
    [
      'nodes ids',
      (n) => `{ nodes(ids: [${Array.from({ length: n }, (_, i) => `"${i}"`).join(',')}]) { id } }`,
    ],
    [
      'enum list',
      (n) => `{ assets(filter: { kinds: [${'BUILDING,'.repeat(n)}] }, first: 1) { totalCount } }`,
    ],
    [
      'introspection aliases',
      (n) =>
        `{ ${Array.from({ length: n }, (_, i) => `t${i}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(' ')} }`,
    ],
  ];
  // A full __schema costs the server ~10 ms of CPU: 1,500 of them hold it up for ~15 s (and the suite with it).
  const introspection = (name: string) => name === 'introspection aliases';
  for (const [name, make] of wide) {
    for (const n of introspection(name) ? [2, 100, 299, 300, 301, 700, 1500] : widths) {
      gql('wide', `${name} ×${n}`, make(n), undefined);
    }
  }
  for (let i = 0; i < 30; i++) {
    const [name, make] = rng.pick(wide);
    const n = Math.round(Math.exp(rng.range(0, Math.log(introspection(name) ? 600 : 30_000))));
    gql('wide', `${name} ×${n} (random)`, make(n));
  }
  gql('wide', 'fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
  gql('wide', 'self-spread fragment', '{ me { ...A } } fragment A on Viewer { ...A name }');
  gql('wide', 'operationName missing among many', 'query A { me { name } } query B { me { name } }');
  for (const n of [2, 100, 1000]) {
    request(
      'wide',
      `batched array of ${n}`,
      json(Array.from({ length: n }, () => ({ query: '{ me { name } }' }))),
    );
  }
  gql('wide', 'nodes over 100 ids', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
    ids: Array.from({ length: 100_000 }, (_, i) => Buffer.from(`Area:${i}`).toString('base64')),
  });
  gql('wide', 'assets page of 10,000', '{ assets(first: 10000) { totalCount } }');
  gql('wide', 'assets last page of 2^31', '{ assets(last: 2147483647) { totalCount } }');
  gql(
    'wide',
    'costly nesting',
    '{ assets(first: 500) { edges { node { devices { datastreams { latest { value } series(metric: "pm10", from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { points { value } } } } } } } }',
  );

  // Huge.
  const sizes = [1_000, 10_000, 100_000, MB, 1.9 * MB];
  const stringArgs: [string, string, (s: string) => unknown][] = [
    ['asset code', 'query($s: String!) { asset(code: $s) { code } }', (s) => ({ s })],
    ['area code', 'query($s: String!) { area(code: $s) { code } }', (s) => ({ s })],
    [
      'asset text',
      'query($s: String) { assets(filter: { text: $s }, first: 1) { totalCount } }',
      (s) => ({ s }),
    ],
    [
      'case text',
      'query($s: String) { cases(filter: { text: $s }, first: 1) { totalCount } }',
      (s) => ({ s }),
    ],
    ['node id', 'query($s: ID!) { node(id: $s) { id } }', (s) => ({ s })],
    ['cursor', 'query($s: String) { assets(after: $s, first: 1) { totalCount } }', (s) => ({ s })],
    [
      'alert asset code',
      'query($s: String) { alerts(filter: { assetCode: $s }, first: 1) { totalCount } }',
      (s) => ({ s }),
    ],
  ];
  const alphabet = ['A', '4', '%', '_', '\\', "'", '𠮷', '\u0000', '\u202e', 'é', 'ــ', ' '];
  for (const [name, q, vars] of stringArgs) {
    for (const n of sizes) {
      const ch = rng.pick(alphabet);
      gql(
        'huge',
        `${name}: ${Math.round(n / 1000)} k × ${JSON.stringify(ch)}`,
        q,
        vars(ch.repeat(Math.floor(n / ch.length / 2))),
      );
    }
  }
  for (const n of [10_000, MB, 1.9 * MB, 2.5 * MB]) {
    gql('huge', `comment of ${Math.round(n / 1024)} KiB`, `#${'x'.repeat(n)}\n{ me { name } }`);
    gql('huge', `whitespace of ${Math.round(n / 1024)} KiB`, `{${' '.repeat(n)}me { name } }`);
    gql(
      'huge',
      `string literal of ${Math.round(n / 1024)} KiB`,
      `{ asset(code: "${'B'.repeat(n)}") { code } }`,
    );
    gql(
      'huge',
      `block string of ${Math.round(n / 1024)} KiB`,
      `{ asset(code: """${'"'.repeat(2)}${'\\"""'.repeat(n / 8)}""") { code } }`,
    );
    gql('huge', `alias name of ${Math.round(n / 1024)} KiB`, `{ ${'a'.repeat(n)}: me { name } }`);
    gql('huge', `operation name of ${Math.round(n / 1024)} KiB`, `query ${'Q'.repeat(n)} { me { name } }`);
  }
  for (const n of [1_000, 100_000, 1_000_000]) {
    const vars: Record<string, number> = {};
    for (let i = 0; i < n; i++) vars[`v${i}`] = i;
    gql('huge', `${n} unused variables`, '{ me { name } }', vars);
  }
  for (const literal of [
    '99999999999999999999999',
    '2147483648',
    '-2147483649',
    '1e308',
    '1e999',
    '-1e999',
    `0.${'0'.repeat(10_000)}1`,
    `1${'0'.repeat(100_000)}`,
    '0x10',
    '1_000',
    '+1',
    '.5',
    '1e',
    'NaN',
    'Infinity',
  ]) {
    gql(
      'huge',
      `number ${literal.slice(0, 30)}${literal.length > 30 ? '…' : ''} as Int`,
      `{ assets(first: ${literal}) { totalCount } }`,
    );
    gql(
      'huge',
      `number ${literal.slice(0, 30)}${literal.length > 30 ? '…' : ''} as Float`,
      `{ nearest(point: { type: "Point", coordinates: [114.05, 22.54] }, maxDistanceM: ${literal}) { distanceM } }`,
    );
  }
  for (const [label, s] of [
    ['lone surrogate', '\ud800'],
    ['NUL', '\u0000'],
    ['BOM', '\ufeff'],
    ['RTL override', '\u202e440304'],
    ['combining marks ×100k', `a${'\u0301'.repeat(100_000)}`],
    ['emoji ×100k', '💥'.repeat(100_000)],
    ['zero-width ×100k', '\u200b'.repeat(100_000)],
    ['CRLF', 'a\r\nb'],
    ['escaped unicode in literal', '\\u0000\\ud800'],
  ]) {
    gql('huge', `${label} in a code`, 'query($s: String!) { asset(code: $s) { code } }', { s: s });
    gql('huge', `${label} in a literal`, `{ area(code: ${JSON.stringify(s)}) { code } }`);
  }
  request('huge', 'invalid UTF-8 bytes in the body', '', 'analyst');
  out[out.length - 1]!.body = Buffer.concat([
    Buffer.from('{"query":"{ area(code: \\"'),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
    Buffer.from('\\") { code } }"}'),
  ]);
  request('huge', 'UTF-16 body', '', 'analyst', { 'content-type': 'application/json; charset=utf-16le' });
  out[out.length - 1]!.body = Buffer.from(json({ query: '{ me { name } }' }), 'utf16le');

  // Wrong types: each argument of a set of operations given values of other types.
  const wrongPool: Record<string, unknown[]> = {
    Int: [null, 'x', '1', 1.5, 2 ** 31, -(2 ** 31) - 1, 1e308, true, [], {}, [1], 'NaN', '', -0.0000001],
    Float: [null, 'x', '1.5', true, [], {}, [1.5], 'NaN', 'Infinity', '1e999', ''],
    String: [1, 1.5, true, [], {}, ['a'], { toString: 'x' }, null],
    ID: [1.5, true, [], {}, ['x'], null, { id: 1 }],
    Boolean: [1, 0, 'true', 'yes', null, [], {}, [true]],
    DateTime: [
      '2026-13-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:60Z',
      '2026-01-01T00:00:00',
      '2026-01-01',
      '20260101T000000Z',
      '+275760-09-13T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '2026-01-01T00:00:00.1234567890Z',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00z',
      'yesterday',
      '',
      1_767_225_600_000,
      null,
      true,
      [],
      {},
    ],
    Enum: ['building', 'BUILDINGX', '', 1, true, null, {}, [[]], 'BUILDING; DROP'],
    AreaInput: [
      '440304',
      1,
      [],
      true,
      { code: 440304 },
      { code: ['440304'] },
      { polygon: 'x' },
      { bbox: 'x' },
      { circle: 1 },
      { nope: 1 },
      { code: '440304', extra: 1 },
      null,
    ],
    GeoJSON: ['x', 1, true, [], null, { type: 'Point' }, { type: ['Point'], coordinates: [1, 2] }],
    List: ['x', 1, {}, [null], [[]], [{}], [1, 'x'], true],
  };
  const wrongOps: [string, string, string][] = [
    ['Int', 'first', 'query($v: Int) { assets(first: $v) { totalCount } }'],
    ['Int', 'last', 'query($v: Int) { areas(last: $v) { totalCount } }'],
    [
      'Int',
      'k',
      'query($v: Int) { nearest(point: { type: "Point", coordinates: [114.05, 22.54] }, k: $v) { distanceM } }',
    ],
    ['Int', 'floorsMin', 'query($v: Int) { assets(filter: { floorsMin: $v }, first: 1) { totalCount } }'],
    ['Int', 'unlockUser id', 'mutation($v: Int!) { unlockUser(id: $v) { id } }'],
    [
      'Float',
      'maxDistanceM',
      'query($v: Float) { nearest(point: { type: "Point", coordinates: [114.05, 22.54] }, maxDistanceM: $v) { distanceM } }',
    ],
    [
      'Float',
      'withinM',
      'query($v: Float) { proximity(subjectKinds: [CONSTRUCTION_SITE], targetKinds: [GAS_PIPELINE], withinM: $v, first: 1) { totalCount } }',
    ],
    [
      'Float',
      'cellM',
      'query($v: Float) { alertDensity(from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", cellM: $v) { count } }',
    ],
    ['String', 'asset code', 'query($v: String!) { asset(code: $v) { code } }'],
    ['String', 'area code', 'query($v: String!) { area(code: $v) { code } }'],
    ['String', 'parentCode', 'query($v: String) { areas(parentCode: $v, first: 1) { totalCount } }'],
    ['String', 'text', 'query($v: String) { assets(filter: { text: $v }, first: 1) { totalCount } }'],
    ['String', 'after', 'query($v: String) { assets(after: $v, first: 1) { totalCount } }'],
    [
      'String',
      'series metric',
      'query($v: String!) { asset(code: "JZ-440304-000001") { devices { series(metric: $v, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { bucketSeconds } } } }',
    ],
    ['ID', 'node', 'query($v: ID!) { node(id: $v) { id } }'],
    ['ID', 'acknowledgeAlert', 'mutation($v: ID!) { acknowledgeAlert(id: $v, comment: "x") { id } }'],
    [
      'Boolean',
      'selfBuilt',
      'query($v: Boolean) { assets(filter: { selfBuilt: $v }, first: 1) { totalCount } }',
    ],
    ['Boolean', 'overdue', 'query($v: Boolean) { cases(filter: { overdue: $v }, first: 1) { totalCount } }'],
    [
      'DateTime',
      'alertTrend from',
      'query($v: DateTime!) { alertTrend(from: $v, to: "2026-02-01T00:00:00Z") { total } }',
    ],
    [
      'DateTime',
      'caseKpis to',
      'query($v: DateTime!) { caseKpis(from: "2026-01-01T00:00:00Z", to: $v) { due } }',
    ],
    [
      'DateTime',
      'alerts activeAt',
      'query($v: DateTime) { alerts(filter: { activeAt: $v }, first: 1) { totalCount } }',
    ],
    [
      'DateTime',
      'auditLog from',
      'query($v: DateTime) { auditLog(filter: { from: $v }, first: 1) { totalCount } }',
    ],
    ['Enum', 'kinds', 'query($v: [AssetKind!]) { assets(filter: { kinds: $v }, first: 1) { totalCount } }'],
    ['Enum', 'level', 'query($v: AreaLevel) { areas(level: $v, first: 1) { totalCount } }'],
    [
      'Enum',
      'bucket',
      'query($v: Bucket) { asset(code: "JZ-440304-000001") { devices { series(metric: "pm10", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", bucket: $v) { bucketSeconds } } } }',
    ],
    [
      'Enum',
      'severities',
      'query($v: [AlertSeverity!]) { alerts(filter: { severities: $v }, first: 1) { totalCount } }',
    ],
    [
      'Enum',
      'case states',
      'query($v: [CaseState!]) { cases(filter: { states: $v }, first: 1) { totalCount } }',
    ],
    ['AreaInput', 'areaStats', 'query($v: AreaInput!) { areaStats(area: $v) { assets } }'],
    [
      'AreaInput',
      'alerts area',
      'query($v: AreaInput) { alerts(filter: { area: $v }, first: 1) { totalCount } }',
    ],
    ['GeoJSON', 'nearest', 'query($v: GeoJSON!) { nearest(point: $v) { distanceM } }'],
    ['List', 'nodes', 'query($v: [ID!]!) { nodes(ids: $v) { id } }'],
    [
      'List',
      'proximity kinds',
      'query($v: [AssetKind!]!) { proximity(subjectKinds: $v, targetKinds: [BUILDING], withinM: 10, first: 1) { totalCount } }',
    ],
  ];
  // Every wrong value of the type once, then seeded values of any other type until ~30 per operation.
  const everything = Object.values(wrongPool).flat();
  for (const [type, name, q] of wrongOps) {
    // Mutations get only values of their own type's wrong list: a random value could be a valid id.
    const mutation = q.startsWith('mutation');
    const as: Sender = mutation ? 'admin' : 'analyst';
    const values = [...wrongPool[type]!];
    while (!mutation && values.length < 30) values.push(rng.pick(everything));
    for (const v of values)
      gql('wrong types', `${name} (${type}) = ${JSON.stringify(v)?.slice(0, 40)}`, q, { v }, as);
    // The same wrong values written into the document as literals.
    for (const v of values.slice(0, 8)) {
      if (v === null || typeof v === 'object') continue;
      gql(
        'wrong types',
        `${name} (${type}) literal ${JSON.stringify(v)}`,
        q.replace(/^(query|mutation)\(\$v: [^)]+\)/, '$1').replace('$v', JSON.stringify(v)),
        undefined,
        as,
      );
    }
  }
  // Variables declared with a type that does not fit where they are used, and undeclared ones.
  for (const [decl, use] of [
    ['String', '{ assets(first: $v) { totalCount } }'],
    ['[Int]', '{ assets(first: $v) { totalCount } }'],
    ['AreaInput', '{ asset(code: $v) { code } }'],
    ['Nope', '{ asset(code: $v) { code } }'],
    ['Int!!', '{ assets(first: $v) { totalCount } }'],
  ]) {
    gql('wrong types', `variable declared ${decl}`, `query($v: ${decl}) ${use}`, { v: 1 });
  }
  gql('wrong types', 'undeclared variable', '{ asset(code: $v) { code } }', { v: 'x' });
  gql('wrong types', 'unknown field', '{ nope }');
  gql('wrong types', 'unknown argument', '{ me(nope: 1) { name } }');
  gql('wrong types', 'scalar with selection', '{ me { name { x } } }');
  gql('wrong types', 'object without selection', '{ me }');
  gql('wrong types', 'subscription over POST', 'subscription { nope }');
  gql('wrong types', 'mutation as analyst', 'mutation { unlockUser(id: 1) { id } }');

  // Malformed envelopes.
  const envelopes: [string, string | Uint8Array, Record<string, string>?, string?, string?][] = [
    ['empty body', ''],
    ['not JSON', '{'],
    ['JSON null', 'null'],
    ['JSON string', '"{ me { name } }"'],
    ['JSON number', '5'],
    ['JSON true', 'true'],
    ['empty object', '{}'],
    ['query a number', '{"query": 5}'],
    ['query an array', '{"query": ["{ me { name } }"]}'],
    ['query an object', '{"query": {"a": 1}}'],
    ['query null', '{"query": null}'],
    ['variables a string', '{"query": "{ me { name } }", "variables": "{}"}'],
    ['variables an array', '{"query": "{ me { name } }", "variables": [1]}'],
    ['variables a number', '{"query": "{ me { name } }", "variables": 1}'],
    ['operationName a number', '{"query": "{ me { name } }", "operationName": 5}'],
    ['operationName unknown', '{"query": "query A { me { name } }", "operationName": "B"}'],
    ['extensions a string', '{"query": "{ me { name } }", "extensions": "x"}'],
    ['persisted query hash only', '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}'],
    [
      'duplicate query keys',
      '{"query": "{ me { name } }", "query": "mutation { unlockUser(id: 1) { id } }"}',
    ],
    [
      '__proto__ in variables',
      '{"query": "query($v: String!) { asset(code: $v) { code } }", "variables": {"__proto__": {"v": "x"}}}',
    ],
    ['trailing garbage', '{"query": "{ me { name } }"} xyz'],
    ['BOM before JSON', '\ufeff{"query": "{ me { name } }"}'],
    ['NUL bytes', '\u0000\u0000\u0000'],
    ['text/plain body', '{ me { name } }', { 'content-type': 'text/plain' }],
    [
      'form body',
      'query=%7B%20me%20%7B%20name%20%7D%20%7D',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
    [
      'multipart body',
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ me { name } }"}\r\n--x--\r\n',
      { 'content-type': 'multipart/form-data; boundary=x' },
    ],
    [
      'multipart upload spec',
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation($f: Upload) { x(f: $f) }","variables":{"f":null}}\r\n--x\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n--x\r\nContent-Disposition: form-data; name="0"; filename="../../x"\r\n\r\nabc\r\n--x--\r\n',
      { 'content-type': 'multipart/form-data; boundary=x' },
    ],
    ['application/graphql', '{ me { name } }', { 'content-type': 'application/graphql' }],
    ['no content type', '{"query": "{ me { name } }"}', {}],
    [
      'content type with odd charset',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json; charset=ebcdic' },
    ],
    [
      'accept text/event-stream for a query',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json', accept: 'text/event-stream' },
    ],
    [
      'accept multipart/mixed',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json', accept: 'multipart/mixed' },
    ],
    [
      'accept nothing we speak',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json', accept: 'image/png' },
    ],
    ['PUT', '{"query": "{ me { name } }"}', undefined, 'PUT'],
    ['DELETE', '', undefined, 'DELETE'],
    ['PATCH', '{"query": "{ me { name } }"}', undefined, 'PATCH'],
    ['GET a mutation', '', {}, 'GET', '/graphql?query=mutation%7BunlockUser(id%3A1)%7Bid%7D%7D'],
    ['GET without a query', '', {}, 'GET', '/graphql'],
    ['GET with variables not JSON', '', {}, 'GET', '/graphql?query=%7Bme%7Bname%7D%7D&variables=%7B'],
    [
      'GET with 40 KiB query',
      '',
      {},
      'GET',
      `/graphql?query=${encodeURIComponent(`{ me { name ${' '.repeat(40_000)}} }`)}`,
    ],
    [
      'GET with repeated query params',
      '',
      {},
      'GET',
      '/graphql?query=%7Bme%7Bname%7D%7D&query=mutation%7BunlockUser(id%3A1)%7Bid%7D%7D',
    ],
    ['GET with percent-encoding garbage', '', {}, 'GET', '/graphql?query=%E0%A4%A'],
    ['body over 2 MiB', json({ query: `{ me { name } } #${'x'.repeat(2.2 * MB)}` })],
    [
      'content-length lies low',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json', 'content-length': '5' },
    ],
    [
      'gzip content-encoding, plain body',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    ],
    [
      'unknown content-encoding',
      '{"query": "{ me { name } }"}',
      { 'content-type': 'application/json', 'content-encoding': 'zstd' },
    ],
  ];
  for (const [label, body, headers, method, path] of envelopes) {
    request(
      'envelope',
      label,
      typeof body === 'string' ? body : '',
      'analyst',
      headers ?? { 'content-type': 'application/json' },
      method ?? 'POST',
      path ?? '/graphql',
    );
  }
  for (const [label, auth] of [
    ['no credentials', undefined],
    ['malformed bearer', 'Bearer'],
    ['bearer of garbage', `Bearer ${'x'.repeat(10_000)}`],
    ['basic auth', 'Basic YWRtaW46YWRtaW4='],
    ['bearer with NUL-free junk', 'Bearer com_0000000000000000000000000000000000000000'],
  ] as const) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers.authorization = auth;
    request('envelope', label, json({ query: '{ me { name } }' }), 'anonymous', headers);
  }

  // Mutations with bad input.
  const run = ctx.runId.replace(/[^a-z0-9]/g, '').slice(0, 10);
  const CREATE_CASE = 'mutation($i: CreateCaseInput!) { createCase(input: $i) { case { id trackingNo } } }';
  const goodCase = {
    source: 'HOTLINE',
    category: 'SJ0699',
    description: '测试',
    location: { lon: 114.05, lat: 22.54 },
  };
  const casePatches: Record<string, unknown>[] = [
    { location: { lon: 22.54, lat: 114.05 } },
    { location: { lon: 1e308, lat: 22.5 } },
    { location: { lon: -1e308, lat: -1e308 } },
    { location: { lon: 'NaN', lat: 22.5 } },
    { location: { lon: 113.0, lat: 23.5 } },
    { location: { lon: 0, lat: 0 } },
    { location: { lon: 116.4, lat: 39.9 } },
    { location: null, assetCode: null },
    { location: { lon: 114.05 } },
    { category: "SJ0699' OR '1'='1" },
    { category: 'x'.repeat(10_000) },
    { category: '' },
    { category: 'ZZ9999' },
    { description: '' },
    { description: ' \n\t ' },
    { description: 'x'.repeat(2001) },
    { description: 'x'.repeat(100_000) },
    { description: '\u0000' },
    { description: 123 },
    { attachments: ['../../etc/passwd'] },
    { attachments: ['F'.repeat(64)] },
    { attachments: Array.from({ length: 50 }, (_, i) => i.toString(16).padStart(64, '0')) },
    { attachments: Array.from({ length: 10_000 }, () => '0'.repeat(64)) },
    { attachments: 'x' },
    { reporterPhone: '<script>alert(1)</script>' },
    { reporterPhone: '1'.repeat(1000) },
    { reporterName: 'x'.repeat(65) },
    { address: 'x'.repeat(201) },
    { assetCode: "JZ-440304-000001' --", location: null },
    { assetCode: 'JZ-999999-999999', location: null },
    { assetCode: 'x'.repeat(10_000), location: null },
    { source: 'ALERT', alertId: 'abc' },
    { source: 'ALERT', alertId: '99999999999' },
    { source: 'ALERT', alertId: Buffer.from('Alert:99999999999').toString('base64') },
    { source: 'ALERT', alertId: Buffer.from('Case:1').toString('base64') },
    { source: 'CITIZEN' },
    { source: 'OPEN311' },
    { source: 'SPACESHIP' },
    { urgency: 'PANIC' },
    { extra: 1 },
  ];
  for (const patch of casePatches) {
    const label = `createCase ${JSON.stringify(patch).slice(0, 60)}`;
    // A description that is refused as well, so nothing reaches the store even where the patch alone would.
    gql('mutations', label, CREATE_CASE, { i: { ...goodCase, description: '', ...patch } }, 'admin');
    gql(
      'mutations',
      `${label} (duty officer)`,
      CREATE_CASE,
      { i: { ...goodCase, ...patch, description: rng.chance(0.5) ? '' : '\u0000' } },
      'duty_officer',
    );
  }
  const TRANSITION =
    'mutation($id: ID!, $a: CaseAction!, $v: Int!, $m: ID, $u: String, $x: Int, $f: [String!]) { transitionCase(id: $id, action: $a, version: $v, mergeInto: $m, unitCode: $u, extensionMinutes: $x, attachments: $f) { id } }';
  const ghost = Buffer.from('Case:99999999999').toString('base64');
  for (const vars of [
    { id: 'x', a: 'ACCEPT', v: 1 },
    { id: '99999999999', a: 'ACCEPT', v: 1 },
    { id: ghost, a: 'ACCEPT', v: 1 },
    { id: ghost, a: 'accept', v: 1 },
    { id: ghost, a: 'ACCEPT', v: -1 },
    { id: ghost, a: 'ACCEPT', v: 2 ** 31 },
    { id: "1' OR 1=1", a: 'CLOSE', v: 1 },
    { id: ghost, a: 'MERGE', v: 1, m: ghost },
    { id: ghost, a: 'DISPATCH', v: 1, u: 'x'.repeat(10_000) },
    { id: ghost, a: 'REQUEST_EXTENSION', v: 1, x: -5 },
    { id: ghost, a: 'REQUEST_EXTENSION', v: 1, x: 2 ** 31 - 1 },
    { id: ghost, a: 'REPORT_HANDLED', v: 1, f: ['../../x'] },
    { id: Buffer.from('Area:440304').toString('base64'), a: 'ACCEPT', v: 1 },
  ]) {
    gql('mutations', `transitionCase ${JSON.stringify(vars).slice(0, 70)}`, TRANSITION, vars, 'admin');
  }
  const CREATE_USER = 'mutation($i: NewUserInput!) { createUser(input: $i) { id } }';
  const baseUser = { username: `hx${run}u`, displayName: 'x', password: 'Pass-word-1', role: 'LEADER' };
  for (const patch of [
    { username: '' },
    { username: 'ab' },
    { username: 'A'.repeat(100) },
    { username: '../../etc' },
    { username: 'name with space' },
    { username: '名字' },
    { username: "x'--" },
    { username: 'admin\u0000' },
    { password: '' },
    { password: 'short' },
    { password: 'a'.repeat(10) },
    { password: 'P1'.repeat(100_000) },
    { areaCode: '999999' },
    { areaCode: '../' },
    { areaCode: 'x'.repeat(500) },
    { unitCode: 'U-NONE' },
    { role: 'UNIT_HANDLER' },
    { role: 'API_CLIENT' },
    { role: 'GOD' },
    { displayName: '' },
    { displayName: 'x'.repeat(65) },
    { displayName: '\u0000' },
  ]) {
    gql(
      'mutations',
      `createUser ${JSON.stringify(patch).slice(0, 60)}`,
      CREATE_USER,
      { i: { ...baseUser, ...patch } },
      'admin',
    );
  }
  for (const id of [0, -1, 2 ** 31 - 1]) {
    for (const m of [
      'unlockUser(id: $id) { id }',
      'revokeApiToken(id: $id) { id }',
      'resetPassword(id: $id, password: "Pass-word-1-x") { id }',
      'updateUser(id: $id, input: { displayName: "x" }) { id }',
    ]) {
      gql('mutations', `${m.split('(')[0]} id ${id}`, `mutation($id: Int!) { ${m} }`, { id }, 'admin');
    }
  }
  for (const input of [
    { name: '' },
    { name: 'x'.repeat(65) },
    { name: 't', days: 0 },
    { name: 't', days: -5 },
    { name: 't', days: 100_000 },
    { name: 't', role: 'ADMIN', areaCode: 'nope' },
    { name: 't', role: 'UNIT_HANDLER' },
    { name: 't', areaCode: '999999' },
  ]) {
    gql(
      'mutations',
      `createApiToken ${JSON.stringify(input)}`,
      'mutation($i: NewApiTokenInput!) { createApiToken(input: $i) { token } }',
      { i: input },
      'admin',
    );
  }
  const RULE = 'mutation($i: CreateAlertRuleInput!) { createAlertRule(input: $i) { id } }';
  const rule = { code: 'Bad Code!', name: '测试', nameEn: 'test', deviceType: 'dust_monitor', citation: 'x' };
  for (const definition of [
    null,
    'x',
    [],
    {},
    { kind: 'reading' },
    { kind: 'reading', condition: { type: 'threshold', levels: 'x' } },
    {
      kind: 'reading',
      condition: {
        type: 'threshold',
        levels: Array.from({ length: 10_000 }, (_, i) => ({ value: i, severity: 'red' })),
        signal: { kind: 'value', metric: 'pm10' },
      },
    },
    { kind: 'silence', after_s: -1, severity: 'red' },
    { kind: 'aggregate', metric: 'pm10', period: 'century' },
  ]) {
    gql(
      'mutations',
      `createAlertRule definition ${JSON.stringify(definition)?.slice(0, 50)}`,
      RULE,
      { i: { ...rule, definition } },
      'admin',
    );
  }
  for (const patch of [
    { code: '' },
    { code: 'x'.repeat(100) },
    { deviceType: 'toaster' },
    { citation: '' },
    { escalateAfterS: -1 },
    { name: '' },
  ]) {
    gql(
      'mutations',
      `createAlertRule ${JSON.stringify(patch).slice(0, 50)}`,
      RULE,
      { i: { ...rule, definition: {}, ...patch } },
      'admin',
    );
  }
  for (const [id, version] of [
    [0, 1],
    [2 ** 31 - 1, 1],
    [-1, -1],
  ] as const) {
    gql(
      'mutations',
      `updateAlertRule id ${id}`,
      'mutation($i: UpdateAlertRuleInput!) { updateAlertRule(input: $i) { id } }',
      { i: { id, version, enabled: false } },
      'admin',
    );
  }
  const ghostAlert = Buffer.from('Alert:99999999999').toString('base64');
  for (const [id, comment] of <[string, string][]>[
    [ghostAlert, 'x'],
    ['0', 'x'],
    ['-1', 'x'],
    ['x', ''],
    [ghostAlert, 'x'.repeat(100_000)],
    [ghostAlert, '\u0000'],
  ]) {
    gql(
      'mutations',
      `acknowledgeAlert ${id.slice(0, 20)} ${comment.length}`,
      'mutation($id: ID!, $c: String!) { acknowledgeAlert(id: $id, comment: $c) { id } }',
      { id, c: comment },
      'duty_officer',
    );
    gql(
      'mutations',
      `escalateAlert ${id.slice(0, 20)} ${comment.length}`,
      'mutation($id: ID!, $c: String!) { escalateAlert(id: $id, comment: $c) { id } }',
      { id, c: comment },
      'duty_officer',
    );
  }
  gql(
    'mutations',
    'changeMyPassword with a token',
    'mutation { changeMyPassword(currentPassword: "x", newPassword: "Pass-word-1-y") }',
    undefined,
    'admin',
  );
  gql(
    'mutations',
    'two mutations, one bad',
    `mutation { a: unlockUser(id: 0) { id } b: createApiToken(input: { name: "" }) { token } }`,
    undefined,
    'admin',
  );
  return out;
}
