import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import type { ErrorCode } from '../domain-error.ts';
import { type AreaInputValue, MAX_RADIUS_M, parseAreaInput, parseRadius } from './area-input.ts';
import { type BBox, bboxPolygon } from './geojson.ts';

const SHENZHEN: BBox = [113.75, 22.39, 114.65, 22.87];
const FUTIAN_POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [114.0, 22.5],
      [114.1, 22.5],
      [114.1, 22.6],
      [114.0, 22.6],
      [114.0, 22.5],
    ],
  ],
};
const CENTER = { type: 'Point', coordinates: [114.05, 22.55] };

describe('parseAreaInput', () => {
  it.each<[string, AreaInputValue, unknown]>([
    ['an area code', { code: '440304' }, { kind: 'code', code: '440304' }],
    ['a lower-case code, upper-cased and trimmed', { code: ' 4403a1b ' }, { kind: 'code', code: '4403A1B' }],
    ['a polygon', { polygon: FUTIAN_POLYGON }, { kind: 'geometry', geometry: FUTIAN_POLYGON }],
    [
      'a multipolygon',
      { polygon: { type: 'MultiPolygon', coordinates: [FUTIAN_POLYGON.coordinates] } },
      { kind: 'geometry', geometry: { type: 'MultiPolygon', coordinates: [FUTIAN_POLYGON.coordinates] } },
    ],
    [
      'a bbox, as its polygon',
      { bbox: [114.0, 22.5, 114.1, 22.6] },
      { kind: 'geometry', geometry: bboxPolygon([114.0, 22.5, 114.1, 22.6]) },
    ],
    [
      'a circle',
      { circle: { center: CENTER, radiusM: 1_000 } },
      { kind: 'circle', lon: 114.05, lat: 22.55, radiusM: 1_000 },
    ],
    [
      'one input with the others null',
      { code: '440304', polygon: null, bbox: null, circle: null },
      { kind: 'code', code: '440304' },
    ],
  ])('accepts %s', (_name, input, expected) => {
    expect(parseAreaInput(input, SHENZHEN)).toEqual(expected);
  });

  it.each<[string, AreaInputValue, ErrorCode, RegExp]>([
    ['nothing', {}, 'INVALID_INPUT', /exactly one of polygon, code, bbox or circle; none was given/],
    ['only nulls', { code: null, bbox: null }, 'INVALID_INPUT', /none was given/],
    [
      'a polygon and a code',
      { polygon: FUTIAN_POLYGON, code: '440304' },
      'INVALID_INPUT',
      /got polygon and code/,
    ],
    [
      'a bbox and a circle',
      { bbox: [114.0, 22.5, 114.1, 22.6], circle: { center: CENTER, radiusM: 10 } },
      'INVALID_INPUT',
      /got bbox and circle/,
    ],
    ['a code with a hyphen', { code: '4403-04' }, 'INVALID_INPUT', /"4403-04" is not an area code/],
    ['a code that is too short', { code: '44030' }, 'INVALID_INPUT', /is not an area code/],
    ['a code that is too long', { code: '1'.repeat(17) }, 'INVALID_INPUT', /is not an area code/],
    ['an empty code', { code: '' }, 'INVALID_INPUT', /is not an area code/],
    [
      'a Point as the polygon',
      { polygon: CENTER },
      'INVALID_GEOMETRY',
      /expected a GeoJSON Polygon or MultiPolygon/,
    ],
    ['a bbox of 3 numbers', { bbox: [114.0, 22.5, 114.1] }, 'INVALID_INPUT', /four finite numbers/],
    ['a bbox of 5 numbers', { bbox: [114.0, 22.5, 114.1, 22.6, 0] }, 'INVALID_INPUT', /four finite numbers/],
    ['a bbox with NaN', { bbox: [114.0, Number.NaN, 114.1, 22.6] }, 'INVALID_INPUT', /four finite numbers/],
    [
      'a bbox with minLon > maxLon',
      { bbox: [114.1, 22.5, 114.0, 22.6] },
      'INVALID_GEOMETRY',
      /minLon < maxLon/,
    ],
    [
      'a bbox with minLat > maxLat',
      { bbox: [114.0, 22.6, 114.1, 22.5] },
      'INVALID_GEOMETRY',
      /minLat < maxLat/,
    ],
    ['a bbox of zero width', { bbox: [114.0, 22.5, 114.0, 22.6] }, 'INVALID_GEOMETRY', /minLon < maxLon/],
    ['a [lat, lon] bbox', { bbox: [22.5, 114.0, 22.6, 114.1] }, 'INVALID_GEOMETRY', /use lon\/lat order/],
    ['a bbox in Beijing', { bbox: [116.3, 39.8, 116.5, 40.0] }, 'OUT_OF_SERVICE_AREA', /outside the city/],
    ['a bbox past longitude 180', { bbox: [113.9, 22.4, 181, 22.6] }, 'INVALID_GEOMETRY', /within ±180/],
    ['a bbox past latitude 90', { bbox: [113.9, 22.4, 114, 95] }, 'INVALID_GEOMETRY', /within ±90/],
    ['a bbox around the world and more', { bbox: [-500, -500, 500, 500] }, 'INVALID_GEOMETRY', /within ±180/],
    [
      'a circle without a center',
      { circle: { radiusM: 1_000 } },
      'INVALID_GEOMETRY',
      /expected a GeoJSON geometry object/,
    ],
    [
      'a circle centred on a polygon',
      { circle: { center: FUTIAN_POLYGON, radiusM: 1_000 } },
      'INVALID_GEOMETRY',
      /expected a GeoJSON Point, got Polygon/,
    ],
    [
      'a circle centred in Beijing',
      { circle: { center: { type: 'Point', coordinates: [116.4, 39.9] }, radiusM: 1_000 } },
      'OUT_OF_SERVICE_AREA',
      /outside the city/,
    ],
    [
      'a circle of radius 0',
      { circle: { center: CENTER, radiusM: 0 } },
      'INVALID_INPUT',
      /radiusM must be a positive number/,
    ],
    [
      'a circle of negative radius',
      { circle: { center: CENTER, radiusM: -5 } },
      'INVALID_INPUT',
      /radiusM must be a positive number/,
    ],
    [
      'a circle of NaN radius',
      { circle: { center: CENTER, radiusM: Number.NaN } },
      'INVALID_INPUT',
      /radiusM must be a positive number/,
    ],
    [
      'a circle larger than MAX_RADIUS_M',
      { circle: { center: CENTER, radiusM: MAX_RADIUS_M + 1 } },
      'LIMIT_EXCEEDED',
      new RegExp(`at most ${MAX_RADIUS_M} m`),
    ],
  ])('rejects %s', (_name, input, code, message) => {
    const error = thrown(() => parseAreaInput(input, SHENZHEN));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('parseRadius', () => {
  it.each([0.5, 1, 1_000, MAX_RADIUS_M])('accepts %s m', (radius) => {
    expect(parseRadius(radius)).toBe(radius);
  });

  it.each<[number, ErrorCode, RegExp]>([
    [0, 'INVALID_INPUT', /radiusM must be a positive number of metres/],
    [-1, 'INVALID_INPUT', /positive number/],
    [Number.NaN, 'INVALID_INPUT', /positive number/],
    [Number.POSITIVE_INFINITY, 'INVALID_INPUT', /positive number/],
    [MAX_RADIUS_M + 0.1, 'LIMIT_EXCEEDED', new RegExp(`radiusM may be at most ${MAX_RADIUS_M} m`)],
  ])('rejects %s m', (radius, code, message) => {
    const error = thrown(() => parseRadius(radius));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('names the argument in its message', () => {
    expect(() => parseRadius(-1, 'maxDistanceM')).toThrow('maxDistanceM must be a positive number of metres');
  });
});
