// Hostile readings for POST /ingest (JSON and NDJSON), the ingestReadings mutation and MQTT: valid readings
// mixed with bad ones (every field wrong in every way), nesting thousands deep, huge bodies, items and
// payloads, odd envelopes and topics, and readings under a millisecond apart. Every reading carries an oracle
// (stored, refused or either), so the test can prove that each valid item beside a bad one was kept and no bad
// one was stored. Valid readings are stamped in the run's window, one second apart, on devices set aside for
// the suite, with values below every alert threshold.
import type { Rng } from '../../city/rng.ts';
import {
  type HostileContext,
  type HttpInput,
  json,
  type MqttInput,
  nestedArray,
  nestedObject,
  RawJson,
  type ReadingOracle,
  type Sender,
  toJson,
  utf8,
} from './types.ts';

/** Metrics without reading rules, which may take extreme valid values (±1e12) without raising alerts. */
const QUIET = new Set([
  'pm25',
  'noise',
  'crane_tilt',
  'wind_speed',
  'power',
  'groundwater_level',
  'axial_force',
]);
const SAFE: Record<string, [number, number]> = {
  pm10: [10, 90],
  pm25: [5, 60],
  noise: [40, 70],
  crane_tilt: [0, 2],
  wind_speed: [0, 8],
  load_moment_ratio: [10, 60],
  power: [0, 50],
};

/** The instant an ISO 8601 time names, in epoch microseconds (as PostgreSQL keeps it), or null. */
export function isoMicros(ts: unknown): number | null {
  if (typeof ts !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(ts);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(ms)) return null;
  return ms * 1000 + (m[2] ? Math.round(Number(`0.${m[2]}`) * 1e6) : 0);
}

interface Item {
  /** The item as sent (may hold RawJson), or undefined for a line that is not JSON at all. */
  item: unknown;
  oracle?: ReadingOracle;
  label: string;
  /** How deep the item nests arrays and objects, where it is deliberately deep. */
  depth?: number;
}

/**
 * A JSON document nesting deeper than this may be refused whole, as a parser limit (RFC 8259 §9 lets a parser
 * bound nesting; the server's is 64): the valid readings beside such an item may then be lost with it, so
 * they are "either". Shallower documents must be read item by item. NDJSON lines and MQTT messages are
 * documents of their own.
 */
export const FAIR_DEPTH = 60;

/** The oracles of the items of one JSON document (an array body, an MQTT payload). */
export function documentOracles(items: readonly Item[]): ReadingOracle[] {
  const tooDeep = items.some((i) => (i.depth ?? 0) + 1 > FAIR_DEPTH);
  return items.flatMap((i) =>
    i.oracle
      ? [tooDeep && i.oracle.expect === 'stored' ? { ...i.oracle, expect: 'either' as const } : i.oracle]
      : [],
  );
}

type Device = HostileContext['devices'][number];

/** Makes valid readings and readings broken in one way each, with their oracles. */
export class ReadingMaker {
  private slot = 0;
  /**
   * Readings are stamped in [fromMs, toMs): by default the run's window but its last hour, which the test keeps
   * for its own sentinel readings.
   */
  constructor(
    private readonly ctx: HostileContext,
    private readonly rng: Rng,
    private readonly fromMs = ctx.windowStartMs,
    private readonly toMs = ctx.windowEndMs - 3_600_000,
  ) {}

  /**
   * A fresh instant, in epoch µs: one slot per second, 2 to 997 ms into it, so two readings are never within 1 ms
   * of each other, also when one is written to the whole second.
   */
  nextMicros(): number {
    // Slots are whole seconds, so a time written without its fraction stays in its own slot.
    const ms = Math.ceil(this.fromMs / 1000) * 1000 + this.slot++ * 1000 + this.rng.int(2, 997);
    if (ms >= this.toMs) throw new Error('hostile ingest: the reading window is full');
    return ms * 1000 + this.rng.int(0, 999);
  }

