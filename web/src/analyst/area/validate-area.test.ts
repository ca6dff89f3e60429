import { describe, expect, it } from 'vitest';
import { validateAreaFile, validateDrawn, validateGeoJson, vertexCount } from './validate-area.ts';

const square = (lon: number, lat: number, d: number): GeoJSON.Position[] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
const poly = (ring: GeoJSON.Position[]): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [ring] });
const feature = (geometry: GeoJSON.Geometry) => ({ type: 'Feature', properties: {}, geometry });
const codeOf = (r: ReturnType<typeof validateGeoJson>) => (r.ok ? 'OK' : r.code);

describe('validateGeoJson', () => {
  it('accepts a polygon in Shenzhen as it is', () => {
    const r = validateGeoJson(poly(square(114.05, 22.55, 0.01)));
    expect(r).toEqual({ ok: true, geometry: poly(square(114.05, 22.55, 0.01)) });
  });

  it('refuses what is not GeoJSON or not a polygon', () => {
    expect(codeOf(validateGeoJson(null))).toBe('NOT_GEOJSON');
    expect(codeOf(validateGeoJson('hello'))).toBe('NOT_GEOJSON');
    expect(codeOf(validateGeoJson({ type: 'Blob' }))).toBe('NOT_GEOJSON');
    expect(codeOf(validateGeoJson({ type: 'Polygon', coordinates: [[['a', 1]]] }))).toBe('NOT_GEOJSON');
    expect(codeOf(validateGeoJson({ type: 'Point', coordinates: [114, 22.5] }))).toBe('NOT_POLYGON');
    expect(codeOf(validateGeoJson(feature({ type: 'LineString', coordinates: [] })))).toBe('NOT_POLYGON');
    expect(codeOf(validateGeoJson({ type: 'FeatureCollection', features: [] }))).toBe('NOT_POLYGON');
  });

  it('refuses short and open rings (closing them only for drawn shapes)', () => {
    const open = square(114.05, 22.55, 0.01).slice(0, 4);
    expect(codeOf(validateGeoJson(poly(open)))).toBe('NOT_POLYGON');
    expect(codeOf(validateGeoJson(poly(open), { closeRings: true }))).toBe('OK');
    expect(
      codeOf(
        validateGeoJson(
          poly([
            [114.05, 22.55],
            [114.06, 22.55],
            [114.05, 22.55],
          ]),
        ),
      ),
    ).toBe('TOO_FEW_POINTS');
  });

  it('spots swapped and out-of-range coordinates', () => {
    const swapped = square(114.05, 22.55, 0.01).map(([x, y]) => [y!, x!]);
    expect(codeOf(validateGeoJson(poly(swapped)))).toBe('SWAPPED');
    expect(codeOf(validateGeoJson(poly(square(116.3, 39.9, 0.01))))).toBe('OUT_OF_RANGE');
    expect(codeOf(validateGeoJson(poly(square(200, 22.5, 0.01))))).toBe('OUT_OF_RANGE');
  });

  it('refuses a self-intersecting ring (a bow tie)', () => {
    const bowTie = [
      [114.05, 22.55],
      [114.06, 22.56],
      [114.06, 22.55],
      [114.05, 22.56],
      [114.05, 22.55],
    ];
    expect(codeOf(validateGeoJson(poly(bowTie)))).toBe('SELF_INTERSECTION');
  });

  it('refuses areas under 100 m² and over 10,000 km²', () => {
    expect(codeOf(validateGeoJson(poly(square(114.05, 22.55, 0.00005))))).toBe('TOO_SMALL');
    const flat = [
      [114.05, 22.55],
      [114.06, 22.55],
      [114.07, 22.55],
      [114.05, 22.55],
    ];
    expect(codeOf(validateGeoJson(poly(flat)))).toBe('TOO_SMALL');
    expect(codeOf(validateGeoJson(poly(square(113.7, 22.4, 0.5))))).toBe('OK');
    expect(codeOf(validateGeoJson(poly(square(113, 22, 2))))).toBe('TOO_LARGE');
  });

  it('refuses more than 20,000 positions', () => {
    const ring: GeoJSON.Position[] = [];
    for (let i = 0; i < 20_001; i++) {
      const a = (i / 20_001) * 2 * Math.PI;
      ring.push([114.05 + 0.01 * Math.cos(a), 22.55 + 0.01 * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    expect(codeOf(validateGeoJson(poly(ring)))).toBe('TOO_MANY_POINTS');
  });

  it('unions the polygons of a FeatureCollection into one MultiPolygon', () => {
    const r = validateGeoJson({
      type: 'FeatureCollection',
      features: [
        feature(poly(square(114.05, 22.55, 0.01))),
        feature(poly(square(114.055, 22.55, 0.01))),
        feature(poly(square(114.2, 22.6, 0.01))),
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.geometry.type).toBe('MultiPolygon');
    expect((r.geometry as GeoJSON.MultiPolygon).coordinates).toHaveLength(2);
  });

  it('refuses a collection with a non-polygon feature', () => {
    const r = validateGeoJson({
      type: 'FeatureCollection',
      features: [
        feature(poly(square(114.05, 22.55, 0.01))),
        feature({ type: 'Point', coordinates: [114, 22] }),
      ],
    });
    expect(codeOf(r)).toBe('NOT_POLYGON');
  });
});

describe('validateDrawn', () => {
  it('closes the ring the user clicked', () => {
    const r = validateDrawn([
      [114.05, 22.55],
      [114.06, 22.55],
      [114.06, 22.56],
    ]);
    expect(r.ok && r.geometry.type === 'Polygon' && r.geometry.coordinates[0]).toEqual([
      [114.05, 22.55],
      [114.06, 22.55],
      [114.06, 22.56],
      [114.05, 22.55],
    ]);
    expect(r.ok && vertexCount(r.geometry)).toBe(3);
  });

  it('needs three distinct vertices', () => {
    expect(
      codeOf(
        validateDrawn([
          [114.05, 22.55],
          [114.06, 22.55],
          [114.06, 22.55],
        ]),
      ),
    ).toBe('TOO_FEW_POINTS');
  });
});

describe('validateAreaFile', () => {
  const file = (text: string, size = text.length) => ({ size, text: async () => text });

  it('refuses files over 5 MB before reading them', async () => {
    const r = await validateAreaFile({
      size: 6 * 1024 * 1024,
      text: () => Promise.reject(new Error('read')),
    });
    expect(codeOf(r)).toBe('FILE_TOO_LARGE');
  });

  it('refuses text that is not JSON', async () => {
    expect(codeOf(await validateAreaFile(file('{nope')))).toBe('NOT_GEOJSON');
  });

  it('accepts a Feature', async () => {
    const r = await validateAreaFile(file(JSON.stringify(feature(poly(square(114.05, 22.55, 0.01))))));
    expect(codeOf(r)).toBe('OK');
  });
});
