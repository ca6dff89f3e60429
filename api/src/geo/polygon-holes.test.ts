import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import type { BBox } from './geojson.ts';
import { parseGeometry } from './geojson.ts';
import { describeHoleProblem, findHoleProblem } from './polygon-holes.ts';

const SHENZHEN: BBox = [113.75, 22.39, 114.65, 22.87];

/** A closed counter-clockwise square ring with its south-west corner at (x, y). */
const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const closed = (...positions: Position[]) => [...positions, positions[0]!];
/** A U open to the north: 0.03 wide, its notch 0.01 wide between x + 0.01 and x + 0.02, from y + 0.01 up. */
const u = (x: number, y: number) =>
  closed(
    [x, y],
    [x + 0.03, y],
    [x + 0.03, y + 0.03],
    [x + 0.02, y + 0.03],
    [x + 0.02, y + 0.01],
    [x + 0.01, y + 0.01],
    [x + 0.01, y + 0.03],
    [x, y + 0.03],
  );
const circle = (n: number, x: number, y: number, r: number) =>
  closed(
    ...Array.from({ length: n - 1 }, (_, i) => {
      const a = (2 * Math.PI * i) / (n - 1);
      return [x + r * Math.cos(a), y + r * Math.sin(a)];
    }),
  );

const SHELL = square(114.0, 22.5, 0.1);

