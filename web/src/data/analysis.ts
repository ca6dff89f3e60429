// The analyst panels' server calls: areaStats, alertTrend and caseTrend over GraphQL (each trend with the
// previous period and the same period last year, for 环比 / 同比), the asset and alert tables over
// POST /api/analysis/{assets,alerts} (JSON), and their CSV / GeoJSON exports as files. Every call is abortable.
import { type AreaChoice, type AssetSort, areaInput } from '../analyst/contract.ts';
import type { Locale } from '../i18n/messages.ts';
import type {
  AssetKind,
  Count,
  AlertTrend as SchemaAlertTrend,
  AlertTrendBucket as SchemaAlertTrendBucket,
  AreaStats as SchemaAreaStats,
  CaseTrendBucket as SchemaCaseTrendBucket,
  TrendInterval,
} from './generated/graphql.ts';
import { gql } from './graphql.ts';
import { ApiError, answer, failure, postJson } from './http.ts';

export type { Count };

/** GraphQL AreaStats, the fields the panels show. */
export type AreaStats = Pick<
  SchemaAreaStats,
  | 'assets'
  | 'buildings'
  | 'buildingsBySafetyGrade'
  | 'selfBuiltBuildings'
  | 'floorAreaM2'
  | 'devicesTotal'
  | 'devicesOnline'
  | 'deviceOnlineRate'
  | 'openAlerts'
  | 'openAlertsBySeverity'
  | 'openCases'
  | 'overdueCases'
  | 'caseClosureRate'
  | 'caseOnTimeRate'
  | 'byKind'
>;

export type AlertTrendBucket = Pick<SchemaAlertTrendBucket, 'start' | 'total' | 'bySeverity'>;

export type AlertTrend = Pick<SchemaAlertTrend, 'total' | 'bySeverity' | 'byKind'> & {
  buckets: AlertTrendBucket[];
};

/** closureRate and onTimeRate are 0–1, null when nothing was due. */
export type CaseTrendBucket = Pick<
  SchemaCaseTrendBucket,
  'start' | 'reported' | 'due' | 'closed' | 'closedOnTime' | 'closureRate' | 'onTimeRate'
>;

export interface CaseTrend {
  total: CaseTrendBucket;
  buckets: CaseTrendBucket[];
}

/** A trend for the chosen range with the totals of the previous period (环比) and a year before (同比). */
export interface Compared<Trend, Total> {
  now: Trend;
  prev: Total;
  yoy: Total;
}

interface Period {
  from: string;
  to: string;
}

/** The chosen range, its 环比 and 同比 periods and the interval of all three. */
export interface Periods {
  now: Period;
  prev: Period;
  yoy: Period;
  interval: TrendInterval;
}

const COUNT = '{ key count }';

export const AREA_STATS_QUERY = `query AnalystAreaStats($area: AreaInput!) {
  areaStats(area: $area) {
    assets buildings buildingsBySafetyGrade ${COUNT} selfBuiltBuildings floorAreaM2
    devicesTotal devicesOnline deviceOnlineRate
    openAlerts openAlertsBySeverity ${COUNT}
    openCases overdueCases caseClosureRate caseOnTimeRate
    byKind ${COUNT}
  }
}`;

export const ALERT_TREND_QUERY = `query AnalystAlertTrend(
  $area: AreaInput!, $interval: TrendInterval!,
  $from: DateTime!, $to: DateTime!, $prevFrom: DateTime!, $prevTo: DateTime!,
  $yoyFrom: DateTime!, $yoyTo: DateTime!
) {
  now: alertTrend(area: $area, from: $from, to: $to, interval: $interval) {
    total bySeverity ${COUNT} byKind ${COUNT}
    buckets { start total bySeverity ${COUNT} }
  }
  prev: alertTrend(area: $area, from: $prevFrom, to: $prevTo, interval: $interval) { total }
  yoy: alertTrend(area: $area, from: $yoyFrom, to: $yoyTo, interval: $interval) { total }
}`;

const CASE_BUCKET = '{ start reported due closed closedOnTime closureRate onTimeRate }';

export const CASE_TREND_QUERY = `query AnalystCaseTrend(
  $area: AreaInput!, $interval: TrendInterval!,
  $from: DateTime!, $to: DateTime!, $prevFrom: DateTime!, $prevTo: DateTime!,
  $yoyFrom: DateTime!, $yoyTo: DateTime!
) {
  now: caseTrend(area: $area, from: $from, to: $to, interval: $interval) {
    total ${CASE_BUCKET}
    buckets ${CASE_BUCKET}
  }
  prev: caseTrend(area: $area, from: $prevFrom, to: $prevTo, interval: $interval) { total ${CASE_BUCKET} }
  yoy: caseTrend(area: $area, from: $yoyFrom, to: $yoyTo, interval: $interval) { total ${CASE_BUCKET} }
}`;

/** The variables both trend documents take. */
export function trendVariables(area: AreaChoice, periods: Periods): Record<string, unknown> {
  return {
    area: areaInput(area),
    interval: periods.interval,
    from: periods.now.from,
    to: periods.now.to,
    prevFrom: periods.prev.from,
    prevTo: periods.prev.to,
    yoyFrom: periods.yoy.from,
    yoyTo: periods.yoy.to,
  };
}

