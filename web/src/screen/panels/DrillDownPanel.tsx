// The drill-down for a clicked asset or alert: what it is (typed fields, 区 › 街道 › 社区 › 网格), its devices
// with their latest readings, its alerts of the last 30 days, and a readings chart with threshold lines and
// the alert's start (±6 h, widened to ±24 h or ±3 d). Links an alert's case to the duty console.
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
} from '../../data/drilldown.ts';
import { ApiError } from '../../data/http.ts';
import { formatDateTime } from '../../data/time.ts';
import { useQuery } from '../../data/useQuery.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { casePath } from '../../route.ts';
import { formatTime } from '../screen-format.ts';
import type { Selection } from '../types.ts';
import { AssetAttributes } from './AssetAttributes.tsx';
import { SeriesChart } from './SeriesChart.tsx';

export interface DrillDownPanelProps {
  selection: Selection;
  onClose: () => void;
  /** Open another alert (from the asset's history). */
  onSelect?: (selection: Selection) => void;
}

const HOUR_S = 3600;
/** Chart spans: ± around an alert's start, or back from now for an asset. */
const SPANS_S = [6 * HOUR_S, 24 * HOUR_S, 72 * HOUR_S] as const;
const SPAN_AROUND = ['screenSpanAround_0', 'screenSpanAround_1', 'screenSpanAround_2'] as const;
const SPAN_BACK = ['screenSpanBack_0', 'screenSpanBack_1', 'screenSpanBack_2'] as const;
const LIVE_REFRESH_MS = 30_000;
const SERIES_REFRESH_MS = 60_000;
/** Alert starts marked on an asset's chart. */
const MAX_MARKERS = 10;

type Detail = { alert: AlertDetail | null; asset: AssetDetail | null };
type Source = { kind: 'alert' } | { kind: 'device'; deviceId: string; metric: string };

async function loadDetail(selection: Selection, signal: AbortSignal): Promise<Detail> {
  if (selection.type === 'asset') return { alert: null, asset: await fetchAsset(selection.code, signal) };
  const alert = await fetchAlert(selection.id, signal);
  return { alert, asset: alert.asset };
}

export function DrillDownPanel(props: DrillDownPanelProps) {
  const key =
    props.selection.type === 'asset' ? `asset:${props.selection.code}` : `alert:${props.selection.id}`;
  // A new selection starts afresh (chart source, span).
  return <DrillDown key={key} {...props} />;
}

