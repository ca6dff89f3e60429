// The map layers' data: typed GeoJSON answers of GET /api/layers/{kind}, one fetcher for all kinds.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  AlertSeverity,
  LampStatus as SchemaLampStatus,
  RiskGrade as SchemaRiskGrade,
  SiteStage as SchemaSiteStage,
} from './generated/graphql.ts';
import { getJson } from './http.ts';

export const LAYER_KINDS = [
  'construction_site',
  'slope',
  'street_lamp',
  'waterlogging_point',
  'gas_pipeline',
  'crane',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/** Properties every asset kind carries. */
export interface AssetProps {
  code: string;
  name: string;
  districtCode: string;
  /** Worst active alert on the asset, or null. */
  alertSeverity: AlertSeverity | null;
}

/** The layers' GeoJSON spells the schema's codes in lower case. */
export type SiteStage = Lowercase<SchemaSiteStage>;
export interface SiteProps extends AssetProps {
  stage: SiteStage;
  projectName: string;
  pitDepthM: number | null;
  /** The deep pit outline, if the site has one. */
  pit: Polygon | null;
}

export type RiskGrade = Lowercase<SchemaRiskGrade>;
export interface SlopeProps extends AssetProps {
  riskGrade: RiskGrade;
  heightM: number;
}

export type LampStatus = Lowercase<SchemaLampStatus>;
export interface LampProps extends AssetProps {
  status: LampStatus;
  roadClass: 'trunk' | 'secondary' | 'branch';
}

export interface WaterloggingProps extends AssetProps {
  roadName: string;
  blueCm: number;
  yellowCm: number;
  orangeCm: number;
  redCm: number;
  /** Latest water depth, or null before the first reading. */
  levelCm: number | null;
  levelAt: string | null;
}

export type PressureClass = 'low' | 'medium' | 'sub_high' | 'high';
export interface PipelineProps extends AssetProps {
  pressureClass: PressureClass;
  diameterMm: number;
}

/** A tower-crane monitor: `code` is the device code, `siteCode` the site it stands on. */
export interface CraneProps extends AssetProps {
  siteCode: string;
  online: boolean;
}

/** Polygon and line kinds are drawn whether the server sends single or multi geometries. */
export type Area = Polygon | MultiPolygon;
export type Lines = LineString | MultiLineString;

export interface LayerGeoJson {
  construction_site: FeatureCollection<Area, SiteProps>;
  slope: FeatureCollection<Area, SlopeProps>;
  street_lamp: FeatureCollection<Point, LampProps>;
  waterlogging_point: FeatureCollection<Point, WaterloggingProps>;
  gas_pipeline: FeatureCollection<Lines, PipelineProps>;
  crane: FeatureCollection<Point, CraneProps>;
}

export type LayerFeature<K extends LayerKind> = LayerGeoJson[K]['features'][number];

/** The caller's features of one kind (scoped by the server to the session's area). */
export async function fetchLayer<K extends LayerKind>(
  kind: K,
  signal?: AbortSignal,
): Promise<LayerGeoJson[K]> {
  return getJson<LayerGeoJson[K]>(`/api/layers/${kind}`, signal ? { signal } : {});
}
