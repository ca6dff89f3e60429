import type { AreaLevel } from '../domain/codes.ts';
// A resolved AreaInput as the bound values of assets_in_area ($1..$6 in every area-taking .sql file).

export type ResolvedArea =
  | { kind: AreaLevel; code: string }
  | { kind: 'geometry'; geojson: string }
  | { kind: 'circle'; lon: number; lat: number; radiusM: number };

export const WHOLE_CITY: ResolvedArea = { kind: 'city', code: '' };

export function areaParams(area: ResolvedArea): [string, string | null, string | null, ...(number | null)[]] {
  switch (area.kind) {
    case 'geometry':
      return [area.kind, null, area.geojson, null, null, null];
    case 'circle':
      return [area.kind, null, null, area.lon, area.lat, area.radiusM];
    default:
      return [area.kind, area.code, null, null, null, null];
  }
}
