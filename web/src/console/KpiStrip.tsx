// The KPIs of cases due in a period (本月, 近30天 or chosen days): 应结案, 结案率, 按期结案率, 返工率, and the
// cases open and overdue now. Reloads (debounced) whenever a case changes.
import { useEffect, useMemo, useState } from 'react';
import { fetchKpi } from '../data/cases.ts';
import { useDebounced, useQuery } from '../data/useQuery.ts';
import { percent } from '../format/number.ts';
import { formatDate, type PeriodKind, periodRange } from '../format/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** "2026-11-01..2026-11-30": the CST days the period covers. */
const periodLabel = ({ from, to }: { from: Date; to: Date }) =>
  `${formatDate(from)}..${formatDate(new Date(to.getTime() - 1))}`;

export function KpiStrip({ signal }: { signal: number }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [custom, setCustom] = useState(() => {
    const today = formatDate(new Date());
    return { from: today, to: today };
  });
  const range = useMemo(() => periodRange(kind, new Date(), custom), [kind, custom]);
  // The period travels with its figures, so what is shown is always labelled with the period it counts.
  const kpi = useQuery(
    async (s) => ({ period: periodLabel(range), figures: await fetchKpi(range.from, range.to, s) }),
    [range.from.getTime(), range.to.getTime()],
  );
  const reloadSoon = useDebounced(kpi.reload, 500);
  useEffect(() => {
    if (signal > 0) reloadSoon();
  }, [signal, reloadSoon]);

  const k = kpi.data?.figures;
  const card = (id: string, label: string, value: string, detail?: string, alarm = false) => (
    <div className={`kpi-card${alarm ? ' alarm' : ''}`} data-testid={`kpi-${id}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {detail !== undefined && <span className="kpi-detail">{detail}</span>}
    </div>
  );
  const periods: [PeriodKind, string][] = [
    ['month', t('periodMonth')],
    ['last30', t('period30')],
    ['custom', t('periodCustom')],
  ];

  return (
    <section
      className="kpi-strip"
      aria-label={t('kpi')}
      aria-busy={kpi.loading}
      data-testid="kpi-strip"
      data-period={kpi.data?.period}
      title={kpi.data?.period}
    >
      <fieldset className="kpi-period">
        <legend className="sr-only">{t('kpi')}</legend>
        {periods.map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={kind === value}
            className={kind === value ? 'active' : ''}
            data-testid={`period-${value}`}
            onClick={() => setKind(value)}
          >
            {label}
          </button>
        ))}
        {kind === 'custom' && (
          <span className="kpi-custom">
            <label>
              {t('periodFrom')}
              <input
                type="date"
                data-testid="period-from"
                value={custom.from}
                max={custom.to}
                onChange={(e) => e.target.value && setCustom((c) => ({ ...c, from: e.target.value }))}
              />
            </label>
            <label>
              {t('periodTo')}
              <input
                type="date"
                data-testid="period-to"
                value={custom.to}
                min={custom.from}
                onChange={(e) => e.target.value && setCustom((c) => ({ ...c, to: e.target.value }))}
              />
            </label>
          </span>
        )}
      </fieldset>
      {card('due', t('kpiDue'), k ? String(k.due) : '0')}
      {card('closure', t('kpiClosure'), percent(k?.closureRate ?? null), `${k?.closed ?? 0}/${k?.due ?? 0}`)}
      {card(
        'ontime',
        t('kpiOnTime'),
        percent(k?.onTimeRate ?? null),
        `${k?.closedOnTime ?? 0}/${k?.due ?? 0}`,
      )}
      {card(
        'rework',
        t('kpiRework'),
        percent(k?.reworkRate ?? null),
        `${k?.reworked ?? 0}/${k?.handled ?? 0}`,
      )}
      {card('open', t('kpiOpen'), String(k?.open ?? 0))}
      {card('overdue', t('kpiOverdue'), String(k?.overdue ?? 0), undefined, (k?.overdue ?? 0) > 0)}
      {kpi.error && (
        <span className="kpi-error" role="alert">
          {t('requestFailed')}
          {kpi.error.message}
        </span>
      )}
    </section>
  );
}
