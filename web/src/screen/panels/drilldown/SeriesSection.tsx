// The readings chart: its metric, the span buttons, the chart with threshold lines and alert starts, and the
// thresholds in words.
import type { Query } from '../../../data/useQuery.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { type ChartMarker, SeriesChart } from '../SeriesChart.tsx';
import type { ThresholdLine } from '../thresholds.ts';
import { ErrorText } from './ErrorText.tsx';
import { type Chart, SPANS_S } from './useDrillDown.ts';

const SPAN_AROUND = ['screenSpanAround_0', 'screenSpanAround_1', 'screenSpanAround_2'] as const;
const SPAN_BACK = ['screenSpanBack_0', 'screenSpanBack_1', 'screenSpanBack_2'] as const;

export interface SeriesSectionProps {
  series: Query<Chart>;
  markers: readonly ChartMarker[];
  span: number;
  onSpan: (span: number) => void;
  /** Spans are ± around an alert's start rather than back from now. */
  aroundAlert: boolean;
}

export function SeriesSection({ series, markers, span, onSpan, aroundAlert }: SeriesSectionProps) {
  const { t, locale } = useI18n();
  const chart = series.data;
  const metric = chart?.series?.metric;
  const metricName = metric ? (locale === 'en' ? metric.nameEn : metric.name) : null;
  return (
    <div className="dd-chart" data-testid="drilldown-chart">
      <div className="dd-chart-head">
        <h3>
          {metricName ?? t('screenChart')}
          {chart?.series?.bucketSeconds ? <span className="dd-muted"> · {t('screenBucketAvg')}</span> : null}
        </h3>
        <fieldset className="dd-spans" aria-label={t('screenChartRange')}>
          {SPANS_S.map((s, i) => (
            <button
              key={s}
              type="button"
              className={`sc-button${i === span ? ' active' : ''}`}
              aria-pressed={i === span}
              data-testid={`drilldown-span-${i}`}
              onClick={() => onSpan(i)}
            >
              {t((aroundAlert ? SPAN_AROUND : SPAN_BACK)[i]!)}
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
            label={metricName ?? ''}
          />
          <Thresholds lines={chart.series.thresholds} unit={chart.series.metric.unit} />
        </>
      )}
    </div>
  );
}

function Thresholds({ lines, unit }: { lines: readonly ThresholdLine[]; unit: string }) {
  const { t, formatNumber } = useI18n();
  if (lines.length === 0) return null;
  return (
    <ul className="dd-thresholds">
      {lines.map((l) => (
        <li key={`${l.severity}${l.value}${l.direction}`} style={{ color: `var(--sev-${l.severity})` }}>
          {t(`severity_${l.severity}`)} {l.direction === 'above' ? '≥' : '<'} {formatNumber(l.value)} {unit}
        </li>
      ))}
    </ul>
  );
}
