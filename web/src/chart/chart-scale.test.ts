import { describe, expect, it } from 'vitest';
import {
  bands,
  countAxis,
  decimalsFor,
  labelIndices,
  niceTicks,
  runs,
  stack,
  timeTicks,
  yRange,
} from './chart-scale.ts';

describe('countAxis', () => {
  it('rounds up to whole steps of 1, 2 or 5 × 10ⁿ', () => {
    expect(countAxis(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(countAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(1234)).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
  });

  it('never steps by less than one', () => {
    expect(countAxis(2)).toEqual({ max: 2, ticks: [0, 1, 2] });
  });

  it('still draws an axis when there is nothing', () => {
    expect(countAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe('bands', () => {
  it('splits the width into equal bands with centred bars', () => {
    const b = bands(4, 10, 400, 0.5);
    expect(b.step).toBe(100);
    expect(b.barWidth).toBe(50);
    expect(b.x(0)).toBe(35);
    expect(b.x(3)).toBe(335);
  });

  it('keeps a bar at least one pixel wide', () => {
    expect(bands(10_000, 0, 500).barWidth).toBe(1);
  });
});

describe('stack', () => {
  it('stacks in the given order and skips zeros', () => {
    expect(
      stack(
        [
          { key: 'RED', count: 2 },
          { key: 'BLUE', count: 5 },
          { key: 'YELLOW', count: 0 },
        ],
        ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const,
      ),
    ).toEqual([
      { key: 'BLUE', from: 0, to: 5 },
      { key: 'RED', from: 5, to: 7 },
    ]);
  });
});

describe('runs', () => {
  it('breaks a line at missing values', () => {
    expect(runs([0.5, null, 0.7, 0.8, null])).toEqual([
      [{ index: 0, value: 0.5 }],
      [
        { index: 2, value: 0.7 },
        { index: 3, value: 0.8 },
      ],
    ]);
    expect(runs([null, null])).toEqual([]);
  });
});

describe('labelIndices', () => {
  it('labels every bucket of a short axis', () => {
    expect(labelIndices(5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('thins out a long axis', () => {
    expect(labelIndices(30)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(labelIndices(24, 6)).toEqual([0, 4, 8, 12, 16, 20]);
    expect(labelIndices(0)).toEqual([]);
  });
});

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
