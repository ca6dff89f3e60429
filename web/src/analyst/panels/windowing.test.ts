import { describe, expect, it } from 'vitest';
import { revealRow, visibleRows } from './windowing.ts';

describe('visibleRows', () => {
  const base = { rowHeight: 30, rowCount: 10_000, overscan: 5, viewportHeight: 300 };

  it('draws the rows in view plus the overscan at the top of the list', () => {
    expect(visibleRows({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15, totalHeight: 300_000 });
  });

  it('follows the scroll position', () => {
    expect(visibleRows({ ...base, scrollTop: 3000 })).toEqual({ start: 95, end: 115, totalHeight: 300_000 });
  });

  it('counts a partly shown row', () => {
    const w = visibleRows({ ...base, overscan: 0, scrollTop: 15 });
    expect([w.start, w.end]).toEqual([0, 11]);
  });

  it('stops at the end of the list', () => {
    expect(visibleRows({ ...base, scrollTop: 299_700 })).toEqual({
      start: 9985,
      end: 10_000,
      totalHeight: 300_000,
    });
    expect(visibleRows({ ...base, scrollTop: 1e9 })).toMatchObject({ start: 10_000, end: 10_000 });
  });

  it('leaves room for a sticky header', () => {
    const w = visibleRows({ ...base, overscan: 0, scrollTop: 0, headerHeight: 30 });
    expect([w.start, w.end]).toEqual([0, 9]);
  });

  it('draws nothing for an empty list or before the viewport is measured', () => {
    expect(visibleRows({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
    expect(visibleRows({ ...base, viewportHeight: 0, overscan: 0, scrollTop: 0 })).toMatchObject({
      start: 0,
      end: 0,
    });
  });

  it('draws a short list whole', () => {
    expect(visibleRows({ ...base, rowCount: 4, scrollTop: 0 })).toEqual({
      start: 0,
      end: 4,
      totalHeight: 120,
    });
  });
});

describe('revealRow', () => {
  const view = { scrollTop: 300, viewportHeight: 300, rowHeight: 30 };

  it('leaves a row in view alone', () => {
    expect(revealRow(10, view)).toBeNull();
    expect(revealRow(19, view)).toBeNull();
  });

  it('scrolls up to put a row above the view at the top', () => {
    expect(revealRow(3, view)).toBe(90);
  });

  it('scrolls down to put a row below the view at the bottom', () => {
    expect(revealRow(20, view)).toBe(330);
    expect(revealRow(100, view)).toBe(2730);
  });

  it('keeps a row clear of the sticky header', () => {
    expect(revealRow(18, { ...view, headerHeight: 30 })).toBeNull();
    expect(revealRow(19, { ...view, headerHeight: 30 })).toBe(330);
  });

  it('ignores a row that is not in the list', () => {
    expect(revealRow(-1, view)).toBeNull();
  });
});
