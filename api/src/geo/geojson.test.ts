import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import type { ErrorCode } from '../domain-error.ts';
import { type BBox, bboxesIntersect, bboxPolygon, MAX_POSITIONS, parseGeometry } from './geojson.ts';

const SHENZHEN: BBox = [113.75, 22.39, 114.65, 22.87];
const ALL = ['Point', 'Polygon', 'MultiPolygon'] as const;

/** A closed square ring with its south-west corner at (x, y). */
const square = (x: number, y: number, d = 0.01) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
/** A closed ring of n positions (the last repeats the first) on a small circle around (x, y). */
const circleRing = (n: number, x = 114.05, y = 22.55) => {
  const ring = Array.from({ length: n - 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / (n - 1);
    return [x + 0.01 * Math.cos(a), y + 0.01 * Math.sin(a)];
  });
  return [...ring, ring[0]!];
};
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });

describe('parseGeometry', () => {
  it.each([
    ['Point', { type: 'Point', coordinates: [114.05, 22.55] }],
    ['Point with a height', { type: 'Point', coordinates: [114.05, 22.55, 30] }],
    ['Polygon', polygon(square(114.05, 22.55))],
    ['Polygon with a hole', polygon(square(114.0, 22.5, 0.1), square(114.02, 22.52, 0.01))],
    ['MultiPolygon', { type: 'MultiPolygon', coordinates: [[square(114.0, 22.5)], [square(114.2, 22.6)]] }],
    ['Polygon partly outside the service area', polygon(square(113.7, 22.35, 0.1))],
    [
      'bow-tie Polygon (self-intersection is left to PostGIS)',
      polygon([
        [114.0, 22.5],
        [114.1, 22.6],
        [114.1, 22.5],
        [114.0, 22.6],
        [114.0, 22.5],
      ]),
    ],
    [`Polygon of exactly MAX_POSITIONS (${MAX_POSITIONS}) positions`, polygon(circleRing(MAX_POSITIONS))],
  ])('accepts a %s in Shenzhen', (_name, value) => {
    expect(parseGeometry(value, ALL, SHENZHEN)).toEqual(value);
  });

  it('drops members other than type and coordinates', () => {
    const value = { type: 'Point', coordinates: [114.05, 22.55], bbox: [0, 0, 1, 1], crs: 'x' };
    expect(parseGeometry(value, ['Point'], SHENZHEN)).toEqual({
      type: 'Point',
      coordinates: [114.05, 22.55],
    });
  });

  it.each<[string, unknown, ErrorCode, RegExp]>([
    ['null', null, 'INVALID_GEOMETRY', /expected a GeoJSON geometry object/],
    ['a string', '{"type":"Point"}', 'INVALID_GEOMETRY', /expected a GeoJSON geometry object/],
    ['an array', [114.05, 22.55], 'INVALID_GEOMETRY', /expected a GeoJSON geometry object/],
    ['no type', { coordinates: [114.05, 22.55] }, 'INVALID_GEOMETRY', /got no type/],
    [
      'a LineString',
      { type: 'LineString', coordinates: square(114.05, 22.55) },
      'INVALID_GEOMETRY',
      /expected a GeoJSON Point or Polygon or MultiPolygon, got LineString/,
    ],
    ['no coordinates', { type: 'Polygon' }, 'INVALID_GEOMETRY', /the Polygon has no coordinates/],
    ['null Point coordinates', { type: 'Point', coordinates: null }, 'INVALID_GEOMETRY', /a position is/],
    ['a NaN coordinate', { type: 'Point', coordinates: [Number.NaN, 22.55] }, 'INVALID_GEOMETRY', /finite/],
    [
      'an Infinity coordinate',
      { type: 'Point', coordinates: [114.05, Number.POSITIVE_INFINITY] },
      'INVALID_GEOMETRY',
      /finite numbers/,
    ],
    ['a string coordinate', { type: 'Point', coordinates: ['114.05', 22.55] }, 'INVALID_GEOMETRY', /finite/],
    [
      'a 1-number position',
      { type: 'Point', coordinates: [114.05] },
      'INVALID_GEOMETRY',
      /\[longitude, latitude\]/,
    ],
    [
      'a 4-number position',
      { type: 'Point', coordinates: [114.05, 22.55, 0, 0] },
      'INVALID_GEOMETRY',
      /\[longitude, latitude\]/,
    ],
    [
      'a bad position inside a ring',
      polygon([
        ...square(114.05, 22.55).slice(0, 2),
        [114.06, Number.NaN],
        ...square(114.05, 22.55).slice(3),
      ]),
      'INVALID_GEOMETRY',
      /coordinates\[0\]\[2\]: coordinates must be finite/,
    ],
    ['an empty Polygon', polygon(), 'INVALID_GEOMETRY', /non-empty array of rings/],
    ['a ring that is not an array', polygon('ring'), 'INVALID_GEOMETRY', /a linear ring is an array/],
    [
      'a ring of 3 positions',
      polygon([
        [114.0, 22.5],
        [114.1, 22.5],
        [114.0, 22.5],
      ]),
      'INVALID_GEOMETRY',
      /at least 4 positions/,
    ],
    ['an unclosed ring', polygon(square(114.05, 22.55).slice(0, 4)), 'INVALID_GEOMETRY', /not closed/],
    [
      'an unclosed hole',
      polygon(square(114.0, 22.5, 0.1), [...square(114.02, 22.52).slice(0, 4), [114.021, 22.52]]),
      'INVALID_GEOMETRY',
      /coordinates\[1\]: the ring is not closed/,
    ],
    [
      'a collinear (degenerate) ring',
      polygon([
        [114.0, 22.5],
        [114.1, 22.5],
        [114.2, 22.5],
        [114.0, 22.5],
      ]),
      'INVALID_GEOMETRY',
      /degenerate/,
    ],
    [
      'a slanted collinear ring',
      polygon([
        [114.0, 22.5],
        [114.1, 22.6],
        [114.2, 22.7],
        [114.0, 22.5],
      ]),
      'INVALID_GEOMETRY',
      /degenerate/,
    ],
    [
      'a ring that repeats one position',
      polygon([
        [114.0, 22.5],
        [114.0, 22.5],
        [114.0, 22.5],
        [114.0, 22.5],
      ]),
      'INVALID_GEOMETRY',
      /degenerate/,
    ],
    [
      'an empty MultiPolygon',
      { type: 'MultiPolygon', coordinates: [] },
      'INVALID_GEOMETRY',
      /non-empty array/,
    ],
    [
      'a MultiPolygon with an empty polygon',
      { type: 'MultiPolygon', coordinates: [[square(114.0, 22.5)], []] },
      'INVALID_GEOMETRY',
      /coordinates\[1\]: a polygon is a non-empty array of rings/,
    ],
    [
      'a [lat, lon] Point',
      { type: 'Point', coordinates: [22.5, 114.0] },
      'INVALID_GEOMETRY',
      /\[latitude, longitude\].*\[longitude, latitude\]/,
    ],
    [
      'a [lat, lon] Polygon',
      polygon(square(22.5, 114.0)),
      'INVALID_GEOMETRY',
      /\[latitude, longitude\].*\[longitude, latitude\]/,
    ],
    ['longitude > 180', { type: 'Point', coordinates: [200, 22.5] }, 'INVALID_GEOMETRY', /within ±180/],
    ['latitude < -90', { type: 'Point', coordinates: [114.0, -95] }, 'INVALID_GEOMETRY', /within ±90/],
    [
      'a Polygon crossing longitude 180 over Shenzhen',
      polygon([
        [114.0, 22.5],
        [190.0, 22.5],
        [190.0, 22.6],
        [114.0, 22.6],
        [114.0, 22.5],
      ]),
      'INVALID_GEOMETRY',
      /longitude must be within ±180/,
    ],
    [
      'a Point in Beijing',
      { type: 'Point', coordinates: [116.4, 39.9] },
      'OUT_OF_SERVICE_AREA',
      /outside the city/,
    ],
    ['a Polygon in Beijing', polygon(square(116.4, 39.9)), 'OUT_OF_SERVICE_AREA', /outside the city/],
    [
      'a Polygon of MAX_POSITIONS + 1 positions',
      polygon(circleRing(MAX_POSITIONS + 1)),
      'LIMIT_EXCEEDED',
      new RegExp(`more than ${MAX_POSITIONS} positions`),
    ],
    [
      'a MultiPolygon whose polygons together exceed MAX_POSITIONS',
      {
        type: 'MultiPolygon',
        coordinates: [[circleRing(MAX_POSITIONS / 2)], [circleRing(MAX_POSITIONS / 2 + 1)]],
      },
      'LIMIT_EXCEEDED',
      /simplify it/,
    ],
  ])('rejects %s', (_name, value, code, message) => {
    const error = thrown(() => parseGeometry(value, ALL, SHENZHEN));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('rejects a type that is valid GeoJSON but not allowed here', () => {
    const error = thrown(() =>
      parseGeometry({ type: 'Point', coordinates: [114.05, 22.55] }, ['Polygon'], SHENZHEN),
    );
    expect(error.code).toBe('INVALID_GEOMETRY');
    expect(error.message).toBe('expected a GeoJSON Polygon, got Point');
  });
});

describe('bboxPolygon', () => {
  it('is the closed counter-clockwise ring of the box corners', () => {
    expect(bboxPolygon(SHENZHEN)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [113.75, 22.39],
          [114.65, 22.39],
          [114.65, 22.87],
          [113.75, 22.87],
          [113.75, 22.39],
        ],
      ],
    });
  });

  it('gives a polygon that parseGeometry accepts', () => {
    expect(parseGeometry(bboxPolygon([114.0, 22.5, 114.1, 22.6]), ['Polygon'], SHENZHEN).type).toBe(
      'Polygon',
    );
  });
});

