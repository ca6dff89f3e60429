import { describe, expect, it } from 'vitest';
import { bands, countAxis, labelIndices, runs, stack } from './chart-scale.ts';

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
