// The side panels' figures for the focused district or the city. Left: assets by kind, buildings by safety
// grade with 自建房, devices online, active alerts by level. Right: open and overdue cases, 结案率 and 按期结案率,
// and the 24-hour alert trend. Each figure carries data-kpi="<name>" (and its raw number in data-value).

import type { ReactNode } from 'react';
import { ASSET_KINDS, SAFETY_GRADES, SEVERITIES } from '../../data/codes.ts';
import type { Districts } from '../../data/districts.ts';
import type { AssetKind } from '../../data/generated/graphql.ts';
import { percent } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Count, ScreenKpis } from '../live/useScreenKpis.ts';
import type { Severity } from '../types.ts';
import { areaName } from './area-name.ts';
import { TrendChart } from './TrendChart.tsx';

/** Most severe first, as a duty officer reads them: 红 橙 黄 蓝. */
const LEVELS: readonly Severity[] = [...SEVERITIES].reverse();

const countOf = (counts: readonly Count[] | undefined, key: string) =>
  counts?.find((c) => c.key === key)?.count ?? 0;

interface PanelProps {
  kpis: ScreenKpis;
  /** The focused district, null for the city; figures for another area (still loading) are not shown. */
  areaCode: string | null;
  districts: Districts | null;
}

/** One figure: label, number, optional detail; data-kpi for the browser tests. */
function Kpi(props: {
  name: string;
  label: string;
  value: number | null | undefined;
  text?: string;
  detail?: ReactNode;
  tone?: 'alarm' | 'big';
  colour?: string;
}) {
  const { formatNumber } = useI18n();
  const shown =
    props.text ?? (props.value === null || props.value === undefined ? '—' : formatNumber(props.value));
  return (
    <div
      className={`kpi${props.tone ? ` kpi-${props.tone}` : ''}`}
      data-kpi={props.name}
      data-value={props.value ?? ''}
    >
      <span className="kpi-label">{props.label}</span>
      <span className="kpi-num mono" style={props.colour ? { color: props.colour } : undefined}>
        {shown}
      </span>
      {props.detail !== undefined && <span className="kpi-detail">{props.detail}</span>}
    </div>
  );
}

function PanelHead({
  title,
  areaCode,
  districts,
}: {
  title: string;
  areaCode: string | null;
  districts: Districts | null;
}) {
  const { t, locale } = useI18n();
  return (
    <header className="panel-head">
      <h2>{title}</h2>
      <span className="panel-area" data-kpi="area" data-value={areaCode ?? ''}>
        {areaName(areaCode, districts, locale, t('wholeCity'))}
      </span>
    </header>
  );
}

function Failure({ error }: { error: Error | null }) {
  const { t } = useI18n();
  return error ? (
    <p className="panel-error" role="alert">
      {t('requestFailed')}
      {error.message}
    </p>
  ) : null;
}

