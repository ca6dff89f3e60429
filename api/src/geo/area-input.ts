// The one area input used everywhere (AreaInput): exactly one of a polygon/multipolygon, an area code, a
// bbox, or a circle. Pure: checks shape and ranges and says what is wrong; the area service does the I/O.
import type { MultiPolygon, Polygon } from 'geojson';
import { DomainError } from '../domain-error.ts';
import { type BBox, bboxPolygon, checkPlacement, parseGeometry } from './geojson.ts';

export const MAX_RADIUS_M = 50_000;

export interface AreaInputValue {
  polygon?: unknown;
  code?: string | null;
  bbox?: readonly number[] | null;
  circle?: { center?: unknown; radiusM: number } | null;
}

export type AreaRequest =
  | { kind: 'code'; code: string }
  | { kind: 'geometry'; geometry: Polygon | MultiPolygon }
  | { kind: 'circle'; lon: number; lat: number; radiusM: number };

const CODE = /^[0-9A-Z]{6,16}$/;

export function parseAreaInput(input: AreaInputValue, serviceArea: BBox): AreaRequest {
  const given = (['polygon', 'code', 'bbox', 'circle'] as const).filter(
    (key) => input[key] !== undefined && input[key] !== null,
  );
  if (given.length !== 1) {
    throw new DomainError(
      'INVALID_INPUT',
      given.length === 0
        ? 'AreaInput needs exactly one of polygon, code, bbox or circle; none was given'
        : `AreaInput needs exactly one of polygon, code, bbox or circle; got ${given.join(' and ')}`,
    );
  }
  if (input.code != null) {
    const code = input.code.trim().toUpperCase();
    if (!CODE.test(code)) throw new DomainError('INVALID_INPUT', `"${input.code}" is not an area code`);
    return { kind: 'code', code };
  }
  if (input.polygon != null) {
    return {
      kind: 'geometry',
      geometry: parseGeometry(input.polygon, ['Polygon', 'MultiPolygon'], serviceArea),
    };
  }
  if (input.bbox != null) return { kind: 'geometry', geometry: parseBBox(input.bbox, serviceArea) };
  const circle = input.circle!;
  const center = parseGeometry(circle.center, ['Point'], serviceArea);
  return {
    kind: 'circle',
    lon: center.coordinates[0]!,
    lat: center.coordinates[1]!,
    radiusM: parseRadius(circle.radiusM),
  };
}

export function parseRadius(radiusM: number, what = 'radiusM'): number {
  if (!Number.isFinite(radiusM) || radiusM <= 0) {
    throw new DomainError('INVALID_INPUT', `${what} must be a positive number of metres`);
  }
  if (radiusM > MAX_RADIUS_M) {
    throw new DomainError('LIMIT_EXCEEDED', `${what} may be at most ${MAX_RADIUS_M} m`);
  }
  return radiusM;
}

function parseBBox(values: readonly number[], serviceArea: BBox): Polygon {
  if (values.length !== 4 || !values.every(Number.isFinite)) {
    throw new DomainError('INVALID_INPUT', 'bbox is [minLon, minLat, maxLon, maxLat]: four finite numbers');
  }
  const box = values as unknown as BBox;
  if (box[0] >= box[2] || box[1] >= box[3]) {
    throw new DomainError('INVALID_GEOMETRY', 'bbox must have minLon < maxLon and minLat < maxLat');
  }
  checkPlacement(box, serviceArea, {
    swapped: 'bbox looks like [minLat, minLon, maxLat, maxLon]; use lon/lat order',
    outOfRange: 'bbox longitudes must be within ±180 and latitudes within ±90',
  });
  return bboxPolygon(box);
}
