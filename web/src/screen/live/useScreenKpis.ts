// The screen's figures for the focused district or the city: areaStats (every 30 s, and soon after the alert
// list changes) and the alerts raised per hour over the last 24 hours (paged start times, bucketed here).
import { useCallback, useEffect, useRef } from 'react';
import { gql } from '../../data/graphql.ts';
import { useDebounced, useQuery } from '../../data/useQuery.ts';
import { hourBuckets, type TrendBucket, trendStart } from './alert-trend.ts';

/** The city as an area code (areaStats needs one area; a scoped viewer gets their part of it). */
export const CITY_CODE = '440300';
const STATS_EVERY_MS = 30_000;
const TREND_EVERY_MS = 60_000;
const STATS_AFTER_CHANGE_MS = 2_000;
const TREND_AFTER_CHANGE_MS = 10_000;
const TREND_PAGE = 500;
/** 5,000 alerts in a day is far beyond the demo city; past that the trend says it is cut short. */
const TREND_MAX_PAGES = 10;

export interface Count {
  key: string;
  count: number;
}

export interface ScreenStats {
  /** The district the figures are for; null for the city (so a panel never labels them wrongly). */
  areaCode: string | null;
  assets: number;
  buildings: number;
  byKind: Count[];
  buildingsBySafetyGrade: Count[];
  selfBuiltBuildings: number;
  devicesTotal: number;
  devicesOnline: number;
  deviceOnlineRate: number | null;
  openAlerts: number;
  openAlertsBySeverity: Count[];
  openCases: number;
  overdueCases: number;
  caseClosureRate: number | null;
  caseOnTimeRate: number | null;
}

export interface AlertTrend {
  areaCode: string | null;
  buckets: TrendBucket[];
  /** More alerts than the trend pages through: the oldest hours are undercounted. */
  truncated: boolean;
}

const STATS_QUERY = `query ScreenStats($area: AreaInput!) {
  areaStats(area: $area) {
    assets buildings byKind { key count } buildingsBySafetyGrade { key count } selfBuiltBuildings
    devicesTotal devicesOnline deviceOnlineRate openAlerts openAlertsBySeverity { key count }
    openCases overdueCases caseClosureRate caseOnTimeRate
  }
}`;

const TREND_QUERY = `query ScreenAlertTrend($filter: AlertFilter, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { startedAt } }
  }
}`;

async function fetchStats(areaCode: string | null, signal: AbortSignal): Promise<ScreenStats> {
  const data = await gql<{ areaStats: Omit<ScreenStats, 'areaCode'> }>(
    STATS_QUERY,
    { area: { code: areaCode ?? CITY_CODE } },
    signal,
  );
  return { areaCode, ...data.areaStats };
}

/** Start times of the alerts active since the trend's first hour, newest first, until they start before it. */
async function fetchTrend(areaCode: string | null, signal: AbortSignal): Promise<AlertTrend> {
  const now = Date.now();
  const from = trendStart(now);
  const filter = { area: areaCode ? { code: areaCode } : null, from: new Date(from).toISOString() };
  const times: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < TREND_MAX_PAGES; page++) {
    const data: {
      alerts: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { startedAt: string } }[];
      };
    } = await gql(TREND_QUERY, { filter, first: TREND_PAGE, after }, signal);
    for (const { node } of data.alerts.edges) times.push(Date.parse(node.startedAt));
    const { hasNextPage, endCursor } = data.alerts.pageInfo;
    // Alerts come newest first: once they start before the window, the rest do too.
    if (!hasNextPage || !endCursor || (times.at(-1) ?? now) < from) {
      return { areaCode, buckets: hourBuckets(times, now), truncated: false };
    }
    after = endCursor;
  }
  return { areaCode, buckets: hourBuckets(times, now), truncated: true };
}

/** Calls `reload` every `ms` while mounted. */
function useEvery(reload: () => void, ms: number) {
  useEffect(() => {
    const timer = setInterval(reload, ms);
    return () => clearInterval(timer);
  }, [reload, ms]);
}

/**
 * The query's reload, skipped while a load is still running: on a large city a city-wide areaStats takes
 * seconds, and timed or alert-driven reloads must not pile up behind it.
 */
function useReloadWhenIdle(query: { loading: boolean; reload: () => void }): () => void {
  const busy = useRef(query.loading);
  busy.current = query.loading;
  const { reload } = query;
  return useCallback(() => {
    if (!busy.current) reload();
  }, [reload]);
}

export function useScreenKpis({ areaCode, lastChangeAt }: { areaCode: string | null; lastChangeAt: number }) {
  const stats = useQuery((signal) => fetchStats(areaCode, signal), [areaCode]);
  const trend = useQuery((signal) => fetchTrend(areaCode, signal), [areaCode]);
  const reloadStats = useReloadWhenIdle(stats);
  const reloadTrend = useReloadWhenIdle(trend);
  useEvery(reloadStats, STATS_EVERY_MS);
  useEvery(reloadTrend, TREND_EVERY_MS);
  const statsSoon = useDebounced(reloadStats, STATS_AFTER_CHANGE_MS);
  const trendSoon = useDebounced(reloadTrend, TREND_AFTER_CHANGE_MS);
  useEffect(() => {
    if (lastChangeAt > 0) {
      statsSoon();
      trendSoon();
    }
  }, [lastChangeAt, statsSoon, trendSoon]);

  return {
    stats: stats.data,
    trend: trend.data,
    error: stats.error ?? trend.error,
    loading: stats.loading || trend.loading,
  };
}

export type ScreenKpis = ReturnType<typeof useScreenKpis>;
