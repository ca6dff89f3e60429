// The analyst workbench's shared types: its state (everything the URL holds), as the map side (Analyst.tsx,
// map/, area/) and the panels (panels/) pass it; the server's answers are in data/analysis.ts.
import type { AreaInput, AssetKind } from '../data/generated/graphql.ts';

/** The area under study, as the API's AreaInput takes it. */
export type AreaChoice =
  | { kind: 'code'; code: string; level: 'district' | 'street' | 'community' | 'grid'; name?: string }
  | { kind: 'polygon'; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon; source: 'drawn' | 'file' };

export type RangePreset = '24h' | '7d' | '30d' | '90d' | '365d' | 'custom';

export interface TimeRange {
  /** ISO instants, [from, to). */
  from: string;
  to: string;
  preset: RangePreset;
}

export type MapLayerId =
  | 'areas'
  | 'buildings'
  | 'sites'
  | 'slopes'
  | 'lamps'
  | 'waterlogging'
  | 'pipelines'
  | 'alerts'
  | 'density';

export type AssetSortKey =
  | 'code'
  | 'name'
  | 'kind'
  | 'district'
  | 'street'
  | 'grade'
  | 'alertSeverity'
  | 'floors'
  | 'heightM';

export interface AssetSort {
  by: AssetSortKey;
  dir: 'asc' | 'desc';
}

export interface AnalystState {
  area: AreaChoice | null;
  range: TimeRange;
  layers: MapLayerId[];
  extrude: boolean;
  /** Asset kinds in the table and exports; empty = all. */
  kinds: AssetKind[];
  sort: AssetSort;
  /** The selected asset (table row ↔ map). */
  selected: string | null;
  /** Map view: longitude, latitude, zoom. */
  view: { lon: number; lat: number; zoom: number } | null;
}

/** The API's AreaInput for a choice. */
export function areaInput(area: AreaChoice): AreaInput {
  return area.kind === 'code' ? { code: area.code } : { polygon: area.geometry };
}
