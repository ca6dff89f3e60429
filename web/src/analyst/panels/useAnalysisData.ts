// What the panels load for an area: its figures (area only), the alert and case trends with their 环比 /
// 同比 totals and the alert list (area and range), and the asset table (area, kinds and sort). Each answer
// is tied to the key it was asked for.

import { useMemo } from 'react';
import {
  fetchAlertPage,
  fetchAlertTrends,
  fetchAreaStats,
  fetchAssetPage,
  fetchCaseTrends,
} from '../../data/analysis.ts';
import type { AssetKind } from '../../data/generated/graphql.ts';
import type { AreaChoice, AssetSort, TimeRange } from '../contract.ts';
import { areaInput } from '../contract.ts';
import { comparedPeriods } from './period.ts';
import { useKeyedQuery } from './useKeyedQuery.ts';

export function useAnalysisData(area: AreaChoice, range: TimeRange, kinds: AssetKind[], sort: AssetSort) {
  const areaKey = useMemo(() => JSON.stringify(areaInput(area)), [area]);
  const { from, to } = range;
  const periods = useMemo(() => comparedPeriods({ from, to }), [from, to]);
  const rangeKey = `${areaKey}|${from}|${to}`;
  const kindsKey = [...kinds].sort().join(',');
  const assetKey = `${areaKey}|${kindsKey}|${sort.by}|${sort.dir}`;

  const stats = useKeyedQuery(areaKey, (signal) => fetchAreaStats(area, signal));
  const alertTrends = useKeyedQuery(rangeKey, (signal) => fetchAlertTrends(area, periods, signal));
  const caseTrends = useKeyedQuery(rangeKey, (signal) => fetchCaseTrends(area, periods, signal));
  const alerts = useKeyedQuery(rangeKey, (signal) => fetchAlertPage({ area, from, to }, signal));
  const assets = useKeyedQuery(assetKey, (signal) => fetchAssetPage({ area, kinds, sort }, signal));
  // While a new sort loads, the rows of the same area and kinds stay on screen (dimmed).
  const sameList = assets.lastKey?.startsWith(`${areaKey}|${kindsKey}|`) ?? false;
  const assetPage = assets.value ?? (sameList ? assets.last : undefined);

  return { areaKey, periods, stats, alertTrends, caseTrends, alerts, assets, assetPage };
}
