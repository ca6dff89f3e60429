import { describe, expect, it } from 'vitest';
import {
  type CheckContext,
  checkItem,
  isRejection,
  itemsFromMqtt,
  microsIso,
  parseBody,
  parseTimestamp,
} from './reading-items.ts';

const NOW = Date.parse('2026-11-21T02:00:00Z');
const device = {
  id: 1,
  code: 'DV-440304-0001',
  type: 'dust_monitor',
  assetId: 9,
  districtCode: '440304',
  streetCode: '440304001',
  roadClass: null,
};
const ctx: CheckContext = {
  nowMs: NOW,
  maxFutureMs: 300_000,
  retentionMs: 30 * 86_400_000,
  device: (code) => (code === device.code ? device : undefined),
  metricId: (type, key) => (type === 'dust_monitor' && key === 'pm10' ? 8 : undefined),
  mayWrite: (d) => d.districtCode === '440304',
};
const ok = { device: device.code, metric: 'pm10', ts: '2026-11-21T09:59:00+08:00', value: 42 };

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-21T09:30:00+08:00', Date.parse('2026-11-21T01:30:00Z')],
    ['2026-11-21T01:30:00Z', Date.parse('2026-11-21T01:30:00Z')],
    ['2026-11-21T01:30:00.123456Z', Date.parse('2026-11-21T01:30:00.123Z')],
    ['2024-02-29T00:00:00Z', Date.parse('2024-02-29T00:00:00Z')],
  ])('%s', (text, ms) => expect(parseTimestamp(text)).toBe(ms));

  it.each([
    ['2026-02-30T00:00:00Z'],
    ['2025-02-29T00:00:00Z'],
    ['2026-11-21T24:00:00Z'],
    ['2026-11-21T09:30:00'],
    ['2026-11-21'],
    [12345],
    [null],
  ])('refuses %s', (value) => expect(typeof parseTimestamp(value)).toBe('string'));
});

describe('microseconds', () => {
  const micros = (ts: string) => {
    const r = checkItem(0, { ...ok, ts }, ctx);
    if (isRejection(r)) throw new Error(r.message);
    return r.tsMicros;
  };
  it('keeps readings under 1 ms apart distinct, to the microsecond PostgreSQL keeps', () => {
    const a = micros('2026-11-21T09:59:00.123456+08:00');
    const b = micros('2026-11-21T09:59:00.1237+08:00');
    expect(b - a).toBe(244);
    expect(microsIso(a)).toBe('2026-11-21T01:59:00.123456Z');
    expect(microsIso(b)).toBe('2026-11-21T01:59:00.123700Z');
    // nanoseconds are cut, as PostgreSQL would round them away
    expect(micros('2026-11-21T09:59:00.123456789+08:00')).toBe(a);
    expect(micros('2026-11-21T09:59:00+08:00') % 1_000_000).toBe(0);
  });
  it('writes times before 1970 too', () => {
    expect(microsIso(-1)).toBe('1969-12-31T23:59:59.999999Z');
  });
});

describe('nesting', () => {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  it('a body or payload nested 5,000 deep is refused with a reason, not a stack overflow', () => {
    expect(parseBody(deep, false)).toEqual({ error: 'the body nests arrays or objects more than 64 deep' });
    expect(itemsFromMqtt('D1', null, Buffer.from(deep))).toEqual({
      error: 'the payload nests arrays or objects more than 64 deep',
    });
    const lines = parseBody(`${JSON.stringify(ok)}\n${deep}\n`, true);
    expect(lines).toMatchObject({ items: [ok, undefined], malformed: [{ index: 1, reason: 'MALFORMED' }] });
  });
});

describe('checkItem', () => {
  it('accepts a good reading', () => {
    expect(checkItem(0, ok, ctx)).toMatchObject({
      index: 0,
      metricId: 8,
      value: 42,
      ts: Date.parse('2026-11-21T01:59:00Z'),
    });
  });

  it.each([
    [null, 'MALFORMED'],
    [[1, 2], 'MALFORMED'],
    [{ ...ok, extra: 1 }, 'MALFORMED'],
    [{ ...ok, device: 7 }, 'MALFORMED'],
    [{ ...ok, device: 'x'.repeat(500) }, 'MALFORMED'],
    [{ ...ok, device: 'DV-NONE-0001' }, 'UNKNOWN_DEVICE'],
    [{ ...ok, metric: 'water_depth' }, 'UNKNOWN_METRIC'],
    [{ ...ok, value: '42' }, 'BAD_VALUE'],
    [{ ...ok, value: null }, 'BAD_VALUE'],
    [{ ...ok, value: 1e13 }, 'BAD_VALUE'],
    [{ ...ok, ts: '2026-02-30T00:00:00Z' }, 'BAD_TIME'],
    [{ ...ok, ts: '2026-11-21T02:10:00Z' }, 'IN_FUTURE'],
    [{ ...ok, ts: '2026-10-01T00:00:00Z' }, 'TOO_OLD'],
  ])('%j → %s', (item, reason) => {
    expect(checkItem(3, item, ctx)).toMatchObject({ index: 3, reason });
  });

  it('refuses devices outside the caller’s area', () => {
    expect(checkItem(0, ok, { ...ctx, mayWrite: () => false })).toMatchObject({ reason: 'FORBIDDEN' });
  });
});

describe('bodies and MQTT payloads', () => {
  it('JSON: an array, or one object', () => {
    expect(parseBody('[1, 2]', false)).toEqual({ items: [1, 2], malformed: [] });
    expect(parseBody('{"a": 1}', false)).toEqual({ items: [{ a: 1 }], malformed: [] });
    expect(parseBody('[1, ', false)).toMatchObject({ error: expect.stringContaining('not JSON') });
  });

  it('NDJSON: blank lines skipped, a broken line is one rejection', () => {
    const out = parseBody('{"a":1}\n\n{oops\n{"b":2}\n', true);
    expect(out).toMatchObject({
      items: [{ a: 1 }, undefined, { b: 2 }],
      malformed: [{ index: 1, reason: 'MALFORMED' }],
    });
  });

  it.each([
    [
      'one item',
      null,
      { metric: 'pm10', ts: 't', value: 1 },
      [{ device: 'D', metric: 'pm10', ts: 't', value: 1 }],
    ],
    [
      'metric from the topic',
      'pm10',
      [
        { ts: 't', value: 1 },
        { ts: 'u', value: 2 },
      ],
      [
        { device: 'D', metric: 'pm10', ts: 't', value: 1 },
        { device: 'D', metric: 'pm10', ts: 'u', value: 2 },
      ],
    ],
    [
      'a device report',
      null,
      { ts: 't', values: { pm10: 1, pm25: 2 } },
      [
        { device: 'D', metric: 'pm10', ts: 't', value: 1 },
        { device: 'D', metric: 'pm25', ts: 't', value: 2 },
      ],
    ],
  ])('MQTT: %s', (_name, metric, payload, items) => {
    expect(itemsFromMqtt('D', metric, Buffer.from(JSON.stringify(payload)))).toEqual({ items });
  });

  it('MQTT: a device in the payload that differs from the topic is not believed', () => {
    const out = itemsFromMqtt('D', null, Buffer.from('{"device":"E","metric":"pm10","ts":"t","value":1}'));
    expect(out).toEqual({ items: [{ device: 'E (topic says D)', metric: 'pm10', ts: 't', value: 1 }] });
    expect(itemsFromMqtt('D', null, Buffer.from('nope'))).toMatchObject({
      error: expect.stringContaining('not JSON'),
    });
  });
});
