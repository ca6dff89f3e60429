// 环比 / 同比: the range's alert and case figures beside the previous period of the same length and the same
// period last year, with the change (↑ red / ↓ green for alerts and reports; the other way for closure rates).

import type { AlertTrend, CaseTrend, CaseTrendBucket, Compared } from '../../data/analysis.ts';
import { DASH, formatChange, formatCount, formatPoints, formatRate } from '../../format/number.ts';
import { formatRange } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type LoadState, PanelCard } from './PanelCard.tsx';
import { type ComparedPeriods, changeTone, rateChange, relativeChange, type Tone } from './period.ts';

interface Props {
  alerts: Compared<AlertTrend, { total: number }> | undefined;
  cases: Compared<CaseTrend, { total: CaseTrendBucket }> | undefined;
  periods: ComparedPeriods;
  state: LoadState;
}

export function ComparePanel({ alerts, cases, periods, state }: Props) {
  const { t, locale } = useI18n();
  const range = (p: { from: string; to: string }) => formatRange(p.from, p.to, locale);
  return (
    <PanelCard
      title={t('apCompareTitle')}
      state={state}
      className="ap-compare-card"
      data={{ 'data-testid': 'compare', 'data-loaded': alerts && cases ? 'true' : 'false' }}
    >
      <table className="ap-compare">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('apCompareNow')}</th>
            <th scope="col">{t('apComparePrev')}</th>
            <th scope="col">{t('apCompareMoM')}</th>
            <th scope="col">{t('apCompareYoy')}</th>
            <th scope="col">{t('apCompareYoY')}</th>
          </tr>
        </thead>
        <tbody>
          <CountRow
            testId="alert-compare"
            label={t('apCompareAlerts')}
            values={alerts ? [alerts.now.total, alerts.prev.total, alerts.yoy.total] : null}
          />
          <CountRow
            testId="case-compare"
            label={t('apCompareReported')}
            values={
              cases ? [cases.now.total.reported, cases.prev.total.reported, cases.yoy.total.reported] : null
            }
          />
          <RateRow
            testId="closure-compare"
            label={t('apCompareClosure')}
            values={
              cases
                ? [cases.now.total.closureRate, cases.prev.total.closureRate, cases.yoy.total.closureRate]
                : null
            }
          />
          <RateRow
            testId="ontime-compare"
            label={t('apCompareOnTime')}
            values={
              cases
                ? [cases.now.total.onTimeRate, cases.prev.total.onTimeRate, cases.yoy.total.onTimeRate]
                : null
            }
          />
        </tbody>
      </table>
      <p className="ap-foot">
        {t('apComparePeriods', {
          now: range(periods.now),
          prev: range(periods.prev),
          yoy: range(periods.yoy),
        })}
      </p>
    </PanelCard>
  );
}

function ChangeCell({ text, tone, noBase }: { text: string; tone: Tone; noBase: boolean }) {
  const { t } = useI18n();
  return (
    <td className={`ap-num ap-tone-${tone}`} title={noBase ? t('apCompareNoBase') : undefined}>
      {text}
    </td>
  );
}

function CountRow(props: { testId: string; label: string; values: [number, number, number] | null }) {
  const { locale } = useI18n();
  const [now, prev, yoy] = props.values ?? [null, null, null];
  const cells = (base: number | null) => {
    if (now === null || base === null) return <td className="ap-num">{DASH}</td>;
    const change = relativeChange(now, base);
    return (
      <ChangeCell
        text={formatChange(change.ratio, locale)}
        tone={changeTone(change.direction, false)}
        noBase={change.ratio === null}
      />
    );
  };
  return (
    <tr data-testid={props.testId} data-now={now ?? ''} data-prev={prev ?? ''} data-yoy={yoy ?? ''}>
      <th scope="row">{props.label}</th>
      <td className="ap-num">{formatCount(now, locale)}</td>
      <td className="ap-num">{formatCount(prev, locale)}</td>
      {cells(prev)}
      <td className="ap-num">{formatCount(yoy, locale)}</td>
      {cells(yoy)}
    </tr>
  );
}

function RateRow(props: {
  testId: string;
  label: string;
  values: [number | null, number | null, number | null] | null;
}) {
  const { t, locale } = useI18n();
  const [now, prev, yoy] = props.values ?? [null, null, null];
  const cells = (base: number | null) => {
    const change = rateChange(now, base);
    return (
      <ChangeCell
        text={change.delta === null ? DASH : t('apComparePoints', { n: formatPoints(change.delta, locale) })}
        tone={changeTone(change.direction, true)}
        noBase={props.values !== null && change.delta === null}
      />
    );
  };
  return (
    <tr data-testid={props.testId} data-now={now ?? ''} data-prev={prev ?? ''} data-yoy={yoy ?? ''}>
      <th scope="row">{props.label}</th>
      <td className="ap-num">{formatRate(now, locale)}</td>
      <td className="ap-num">{formatRate(prev, locale)}</td>
      {cells(prev)}
      <td className="ap-num">{formatRate(yoy, locale)}</td>
      {cells(yoy)}
    </tr>
  );
}
