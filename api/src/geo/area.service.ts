// Turns an AreaInput into the bound values of assets_in_area: pure checks first, then one PostGIS query
// for a polygon's validity (with ST_IsValidReason), size and overlap with the city, or a code lookup.
import type { AccessScope } from '../access/scope.ts';
import { DomainError } from '../domain-error.ts';
import type { ResolvedArea } from '../store/area-params.ts';
import { type AreaRow, checkPolygon, findAreasByCodes, findServiceArea } from '../store/areas.repo.ts';
import type { Queryable } from '../store/db.ts';
import { type AreaInputValue, parseAreaInput } from './area-input.ts';
import type { BBox } from './geojson.ts';

/** Shenzhen is about 2,000 km²; anything far larger is a mistake or an attempt to scan everything twice. */
export const MAX_AREA_KM2 = 10_000;

/**
 * An area by code as the caller may see it: NOT_FOUND when no area has the code, FORBIDDEN when it lies
 * outside the caller's scope (beside it rather than above or below it).
 */
export async function findVisibleArea(db: Queryable, scope: AccessScope, code: string): Promise<AreaRow> {
  const normal = code.trim().toUpperCase().slice(0, 40);
  const [area] = await findAreasByCodes(db, scope, [normal]);
  if (area) return area;
  if (scope && (await findAreasByCodes(db, null, [normal])).length > 0) {
    throw new DomainError('FORBIDDEN', `area ${normal} is outside your area (${scope.name}, ${scope.code})`);
  }
  throw new DomainError('NOT_FOUND', `no area has the code ${normal}`);
}

/**
 * Drawn shapes and areas above the caller's scope are accepted; every query then cuts its rows to the scope
 * (see assets_in_area), so a district user asking about the city gets their district's part of it.
 */
export async function resolveArea(
  db: Queryable,
  scope: AccessScope,
  serviceArea: BBox,
  input: AreaInputValue,
): Promise<ResolvedArea> {
  const request = parseAreaInput(input, serviceArea);
  if (request.kind === 'circle') return request;
  if (request.kind === 'code') {
    const area = await findVisibleArea(db, scope, request.code);
    return { kind: area.level, code: area.code };
  }
  const geojson = JSON.stringify(request.geometry);
  const check = await checkPolygon(db, geojson);
  if (!check.valid) {
    throw new DomainError(
      'INVALID_GEOMETRY',
      `the polygon is not valid: ${check.reason ?? 'unknown reason'}`,
    );
  }
  if (check.area_km2 > MAX_AREA_KM2) {
    throw new DomainError(
      'LIMIT_EXCEEDED',
      `the polygon covers ${Math.round(check.area_km2)} km²; the limit is ${MAX_AREA_KM2} km²`,
    );
  }
  if (!check.in_city) throw new DomainError('OUT_OF_SERVICE_AREA', 'this area is outside the city');
  return { kind: 'geometry', geojson };
}

const WORLD: BBox = [-180, -90, 180, 90];

/**
 * The city's extent, read from the database the first time it is asked for after the city exists (before
 * seeding, every point is "in the city").
 */
export function serviceAreaReader(db: Queryable): () => Promise<BBox> {
  let known: BBox | null = null;
  return async () => {
    known ??= await findServiceArea(db);
    return known ?? WORLD;
  };
}
