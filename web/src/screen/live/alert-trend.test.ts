import { describe, expect, it } from 'vitest';
import { hourBuckets, trendStart } from './alert-trend.ts';

describe('alert trend per hour', () => {
  const now = Date.parse('2026-11-21T06:20:00Z'); // 14:20 in Shenzhen
  const H = 3_600_000;

  it('makes 24 whole-hour buckets, the current hour last', () => {
    const buckets = hourBuckets([], now);
    expect(buckets).toHaveLength(24);
    expect(buckets.at(-1)?.start).toBe(Date.parse('2026-11-21T06:00:00Z'));
    expect(buckets[0]?.start).toBe(Date.parse('2026-11-20T07:00:00Z'));
    expect(trendStart(now)).toBe(buckets[0]?.start);
  });

  it('counts each start time in its hour and ignores times outside the window', () => {
    const buckets = hourBuckets(
      [
        now,
        now - 10 * 60_000,
        now - H,
        now - 23 * H,
        now - 25 * H,
        now + H,
        Date.parse('2026-11-20T07:00:00Z'),
      ],
      now,
    );
    expect(buckets.at(-1)?.count).toBe(2);
    expect(buckets.at(-2)?.count).toBe(1);
    expect(buckets[0]?.count).toBe(2); // 23 h ago, and 07:00Z on the 20th: the window's first instant
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(5);
  });
});
