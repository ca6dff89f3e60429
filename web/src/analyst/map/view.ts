// The map's camera: the opening view, fitting a box, and the view an area or an asset asks for.
import { WebMercatorViewport } from '@deck.gl/core';
import { bbox } from '@turf/turf';
import type { AreaGeometry } from '../area/validate-area.ts';

export interface MapCamera {
  longitude: number;
  latitude: number;
  zoom: number;
  pitch: number;
  bearing: number;
}

/** All of Shenzhen. */
export const CITY_VIEW = { lon: 114.13, lat: 22.64, zoom: 9.6 };
export const EXTRUDED_PITCH = 45;
const MAX_FIT_ZOOM = 16;

export function cameraFor(view: { lon: number; lat: number; zoom: number }, extrude: boolean): MapCamera {
  return {
    longitude: view.lon,
    latitude: view.lat,
    zoom: view.zoom,
    pitch: extrude ? EXTRUDED_PITCH : 0,
    bearing: 0,
  };
}

/** The view that shows the whole area in a map of this size. */
export function fitArea(
  geometry: AreaGeometry,
  size: { width: number; height: number },
): { lon: number; lat: number; zoom: number } {
  const [w, s, e, n] = bbox(geometry) as [number, number, number, number];
  const width = Math.max(size.width, 100);
  const height = Math.max(size.height, 100);
  const padding = Math.min(48, Math.floor(Math.min(width, height) / 6));
  const fitted = new WebMercatorViewport({ width, height }).fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding, maxZoom: MAX_FIT_ZOOM },
  );
  return { lon: fitted.longitude, lat: fitted.latitude, zoom: fitted.zoom };
}

/** Where the map should go next; `n` changes each time so the same place can be asked for twice. */
export type MapFocus =
  | { kind: 'area'; geometry: AreaGeometry; n: number }
  | { kind: 'point'; lon: number; lat: number; n: number };