export async function fetchAreaStats(area: AreaChoice, signal: AbortSignal): Promise<AreaStats> {
  const data = await gql<{ areaStats: AreaStats }>(AREA_STATS_QUERY, { area: areaInput(area) }, signal);
  return data.areaStats;
}

export function fetchAlertTrends(
  area: AreaChoice,
  periods: Periods,
  signal: AbortSignal,
): Promise<Compared<AlertTrend, { total: number }>> {
  return gql(ALERT_TREND_QUERY, trendVariables(area, periods), signal);
}

export function fetchCaseTrends(
  area: AreaChoice,
  periods: Periods,
  signal: AbortSignal,
): Promise<Compared<CaseTrend, { total: CaseTrendBucket }>> {
  return gql(CASE_TREND_QUERY, trendVariables(area, periods), signal);
}

// ---- REST: the tables and their exports ----------------------------------------------------------------

/** POST /api/analysis/assets (format json): one row per asset, sorted by the server. */
export interface AssetRow {
  code: string;
  name: string;
  kind: AssetKind;
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
  assetKind: AssetKind;
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

export type TableFormat = 'json' | 'csv' | 'geojson';
export type ExportFormat = Exclude<TableFormat, 'json'>;
export type TableName = 'assets' | 'alerts';

export interface AssetQuery {
  area: AreaChoice;
  /** Empty: all kinds. */
  kinds: readonly AssetKind[];
  sort: AssetSort;
}

export interface AlertQuery {
  area: AreaChoice;
  from: string;
  to: string;
  severities?: readonly string[];
  /** DeviceType names. */
  kinds?: readonly string[];
}

/** The body of POST /api/analysis/assets; kinds left out when all are wanted. */
export function assetsBody(query: AssetQuery, format: TableFormat, lang?: Locale): Record<string, unknown> {
  return {
    area: areaInput(query.area),
    ...(query.kinds.length ? { kinds: [...query.kinds] } : {}),
    sort: query.sort,
    format,
    ...(lang ? { lang } : {}),
  };
}

/** The body of POST /api/analysis/alerts. */
export function alertsBody(query: AlertQuery, format: TableFormat, lang?: Locale): Record<string, unknown> {
  return {
    area: areaInput(query.area),
    from: query.from,
    to: query.to,
    ...(query.severities?.length ? { severities: [...query.severities] } : {}),
    ...(query.kinds?.length ? { kinds: [...query.kinds] } : {}),
    format,
    ...(lang ? { lang } : {}),
  };
}

/** POST a table's query; a 401 means the session ended. */
const post = (path: string, body: Record<string, unknown>, signal?: AbortSignal) =>
  postJson(path, body, { signedIn: true, ...(signal ? { signal } : {}) });

export async function fetchAssetPage(query: AssetQuery, signal: AbortSignal): Promise<TablePage<AssetRow>> {
  return answer(await post('/api/analysis/assets', assetsBody(query, 'json'), signal));
}

export async function fetchAlertPage(query: AlertQuery, signal: AbortSignal): Promise<TablePage<AlertRow>> {
  return answer(await post('/api/analysis/alerts', alertsBody(query, 'json'), signal));
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
}

/** The CSV or GeoJSON file of a table, as the server built it (CSV with a BOM and headers in `lang`). */
export async function fetchExport(
  table: TableName,
  body: Record<string, unknown>,
  format: ExportFormat,
  signal?: AbortSignal,
): Promise<ExportedFile> {
  const response = await post(`/api/analysis/${table}`, body, signal);
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const filename =
    contentDispositionFilename(response.headers.get('content-disposition')) ?? defaultFilename(table, format);
  return { blob, filename };
}

export function defaultFilename(table: TableName, format: ExportFormat): string {
  return `${table}.${format === 'csv' ? 'csv' : 'geojson'}`;
}

/**
 * The file name a Content-Disposition header gives: `filename*=UTF-8''…` (RFC 6266 / 5987) first, then
 * `filename="…"` or a bare token; any folder part removed. Null when there is none.
 */
export function contentDispositionFilename(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    const charset = extended[1]!.trim().toLowerCase();
    const value = extended[2]!.trim().replace(/^"(.*)"$/, '$1');
    try {
      const decoded =
        charset === 'utf-8' || charset === ''
          ? decodeURIComponent(value)
          : value.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) =>
              String.fromCharCode(Number.parseInt(hex, 16)),
            );
      const name = baseName(decoded);
      if (name) return name;
    } catch {
      // A malformed escape: fall back to the plain parameter.
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return baseName(quoted[1]!.replace(/\\(.)/g, '$1'));
  const token = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return token ? baseName(token[1]!) : null;
}

function baseName(name: string): string | null {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base && base !== '.' && base !== '..' ? base : null;
}

// ---- Errors --------------------------------------------------------------------------------------------

/** Codes that say the area itself is wrong or not allowed; the map side explains them. */
export const AREA_ERROR_CODES: ReadonlySet<string> = new Set([
  'INVALID_GEOMETRY',
  'OUT_OF_SERVICE_AREA',
  'LIMIT_EXCEEDED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_INPUT',
]);

export const isAreaError = (error: unknown): boolean =>
  error instanceof ApiError && AREA_ERROR_CODES.has(error.code);