function DrillDown({ selection, onClose, onSelect }: DrillDownPanelProps) {
  const { t, locale, formatNumber } = useI18n();
  const detail = useQuery((signal) => loadDetail(selection, signal), []);
  // Keep the latest readings and online states current while open.
  useEffect(() => {
    const timer = setInterval(detail.reload, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [detail.reload]);
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
    async (signal): Promise<{ series: ChartSeries | null; from: number; to: number }> => {
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

  useEffect(() => {
    const timer = setInterval(series.reload, SERIES_REFRESH_MS);
    return () => clearInterval(timer);
  }, [series.reload]);
  const chart = series.data;
  const code = asset?.code ?? alert?.device?.code ?? (selection.type === 'asset' ? selection.code : '');
  const name = (x: { name: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.name);
  const markers = alert
    ? [{ t: Date.parse(alert.startedAt), label: t('screenAlertStart'), severity: alert.severity }]
    : (history.data?.alerts ?? []).slice(0, MAX_MARKERS).map((h) => ({
        t: Date.parse(h.startedAt),
        label: formatTime(h.startedAt, false),
        severity: h.severity,
      }));

  return (
    <section className="panel drilldown" data-testid="drilldown" aria-label={t('screenDrillDown')}>
      <header className="dd-head">
        <div className="dd-title">
          <h2>{asset?.name ?? (alert ? name(alert.rule) : t('loading'))}</h2>
          <span className="dd-code mono" data-testid="drilldown-code">
            {code}
          </span>
          {asset && (
            <span className="dd-kind">
              {t(`assetKind_${asset.kind.toLowerCase() as Lowercase<AssetDetail['kind']>}`)}
            </span>
          )}
          {asset?.alertSeverity && (
            <span className="sev-chip" style={{ background: `var(--sev-${asset.alertSeverity})` }}>
              {t(`severity_${asset.alertSeverity}`)}
            </span>
          )}
        </div>
        <button type="button" className="sc-button dd-close" data-testid="drilldown-close" onClick={onClose}>
          {t('close')}
        </button>
      </header>

      {detail.error && <ErrorText error={detail.error} />}
      {detail.loading && !detail.data && <p className="dd-muted">{t('loading')}</p>}

      {alert && (
        <div className={`dd-alert sev-${alert.severity}`} data-testid="drilldown-alert">
          <span className="sev-chip" style={{ background: `var(--sev-${alert.severity})` }}>
            {t(`severity_${alert.severity}`)}
          </span>
          <strong>{name(alert.rule)}</strong>
          <span>
            {alert.active ? t('screenAlertActive') : t('screenAlertCleared')}
            {alert.acknowledged ? ` · ${t('alertAcked')}` : ''}
            {alert.escalationLevel > 0 ? ` · ${t('alertEscalated', { n: alert.escalationLevel })}` : ''}
          </span>
          <span className="dd-muted">
            {t('screenStartedAt', { at: formatDateTime(alert.startedAt) })}
            {alert.clearedAt ? ` · ${t('screenClearedAt', { at: formatDateTime(alert.clearedAt) })}` : ''}
            {alert.lastValue !== null
              ? ` · ${t('alertValue', { value: formatNumber(alert.lastValue) })}`
              : ''}
          </span>
          {alert.case && (
            <a className="sc-button dd-case" href={casePath(alert.case.id)} data-testid="drilldown-case">
              {t('screenOpenCase')}
            </a>
          )}
        </div>
      )}

      {asset && (
        <>
          <p className="dd-chain" data-testid="drilldown-area">
            {asset.areaChain.map((a) => (locale === 'en' ? (a.nameEn ?? a.name) : a.name)).join(' › ')}
          </p>
          <AssetAttributes asset={asset} />
        </>
      )}

      {(chosen || alert) && (
        <div className="dd-chart" data-testid="drilldown-chart">
          <div className="dd-chart-head">
            <h3>
              {chart?.series ? name(chart.series.metric) : t('screenChart')}
              {chart?.series?.bucketSeconds ? (
                <span className="dd-muted"> · {t('screenBucketAvg')}</span>
              ) : null}
            </h3>
            <fieldset className="dd-spans" aria-label={t('screenChartRange')}>
              {SPANS_S.map((s, i) => (
                <button
                  key={s}
                  type="button"
                  className={`sc-button${i === span ? ' active' : ''}`}
                  aria-pressed={i === span}
                  data-testid={`drilldown-span-${i}`}
                  onClick={() => setSpan(i)}
                >
                  {t((alert ? SPAN_AROUND : SPAN_BACK)[i]!)}
                </button>
              ))}
            </fieldset>
          </div>
          {series.error && <ErrorText error={series.error} />}
          {chart && !chart.series && !series.loading && <p className="dd-muted">{t('screenNoSeries')}</p>}
          {chart?.series && (
            <>
              <SeriesChart
                points={chart.series.points}
                bucketed={chart.series.bucketSeconds !== null}
                from={chart.from}
                to={chart.to}
                unit={chart.series.metric.unit}
                thresholds={chart.series.thresholds}
                markers={markers}
                label={name(chart.series.metric)}
              />
              {chart.series.thresholds.length > 0 && (
                <ul className="dd-thresholds">
                  {chart.series.thresholds.map((l) => (
                    <li
                      key={`${l.severity}${l.value}${l.direction}`}
                      style={{ color: `var(--sev-${l.severity})` }}
                    >
                      {t(`severity_${l.severity}`)} {l.direction === 'above' ? '≥' : '<'}{' '}
                      {formatNumber(l.value)} {chart.series?.metric.unit}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}

      {asset && (
        <>
          <h3 className="panel-sub">{t('screenDevicesOf', { n: asset.devices.length })}</h3>
          {asset.devices.length === 0 && <p className="dd-muted">{t('screenNoDevices')}</p>}
          <ul className="dd-devices" data-testid="drilldown-devices">
            {asset.devices.map((d) => (
              <li key={d.id} data-device={d.code} data-online={d.online}>
                <div className="dd-device-head">
                  <span className={d.online ? 'dot online' : 'dot offline'} aria-hidden="true" />
                  <span>{locale === 'en' ? d.typeNameEn : d.typeName}</span>
                  <span className="mono dd-muted">{d.code}</span>
                  <span className={d.online ? 'dd-online' : 'dd-offline'}>
                    {d.online ? t('screenOnline') : t('screenOffline')}
                  </span>
                  {!d.online && d.lastSeenAt && (
                    <span className="dd-muted">
                      {t('screenLastSeen', { at: formatDateTime(d.lastSeenAt) })}
                    </span>
                  )}
                </div>
                <div className="dd-streams">
                  {d.datastreams.map((s) => {
                    const current =
                      chosen?.kind === 'device' && chosen.deviceId === d.id && chosen.metric === s.metric.key;
                    return (
                      <button
                        key={s.metric.key}
                        type="button"
                        className={`dd-stream${current ? ' current' : ''}`}
                        aria-pressed={current}
                        title={s.latest ? formatDateTime(s.latest.t) : undefined}
                        onClick={() => setSource({ kind: 'device', deviceId: d.id, metric: s.metric.key })}
                      >
                        <span>{name(s.metric)}</span>
                        <span className="mono">
                          {s.latest ? `${formatNumber(s.latest.value)} ${s.metric.unit}` : '—'}
                        </span>
                        {s.latest && <span className="dd-muted mono">{formatTime(s.latest.t)}</span>}
                      </button>
                    );
                  })}
                </div>
              </li>
            ))}
          </ul>

          <h3 className="panel-sub">{t('screenAlertHistory')}</h3>
          {history.error && <ErrorText error={history.error} />}
          {history.data && history.data.alerts.length === 0 && (
            <p className="dd-muted">{t('screenNoHistory')}</p>
          )}
          <ol className="dd-history" data-testid="drilldown-history">
            {history.data?.alerts.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className={`dd-history-item${alert?.id === h.id ? ' current' : ''}`}
                  data-alert-id={h.id}
                  disabled={!onSelect || alert?.id === h.id}
                  onClick={() => onSelect?.({ type: 'alert', id: h.id })}
                >
                  <span className="sev-chip" style={{ background: `var(--sev-${h.severity})` }}>
                    {t(`severity_${h.severity}`)}
                  </span>
                  <span className="mono">{formatDateTime(h.startedAt)}</span>
                  <span>{name(h.rule)}</span>
                  <span className="dd-muted">
                    {h.active ? t('screenAlertActive') : t('screenAlertCleared')}
                    {h.case ? ` · ${t('screenHasCase')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {history.data && history.data.total > history.data.alerts.length && (
            <p className="dd-muted">
              {t('screenHistoryMore', { shown: history.data.alerts.length, n: history.data.total })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** NOT_FOUND and FORBIDDEN in words; anything else as the request failure it is. */
function ErrorText({ error }: { error: Error }) {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : '';
  const text =
    code === 'NOT_FOUND'
      ? t('screenNotFound')
      : code === 'FORBIDDEN'
        ? t('screenForbidden')
        : `${t('requestFailed')}${error.message}`;
  return (
    <p className="panel-error" role="alert" data-error-code={code}>
      {text}
    </p>
  );
}
