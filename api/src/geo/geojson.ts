// Structural validation of RFC 7946 geometries before any SQL runs: shape, finite lon/lat in range, closed
// rings, holes inside their outer ring and apart (polygon-holes.ts), size limits, and a hint when coordinates
// arrive as [lat, lon]. The rest of topology (a ring crossing itself) is PostGIS's job (ST_IsValidReason),
// done by the area resolver.
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { DomainError } from '../domain-error.ts';
import { describeHoleProblem, findHoleProblem } from './polygon-holes.ts';

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = readonly [number, number, number, number];

export const MAX_POSITIONS = 20_000;

export type GeometryType = 'Point' | 'Polygon' | 'MultiPolygon';

function invalid(message: string): never {
  throw new DomainError('INVALID_GEOMETRY', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function position(value: unknown, where: string): Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    invalid(`${where}: a position is [longitude, latitude] (optionally with a height)`);
  }
  for (const n of value) {
    if (typeof n !== 'number' || !Number.isFinite(n)) invalid(`${where}: coordinates must be finite numbers`);
  }
  return value as Position;
}

function ring(value: unknown, where: string, counter: { n: number }): Position[] {
  if (!Array.isArray(value)) invalid(`${where}: a linear ring is an array of positions`);
  if (value.length < 4)
    invalid(`${where}: a linear ring needs at least 4 positions (the last repeats the first)`);
  counter.n += value.length;
  if (counter.n > MAX_POSITIONS) {
    throw new DomainError('LIMIT_EXCEEDED', `geometry has more than ${MAX_POSITIONS} positions; simplify it`);
  }
  const positions = value.map((p, i) => position(p, `${where}[${i}]`));
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    invalid(`${where}: the ring is not closed; its last position must equal its first`);
  }
  if (collinear(positions)) invalid(`${where}: the ring is degenerate (its positions lie on one line)`);
  return positions;
}

/** True when no three positions span an area; self-intersections are left to PostGIS, which says where. */
function collinear(positions: readonly Position[]): boolean {
  const [ax, ay] = positions[0]!;
  for (let i = 1; i < positions.length; i++) {
    const [bx, by] = positions[i]!;
    if (bx === ax && by === ay) continue;
    for (let j = i + 1; j < positions.length; j++) {
      const [cx, cy] = positions[j]!;
      // ~1e-4 m² at Shenzhen's latitude: above floating-point noise, far below any real area.
      if (Math.abs((bx! - ax!) * (cy! - ay!) - (by! - ay!) * (cx! - ax!)) > 1e-14) return false;
    }
    return true;
  }
  return true;
}

function polygonRings(value: unknown, where: string, counter: { n: number }): Position[][] {
  if (!Array.isArray(value) || value.length === 0)
    invalid(`${where}: a polygon is a non-empty array of rings`);
  const rings = value.map((r, i) => ring(r, `${where}[${i}]`, counter));
  const problem = findHoleProblem(rings);
  if (problem) invalid(describeHoleProblem(problem, where));
  return rings;
}

function allPositions(geometry: Point | Polygon | MultiPolygon): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

export function bboxOf(positions: readonly Position[]): BBox {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of positions) {
    minX = Math.min(minX, x!);
    maxX = Math.max(maxX, x!);
    minY = Math.min(minY, y!);
    maxY = Math.max(maxY, y!);
  }
  return [minX, minY, maxX, maxY];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function swapped(b: BBox): BBox {
  return [b[1], b[0], b[3], b[2]];
}

/**
 * Checks a GeoJSON geometry of one of the allowed types and that it lies in lon/lat order near the
 * service area. Throws DomainError with INVALID_GEOMETRY, OUT_OF_SERVICE_AREA or LIMIT_EXCEEDED.
 */
export function parseGeometry<T extends GeometryType>(
  value: unknown,
  allowed: readonly T[],
  serviceArea: BBox,
): Extract<Point | Polygon | MultiPolygon, { type: T }> {
  if (!isObject(value)) invalid('expected a GeoJSON geometry object');
  const type = value.type;
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    invalid(`expected a GeoJSON ${allowed.join(' or ')}, got ${typeof type === 'string' ? type : 'no type'}`);
  }
  if (!('coordinates' in value)) invalid(`the ${type} has no coordinates`);
  const counter = { n: 0 };
  let geometry: Point | Polygon | MultiPolygon;
  if (type === 'Point') {
    geometry = { type, coordinates: position(value.coordinates, 'coordinates') };
  } else if (type === 'Polygon') {
    geometry = { type, coordinates: polygonRings(value.coordinates, 'coordinates', counter) };
  } else {
    const polygons = value.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) {
      invalid('coordinates: a MultiPolygon is a non-empty array of polygons');
    }
    geometry = {
      type: 'MultiPolygon',
      coordinates: polygons.map((p, i) => polygonRings(p, `coordinates[${i}]`, counter)),
    };
  }
  checkPlacement(bboxOf(allPositions(geometry)), serviceArea);
  return geometry as Extract<Point | Polygon | MultiPolygon, { type: T }>;
}

export interface PlacementMessages {
  swapped: string;
  outOfRange: string;
}

const POSITION_MESSAGES: PlacementMessages = {
  swapped: 'coordinates look like [latitude, longitude]; GeoJSON positions are [longitude, latitude]',
  outOfRange: 'longitude must be within ±180 and latitude within ±90',
};

const inRange = (b: BBox) => b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;

/**
 * Throws unless the box lies in lon/lat range and touches the service area; a box that would touch it with
 * its axes swapped gets the "[lat, lon]" hint instead of "outside the city".
 */
export function checkPlacement(box: BBox, serviceArea: BBox, messages = POSITION_MESSAGES): void {
  if (inRange(box) && bboxesIntersect(box, serviceArea)) {
    // On the sphere an edge of 180° or more has no one shortest path (PostGIS refuses it as "antipodal"); an
    // area that wide is far beyond the size limit anyway.
    const span = box[2] - box[0];
    if (span >= 180) {
      throw new DomainError(
        'LIMIT_EXCEEDED',
        `the area spans ${Math.round(span)}° of longitude; far too large`,
      );
    }
    return;
  }
  const flipped = swapped(box);
  if (bboxesIntersect(flipped, serviceArea) && (inRange(box) || inRange(flipped))) invalid(messages.swapped);
  if (!inRange(box)) invalid(messages.outOfRange);
  throw new DomainError('OUT_OF_SERVICE_AREA', 'this area is outside the city');
}

export function bboxPolygon(b: BBox): Polygon {
  const [x1, y1, x2, y2] = b;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x1, y1],
        [x2, y1],
        [x2, y2],
        [x1, y2],
        [x1, y1],
      ],
    ],
  };
}
