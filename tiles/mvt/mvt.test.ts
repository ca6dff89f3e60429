// The vector tiles' pure parts: request checking and the cache's invalidation by change extents.
import { describe, expect, it } from 'vitest';
import { TileRequestError } from '../tile-errors.ts';
import { findMvtLayer } from './mvt-layers.ts';
import { TileCache } from './tile-cache.ts';
import { parseLayerName, parseLayerQuery, parseTileAddress, tileBounds } from './tile-request.ts';

const buildings = findMvtLayer('buildings')!;
const alerts = findMvtLayer('alerts')!;

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(TileRequestError);
    return (error as TileRequestError).message;
  }
  throw new Error('not refused');
};

describe('tile requests', () => {
  it('take z/x/y within the zoom and the layer’s range', () => {
    expect(parseTileAddress(buildings, '14', '13367', '7122.mvt')).toEqual({ z: 14, x: 13367, y: 7122 });
    expect(refused(() => parseTileAddress(buildings, '12', '1', '1.mvt'))).toMatch(/start at zoom 13/);
    expect(refused(() => parseTileAddress(buildings, '14', '16384', '1.mvt'))).toMatch(/below 16384/);
    for (const [z, x, y] of [
      ['23', '0', '0.mvt'],
      ['a', '0', '0.mvt'],
      ['14', '-1', '0.mvt'],
      ['14', '1', '1.pbf'],
      ['14', '1', '0x1.mvt'],
    ]) {
      expect(() => parseTileAddress(buildings, z!, x!, y!)).toThrow(TileRequestError);
    }
    expect(refused(() => parseLayerName('roads'))).toMatch(/use one of areas, buildings/);
  });

  it('bind filters in the layer’s order, canonically, and refuse anything else', () => {
    const q = parseLayerQuery(buildings, { use: ['office,Residential'], safetyGrade: ['d,a,D'] });
    expect(q.values).toEqual([null, ['A', 'D'], null, ['office', 'residential']]);
    expect(q.canonical).toBe('safetyGrade=A,D&use=office,residential');
    expect(parseLayerQuery(buildings, {}).canonical).toBe('');
    expect(refused(() => parseLayerQuery(buildings, { grade: ['A'] }))).toMatch(
      /no "grade" filter; filters: district/,
    );
    expect(refused(() => parseLayerQuery(buildings, { safetyGrade: ['A', 'B'] }))).toMatch(/once/);
    expect(refused(() => parseLayerQuery(buildings, { safetyGrade: ['E'] }))).toMatch(
      /"E" is not one of A, B, C, D/,
    );
    expect(refused(() => parseLayerQuery(buildings, { selfBuilt: ['1'] }))).toMatch(/true or false/);
    expect(refused(() => parseLayerQuery(buildings, { district: ["44' OR 1=1"] }))).toMatch(
      /not an area code/,
    );
    expect(refused(() => parseLayerQuery(buildings, { use: [Array(21).fill('office').join(',')] }))).toMatch(
      /at most 20/,
    );
    const a = parseLayerQuery(alerts, {
      from: ['2026-11-01'],
      to: ['2026-11-02T08:00+08:00'],
      severity: ['RED'],
    });
    expect(a.values).toEqual([null, ['red'], null, '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z']);
    expect(refused(() => parseLayerQuery(alerts, { from: ['2026-11-02'], to: ['2026-11-01'] }))).toMatch(
      /before/,
    );
    expect(refused(() => parseLayerQuery(alerts, { from: ['2026-13-45'] }))).toMatch(/ISO 8601/);
  });

  it('know a tile’s bounds', () => {
    expect(tileBounds({ z: 0, x: 0, y: 0 }).map((v) => Math.round(v * 1000) / 1000)).toEqual([
      -180, -85.051, 180, 85.051,
    ]);
    const [w, s, e, n] = tileBounds({ z: 14, x: 13367, y: 7122 });
    expect(w).toBeCloseTo(113.708, 3);
    expect(e - w).toBeCloseTo(360 / 2 ** 14, 9);
    expect(n).toBeGreaterThan(s);
  });
});

describe('the tile cache', () => {
  const tile = (n: number) => ({ body: new Uint8Array(n), etag: `"${n}"` });
  const options = { maxBytes: 10_000, maxAgeMs: 60_000, recentMs: 30_000 };

  it('drops the tiles a change overlaps, in its layer only', () => {
    const cache = new TileCache(options);
    cache.set('a', 'buildings', [0, 0, 1, 1], tile(10), 0, 0);
    cache.set('b', 'buildings', [5, 5, 6, 6], tile(10), 0, 0);
    cache.set('c', 'lamps', [0, 0, 1, 1], tile(10), 0, 0);
    expect(cache.apply([{ id: 1, layer: 'buildings', bounds: [0.5, 0.5, 0.6, 0.6] }], 1)).toBe(1);
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.get('b', 2)).toBeDefined();
    expect(cache.get('c', 2)).toBeDefined();
    expect(cache.lastChangeId).toBe(1);
  });

  it('does not keep a tile made while an overlapping change was applied', () => {
    const cache = new TileCache(options);
    const startedAfter = cache.lastChangeId; // the tile's SQL starts …
    cache.apply([{ id: 7, layer: 'buildings', bounds: [0, 0, 1, 1] }], 1); // … a change lands meanwhile
    expect(cache.set('a', 'buildings', [0.5, 0.5, 2, 2], tile(10), startedAfter, 2)).toBe(false);
    expect(cache.set('b', 'buildings', [3, 3, 4, 4], tile(10), startedAfter, 2)).toBe(true);
    expect(cache.set('a', 'buildings', [0.5, 0.5, 2, 2], tile(10), 7, 2)).toBe(true);
    // Once the change is forgotten, a tile begun before it cannot be vetted.
    cache.apply([], 100_000);
    expect(cache.set('c', 'buildings', [9, 9, 9.5, 9.5], tile(10), 0, 100_000)).toBe(false);
  });

  it('stays within its byte budget (least recently used first) and its age', () => {
    const cache = new TileCache({ ...options, maxBytes: 3400 });
    cache.set('a', 'x', [0, 0, 1, 1], tile(900), 0, 0);
    cache.set('b', 'x', [0, 0, 1, 1], tile(900), 0, 0);
    cache.get('a', 1);
    cache.set('c', 'x', [0, 0, 1, 1], tile(900), 0, 1);
    cache.set('d', 'x', [0, 0, 1, 1], tile(900), 0, 1);
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toBeDefined();
    expect(cache.totalBytes).toBeLessThanOrEqual(3400);
    expect(cache.get('a', 70_000)).toBeUndefined();
  });
});
