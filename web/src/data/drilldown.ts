// What the drill-down reads: an asset with its typed fields, devices and latest readings; an alert with its
// rule and case; the asset's alerts of the last 30 days; and a series to chart (around an alert, or one
// device's metric) with the rules that draw threshold lines on it.
import { rulesThresholdLines, type ThresholdLine, thresholdLines } from '../screen/panels/thresholds.ts';
import type {
  AlertSeverity,
  Area,
  AssetKind,
  BuildingUse,
  LampStatus,
  Metric,
  RiskGrade,
  SafetyGrade,
  SeriesPoint as SchemaSeriesPoint,
  SiteStage,
} from './generated/graphql.ts';
import { gql } from './graphql.ts';
import { ApiError } from './http.ts';

export type AreaRef = Pick<Area, 'code' | 'name' | 'nameEn' | 'level'>;

export type MetricRef = Pick<Metric, 'key' | 'name' | 'nameEn' | 'unit'>;

export interface DeviceDetail {
  id: string;
  code: string;
  type: string;
  typeName: string;
  typeNameEn: string;
  online: boolean;
  lastSeenAt: string | null;
  datastreams: { metric: MetricRef; latest: { t: string; value: number } | null }[];
}

/** An asset; the typed fields are there for its kind only. */
export interface AssetDetail {
  id: string;
  code: string;
  name: string;
  kind: AssetKind;
  alertSeverity: AlertSeverity | null;
  areaChain: AreaRef[];
  unit: { name: string; phone: string | null } | null;
  devices: DeviceDetail[];
  // Building
  floors?: number;
  heightM?: number;
  use?: BuildingUse;
  safetyGrade?: SafetyGrade;
  selfBuilt?: boolean;
  yearBuilt?: number;
  structure?: string;
  floorAreaM2?: number;
  // ConstructionSite
  projectName?: string;
  stage?: SiteStage;
  pitDepthM?: number | null;
  contractor?: string;
  builder?: string;
  supervisor?: string;
  startedOn?: string;
  plannedCompletion?: string;
  dangerousWorks?: string[];
  // Slope (and heightM)
  slopeType?: string;
  riskGrade?: RiskGrade;
  gradientDeg?: number;
  hazardBufferM?: number;
  protection?: string | null;
  // StreetLamp (and WaterloggingPoint's roadName)
  roadName?: string;
  roadClass?: string;
  lampType?: string;
  status?: LampStatus;
  powerW?: number;
  poleHeightM?: number;
  // WaterloggingPoint
  blueCm?: number;
  yellowCm?: number;
  orangeCm?: number;
  redCm?: number;
  historyMaxCm?: number | null;
  // GasPipeline
  material?: string;
  diameterMm?: number;
  pressureClass?: string;
  lengthM?: number;
  buriedDepthM?: number;
  operator?: string;
  builtYear?: number;
}

export interface AlertDetail {
  id: string;
  severity: AlertSeverity;
  active: boolean;
  acknowledged: boolean;
  escalationLevel: number;
  startedAt: string;
  clearedAt: string | null;
  lastValue: number | null;
  /** The case opened from this alert, if any (and visible to the caller). */
  case: { id: string } | null;
  trigger: { metric: string; t: string; value: number } | null;
  rule: { name: string; nameEn: string; definition: unknown };
  device: { id: string; code: string; typeName: string; typeNameEn: string } | null;
  asset: AssetDetail | null;
}

export interface HistoryAlert {
  id: string;
  severity: AlertSeverity;
  active: boolean;
  startedAt: string;
  clearedAt: string | null;
  lastValue: number | null;
  case: { id: string } | null;
  rule: { name: string; nameEn: string };
}

export type SeriesPoint = Pick<SchemaSeriesPoint, 't' | 'value' | 'min' | 'max'>;

export interface ChartSeries {
  from: string;
  to: string;
  bucketSeconds: number | null;
  metric: MetricRef;
  points: SeriesPoint[];
  thresholds: ThresholdLine[];
}

