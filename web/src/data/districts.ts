// District boundaries and counts from the API.
import type { FeatureCollection, MultiPolygon } from 'geojson';

export interface DistrictProps {
  code: string;
  name: string;
  nameEn: string | null;
  buildings: number;
  areaKm2: number;
}

export type Districts = FeatureCollection<MultiPolygon, DistrictProps>;

export async function fetchDistricts(signal?: AbortSignal): Promise<Districts> {
  const response = await fetch('/api/areas?level=district', signal ? { signal } : {});
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Districts;
}