describe('findHoleProblem', () => {
  it.each<[string, Position[][]]>([
    ['a polygon without holes', [SHELL]],
    ['a hole inside', [SHELL, square(114.02, 22.52, 0.01)]],
    ['two holes apart', [SHELL, square(114.02, 22.52, 0.01), square(114.05, 22.55, 0.01)]],
    ['a clockwise hole inside', [SHELL, [...square(114.02, 22.52, 0.01)].reverse()]],
    [
      'a hole touching the outer ring at one point',
      [SHELL, closed([114.0, 22.55], [114.02, 22.54], [114.02, 22.56])],
    ],
    ['two holes touching at one point', [SHELL, square(114.02, 22.52, 0.01), square(114.03, 22.53, 0.01)]],
    ['a hole in one arm of a U', [u(114.0, 22.5), square(114.002, 22.505, 0.005)]],
    [
      'many small holes',
      [SHELL, ...Array.from({ length: 50 }, (_, i) => square(114.001 + 0.0019 * i, 22.55, 0.001))],
    ],
  ])('accepts %s', (_name, rings) => {
    expect(findHoleProblem(rings)).toBeNull();
  });

  it.each<[string, Position[][], unknown]>([
    ['a hole beside the outer ring', [SHELL, square(114.2, 22.6, 0.01)], { kind: 'outside', hole: 1 }],
    [
      'a hole larger than the outer ring and around it (PostGIS: "area < 0")',
      [square(114.0, 22.5, 0.01), square(113.9, 22.4, 0.5)],
      { kind: 'outside', hole: 1 },
    ],
    [
      'a hole in the notch of a U',
      [u(114.0, 22.5), square(114.012, 22.52, 0.005)],
      { kind: 'outside', hole: 1 },
    ],
    [
      'a hole across the outer ring',
      [SHELL, square(114.09, 22.52, 0.02)],
      { kind: 'crosses', hole: 1, at: [114.1, 22.52] },
    ],
    [
      'a hole whose corners lie in both arms of a U, its edges across the notch',
      [u(114.0, 22.5), closed([114.005, 22.52], [114.025, 22.52], [114.025, 22.525], [114.005, 22.525])],
      { kind: 'crosses', hole: 1 },
    ],
    [
      'two overlapping holes',
      [SHELL, square(114.02, 22.52, 0.02), square(114.03, 22.53, 0.02)],
      { kind: 'overlap', holes: [1, 2], at: [114.03, 22.54] },
    ],
    [
      'a hole inside another hole',
      [SHELL, square(114.01, 22.51, 0.05), square(114.02, 22.52, 0.01)],
      { kind: 'overlap', holes: [1, 2] },
    ],
    [
      'the third of three holes inside the first',
      [SHELL, square(114.01, 22.51, 0.05), square(114.07, 22.57, 0.01), square(114.02, 22.52, 0.01)],
      { kind: 'overlap', holes: [1, 3] },
    ],
  ])('finds %s', (_name, rings, problem) => {
    const found = findHoleProblem(rings);
    expect(found).toMatchObject(problem as object);
    if (found && 'at' in found) {
      const expected = (problem as { at?: Position }).at;
      if (expected) expect(found.at.map((n) => Number(n.toFixed(9)))).toEqual(expected);
    }
  });

  it('stays quick at the size limit', () => {
    const rings = [circle(10_000, 114.05, 22.55, 0.05), circle(9_999, 114.05, 22.55, 0.02)];
    const started = performance.now();
    expect(findHoleProblem(rings)).toBeNull();
    expect(findHoleProblem([rings[0]!, circle(9_999, 114.09, 22.55, 0.02)])).toMatchObject({
      kind: 'crosses',
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('gives up on a shape built to be slow and leaves it to PostGIS', () => {
    // Thousands of long edges over each other: every pair would have to be compared.
    const comb = (x0: number, x1: number, y: number, n: number) => {
      const ring = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? x0 : x1, y + i * 1e-5]);
      return closed(...ring, [x1 + 0.01, y + n * 1e-5], [x1 + 0.01, y - 0.01], [x0, y - 0.01]);
    };
    const rings = [comb(114.0, 114.1, 22.5, 9_990), comb(113.99, 114.12, 22.49, 9_990)];
    const started = performance.now();
    expect(findHoleProblem(rings)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(findHoleProblem([SHELL, square(114.2, 22.6, 0.01)], 10)).toBeNull();
  });

  it('says which rings and where, in the GeoJSON path of the polygon', () => {
    expect(describeHoleProblem({ kind: 'outside', hole: 2 }, 'coordinates[1]')).toBe(
      'coordinates[1][2]: this hole lies outside the outer ring coordinates[1][0]; a hole must lie inside the outer ring (the first ring) and must not overlap another hole',
    );
    expect(
      describeHoleProblem({ kind: 'crosses', hole: 1, at: [114.1, 22.52000000001] }, 'coordinates'),
    ).toMatch(
      /^coordinates\[1\]: this hole crosses the outer ring coordinates\[0\] near \[114\.1, 22\.52\]; /,
    );
    expect(
      describeHoleProblem({ kind: 'overlap', holes: [1, 3], at: [114.04, 22.53] }, 'coordinates'),
    ).toMatch(/^coordinates\[1\] and coordinates\[3\]: these holes overlap near \[114\.04, 22\.53\]; /);
  });
});

describe('parseGeometry refuses bad holes with INVALID_GEOMETRY', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'a Polygon whose hole lies outside it',
      { type: 'Polygon', coordinates: [square(114.0, 22.55, 0.01), square(114.1, 22.6, 0.05)] },
      /^coordinates\[1\]: this hole lies outside the outer ring coordinates\[0\]/,
    ],
    [
      'a Polygon whose hole crosses it',
      { type: 'Polygon', coordinates: [SHELL, square(114.09, 22.52, 0.02)] },
      /^coordinates\[1\]: this hole crosses the outer ring coordinates\[0\] near \[114\.1, 22\.52\]/,
    ],
    [
      'a Polygon with overlapping holes',
      { type: 'Polygon', coordinates: [SHELL, square(114.02, 22.52, 0.02), square(114.03, 22.53, 0.02)] },
      /^coordinates\[1\] and coordinates\[2\]: these holes overlap/,
    ],
    [
      'a MultiPolygon whose second polygon has a hole outside it',
      {
        type: 'MultiPolygon',
        coordinates: [[square(114.3, 22.6, 0.01)], [square(114.0, 22.55, 0.01), square(114.1, 22.6, 0.05)]],
      },
      /^coordinates\[1\]\[1\]: this hole lies outside the outer ring coordinates\[1\]\[0\]/,
    ],
  ])('%s', (_name, value, message) => {
    const error = thrown(() => parseGeometry(value, ['Polygon', 'MultiPolygon'], SHENZHEN));
    expect(error.code).toBe('INVALID_GEOMETRY');
    expect(error.message).toMatch(message);
  });
});
