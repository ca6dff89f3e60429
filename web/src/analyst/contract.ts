// The analyst workbench's shared types: its state (everything the URL holds) and the server's answers it
// reads. The map side (Analyst.tsx, map/, area/) and the panels (panels/) meet here.

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

export type AssetKindName =
  | 'BUILDING'
  | 'CONSTRUCTION_SITE'
  | 'SLOPE'
  | 'STREET_LAMP'
  | 'WATERLOGGING_POINT'
  | 'GAS_PIPELINE';

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
  kinds: AssetKindName[];
  sort: AssetSort;
  /** The selected asset (table row ↔ map). */
  selected: string | null;
  /** Map view: longitude, latitude, zoom. */
  view: { lon: number; lat: number; zoom: number } | null;
}

/** The API's AreaInput for a choice. */
export function areaInput(
  area: AreaChoice,
): { code: string } | { polygon: GeoJSON.Polygon | GeoJSON.MultiPolygon } {
  return area.kind === 'code' ? { code: area.code } : { polygon: area.geometry };
}

/** POST /api/analysis/assets (format json): one row per asset, sorted by the server. */
export interface AssetRow {
  code: string;
  name: string;
  kind: AssetKindName;
  districtCode: string;
  districtName: string;
  streetCode: string | null;
  streetName: string | null;
  /** Safety grade A–D (building), risk grade (slope), lamp status, site stage or pressure class. */
  grade: string | null;
  floors: number | null;
  heightM: number | null;
  /** The worst active alert's severity (BLUE … RED), or null. */
  alertSeverity: string | null;
  lon: number;
  lat: number;
}

/** POST /api/analysis/alerts (format json): alerts raised in [from, to), newest first. */
export interface AlertRow {
  id: number;
  assetCode: string;
  assetName: string;
  assetKind: AssetKindName;
  districtName: string;
  deviceCode: string;
  /** DeviceType name, e.g. CRANE_MONITOR. */
  kind: string;
  severity: string;
  peakSeverity: string;
  startedAt: string;
  clearedAt: string | null;
  acknowledgedAt: string | null;
  lon: number;
  lat: number;
}

export interface TablePage<Row> {
  /** All matching rows; rows holds at most `limit` of them. */
  total: number;
  truncated: boolean;
  limit: number;
  rows: Row[];
}
