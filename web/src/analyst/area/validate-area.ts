// Checks a study area before it reaches the state: GeoJSON (a file, a drawn ring, a shared link) in,
// a Polygon or MultiPolygon out, or a typed failure the page shows in words. Pure (turf for the geometry).
import { featureCollection, kinks, area as turfArea, polygon as turfPolygon, union } from '@turf/turf';

export type AreaCheckCode =
  | 'NOT_GEOJSON'
  | 'NOT_POLYGON'
  | 'TOO_FEW_POINTS'
  | 'SELF_INTERSECTION'
  | 'SWAPPED'
  | 'OUT_OF_RANGE'
  | 'TOO_SMALL'
  | 'TOO_LARGE'
  | 'TOO_MANY_POINTS'
  | 'FILE_TOO_LARGE';

export type AreaGeometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;

export type AreaCheck =
  | { ok: true; geometry: AreaGeometry }
  | { ok: false; code: AreaCheckCode; message: string };

export const AREA_LIMITS = {
  minM2: 100,
  maxM2: 10_000 * 1_000_000,
  maxPositions: 20_000,
  maxFileBytes: 5 * 1024 * 1024,
  /** Shenzhen with a small margin: lon 113.7–114.7, lat 22.4–22.9. */
  lon: [113.65, 114.75],
  lat: [22.35, 22.95],
} as const;

const fail = (code: AreaCheckCode, message: string): AreaCheck => ({ ok: false, code, message });

type Polygon = GeoJSON.Position[][];

export interface CheckOptions {
  /** Close open rings instead of refusing them (drawn shapes). */
  closeRings?: boolean;
}

/** Any parsed JSON: a Polygon, MultiPolygon, Feature or FeatureCollection of polygons (unioned). */
export function validateGeoJson(input: unknown, options: CheckOptions = {}): AreaCheck {
  const polygons = collectPolygons(input);
  if ('code' in polygons) return polygons;
  return checkPolygons(polygons.list, options, polygons.union);
}

/** A geometry already typed as Polygon/MultiPolygon (e.g. decoded from a link). */
export function validateGeometry(geometry: AreaGeometry, options: CheckOptions = {}): AreaCheck {
  return validateGeoJson(geometry, options);
}

/** The vertices a user clicked, in order; the ring is closed here. */
export function validateDrawn(vertices: readonly GeoJSON.Position[]): AreaCheck {
  return validateGeoJson({ type: 'Polygon', coordinates: [[...vertices]] }, { closeRings: true });
}

/** A dropped or chosen file: its size first, then its text as GeoJSON. */
export async function validateAreaFile(file: {
  size: number;
  text: () => Promise<string>;
}): Promise<AreaCheck> {
  if (file.size > AREA_LIMITS.maxFileBytes) {
    return fail('FILE_TOO_LARGE', `${(file.size / 1024 / 1024).toFixed(1)} MB > 5 MB`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch (error) {
    return fail('NOT_GEOJSON', error instanceof Error ? error.message : 'not JSON');
  }
  return validateGeoJson(parsed);
}

// ---- reading the GeoJSON ----

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

type Collected = { list: Polygon[]; union: boolean } | Extract<AreaCheck, { ok: false }>;

function collectPolygons(input: unknown): Collected {
  if (!isObject(input) || typeof input.type !== 'string') return notGeoJson('no GeoJSON type');
  switch (input.type) {
    case 'FeatureCollection': {
      if (!Array.isArray(input.features)) return notGeoJson('features is not an array');
      const list: Polygon[] = [];
      for (const feature of input.features) {
        const got = fromFeature(feature);
        if ('code' in got) return got;
        list.push(...got.list);
      }
      if (list.length === 0) return notPolygon('no polygon features');
      return { list, union: true };
    }
    case 'Feature':
      return fromFeature(input);
    default:
      return fromGeometry(input);
  }
}

function fromFeature(feature: unknown): Collected {
  if (!isObject(feature) || feature.type !== 'Feature') return notGeoJson('not a Feature');
  if (!isObject(feature.geometry)) return notPolygon('feature without geometry');
  const got = fromGeometry(feature.geometry);
  return 'code' in got ? got : { list: got.list, union: true };
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection'];

function fromGeometry(geometry: Record<string, unknown>): Collected {
  const { type, coordinates } = geometry;
  if (type === 'Polygon') {
    const rings = readRings(coordinates);
    return rings ? { list: [rings], union: false } : notGeoJson('bad Polygon coordinates');
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates)) return notGeoJson('bad MultiPolygon coordinates');
    const list: Polygon[] = [];
    for (const polygon of coordinates) {
      const rings = readRings(polygon);
      if (!rings) return notGeoJson('bad MultiPolygon coordinates');
      list.push(rings);
    }
    if (list.length === 0) return notPolygon('empty MultiPolygon');
    return { list, union: false };
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type))
    return notPolygon(`${type} is not a polygon`);
  return notGeoJson(`unknown type ${String(type)}`);
}