describe('bboxesIntersect', () => {
  it.each<[string, BBox, boolean]>([
    ['the same box', SHENZHEN, true],
    ['a box inside', [114.0, 22.5, 114.1, 22.6], true],
    ['a box around', [100, 10, 120, 30], true],
    ['a box overlapping a corner', [114.6, 22.8, 115, 23], true],
    ['a box touching an edge', [114.65, 22.5, 115, 22.6], true],
    ['a box touching a corner', [113, 22, 113.75, 22.39], true],
    ['a box to the east', [114.66, 22.5, 115, 22.6], false],
    ['a box to the north', [114.0, 22.88, 114.1, 23], false],
    ['a box in Beijing', [116.3, 39.8, 116.5, 40.0], false],
    ['the box in [lat, lon] order', [22.39, 113.75, 22.87, 114.65], false],
  ])('%s → %s', (_name, box, expected) => {
    expect(bboxesIntersect(SHENZHEN, box)).toBe(expected);
    expect(bboxesIntersect(box, SHENZHEN)).toBe(expected);
  });
});

describe('areas spanning half the world', () => {
  it('are refused before PostGIS meets an antipodal edge', () => {
    const world = polygon([
      [-180, -90],
      [180, -90],
      [180, 90],
      [-180, 90],
      [-180, -90],
    ]);
    expect(thrown(() => parseGeometry(world, ALL, SHENZHEN))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'the area spans 360° of longitude; far too large',
    });
  });
});
