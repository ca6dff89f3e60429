// Cases over time for the area and range: the totals (reported, due, closed, closed on time), the period's
// 结案率 and 按期结案率, and the chart of reports per bucket with both rates.

import type { CaseTrend } from '../../data/analysis.ts';
import { formatCount, formatRate } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CASE_COLOURS, CaseTrendChart } from './CaseTrendChart.tsx';
import { type LoadState, PanelCard } from './PanelCard.tsx';
import type { TrendInterval } from './period.ts';

export function CaseTrendCard(props: {
  trend: CaseTrend | undefined;
  interval: TrendInterval;
  rangeLabel: string;
  state: LoadState;
}) {
  const { t, locale } = useI18n();
  const total = props.trend?.total;
  return (
    <PanelCard
      title={t('apCaseTrendTitle')}
      detail={`${props.rangeLabel} · ${t(`apInterval_${props.interval}`)}`}
      state={props.state}
      data={{
        'data-testid': 'case-trend',
        'data-reported': total?.reported ?? '',
        'data-closure-rate': total?.closureRate ?? '',
        'data-on-time-rate': total?.onTimeRate ?? '',
        'data-loaded': total ? 'true' : 'false',
      }}
    >
      {props.trend && total && (
        <>
          <div className="ap-legend">
            <span className="ap-part">
              <span className="ap-swatch" style={{ background: CASE_COLOURS.reported }} aria-hidden="true" />
              {t('apCaseReported')} <span className="ap-num">{formatCount(total.reported, locale)}</span>
            </span>
            <span className="ap-part">
              <span
                className="ap-swatch ap-swatch-line"
                style={{ background: CASE_COLOURS.closureRate }}
                aria-hidden="true"
              />
              {t('apCaseClosureRate')} <span className="ap-num">{formatRate(total.closureRate, locale)}</span>
            </span>
            <span className="ap-part">
              <span
                className="ap-swatch ap-swatch-line"
                style={{ background: CASE_COLOURS.onTimeRate }}
                aria-hidden="true"
              />
              {t('apCaseOnTimeRate')} <span className="ap-num">{formatRate(total.onTimeRate, locale)}</span>
            </span>
          </div>
          <CaseTrendChart buckets={props.trend.buckets} interval={props.interval} />
          <p className="ap-foot">
            {t('apCaseTotals', {
              reported: formatCount(total.reported, locale),
              due: formatCount(total.due, locale),
              closed: formatCount(total.closed, locale),
              onTime: formatCount(total.closedOnTime, locale),
            })}
            <br />
            {t('apCaseRateNote')}
          </p>
        </>
      )}
    </PanelCard>
  );
}
