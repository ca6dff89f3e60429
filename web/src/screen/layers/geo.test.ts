// Polygon rings, line heights, metre offsets and grouping used to build the layers.
import { describe, expect, it } from 'vitest';
import { groupBy, offsetDegrees, polygonsOf, ringDegreesHeights } from './geo.ts';

const square = [
  [114, 22.5],
  [114.01, 22.5],
  [114.01, 22.51],
  [114, 22.5],
];
const broken = [
  [114, 22.5],
  [114, 22.5],
];

describe('polygonsOf', () => {
  it('keeps usable polygons and drops broken outer rings and holes', () => {
    expect(polygonsOf(null)).toEqual([]);
    expect(polygonsOf({ type: 'Polygon', coordinates: [square, broken] })).toEqual([[square]]);
    expect(polygonsOf({ type: 'Polygon', coordinates: [broken] })).toEqual([]);
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[broken], [square, square]] })).toEqual([
      [square, square],
    ]);
  });
});

describe('ringDegreesHeights', () => {
  it('drops any z and uses the given height', () => {
    expect(
      ringDegreesHeights(
        [
          [1, 2, 99],
          [3, 4],
        ],
        5,
      ),
    ).toEqual([1, 2, 5, 3, 4, 5]);
  });
});

describe('offsetDegrees', () => {
  it('moves about a metre per metre', () => {
    const [lon, lat] = offsetDegrees(114, 22.5, 1000, 1000);
    expect((lat - 22.5) * 111_320).toBeCloseTo(1000, 6);
    expect((lon - 114) * 111_320 * Math.cos((22.5 * Math.PI) / 180)).toBeCloseTo(1000, 6);
  });
});

describe('groupBy', () => {
  it('keeps first-seen key order and item order', () => {
    const g = groupBy(['a1', 'b1', 'a2'], (s) => s[0]);
    expect([...g.entries()]).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });
});
