// Where each vector-tile layer comes from: its TileJSON URL with the page's filters, and the zoom below
// which the server has no tiles for it (TileJSON minzoom; the layer asks for nothing under it). Pure.
import type { AreaChoice, MapLayerId, TimeRange } from '../contract.ts';

export type TileLayerId = Exclude<MapLayerId, 'density'>;

export const TILE_MIN_ZOOM: Readonly<Record<TileLayerId, number>> = {
  areas: 0,
  buildings: 13,
  sites: 10,
  slopes: 10,
  lamps: 13,
  waterlogging: 8,
  pipelines: 12,
  alerts: 0,
};

/** The layers that accept district= (the asset layers and alerts). */
const DISTRICT_LAYERS: ReadonlySet<TileLayerId> = new Set([
  'alerts',
  'buildings',
  'sites',
  'slopes',
  'lamps',
  'waterlogging',
  'pipelines',
]);

export const isTileLayer = (id: MapLayerId): id is TileLayerId => id !== 'density';

/**
 * The district an area lies in, when it is one (or part of one) by code: district codes have 6 digits, and
 * streets (9 digits), communities (street + C + 2 digits) and grids (community + G + 3 digits) start with
 * their district's. (Databases seeded before the synthetic pattern have all-digit 12 and 15 digit codes.)
 */
export function districtOf(area: AreaChoice | null): string | null {
  if (area?.kind !== 'code') return null;
  const match =
    /^(\d{6})(?:\d{3}(?:C\d{2}(?:G\d{3})?)?)?$/.exec(area.code) ?? /^(\d{6})(\d{3})*$/.exec(area.code);
  return match ? match[1]! : null;
}

export interface TileFilters {
  area: AreaChoice | null;
  range: TimeRange;
}

/** The filters a layer's tiles take, in a fixed order (so equal filters give equal, cacheable URLs). */
export function tileParams(layer: TileLayerId, { area, range }: TileFilters): [string, string][] {
  if (layer === 'areas') return [['level', 'district']];
  const district = districtOf(area);
  const params: [string, string][] = DISTRICT_LAYERS.has(layer) && district ? [['district', district]] : [];
  if (layer === 'alerts') params.push(['from', range.from], ['to', range.to]);
  return params;
}

export function tileJsonUrl(layer: TileLayerId, filters: TileFilters): string {
  const query = new URLSearchParams(tileParams(layer, filters)).toString();
  return `/tiles/${layer}.json${query ? `?${query}` : ''}`;
}
