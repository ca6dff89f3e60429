// Area boundaries from GET /api/areas: the districts with their counts, and the streets' outlines.
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { getJson } from './http.ts';

export interface DistrictProps {
  code: string;
  name: string;
  nameEn: string | null;
  buildings: number;
  areaKm2: number;
}

export type Districts = FeatureCollection<MultiPolygon, DistrictProps>;

export const fetchDistricts = (signal?: AbortSignal) =>
  getJson<Districts>('/api/areas?level=district', signal ? { signal } : {});

export const fetchStreetOutlines = (signal?: AbortSignal) =>
  getJson<FeatureCollection<MultiPolygon>>('/api/areas?level=street', signal ? { signal } : {});
