// The analyst workbench's panel column for the chosen area and range: figures, 环比 / 同比, alert and case
// trends, the asset table and the alert list, with CSV / GeoJSON export. Failures about the area go to the
// map side (onAreaError); others show in their card.
import type { AssetKind } from '../../data/generated/graphql.ts';
import './panels.css';
import { formatRange } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AreaChoice, AssetSort, TimeRange } from '../contract.ts';
import { AlertList } from './AlertList.tsx';
import { AlertTrendCard } from './AlertTrendCard.tsx';
import { AssetTable } from './AssetTable.tsx';
import { CaseTrendCard } from './CaseTrendCard.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import type { LoadState } from './PanelCard.tsx';
import { StatsCards } from './StatsCards.tsx';
import { useAnalysisData } from './useAnalysisData.ts';
import { useAreaErrorReport } from './useAreaErrorReport.ts';
import type { KeyedQuery } from './useKeyedQuery.ts';

export interface PanelsProps {
  area: AreaChoice | null;
  range: TimeRange;
  kinds: AssetKind[];
  sort: AssetSort;
  selected: string | null;
  onSort: (sort: AssetSort) => void;
  onSelect: (code: string, lon: number, lat: number) => void;
  onAreaError: (code: string, message: string) => void;
}

export function Panels(props: PanelsProps) {
  const { t } = useI18n();
  if (!props.area) {
    return (
      <div className="ap-panels" data-testid="analyst-panels" data-area="none">
        <p className="ap-choose" data-testid="choose-area">
          {t('apChooseArea')}
        </p>
      </div>
    );
  }
  return <AreaPanels {...props} area={props.area} />;
}

const loadState = <T,>(query: KeyedQuery<T>, shown = query.value !== undefined): LoadState => ({
  loading: query.loading,
  error: query.error,
  reload: query.reload,
  shown,
});

function AreaPanels(props: PanelsProps & { area: AreaChoice }) {
  const { locale } = useI18n();
  const { area, range } = props;
  const data = useAnalysisData(area, range, props.kinds, props.sort);
  const { stats, alertTrends, caseTrends, alerts, assets } = data;
  useAreaErrorReport(
    [stats.error, alertTrends.error, caseTrends.error, assets.error, alerts.error],
    data.areaKey,
    props.onAreaError,
  );
  const rangeLabel = formatRange(range.from, range.to, locale);
  const compareState: LoadState = {
    loading: alertTrends.loading || caseTrends.loading,
    error: alertTrends.error ?? caseTrends.error,
    reload: () => {
      if (alertTrends.error) alertTrends.reload();
      if (caseTrends.error) caseTrends.reload();
    },
    shown: alertTrends.value !== undefined && caseTrends.value !== undefined,
  };

  return (
    <div className="ap-panels" data-testid="analyst-panels" data-area="set">
      <StatsCards stats={stats.value} state={loadState(stats)} />
      <ComparePanel
        alerts={alertTrends.value}
        cases={caseTrends.value}
        periods={data.periods}
        state={compareState}
      />
      <AlertTrendCard
        trend={alertTrends.value?.now}
        interval={data.periods.interval}
        rangeLabel={rangeLabel}
        state={loadState(alertTrends)}
      />
      <CaseTrendCard
        trend={caseTrends.value?.now}
        interval={data.periods.interval}
        rangeLabel={rangeLabel}
        state={loadState(caseTrends)}
      />
      <AssetTable
        area={area}
        kinds={props.kinds}
        page={data.assetPage}
        fresh={assets.value !== undefined}
        state={loadState(assets, data.assetPage !== undefined)}
        sort={props.sort}
        selected={props.selected}
        onSort={props.onSort}
        onSelect={props.onSelect}
        onAreaError={props.onAreaError}
      />
      <AlertList
        area={area}
        range={range}
        page={alerts.value}
        state={loadState(alerts)}
        selected={props.selected}
        onSelect={props.onSelect}
        onAreaError={props.onAreaError}
      />
    </div>
  );
}
