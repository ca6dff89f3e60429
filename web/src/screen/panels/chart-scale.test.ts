import { describe, expect, it } from 'vitest';
import { decimalsFor, niceTicks, timeTicks, yRange } from './chart-scale.ts';

describe('chart scales', () => {
  it('makes round y ticks that cover the range', () => {
    expect(niceTicks(0, 30, 5)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(12.3, 27.9, 5)).toEqual([10, 15, 20, 25, 30]);
    expect(niceTicks(0.1, 0.34, 4)).toEqual([0.1, 0.2, 0.3, 0.4]);
    const flat = niceTicks(5, 5);
    expect(flat[0]).toBeLessThanOrEqual(5);
    expect(flat.at(-1)).toBeGreaterThanOrEqual(5);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it('widens the y range to the thresholds near the data only', () => {
    const line = (value: number) => ({ severity: 'RED' as const, value, direction: 'above' as const });
    expect(yRange([10, 20], [line(25)])).toEqual([10, 25]);
    expect(yRange([10, 20], [line(500)])).toEqual([10, 20]);
    expect(yRange([], [line(30), line(21)])).toEqual([0, 30]);
    expect(yRange([], [])).toEqual([0, 1]);
  });

  it('puts time ticks on whole China-time hours', () => {
    const from = Date.parse('2026-11-21T00:10:00Z'); // 08:10 CST
    const to = from + 12 * 3_600_000;
    const ticks = timeTicks(from, to, 7);
    expect(ticks[0]).toBe(Date.parse('2026-11-21T02:00:00Z')); // 10:00 CST, two-hour steps
    expect(ticks[1]! - ticks[0]!).toBe(2 * 3_600_000);
    // A day-long step lands on China midnight (16:00 UTC).
    const days = timeTicks(Date.parse('2026-11-18T00:00:00Z'), Date.parse('2026-11-24T00:00:00Z'), 7);
    expect(days[0]).toBe(Date.parse('2026-11-18T16:00:00Z'));
    expect(timeTicks(5, 5)).toEqual([]);
  });

  it('shows as many decimals as the tick step needs', () => {
    expect(decimalsFor(10)).toBe(0);
    expect(decimalsFor(1)).toBe(0);
    expect(decimalsFor(0.5)).toBe(1);
    expect(decimalsFor(0.05)).toBe(2);
    expect(decimalsFor(2.5)).toBe(1);
    expect(decimalsFor(0.25)).toBe(2);
    expect(decimalsFor(0)).toBe(0);
  });
});