export function KpiLeftPanel({ kpis, areaCode, districts }: PanelProps) {
  const { t, formatNumber } = useI18n();
  const s = kpis.stats?.areaCode === areaCode ? kpis.stats : undefined;
  const buildings = s?.buildings ?? 0;
  return (
    <section className="panel kpi-panel" data-testid="kpi-left" aria-busy={kpis.loading}>
      <PanelHead title={t('screenCityVitals')} areaCode={areaCode} districts={districts} />
      <Failure error={kpis.error} />

      <h3 className="panel-sub">{t('screenAssets')}</h3>
      <Kpi name="assets" label={t('screenAssetsTotal')} value={s?.assets} tone="big" />
      <div className="kpi-grid kpi-grid-3">
        {ASSET_KINDS.map((kind) => (
          <Kpi
            key={kind}
            name={`assets-${kind.toLowerCase()}`}
            label={t(`assetKind_${kind.toLowerCase() as Lowercase<AssetKind>}`)}
            value={s ? countOf(s.byKind, kind) : undefined}
          />
        ))}
      </div>

      <h3 className="panel-sub">{t('screenBuildingSafety')}</h3>
      <div className="kpi-grid kpi-grid-2">
        <Kpi name="buildings" label={t('screenBuildings')} value={s?.buildings} tone="big" />
        <Kpi name="selfBuilt" label={t('screenSelfBuilt')} value={s?.selfBuiltBuildings} tone="big" />
      </div>
      <div className="grade-bar" aria-hidden="true">
        {SAFETY_GRADES.map((g) => {
          const n = countOf(s?.buildingsBySafetyGrade, g);
          return buildings > 0 && n > 0 ? (
            <span key={g} className={`grade-seg grade-${g}`} style={{ flexGrow: n }} />
          ) : null;
        })}
      </div>
      <div className="kpi-grid kpi-grid-4">
        {SAFETY_GRADES.map((g) => (
          <Kpi
            key={g}
            name={`grade-${g}`}
            label={t(`screenGrade_${g}`)}
            value={s ? countOf(s.buildingsBySafetyGrade, g) : undefined}
          />
        ))}
      </div>

      <h3 className="panel-sub">{t('screenDevices')}</h3>
      <div className="kpi-grid kpi-grid-2">
        <Kpi
          name="deviceOnlineRate"
          label={t('screenDeviceOnlineRate')}
          value={s?.deviceOnlineRate}
          text={s ? percent(s.deviceOnlineRate) : '—'}
          tone="big"
        />
        <Kpi
          name="devicesOnline"
          label={t('screenDevicesOnline')}
          value={s?.devicesOnline}
          detail={s ? `/ ${formatNumber(s.devicesTotal)}` : undefined}
        />
      </div>

      <h3 className="panel-sub">{t('screenOpenAlerts')}</h3>
      <div className="kpi-grid kpi-grid-5">
        <Kpi name="openAlerts" label={t('screenAlertsTotal')} value={s?.openAlerts} tone="big" />
        {LEVELS.map((sev) => (
          <Kpi
            key={sev}
            name={`alerts-${sev}`}
            label={t('screenLevel', { level: t(`severity_${sev}`) })}
            value={s ? countOf(s.openAlertsBySeverity, sev) : undefined}
            colour={`var(--sev-${sev})`}
          />
        ))}
      </div>
    </section>
  );
}

export function KpiRightPanel({
  kpis,
  areaCode,
  districts,
  replayAt = null,
}: PanelProps & { replayAt?: Date | null }) {
  const { t, formatNumber } = useI18n();
  const s = kpis.stats?.areaCode === areaCode ? kpis.stats : undefined;
  const trend = kpis.trend?.areaCode === areaCode ? kpis.trend : undefined;
  const total = trend ? trend.buckets.reduce((n, b) => n + b.count, 0) : null;
  const rate = (name: string, label: string, value: number | null | undefined) => (
    <div className="rate" data-kpi={name} data-value={value ?? ''}>
      <span className="kpi-label">{label}</span>
      <span className="rate-track" aria-hidden="true">
        <span className="rate-fill" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </span>
      <span className="kpi-num mono">{s ? percent(value ?? null) : '—'}</span>
    </div>
  );
  return (
    <section className="panel kpi-panel" data-testid="kpi-right" aria-busy={kpis.loading}>
      <PanelHead title={t('screenCases')} areaCode={areaCode} districts={districts} />
      <Failure error={kpis.error} />
      <div className="kpi-grid kpi-grid-2">
        <Kpi name="openCases" label={t('screenOpenCases')} value={s?.openCases} tone="big" />
        <Kpi
          name="overdueCases"
          label={t('screenOverdueCases')}
          value={s?.overdueCases}
          tone={s && s.overdueCases > 0 ? 'alarm' : 'big'}
        />
      </div>
      <h3 className="panel-sub">{t('screenRates30d')}</h3>
      {rate('closureRate', t('kpiClosure'), s?.caseClosureRate)}
      {rate('onTimeRate', t('kpiOnTime'), s?.caseOnTimeRate)}

      <h3 className="panel-sub">{t('screenTrend24h')}</h3>
      <div className="trend" data-kpi="alertTrend" data-value={total ?? ''}>
        <span className="kpi-detail">
          {total === null
            ? '—'
            : t(trend?.truncated ? 'screenTrendTotalAtLeast' : 'screenTrendTotal', {
                n: formatNumber(total),
              })}
        </span>
        {trend && <TrendChart buckets={trend.buckets} replayAt={replayAt} />}
      </div>
    </section>
  );
}