const ASSET_FIELDS = `id code name kind alertSeverity
  areaChain { code name nameEn level }
  unit { name phone }
  devices {
    id code type typeName typeNameEn online lastSeenAt
    datastreams { metric { key name nameEn unit } latest { t value } }
  }
  ... on Building { floors heightM use safetyGrade selfBuilt yearBuilt structure floorAreaM2 }
  ... on ConstructionSite {
    projectName stage pitDepthM contractor builder supervisor startedOn plannedCompletion dangerousWorks
  }
  ... on Slope { slopeType riskGrade heightM gradientDeg hazardBufferM protection }
  ... on StreetLamp { roadName roadClass lampType status powerW poleHeightM }
  ... on WaterloggingPoint { roadName blueCm yellowCm orangeCm redCm historyMaxCm }
  ... on GasPipeline { material diameterMm pressureClass lengthM buriedDepthM operator builtYear }`;

const SERIES_FIELDS = 'from to bucketSeconds metric { key name nameEn unit } points { t value min max }';

export async function fetchAsset(code: string, signal: AbortSignal): Promise<AssetDetail> {
  const data = await gql<{ asset: AssetDetail }>(
    `query ScreenAsset($code: String!) { asset(code: $code) { ${ASSET_FIELDS} } }`,
    { code },
    signal,
  );
  return data.asset;
}

export async function fetchAlert(id: string, signal: AbortSignal): Promise<AlertDetail> {
  const data = await gql<{ node: (AlertDetail & { __typename: string }) | null }>(
    `query ScreenAlert($id: ID!) {
      node(id: $id) {
        __typename
        ... on Alert {
          id severity active acknowledged escalationLevel startedAt clearedAt lastValue case { id }
          trigger { metric t value }
          rule { name nameEn definition }
          device { id code typeName typeNameEn }
          asset { ${ASSET_FIELDS} }
        }
      }
    }`,
    { id },
    signal,
  );
  if (data.node?.__typename !== 'Alert') throw new ApiError('NOT_FOUND', `no alert ${id}`);
  return data.node as AlertDetail;
}

/** The asset's alerts active at some time in the last 30 days, newest first. */
export async function fetchAssetAlerts(
  assetCode: string,
  signal: AbortSignal,
): Promise<{ total: number; alerts: HistoryAlert[] }> {
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const data = await gql<{ alerts: { totalCount: number; edges: { node: HistoryAlert }[] } }>(
    `query ScreenAssetAlerts($filter: AlertFilter) {
      alerts(filter: $filter, first: 50) {
        totalCount edges { node { id severity active startedAt clearedAt lastValue case { id } rule { name nameEn } } }
      }
    }`,
    { filter: { assetCode, from } },
    signal,
  );
  return { total: data.alerts.totalCount, alerts: data.alerts.edges.map((e) => e.node) };
}

type RawSeries = Omit<ChartSeries, 'thresholds'>;

/** The alert's triggering metric, `spanS` seconds either side of its start, with its rule's thresholds. */
export async function fetchAlertWindow(
  alert: Pick<AlertDetail, 'id' | 'rule'>,
  spanS: number,
  signal: AbortSignal,
): Promise<ChartSeries | null> {
  const data = await gql<{ node: { window: RawSeries | null } | null }>(
    `query ScreenAlertWindow($id: ID!, $span: Int) {
      node(id: $id) { ... on Alert { window(before: $span, after: $span) { ${SERIES_FIELDS} } } }
    }`,
    { id: alert.id, span: spanS },
    signal,
  );
  const series = data.node?.window;
  return series ? { ...series, thresholds: thresholdLines(alert.rule.definition, series.metric.key) } : null;
}

/** One device's metric over [from, to), with the thresholds of the enabled rules for its type. */
export async function fetchDeviceSeries(
  deviceId: string,
  metric: string,
  from: number,
  to: number,
  signal: AbortSignal,
): Promise<ChartSeries | null> {
  const data = await gql<{
    node: { type: string; series: RawSeries } | null;
    alertRules: { deviceType: string; enabled: boolean; definition: unknown }[];
  }>(
    `query ScreenDeviceSeries($id: ID!, $metric: String!, $from: DateTime!, $to: DateTime!) {
      node(id: $id) {
        ... on Device { type series(metric: $metric, from: $from, to: $to, bucket: AUTO) { ${SERIES_FIELDS} } }
      }
      alertRules { deviceType enabled definition }
    }`,
    { id: deviceId, metric, from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    signal,
  );
  const node = data.node;
  if (!node?.series) return null;
  const type = node.type.toLowerCase();
  const rules = data.alertRules.filter((r) => r.enabled && r.deviceType.toLowerCase() === type);
  return {
    ...node.series,
    thresholds: rulesThresholdLines(
      rules.map((r) => r.definition),
      node.series.metric.key,
    ),
  };
}
