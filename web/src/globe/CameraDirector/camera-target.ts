// Where the camera should go: the whole city, a district's extent, or a point (an alert, a device); and the
// `?view=lon,lat,height` URL parameter a wall or a test opens at (looking straight down).
import type { Districts } from '../../data/districts.ts';

export type CameraTarget =
  | { kind: 'city' }
  | { kind: 'bounds'; west: number; south: number; east: number; north: number }
  | { kind: 'point'; lon: number; lat: number; heightM: number };

export function districtBounds(districts: Districts, code: string): CameraTarget | null {
  const f = districts.features.find((d) => d.properties.code === code);
  if (!f) return null;
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const poly of f.geometry.coordinates)
    for (const [lon, lat] of poly[0] ?? []) {
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  return { kind: 'bounds', west, south, east, north };
}

/** `?view=114.05,22.54,800`: longitude, latitude (in the Shenzhen area) and height in metres (50–500,000). */
export function parseView(search: string): CameraTarget | null {
  const raw = new URLSearchParams(search).get('view');
  if (!raw) return null;
  const [lon, lat, h] = raw.split(',').map(Number);
  if (lon === undefined || lat === undefined || h === undefined) return null;
  if (!(lon >= 113 && lon <= 115.5 && lat >= 22 && lat <= 23.5 && h >= 50 && h <= 500_000)) return null;
  return { kind: 'point', lon, lat, heightM: h };
}
