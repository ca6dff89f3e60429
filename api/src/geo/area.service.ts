// Turns an AreaInput into the bound values of assets_in_area: pure checks first, then one PostGIS query
// for a polygon's validity (with ST_IsValidReason), size and overlap with the city, or a code lookup.
import { DomainError } from '../domain-error.ts';
import type { ResolvedArea } from '../store/area-params.ts';
import { checkPolygon, findAreasByCodes } from '../store/areas.repo.ts';
import type { Queryable } from '../store/db.ts';
import { type AreaInputValue, parseAreaInput } from './area-input.ts';
import type { BBox } from './geojson.ts';

/** Shenzhen is about 2,000 km²; anything far larger is a mistake or an attempt to scan everything twice. */
export const MAX_AREA_KM2 = 10_000;

export async function resolveArea(
  db: Queryable,
  serviceArea: BBox,
  input: AreaInputValue,
): Promise<ResolvedArea> {
  const request = parseAreaInput(input, serviceArea);
  if (request.kind === 'circle') return request;
  if (request.kind === 'code') {
    const [area] = await findAreasByCodes(db, [request.code]);
    if (!area) throw new DomainError('NOT_FOUND', `no area has the code ${request.code}`);
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