  /** ISO 8601 of an instant: 0, 3, 6 or 9 fraction digits and one of several offsets. */
  iso(
    us: number,
    digits = this.rng.pick([0, 3, 3, 6, 6, 9]),
    offsetMin = this.rng.pick([0, 0, 480, 480, -330, 345, 840, -720]),
  ): string {
    const ms = Math.floor(us / 1000);
    const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
    const micro = String(us % 1_000_000).padStart(6, '0');
    const frac =
      digits === 0 ? '' : `.${digits === 9 ? `${micro}${this.rng.int(0, 9)}00` : micro.slice(0, digits)}`;
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    const offset =
      offsetMin === 0 && this.rng.chance(0.7)
        ? 'Z'
        : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${local}${frac}${offset}`;
  }

  device(): Device {
    return this.rng.pick(this.ctx.devices);
  }

  value(metric: string): number {
    if (QUIET.has(metric) && this.rng.chance(0.15)) {
      return this.rng.pick([1e12, -1e12, 0, -0, 5e-324, 999_999_999_999.9, 1.5e-300, -123456.789]);
    }
    const [lo, hi] = SAFE[metric] ?? [0, 5];
    return Math.round(this.rng.range(lo, hi) * 1000) / 1000;
  }

  valid(device = this.device(), metric = this.rng.pick(device.metrics)): Item {
    const ts = this.iso(this.nextMicros());
    const fields: [string, unknown][] = [
      ['device', device.code],
      ['metric', metric],
      ['ts', ts],
      ['value', this.value(metric)],
    ];
    return {
      item: Object.fromEntries(this.rng.shuffle(fields)),
      oracle: { device: device.code, metric, ts, expect: 'stored' },
      label: 'valid',
    };
  }

  /** Two valid readings of one device and metric under a millisecond apart (both must be kept). */
  subMillisecondPair(): Item[] {
    const device = this.device();
    const metric = this.rng.pick(device.metrics);
    const us = Math.floor(this.nextMicros() / 1000) * 1000;
    const a = us + this.rng.int(0, 400);
    const b = a + this.rng.int(1, 599);
    // Both stay inside the slot's millisecond and the one after it: no other reading is that close.
    return [a, b].map((t) => {
      const ts = this.iso(t, 6, 0);
      return {
        item: { device: device.code, metric, ts, value: this.value(metric) },
        oracle: { device: device.code, metric, ts, expect: 'stored' as const },
        label: 'sub-millisecond pair',
      };
    });
  }

  /** A reading broken in one way; its oracle says it must not be stored (when it names a real device). */
  invalid(depth?: number): Item {
    const d = this.device();
    const metric = this.rng.pick(d.metrics);
    const us = this.nextMicros();
    const ts = this.iso(us);
    const base = { device: d.code, metric, ts, value: this.value(metric) };
    const refused = (o: { device?: unknown; metric?: unknown; ts?: unknown }): ReadingOracle | undefined =>
      typeof o.device === 'string' && typeof o.metric === 'string' && typeof o.ts === 'string'
        ? { device: o.device, metric: o.metric, ts: o.ts, expect: 'refused' }
        : undefined;
    const run = this.ctx.runId;
    const nowMs = this.ctx.nowMs;
    const deep = depth ?? this.rng.pick([10, 30, 100, 1000, 4999, 5000, 10_000, 100_000]);
    const defects: [string, () => Record<string, unknown> | unknown][] = [
      ['unknown device', () => ({ ...base, device: `XX-${run}-${this.rng.int(0, 1e6)}` })],
      ['device in lower case', () => ({ ...base, device: d.code.toLowerCase() })],
      ['device empty', () => ({ ...base, device: '' })],
      ['device of 121 characters', () => ({ ...base, device: d.code.padEnd(121, 'X') })],
      ['device of 1 MB', () => ({ ...base, device: 'D'.repeat(1_000_000) })],
      ['device a number', () => ({ ...base, device: 12345 })],
      ['device null', () => ({ ...base, device: null })],
      ['device an object', () => ({ ...base, device: { code: d.code } })],
      ['device with NUL', () => ({ ...base, device: `${d.code}\u0000` })],
      ['device with a trailing space', () => ({ ...base, device: `${d.code} ` })],
      ['device with SQL', () => ({ ...base, device: `${d.code}' OR '1'='1` })],
      ['metric of another type', () => ({ ...base, metric: this.rng.pick(this.ctx.foreignMetrics) })],
      ['metric unknown', () => ({ ...base, metric: 'nope' })],
      ['metric empty', () => ({ ...base, metric: '' })],
      ['metric in upper case', () => ({ ...base, metric: metric.toUpperCase() })],
      ['metric a number', () => ({ ...base, metric: 10 })],
      ['metric an array', () => ({ ...base, metric: [metric] })],
      ['value a numeric string', () => ({ ...base, value: '12' })],
      ['value "NaN"', () => ({ ...base, value: 'NaN' })],
      ['value null', () => ({ ...base, value: null })],
      ['value true', () => ({ ...base, value: true })],
      ['value an array', () => ({ ...base, value: [1] })],
      ['value an object', () => ({ ...base, value: { v: 1 } })],
      ['value 1e13', () => ({ ...base, value: 1e13 })],
      ['value -1e13', () => ({ ...base, value: -1e13 })],
      ['value 1e400 (Infinity once parsed)', () => ({ ...base, value: new RawJson('1e400') })],
      ['value -1e400', () => ({ ...base, value: new RawJson('-1e400') })],
      ['value 1.8e308', () => ({ ...base, value: new RawJson('1.8e308') })],
      ['value of 10,000 digits', () => ({ ...base, value: new RawJson(`9${'9'.repeat(10_000)}`) })],
      ['value 1e12 + 1', () => ({ ...base, value: 1e12 + 1 })],
      ['ts missing', () => ({ device: d.code, metric, value: 1 })],
      ['ts a number (epoch ms)', () => ({ ...base, ts: Math.floor(us / 1000) })],
      ['ts without an offset', () => ({ ...base, ts: ts.replace(/(Z|[+-]\d{2}:\d{2})$/, '') })],
      ['ts 30 February', () => ({ ...base, ts: '2026-02-30T10:00:00+08:00' })],
      ['ts 24:00', () => ({ ...base, ts: `${new Date(nowMs).toISOString().slice(0, 10)}T24:00:00Z` })],
      ['ts second 60', () => ({ ...base, ts: ts.replace(/T(\d{2}):(\d{2}):\d{2}/, 'T$1:$2:60') })],
      ['ts month 13', () => ({ ...base, ts: ts.replace(/^(\d{4})-\d{2}/, '$1-13') })],
      [
        'ts with lower-case z',
        () => ({ ...base, ts: `${new Date(Math.floor(us / 1000)).toISOString().slice(0, 19)}z` }),
      ],
      ['ts with a space for T', () => ({ ...base, ts: ts.replace('T', ' ') })],
      ['ts a date only', () => ({ ...base, ts: ts.slice(0, 10) })],
      ['ts empty', () => ({ ...base, ts: '' })],
      ['ts "now"', () => ({ ...base, ts: 'now' })],
      ['ts offset +24:00', () => ({ ...base, ts: ts.replace(/(Z|[+-]\d{2}:\d{2})$/, '+24:00') })],
      ['ts offset +0800', () => ({ ...base, ts: ts.replace(/(Z|[+-]\d{2}:\d{2})$/, '+0800') })],
      [
        'ts of 10 fraction digits',
        () => ({ ...base, ts: `${new Date(Math.floor(us / 1000)).toISOString().slice(0, 19)}.1234567890Z` }),
      ],
      [
        'ts a day ahead',
        () => ({ ...base, ts: new Date(nowMs + 86_400_000 + this.rng.int(0, 1e6)).toISOString() }),
      ],
      [
        'ts ten minutes ahead',
        () => ({ ...base, ts: new Date(nowMs + 600_000 + this.rng.int(0, 1e6)).toISOString() }),
      ],
      [
        'ts 31 days old',
        () => ({ ...base, ts: new Date(nowMs - 31 * 86_400_000 - this.rng.int(0, 1e6)).toISOString() }),
      ],
      ['ts in 1970', () => ({ ...base, ts: '1970-01-01T00:00:00Z' })],
      ['ts in year 10000', () => ({ ...base, ts: '+010000-01-01T00:00:00Z' })],
      ['ts an object', () => ({ ...base, ts: { iso: ts } })],
      ['ts with a trailing newline', () => ({ ...base, ts: `${ts}\n` })],
      ['ts of 100 KB', () => ({ ...base, ts: `${ts}${'9'.repeat(100_000)}` })],
      ['an extra field', () => ({ ...base, unit: 'µg/m³' })],
      ['a __proto__ field', () => new RawJson(`{"__proto__": {"admin": true}, ${json(base).slice(1)}`)],
      ['a constructor field', () => ({ ...base, constructor: { prototype: { x: 1 } } })],
      [
        'a duplicated key',
        () =>
          new RawJson(
            `{"device": ${json(d.code)}, "device": "XX-000000-000000", ${json({ metric, ts, value: 1 }).slice(1)}`,
          ),
      ],
      [
        '10,000 extra fields',
        () => ({ ...base, ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i])) }),
      ],
      ['value missing', () => ({ device: d.code, metric, ts })],
      ['metric missing', () => ({ device: d.code, ts, value: 1 })],
      ['device missing', () => ({ metric, ts, value: 1 })],
      ['null', () => null],
      ['a number', () => 42],
      ['a string', () => json(base)],
      ['true', () => true],
      ['an empty object', () => ({})],
      ['an empty array', () => []],
      ['the item in an array', () => [base]],
      [`an array ${deep} deep`, () => nestedArray(deep, base)],
      [`an object ${deep} deep`, () => nestedObject(deep, 'device', d.code)],
      [`a value ${deep} arrays deep`, () => ({ ...base, value: nestedArray(deep, 1) })],
      [`a device ${deep} objects deep`, () => ({ ...base, device: nestedObject(deep, 'code', d.code) })],
    ];
    const [label, make] =
      depth === undefined ? this.rng.pick(defects) : defects[defects.length - 1 - this.rng.int(0, 3)]!;
    const item = make();
    const oracle =
      item && typeof item === 'object' && !(item instanceof RawJson) && !Array.isArray(item)
        ? refused(item as Record<string, unknown>)
        : undefined;
    // A broken item that still names a real device, metric and time must not leave a row there.
    return {
      item,
      label,
      ...(/ deep$/.test(label) && { depth: deep + 2 }),
      oracle:
        oracle ?? (label === 'a __proto__ field' || label === 'a duplicated key' ? refused(base) : undefined),
    };
  }
}

const INGEST_HEADERS = { 'content-type': 'application/json' };

export function generateIngestHttpInputs(ctx: HostileContext, maker: ReadingMaker, rng: Rng): HttpInput[] {
  const out: HttpInput[] = [];
  const post = (
    sub: string,
    label: string,
    body: string | Uint8Array,
    readings: ReadingOracle[] = [],
    headers: Record<string, string> = INGEST_HEADERS,
    as: Sender = 'api_client',
    method = 'POST',
    path = '/ingest',
  ) =>
    out.push({ kind: 'http', family: 'ingest-http', sub, label, method, path, headers, body, as, readings });
  const oracles = documentOracles;
  const either = (items: Item[]) => oracles(items).map((o) => ({ ...o, expect: 'either' as const }));
  const describe = (items: Item[]) => {
    const bad = [...new Set(items.filter((i) => i.label !== 'valid').map((i) => i.label))];
    return `${items.filter((i) => i.label === 'valid').length} valid + ${bad.length ? bad.join(', ') : 'nothing else'}`;
  };
  const mixed = (valid: number, invalid: number, depth?: number) =>
    rng.shuffle([
      ...Array.from({ length: valid }, () => maker.valid()),
      ...Array.from({ length: invalid }, () => maker.invalid(depth)),
    ]);

  // Mixed JSON arrays: valid readings beside bad ones.
  for (let i = 0; i < 300; i++) {
    const items = mixed(rng.int(1, 5), rng.int(1, 5));
    post('mixed', describe(items), toJson(items.map((x) => x.item)), oracles(items));
  }
  for (let i = 0; i < 10; i++) {
    const one = rng.chance(0.5) ? maker.valid() : maker.invalid();
    post('mixed', `one object, not an array: ${one.label}`, toJson(one.item), oracles([one]));
  }
  // NDJSON with broken lines.
  const brokenLines = [
    '{',
    'NaN',
    '{"device": NaN}',
    '[1, 2,]',
    "{'single': 'quotes'}",
    '\u0000',
    'x'.repeat(100_000),
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    '{"device": "a"} {"device": "b"}',
    '// a comment',
  ];
  for (let i = 0; i < 70; i++) {
    const items = mixed(rng.int(1, 5), rng.int(0, 3));
    const lines: { text: string; oracle?: ReadingOracle }[] = items.map((x) => ({
      text: toJson(x.item),
      oracle: x.oracle,
    }));
    const broken = rng.int(1, 3);
    for (let b = 0; b < broken; b++)
      lines.splice(rng.int(0, lines.length), 0, { text: rng.pick(brokenLines) });
    if (rng.chance(0.2)) lines.splice(rng.int(0, lines.length), 0, { text: '' }, { text: '   ' });
    const sep = rng.chance(0.3) ? '\r\n' : '\n';
    post(
      'ndjson',
      `${describe(items)} + ${broken} broken lines${sep === '\r\n' ? ' (CRLF)' : ''}`,
      lines.map((l) => l.text).join(sep) + (rng.chance(0.5) ? sep : ''),
      lines.flatMap((l) => (l.oracle ? [l.oracle] : [])),
      { 'content-type': rng.pick(['application/x-ndjson', 'application/jsonl']) },
    );
  }
  // Nesting thousands deep, alone and beside valid readings.
  for (const depth of [10, 30, 100, 1000, 4999, 5000, 10_000, 100_000]) {
    post('nested', `body: arrays ${depth} deep`, nestedArray(depth, 1).text);
    post('nested', `body: objects ${depth} deep`, nestedObject(depth, 'device').text);
    const items = mixed(rng.int(1, 4), 1, depth);
    post(
      'nested',
      `beside valid readings: ${describe(items)}`,
      toJson(items.map((x) => x.item)),
      oracles(items),
    );
    const line = mixed(2, 0);
    post(
      'nested',
      `NDJSON line of arrays ${depth} deep between 2 valid`,
      [toJson(line[0]!.item), nestedArray(depth, 1).text, toJson(line[1]!.item)].join('\n'),
      oracles(line),
      { 'content-type': 'application/x-ndjson' },
    );
  }
  for (let i = 0; i < 20; i++) {
    const depth = Math.round(Math.exp(rng.range(Math.log(2), Math.log(50_000))));
    const items = mixed(rng.int(1, 3), rng.int(1, 2), depth);
    post(
      'nested',
      `random depth ${depth}: ${describe(items)}`,
      toJson(items.map((x) => x.item)),
      oracles(items),
    );
  }
  // Huge.
  const ghost = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      device: `XX-${ctx.runId}-${i}`,
      metric: 'pm10',
      ts: new Date(ctx.nowMs - 3_600_000).toISOString(),
      value: i,
    }));
  {
    const valid = [maker.valid(), maker.valid()];
    post(
      'huge',
      '5,000 items (the limit): 4,998 unknown devices + 2 valid',
      toJson([...ghost(4998), ...valid.map((v) => v.item)]),
      oracles(valid),
    );
    const over = [maker.valid()];
    post('huge', '5,001 items (over the limit)', toJson([...ghost(5000), over[0]!.item]), either(over));
    post(
      'huge',
      'body over the byte limit (3 MB)',
      toJson([...ghost(10), { device: 'x'.repeat(3_000_000) }]),
    );
    post(
      'huge',
      'NDJSON of 5,001 lines',
      ghost(5001)
        .map((g) => json(g))
        .join('\n'),
      [],
      { 'content-type': 'application/x-ndjson' },
    );
    const big = [maker.valid(), maker.invalid(), maker.valid()];
    post(
      'huge',
      `2 valid beside a 2 MB string`,
      toJson([
        big[0]!.item,
        { device: 'y'.repeat(2_000_000), metric: 'pm10', ts: 'x', value: 1 },
        big[2]!.item,
      ]),
      oracles([big[0]!, big[2]!]),
    );
    const many = Array.from({ length: 40 }, () => maker.invalid());
    const keep = [maker.valid()];
    post(
      'huge',
      '1 valid beside 40 bad ones',
      toJson(rng.shuffle([...many, ...keep]).map((x) => x.item)),
      oracles([...many, ...keep]),
    );
    post('huge', 'a 2 MB number', `[${'9'.repeat(2_000_000)}]`);
    post('huge', '100,000 empty objects', `[${'{},'.repeat(99_999)}{}]`);
    post('huge', '500,000 nulls (over the byte limit)', `[${'null,'.repeat(499_999)}null]`);
  }
  // Envelopes: the request around the readings.
  const env: [string, string | Uint8Array, Record<string, string>, Sender?, string?, string?][] = [
    ['empty body', '', INGEST_HEADERS],
    ['whitespace body', '   \n ', INGEST_HEADERS],
    ['null', 'null', INGEST_HEADERS],
    ['true', 'true', INGEST_HEADERS],
    ['a number', '5', INGEST_HEADERS],
    ['a string', '"x"', INGEST_HEADERS],
    ['an empty array', '[]', INGEST_HEADERS],
    ['an empty object', '{}', INGEST_HEADERS],
    ['[[]]', '[[]]', INGEST_HEADERS],
    ['[null]', '[null]', INGEST_HEADERS],
    ['not JSON', '{', INGEST_HEADERS],
    ['trailing comma', '[1,]', INGEST_HEADERS],
    ['NaN token', '[{"device": "x", "value": NaN}]', INGEST_HEADERS],
    ['invalid UTF-8', new Uint8Array([0x5b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x5d]), INGEST_HEADERS],
    ['UTF-16 with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from('[]', 'utf16le')]), INGEST_HEADERS],
    ['UTF-8 BOM', '\ufeff[]', INGEST_HEADERS],
    ['NUL bytes', '\u0000\u0000', INGEST_HEADERS],
    ['no content type', '[]', {}],
    ['text/plain', '[]', { 'content-type': 'text/plain' }],
    ['form', 'device=x&value=1', { 'content-type': 'application/x-www-form-urlencoded' }],
    [
      'multipart',
      '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n[]\r\n--b--\r\n',
      { 'content-type': 'multipart/form-data; boundary=b' },
    ],
    [
      'content type with a long parameter list',
      '[]',
      { 'content-type': `application/json${'; a=b'.repeat(1000)}` },
    ],
    ['NDJSON type, JSON array body', '[{"device": "x"}]', { 'content-type': 'application/x-ndjson' }],
    ['gzip declared, plain body', '[]', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ['no credentials', '[]', INGEST_HEADERS, 'anonymous'],
    ['as an analyst', '[]', INGEST_HEADERS, 'analyst'],
    ['as a duty officer', '[]', INGEST_HEADERS, 'duty_officer'],
    ['garbage bearer', '[]', { ...INGEST_HEADERS, authorization: `Bearer ${'z'.repeat(5000)}` }, 'anonymous'],
    ['GET', '', {}, 'api_client', 'GET'],
    ['PUT', '[]', INGEST_HEADERS, 'api_client', 'PUT'],
    ['DELETE', '', {}, 'api_client', 'DELETE'],
    ['OPTIONS', '', {}, 'api_client', 'OPTIONS'],
    ['trailing slash', '[]', INGEST_HEADERS, 'api_client', 'POST', '/ingest/'],
    ['sub-path', '[]', INGEST_HEADERS, 'api_client', 'POST', '/ingest/../graphql'],
    ['query string', '[]', INGEST_HEADERS, 'api_client', 'POST', '/ingest?device=x&value=NaN'],
    ['encoded path', '[]', INGEST_HEADERS, 'api_client', 'POST', '/%69ngest'],
  ];
  for (const [label, body, headers, as, method, path] of env) {
    post('envelope', label, body, [], headers, as ?? 'api_client', method ?? 'POST', path ?? '/ingest');
  }
  // Valid readings in unusual but fair envelopes: they may be stored or refused as a whole.
  for (const [label, headers] of [
    ['upper-case content type', { 'content-type': 'APPLICATION/JSON' }],
    ['charset parameter', { 'content-type': 'application/json; charset=utf-8' }],
    ['charset latin1', { 'content-type': 'application/json; charset=iso-8859-1' }],
    ['content type with spaces', { 'content-type': ' application/json ; charset=utf-8' }],
  ] as const) {
    const items = [maker.valid(), maker.valid()];
    post('envelope', label, toJson(items.map((x) => x.item)), either(items), headers);
  }
  // Readings under a millisecond apart: both valid, both to be kept.
  for (let i = 0; i < 6; i++) {
    const pair = maker.subMillisecondPair();
    post(
      'sub-millisecond',
      `2 readings ${Math.abs((isoMicros(pair[1]!.oracle!.ts) ?? 0) - (isoMicros(pair[0]!.oracle!.ts) ?? 0))} µs apart`,
      toJson(pair.map((p) => p.item)),
      oracles(pair),
    );
  }
  // The same through GraphQL: type-correct items (each field of its declared type), bad by content.
  const INGEST =
    'mutation($r: [ReadingInput!]!) { ingestReadings(readings: $r) { received stored duplicates rejected { index reason } } }';
  const typed = (i: Item) => {
    const o = i.item as Record<string, unknown> | null;
    return (
      !!o &&
      typeof o === 'object' &&
      !(o instanceof RawJson) &&
      !Array.isArray(o) &&
      Object.keys(o).length === 4 &&
      ['device', 'metric', 'ts'].every((k) => typeof o[k] === 'string') &&
      typeof o.value === 'number' &&
      Number.isFinite(o.value)
    );
  };
  const gqlBody = (items: Item[]) => json({ query: INGEST, variables: { r: items.map((x) => x.item) } });
  const gqlHeaders = { 'content-type': 'application/json', accept: 'application/json' };
  for (let i = 0; i < 50; i++) {
    const bad: Item[] = [];
    while (bad.length < rng.int(1, 4)) {
      const x = maker.invalid();
      if (typed(x)) bad.push(x);
    }
    const items = rng.shuffle([...Array.from({ length: rng.int(1, 4) }, () => maker.valid()), ...bad]);
    post(
      'graphql',
      describe(items),
      gqlBody(items),
      oracles(items),
      gqlHeaders,
      'api_client',
      'POST',
      '/graphql',
    );
  }
  for (let i = 0; i < 15; i++) {
    // Not type-correct: GraphQL refuses the whole operation, so the valid readings in it may be lost.
    const items = mixed(rng.int(1, 3), rng.int(1, 3));
    post(
      'graphql',
      `wrong types: ${describe(items)}`,
      gqlBody(items),
      either(items),
      gqlHeaders,
      'api_client',
      'POST',
      '/graphql',
    );
  }
  {
    const pair = maker.subMillisecondPair();
    post(
      'graphql',
      'sub-millisecond pair',
      gqlBody(pair),
      oracles(pair),
      gqlHeaders,
      'api_client',
      'POST',
      '/graphql',
    );
    post(
      'graphql',
      '5,001 readings',
      json({ query: INGEST, variables: { r: ghost(5001) } }),
      [],
      gqlHeaders,
      'api_client',
      'POST',
      '/graphql',
    );
    post(
      'graphql',
      'as an analyst',
      gqlBody([maker.invalid()]),
      [],
      gqlHeaders,
      'analyst',
      'POST',
      '/graphql',
    );
    post(
      'graphql',
      'readings literal with NaN',
      json({
        query:
          'mutation { ingestReadings(readings: [{ device: "x", metric: "pm10", ts: "2026-01-01T00:00:00Z", value: NaN }]) { stored } }',
      }),
      [],
      gqlHeaders,
      'api_client',
      'POST',
      '/graphql',
    );
  }
  return out;
}

/** MQTT messages below the ingest's topic prefix. Each one is followed by a sentinel reading in the test. */
export function generateMqttInputs(ctx: HostileContext, maker: ReadingMaker, rng: Rng): MqttInput[] {
  const out: MqttInput[] = [];
  const add = (
    sub: string,
    label: string,
    topic: string,
    payload: string | Uint8Array,
    readings: ReadingOracle[] = [],
    qos: 0 | 1 = 1,
  ) =>
    out.push({
      kind: 'mqtt',
      family: 'ingest-mqtt',
      sub,
      label,
      topic,
      payload: typeof payload === 'string' ? utf8(payload) : payload,
      qos,
      readings,
    });
  const oracles = documentOracles;
  const describe = (items: Item[]) => {
    const bad = [...new Set(items.filter((i) => i.label !== 'valid').map((i) => i.label))];
    return `${items.filter((i) => i.label === 'valid').length} valid + ${bad.length ? bad.join(', ') : 'nothing else'}`;
  };
  // Items on the device topic must name that device (or none): make every item of a message one device's.
  const forDevice = (
    device: HostileContext['devices'][number],
    valid: number,
    invalid: number,
    depth?: number,
  ) => {
    const items = [
      ...Array.from({ length: valid }, () => maker.valid(device)),
      ...Array.from({ length: invalid }, () => {
        let x = maker.invalid(depth);
        // Without a device the topic's device is taken: that item would be valid here.
        while (x.label === 'device missing') x = maker.invalid(depth);
        const o = x.item as Record<string, unknown>;
        if (
          o &&
          typeof o === 'object' &&
          !(o instanceof RawJson) &&
          !Array.isArray(o) &&
          o.device !== undefined &&
          typeof o.device === 'string' &&
          ctx.devices.some((d) => d.code === o.device)
        ) {
          // Moved onto this message's device, keeping the defect.
          const moved = { ...o, device: device.code };
          return { ...x, item: moved, oracle: x.oracle && { ...x.oracle, device: device.code } };
        }
        return x;
      }),
    ];
    return rng.shuffle(items);
  };
  const payloadOf = (items: Item[], single: boolean) =>
    single && items.length === 1 ? toJson(items[0]!.item) : toJson(items.map((x) => x.item));

  // Mixed messages on <prefix>/<device>.
  for (let i = 0; i < 170; i++) {
    const device = maker.device();
    const items = forDevice(device, rng.int(0, 3), rng.int(1, 3));
    add(
      'mixed',
      describe(items),
      device.code,
      payloadOf(items, true),
      oracles(items),
      rng.chance(0.15) ? 0 : 1,
    );
  }
  // {ts, values: {metric: value, …}} with bad entries.
  for (let i = 0; i < 40; i++) {
    const device = maker.device();
    const us = maker.nextMicros();
    const ts = maker.iso(us);
    const values: Record<string, unknown> = {};
    const readings: ReadingOracle[] = [];
    for (const m of device.metrics) {
      if (rng.chance(0.6)) {
        values[m] = maker.value(m);
        readings.push({ device: device.code, metric: m, ts, expect: 'stored' });
      } else {
        values[m] = rng.pick(['x', null, true, [1], { v: 1 }, '1']);
        readings.push({ device: device.code, metric: m, ts, expect: 'refused' });
      }
    }
    const extra = rng.pick(['nope', '', ctx.foreignMetrics[0]!, '__proto__', 'x'.repeat(200)]);
    values[extra] = 1;
    add(
      'values map',
      `${readings.filter((r) => r.expect === 'stored').length} valid values + bad ones + metric ${JSON.stringify(extra.slice(0, 20))}`,
      device.code,
      json({ ts, values }),
      readings,
    );
  }
  // <prefix>/<device>/<metric> with {ts, value} entries.
  for (let i = 0; i < 40; i++) {
    const device = maker.device();
    const metric = rng.pick(device.metrics);
    const entries: { entry: unknown; oracle?: ReadingOracle }[] = [];
    for (let k = rng.int(1, 4); k > 0; k--) {
      const ts = maker.iso(maker.nextMicros());
      if (rng.chance(0.5))
        entries.push({
          entry: { ts, value: maker.value(metric) },
          oracle: { device: device.code, metric, ts, expect: 'stored' },
        });
      else {
        const bad = rng.pick<[unknown, boolean | 'either']>([
          [{ ts, value: 'x' }, true],
          [{ ts, value: null }, true],
          [{ ts: ts.slice(0, 19), value: 1 }, false],
          [{ ts, value: 1, metric: 'other' }, 'either'],
          [{ ts, value: 1e13 }, true],
          [{ ts }, true],
          [null, false],
          [[{ ts, value: 1 }], false],
        ]);
        const expect = bad[1] === 'either' ? 'either' : 'refused';
        entries.push({
          entry: bad[0],
          oracle: bad[1] ? { device: device.code, metric, ts, expect } : undefined,
        });
      }
    }
    add(
      'metric topic',
      `${entries.filter((e) => e.oracle?.expect === 'stored').length} valid of ${entries.length}`,
      `${device.code}/${metric}`,
      json(entries.length === 1 && rng.chance(0.5) ? entries[0]!.entry : entries.map((e) => e.entry)),
      entries.flatMap((e) => (e.oracle ? [e.oracle] : [])),
    );
  }
  // Topics that are not <device>[/<metric>].
  const d0 = maker.device();
  const good = () => json({ metric: d0.metrics[0], ts: maker.iso(maker.nextMicros()), value: 1 });
  for (const [label, topic] of <[string, string][]>[
    ['empty device', ''],
    ['three levels', `${d0.code}/${d0.metrics[0]}/extra`],
    ['empty metric level', `${d0.code}/`],
    ['unknown device', `XX-${ctx.runId}`],
    ['device of 10,000 characters', 'D'.repeat(10_000)],
    ['device of 60,000 characters', 'D'.repeat(60_000)],
    ['Chinese device', '中文设备'],
    ['dot-dot levels', '../..'],
    ['dollar device', '$SYS'],
    ['device with spaces', `${d0.code} x`],
    ['lower-case device', d0.code.toLowerCase()],
    ['metric unknown', `${d0.code}/nope`],
    ['metric of another type', `${d0.code}/${ctx.foreignMetrics[0]}`],
    ['RTL override', `\u202e${d0.code}`],
    ['100 levels', Array.from({ length: 100 }, () => 'a').join('/')],
  ]) {
    add('topics', label, topic, good());
  }
  // Payloads that are not readings.
  const payloads: [string, string | Uint8Array][] = [
    ['empty', ''],
    ['null', 'null'],
    ['true', 'true'],
    ['a number', '42'],
    ['a string', '"x"'],
    ['an empty array', '[]'],
    ['[[]]', '[[]]'],
    ['not JSON', 'not json'],
    ['NaN token', `{"metric": "${d0.metrics[0]}", "ts": "2026-01-01T00:00:00Z", "value": NaN}`],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])],
    ['UTF-8 BOM', `\ufeff${good()}`],
    ['UTF-16', new Uint8Array(Buffer.from(good(), 'utf16le'))],
    ['random bytes', new Uint8Array(Array.from({ length: 512 }, () => rng.int(0, 255)))],
    ['NUL bytes', new Uint8Array(64)],
    ['1 MB string', json({ metric: 'x'.repeat(1_000_000), ts: 'x', value: 1 })],
    [
      'device mismatch',
      json({
        device: 'XX-000000-000000',
        metric: d0.metrics[0],
        ts: maker.iso(maker.nextMicros()),
        value: 1,
      }),
    ],
    [
      'device an object',
      json({ device: { code: d0.code }, metric: d0.metrics[0], ts: maker.iso(maker.nextMicros()), value: 1 }),
    ],
    ['values not an object', json({ ts: maker.iso(maker.nextMicros()), values: [1, 2] })],
    [
      'values with 10,000 metrics',
      json({
        ts: maker.iso(maker.nextMicros()),
        values: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`m${i}`, i])),
      }),
    ],
  ];
  for (const [label, payload] of payloads)
    add('payloads', label, d0.code, payload, [], rng.chance(0.2) ? 0 : 1);
  // Nesting thousands deep, alone and beside valid readings.
  for (const depth of [10, 30, 100, 1000, 4999, 5000, 10_000, 100_000]) {
    add('nested', `payload: arrays ${depth} deep`, d0.code, nestedArray(depth, 1).text);
    add('nested', `payload: objects ${depth} deep`, d0.code, nestedObject(depth, 'values').text);
    const device = maker.device();
    const items = forDevice(device, rng.int(1, 3), 1, depth);
    add(
      'nested',
      `beside valid readings: ${describe(items)}`,
      device.code,
      toJson(items.map((x) => x.item)),
      oracles(items),
    );
  }
  // Huge.
  {
    const device = maker.device();
    const keep = [maker.valid(device), maker.valid(device)];
    const junk = Array.from({ length: 20_000 }, (_, i) => ({ metric: 'nope', ts: 'x', value: i }));
    add(
      'huge',
      '2 valid beside 20,000 bad items (2 MB)',
      device.code,
      toJson([keep[0]!.item, ...junk, keep[1]!.item]),
      oracles(keep),
    );
    add(
      'huge',
      '4 MB payload of one string',
      device.code,
      json({ metric: 'pm10', ts: 'x', value: 's'.repeat(4_000_000) }),
    );
  }
  // Sub-millisecond pairs.
  for (let i = 0; i < 3; i++) {
    const pair = maker.subMillisecondPair();
    add(
      'sub-millisecond',
      '2 readings under 1 ms apart',
      (pair[0]!.item as { device: string }).device,
      toJson(pair.map((p) => p.item)),
      oracles(pair),
    );
  }
  return out;
}
