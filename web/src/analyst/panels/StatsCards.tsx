// The area's figures from areaStats: assets, buildings, 自建房, floor area, devices online, active alerts by
// level, open and overdue cases, 结案率 / 按期结案率, and the asset mix. Every figure carries
// data-stat="<AreaStats field>" and data-value="<raw number>"; a breakdown's parts carry data-key.
import type { ReactNode } from 'react';
import type { AreaStats, Count } from '../../data/analysis.ts';
import { ASSET_KINDS, SAFETY_GRADES, SEVERITIES } from '../../data/codes.ts';
import type { SafetyGrade } from '../../data/generated/graphql.ts';
import { formatCount, formatFloorArea, formatRate } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { assetKindKey, SEVERITY_COLOURS } from './labels.ts';
import { type LoadState, PanelCard } from './PanelCard.tsx';

const GRADE_COLOURS: Readonly<Record<SafetyGrade, string>> = {
  A: '#16a34a',
  B: '#84cc16',
  C: '#f97316',
  D: '#dc2626',
};

const countOf = (counts: readonly Count[], key: string) => counts.find((c) => c.key === key)?.count ?? 0;
const sum = (counts: readonly Count[]) => counts.reduce((n, c) => n + c.count, 0);

function Stat(props: {
  field: keyof AreaStats;
  label: string;
  value: number | null;
  text: string;
  tone?: 'alarm';
  children?: ReactNode;
}) {
  return (
    <div
      className={`ap-stat${props.tone ? ` ap-stat-${props.tone}` : ''}`}
      data-stat={props.field}
      data-value={props.value ?? ''}
    >
      <span className="ap-stat-label">{props.label}</span>
      <span className="ap-stat-value ap-num">{props.text}</span>
      {props.children}
    </div>
  );
}

export function StatsCards({ stats, state }: { stats: AreaStats | undefined; state: LoadState }) {
  const { t, locale } = useI18n();
  const n = (value: number | undefined) => (stats ? formatCount(value, locale) : '—');
  const s = stats;
  return (
    <PanelCard
      title={t('apStatsTitle')}
      detail={t('apStatsNote')}
      state={state}
      data={{ 'data-testid': 'area-stats', 'data-loaded': s ? 'true' : 'false' }}
    >
      <div className="ap-stats">
        <Stat field="assets" label={t('apStat_assets')} value={s?.assets ?? null} text={n(s?.assets)} />
        <Stat
          field="buildings"
          label={t('apStat_buildings')}
          value={s?.buildings ?? null}
          text={n(s?.buildings)}
        />
        <Stat
          field="selfBuiltBuildings"
          label={t('apStat_selfBuiltBuildings')}
          value={s?.selfBuiltBuildings ?? null}
          text={n(s?.selfBuiltBuildings)}
        />
        <Stat
          field="floorAreaM2"
          label={t('apStat_floorAreaM2')}
          value={s?.floorAreaM2 ?? null}
          text={s ? formatFloorArea(s.floorAreaM2, locale) : '—'}
        />
        <Stat
          field="deviceOnlineRate"
          label={t('apStat_deviceOnlineRate')}
          value={s?.deviceOnlineRate ?? null}
          text={s ? formatRate(s.deviceOnlineRate, locale) : '—'}
        >
          <span className="ap-stat-sub">
            {t('apStat_devicesOnline')}{' '}
            <span className="ap-num" data-stat="devicesOnline" data-value={s?.devicesOnline ?? ''}>
              {n(s?.devicesOnline)}
            </span>{' '}
            / {t('apStat_devicesTotal')}{' '}
            <span className="ap-num" data-stat="devicesTotal" data-value={s?.devicesTotal ?? ''}>
              {n(s?.devicesTotal)}
            </span>{' '}
            {t('apUnitDevices')}
          </span>
        </Stat>
        <Stat
          field="openAlerts"
          label={t('apStat_openAlerts')}
          value={s?.openAlerts ?? null}
          text={n(s?.openAlerts)}
          {...(s && s.openAlerts > 0 ? { tone: 'alarm' as const } : {})}
        />
        <Stat
          field="openCases"
          label={t('apStat_openCases')}
          value={s?.openCases ?? null}
          text={n(s?.openCases)}
        />
        <Stat
          field="overdueCases"
          label={t('apStat_overdueCases')}
          value={s?.overdueCases ?? null}
          text={n(s?.overdueCases)}
          {...(s && s.overdueCases > 0 ? { tone: 'alarm' as const } : {})}
        />
        <Stat
          field="caseClosureRate"
          label={t('apStat_caseClosureRate')}
          value={s?.caseClosureRate ?? null}
          text={s ? formatRate(s.caseClosureRate, locale) : '—'}
        />
        <Stat
          field="caseOnTimeRate"
          label={t('apStat_caseOnTimeRate')}
          value={s?.caseOnTimeRate ?? null}
          text={s ? formatRate(s.caseOnTimeRate, locale) : '—'}
        />
      </div>

      <Breakdown
        field="openAlertsBySeverity"
        label={t('apStat_openAlertsBySeverity')}
        counts={s?.openAlertsBySeverity}
      >
        {[...SEVERITIES].reverse().map((sev) => (
          <Part
            key={sev}
            id={sev}
            label={t('apLevel', { level: t(`severity_${sev}`) })}
            count={s ? countOf(s.openAlertsBySeverity, sev) : null}
            colour={SEVERITY_COLOURS[sev]}
          />
        ))}
      </Breakdown>

      <Breakdown
        field="buildingsBySafetyGrade"
        label={t('apStat_buildingsBySafetyGrade')}
        counts={s?.buildingsBySafetyGrade}
      >
        {s && sum(s.buildingsBySafetyGrade) > 0 && (
          <span className="ap-grade-bar" aria-hidden="true">
            {SAFETY_GRADES.map((g) => {
              const count = countOf(s.buildingsBySafetyGrade, g);
              return count > 0 ? (
                <span key={g} style={{ flexGrow: count, background: GRADE_COLOURS[g] }} />
              ) : null;
            })}
          </span>
        )}
        {SAFETY_GRADES.map((g) => (
          <Part
            key={g}
            id={g}
            label={t(`apGrade_${g}`)}
            count={s ? countOf(s.buildingsBySafetyGrade, g) : null}
            colour={GRADE_COLOURS[g]}
          />
        ))}
      </Breakdown>

      <Breakdown field="byKind" label={t('apStat_byKind')} counts={s?.byKind}>
        {ASSET_KINDS.map((kind) => (
          <Part
            key={kind}
            id={kind}
            label={t(assetKindKey(kind))}
            count={s ? countOf(s.byKind, kind) : null}
          />
        ))}
      </Breakdown>
    </PanelCard>
  );
}

function Breakdown(props: {
  field: keyof AreaStats;
  label: string;
  counts: readonly Count[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className="ap-breakdown" data-stat={props.field} data-value={props.counts ? sum(props.counts) : ''}>
      <span className="ap-breakdown-label">{props.label}</span>
      <span className="ap-parts">{props.children}</span>
    </div>
  );
}

function Part(props: { id: string; label: string; count: number | null; colour?: string }) {
  const { locale } = useI18n();
  return (
    <span className="ap-part" data-key={props.id} data-value={props.count ?? ''}>
      {props.colour && <span className="ap-swatch" style={{ background: props.colour }} aria-hidden="true" />}
      {props.label} <span className="ap-num">{formatCount(props.count, locale)}</span>
    </span>
  );
}
