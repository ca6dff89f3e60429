// The analyst panels' server calls: areaStats, alertTrend and caseTrend over GraphQL (each trend with the
// previous period and the same period last year, for 环比 / 同比), the asset and alert tables over
// POST /api/analysis/{assets,alerts} (JSON), and their CSV / GeoJSON exports as files. Every call is abortable.
import { GraphQLError, gql, SESSION_ENDED } from '../data/graphql.ts';
import { ApiError, answer, failure } from '../data/http.ts';
import type { Locale } from '../i18n/messages.ts';
import {
  type AlertRow,
  type AreaChoice,
  type AssetKindName,
  type AssetRow,
  type AssetSort,
  areaInput,
  type TablePage,
} from './contract.ts';
import type { ComparedPeriods } from './panels/period.ts';

export interface Count {
  key: string;
  count: number;
}

/** GraphQL AreaStats, the fields the panels show. */
export interface AreaStats {
  assets: number;
  buildings: number;
  buildingsBySafetyGrade: Count[];
  selfBuiltBuildings: number;
  floorAreaM2: number;
  devicesTotal: number;
  devicesOnline: number;
  deviceOnlineRate: number | null;
  openAlerts: number;
  openAlertsBySeverity: Count[];
  openCases: number;
  overdueCases: number;
  caseClosureRate: number | null;
  caseOnTimeRate: number | null;
  byKind: Count[];
}

export interface AlertTrendBucket {
  start: string;
  total: number;
  bySeverity: Count[];
}

export interface AlertTrend {
  total: number;
  bySeverity: Count[];
  byKind: Count[];
  buckets: AlertTrendBucket[];
}

export interface CaseTrendBucket {
  start: string;
  reported: number;
  due: number;
  closed: number;
  closedOnTime: number;
  /** 0–1; null when nothing was due. */
  closureRate: number | null;
  onTimeRate: number | null;
}

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

export type Periods = ComparedPeriods;

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

export type TableFormat = 'json' | 'csv' | 'geojson';
export type ExportFormat = Exclude<TableFormat, 'json'>;
export type TableName = 'assets' | 'alerts';

export interface AssetQuery {
  area: AreaChoice;
  /** Empty: all kinds. */
  kinds: readonly AssetKindName[];
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

async function post(path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 401) window.dispatchEvent(new Event(SESSION_ENDED));
  return response;
}

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

/** The server's code of an error (GraphQL or REST), or UNKNOWN. */
export function errorCode(error: unknown): string {
  if (error instanceof GraphQLError || error instanceof ApiError) return error.code;
  return 'UNKNOWN';
}

export function isAreaError(error: unknown): boolean {
  return AREA_ERROR_CODES.has(errorCode(error));
}
