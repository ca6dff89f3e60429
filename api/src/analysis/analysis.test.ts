// Trend buckets in China Standard Time and hexagonal binning.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.ts';
import { hexbin } from './hexbin.ts';
import { trendBuckets } from './trend-buckets.ts';

describe('trend buckets', () => {
  it('start at CST midnight, Monday and the 1st, and cover [from, to)', () => {
    const days = trendBuckets(
      new Date('2026-11-19T20:00:00+08:00'),
      new Date('2026-11-21T00:00:00+08:00'),
      'day',
    );
    expect(days.map((b) => b.key)).toEqual(['2026-11-19T00:00:00', '2026-11-20T00:00:00']);
    expect(days[0]!.start.toISOString()).toBe('2026-11-18T16:00:00.000Z');
    const weeks = trendBuckets(
      new Date('2026-11-21T12:00:00+08:00'),
      new Date('2026-11-24T00:00:00+08:00'),
      'week',
    );
    expect(weeks.map((b) => b.key)).toEqual(['2026-11-16T00:00:00', '2026-11-23T00:00:00']);
    const months = trendBuckets(
      new Date('2026-01-31T23:30:00+08:00'),
      new Date('2026-03-01T00:00:00+08:00'),
      'month',
    );
    expect(months.map((b) => b.key)).toEqual(['2026-01-01T00:00:00', '2026-02-01T00:00:00']);
    const hours = trendBuckets(new Date('2026-11-21T00:00:00Z'), new Date('2026-11-21T02:30:00Z'), 'hour');
    expect(hours.map((b) => b.key)).toEqual([
      '2026-11-21T08:00:00',
      '2026-11-21T09:00:00',
      '2026-11-21T10:00:00',
    ]);
  });

  it('refuse an empty period and too many buckets', () => {
    const at = new Date('2026-11-21T00:00:00Z');
    expect(() => trendBuckets(at, at, 'day')).toThrow(DomainError);
    expect(() => trendBuckets(new Date('2020-01-01T00:00:00Z'), at, 'hour')).toThrow(/at most 1000 buckets/);
  });
});

describe('hexbin', () => {
  it('puts nearby points in one cell and far ones apart, with counts and the worst rank', () => {
    const cells = hexbin(
      [
        { lon: 114.05, lat: 22.54, count: 2, rank: 1 },
        { lon: 114.0501, lat: 22.5401, count: 1, rank: 3 },
        { lon: 114.1, lat: 22.6, count: 5, rank: 0 },
      ],
      500,
    );
    expect(cells.map((c) => [c.count, c.rank]).sort()).toEqual([
      [3, 3],
      [5, 0],
    ]);
    const ring = cells[0]!.hexagon.coordinates[0]!;
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    // Corners are about 500 m from the centre.
    const [cx, cy] = [
      ring.slice(0, 6).reduce((s, p) => s + p[0]!, 0) / 6,
      ring.slice(0, 6).reduce((s, p) => s + p[1]!, 0) / 6,
    ];
    const dx = (ring[0]![0]! - cx) * 111_320 * Math.cos((22.54 * Math.PI) / 180);
    const dy = (ring[0]![1]! - cy) * 110_574;
    expect(Math.hypot(dx, dy)).toBeGreaterThan(480);
    expect(Math.hypot(dx, dy)).toBeLessThan(520);
    expect(hexbin([], 500)).toEqual([]);
  });
});
