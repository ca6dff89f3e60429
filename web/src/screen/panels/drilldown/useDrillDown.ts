// The drill-down's data: the asset or alert (refreshed while open), the asset's alerts of the last 30 days,
// and the chosen readings over the chosen span (±6 h around an alert's start, widened to ±24 h or ±3 d; back
// from now for an asset), with the alert starts to mark on the chart.
import { useEffect, useState } from 'react';
import {
  type AlertDetail,
  type AssetDetail,
  type ChartSeries,
  fetchAlert,
  fetchAlertWindow,
  fetchAsset,
  fetchAssetAlerts,
  fetchDeviceSeries,
} from '../../../data/drilldown.ts';
import { useQuery } from '../../../data/useQuery.ts';
import { formatTime } from '../../../format/time.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { Selection } from '../../types.ts';
import type { ChartMarker } from '../SeriesChart.tsx';

const HOUR_S = 3600;
/** Chart spans: ± around an alert's start, or back from now for an asset. */
export const SPANS_S = [6 * HOUR_S, 24 * HOUR_S, 72 * HOUR_S] as const;
const LIVE_REFRESH_MS = 30_000;
const SERIES_REFRESH_MS = 60_000;
/** Alert starts marked on an asset's chart. */
const MAX_MARKERS = 10;

type Detail = { alert: AlertDetail | null; asset: AssetDetail | null };
/** What the chart shows: the alert's own readings, or one device's metric. */
export type Source = { kind: 'alert' } | { kind: 'device'; deviceId: string; metric: string };
export type Chart = { series: ChartSeries | null; from: number; to: number };

async function loadDetail(selection: Selection, signal: AbortSignal): Promise<Detail> {
  if (selection.type === 'asset') return { alert: null, asset: await fetchAsset(selection.code, signal) };
  const alert = await fetchAlert(selection.id, signal);
  return { alert, asset: alert.asset };
}

/** Reload every `ms` while mounted. */
function useEvery(ms: number, reload: () => void) {
  useEffect(() => {
    const timer = setInterval(reload, ms);
    return () => clearInterval(timer);
  }, [ms, reload]);
}

export function useDrillDown(selection: Selection) {
  const { t } = useI18n();
  const detail = useQuery((signal) => loadDetail(selection, signal), []);
  // Keep the latest readings and online states current while open.
  useEvery(LIVE_REFRESH_MS, detail.reload);
  const alert = detail.data?.alert ?? null;
  const asset = detail.data?.asset ?? null;
  const history = useQuery((signal) => fetchAssetAlerts(asset!.code, signal), [asset?.code], !!asset);

  const [source, setSource] = useState<Source | null>(selection.type === 'alert' ? { kind: 'alert' } : null);
  const [span, setSpan] = useState(selection.type === 'alert' ? 0 : 1);
  // An asset charts its first device's first metric until another is chosen.
  const first = asset?.devices.find((d) => d.datastreams.length > 0);
  const firstMetric = first?.datastreams[0]?.metric.key;
  const chosen: Source | null =
    source ?? (first && firstMetric ? { kind: 'device', deviceId: first.id, metric: firstMetric } : null);

  const alertStart = alert ? Date.parse(alert.startedAt) : null;
  const series = useQuery(
    async (signal): Promise<Chart> => {
      const spanS = SPANS_S[span] ?? SPANS_S[0];
      const spanMs = spanS * 1000;
      const now = Date.now();
      const from = alertStart !== null ? alertStart - spanMs : now - spanMs;
      const to = alertStart !== null ? Math.min(now, alertStart + spanMs) : now;
      if (chosen?.kind === 'alert' && alert) {
        return { series: await fetchAlertWindow(alert, spanS, signal), from, to };
      }
      if (chosen?.kind === 'device') {
        return {
          series: await fetchDeviceSeries(chosen.deviceId, chosen.metric, from, to, signal),
          from,
          to,
        };
      }
      return { series: null, from, to };
    },
    [chosen?.kind, chosen?.kind === 'device' ? `${chosen.deviceId}:${chosen.metric}` : '', span, alert?.id],
    !!chosen && (chosen.kind === 'device' || !!alert),
  );
  useEvery(SERIES_REFRESH_MS, series.reload);

  const code = asset?.code ?? alert?.device?.code ?? (selection.type === 'asset' ? selection.code : '');
  const markers: ChartMarker[] = alert
    ? [{ t: Date.parse(alert.startedAt), label: t('screenAlertStart'), severity: alert.severity }]
    : (history.data?.alerts ?? []).slice(0, MAX_MARKERS).map((h) => ({
        t: Date.parse(h.startedAt),
        label: formatTime(h.startedAt, false),
        severity: h.severity,
      }));

  return { detail, alert, asset, code, history, chosen, setSource, span, setSpan, series, markers };
}
