// Whether a live event lies in the subscriber's scope and chosen area, by the same rules as the SQL.
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AccessScope } from '../access/scope.ts';
import type { AlertEventRow } from '../store/alerts.repo.ts';
import type { ResolvedArea } from '../store/area-params.ts';

export function eventMatches(
  e: Pick<AlertEventRow, 'district_code' | 'street_code' | 'community_code' | 'grid_code' | 'lon' | 'lat'>,
  scope: AccessScope,
  area: ResolvedArea,
  geometry: Polygon | MultiPolygon | null,
): boolean {
  if (scope && e.district_code !== scope.code && e.street_code !== scope.code) return false;
  switch (area.kind) {
    case 'city':
      return true;
    case 'district':
      return e.district_code === area.code;
    case 'street':
      return e.street_code === area.code;
    case 'community':
      return e.community_code === area.code;
    case 'grid':
      return e.grid_code === area.code;
    case 'circle':
      return distance([area.lon, area.lat], [e.lon, e.lat], { units: 'meters' }) <= area.radiusM;
    case 'geometry':
      return geometry !== null && booleanPointInPolygon([e.lon, e.lat], geometry);
  }
}
