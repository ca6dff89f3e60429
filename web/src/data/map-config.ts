// What the deployment configured for the map (GET /api/map-config): the imagery service, if any.
import { getJson } from './http.ts';

/** An XYZ or WMTS imagery service (e.g. 天地图). */
export interface ImageryConfig {
  kind: 'xyz' | 'wmts';
  url: string;
  layer: string | null;
  tileMatrixSetId: string | null;
  style: string;
  format: string;
  subdomains: string[];
  maximumLevel: number;
  credit: string;
}

export interface MapConfig {
  /** Null: the offline basemap only. */
  imagery: ImageryConfig | null;
}

export const fetchMapConfig = (signal?: AbortSignal) =>
  getJson<MapConfig>('/api/map-config', signal ? { signal } : {});