function readRings(value: unknown): Polygon | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: Polygon = [];
  for (const ring of value) {
    if (!Array.isArray(ring)) return null;
    const positions: GeoJSON.Position[] = [];
    for (const p of ring) {
      if (!Array.isArray(p) || p.length < 2) return null;
      const [lon, lat] = p as unknown[];
      if (typeof lon !== 'number' || typeof lat !== 'number') return null;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      positions.push([lon, lat]);
    }
    rings.push(positions);
  }
  return rings;
}

const notGeoJson = (message: string) => fail('NOT_GEOJSON', message) as Extract<AreaCheck, { ok: false }>;
const notPolygon = (message: string) => fail('NOT_POLYGON', message) as Extract<AreaCheck, { ok: false }>;

// ---- checking the shape ----

const samePosition = (a: GeoJSON.Position, b: GeoJSON.Position) => a[0] === b[0] && a[1] === b[1];

function checkPolygons(list: Polygon[], options: CheckOptions, unionThem: boolean): AreaCheck {
  const positions = list.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
  if (positions > AREA_LIMITS.maxPositions) {
    return fail('TOO_MANY_POINTS', `${positions} positions > ${AREA_LIMITS.maxPositions}`);
  }

  const polygons: Polygon[] = [];
  for (const rings of list) {
    const closed: Polygon = [];
    for (const ring of rings) {
      const r = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!));
      const open = r.length > 0 && !samePosition(r[0]!, r[r.length - 1]!);
      if (open && !options.closeRings) {
        if (r.length < 3) return fail('TOO_FEW_POINTS', `a ring has ${ring.length} positions`);
        return fail('NOT_POLYGON', 'a ring is not closed');
      }
      if (open) r.push([...r[0]!]);
      if (r.length < 4) return fail('TOO_FEW_POINTS', `a ring has ${r.length} positions (4 needed)`);
      closed.push(r);
    }
    polygons.push(closed);
  }

  const range = checkCoordinates(polygons);
  if (range) return range;

  for (const rings of polygons) {
    const crossings = kinks(turfPolygon(rings)).features.length;
    if (crossings > 0) return fail('SELF_INTERSECTION', `${crossings} self-intersection(s)`);
  }

  const geometry = combine(polygons, unionThem);
  if (!geometry) return fail('TOO_SMALL', 'the polygons cancel out');
  const m2 = turfArea(geometry);
  if (!(m2 >= AREA_LIMITS.minM2)) return fail('TOO_SMALL', `${m2.toFixed(1)} m² < ${AREA_LIMITS.minM2} m²`);
  if (m2 > AREA_LIMITS.maxM2) return fail('TOO_LARGE', `${(m2 / 1e6).toFixed(0)} km² > 10000 km²`);
  return checkInShenzhen(polygons) ?? { ok: true, geometry };
}

const { lon: LON, lat: LAT } = AREA_LIMITS;
const inShenzhen = (x: number, y: number) => x >= LON[0] && x <= LON[1] && y >= LAT[0] && y <= LAT[1];

/** SWAPPED when every position reads as (lat, lon) in Shenzhen; OUT_OF_RANGE when not a lon/lat at all. */
function checkCoordinates(polygons: Polygon[]): AreaCheck | null {
  const all = polygons.flat(2);
  if (all.every(([x, y]) => inShenzhen(y!, x!))) return fail('SWAPPED', 'coordinates look like (lat, lon)');
  const bad = all.find(([x, y]) => Math.abs(x!) > 180 || Math.abs(y!) > 90);
  return bad ? fail('OUT_OF_RANGE', `${bad[0]}, ${bad[1]} is not a longitude, latitude`) : null;
}

/** OUT_OF_RANGE when any position lies outside Shenzhen (checked after the size, which says more). */
function checkInShenzhen(polygons: Polygon[]): AreaCheck | null {
  const outside = polygons.flat(2).find(([x, y]) => !inShenzhen(x!, y!));
  return outside ? fail('OUT_OF_RANGE', `${outside[0]}, ${outside[1]} is outside Shenzhen`) : null;
}

/** One Polygon stays as it is; several from features are unioned; a MultiPolygon keeps its parts. */
function combine(polygons: Polygon[], unionThem: boolean): AreaGeometry | null {
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  if (!unionThem) return { type: 'MultiPolygon', coordinates: polygons };
  const merged = union(featureCollection(polygons.map((rings) => turfPolygon(rings))));
  if (!merged) return null;
  const g = merged.geometry;
  return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}

/** How many vertices an area has (closing positions not counted). */
export function vertexCount(geometry: AreaGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, r) => m + Math.max(r.length - 1, 0), 0), 0);
}
