// Alerts over time for the area and range: the total, the levels' totals (legend), bars stacked by level per
// bucket, and the alerts by device type.

import type { AlertTrend, Count } from '../../data/analysis.ts';
import { SEVERITIES } from '../../data/codes.ts';
import { formatCount } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AlertTrendChart } from './AlertTrendChart.tsx';
import { deviceTypeKey, SEVERITY_COLOURS } from './labels.ts';
import { type LoadState, PanelCard } from './PanelCard.tsx';
import type { TrendInterval } from './period.ts';

const countOf = (counts: readonly Count[], key: string) => counts.find((c) => c.key === key)?.count ?? 0;

export function AlertTrendCard(props: {
  trend: AlertTrend | undefined;
  interval: TrendInterval;
  rangeLabel: string;
  state: LoadState;
}) {
  const { t, locale } = useI18n();
  const { trend } = props;
  return (
    <PanelCard
      title={t('apAlertTrendTitle')}
      detail={`${props.rangeLabel} · ${t(`apInterval_${props.interval}`)}`}
      state={props.state}
      data={{
        'data-testid': 'alert-trend',
        'data-total': trend?.total ?? '',
        'data-loaded': trend ? 'true' : 'false',
      }}
    >
      {trend && (
        <>
          <div className="ap-legend">
            <span className="ap-legend-total">
              {t('apAlertTrendTotal', { n: formatCount(trend.total, locale) })}
            </span>
            {[...SEVERITIES].reverse().map((sev) => (
              <span
                key={sev}
                className="ap-part"
                data-severity={sev}
                data-value={countOf(trend.bySeverity, sev)}
              >
                <span
                  className="ap-swatch"
                  style={{ background: SEVERITY_COLOURS[sev] }}
                  aria-hidden="true"
                />
                {t('apLevel', { level: t(`severity_${sev}`) })}{' '}
                <span className="ap-num">{formatCount(countOf(trend.bySeverity, sev), locale)}</span>
              </span>
            ))}
          </div>
          <AlertTrendChart buckets={trend.buckets} interval={props.interval} />
          {trend.total === 0 ? (
            <p className="ap-note">{t('apNoAlerts')}</p>
          ) : (
            <KindBreakdown counts={trend.byKind} />
          )}
        </>
      )}
    </PanelCard>
  );
}

function KindBreakdown({ counts }: { counts: readonly Count[] }) {
  const { t, locale } = useI18n();
  const rows = counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const max = Math.max(1, ...rows.map((c) => c.count));
  return (
    <div className="ap-kinds">
      <h3>{t('apAlertByKind')}</h3>
      <ul>
        {rows.map((c) => {
          const key = deviceTypeKey(c.key);
          return (
            <li key={c.key} data-kind={c.key} data-value={c.count}>
              <span className="ap-kind-label">{key ? t(key) : c.key}</span>
              <span className="ap-kind-track" aria-hidden="true">
                <span className="ap-kind-fill" style={{ width: `${(c.count / max) * 100}%` }} />
              </span>
              <span className="ap-num">{formatCount(c.count, locale)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
