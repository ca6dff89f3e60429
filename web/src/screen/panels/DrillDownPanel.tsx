// The drill-down for a clicked asset or alert: what it is (typed fields, 区 › 街道 › 社区 › 网格), its devices
// with their latest readings, its alerts of the last 30 days, and a readings chart with threshold lines and
// the alert's start. Links an alert's case to the duty console. The parts are in drilldown/.
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Selection } from '../types.ts';
import { AssetAttributes } from './AssetAttributes.tsx';
import { AlertHistory } from './drilldown/AlertHistory.tsx';
import { AlertSummary } from './drilldown/AlertSummary.tsx';
import { DeviceList } from './drilldown/DeviceList.tsx';
import { DrillDownHeader } from './drilldown/DrillDownHeader.tsx';
import { ErrorText } from './drilldown/ErrorText.tsx';
import { SeriesSection } from './drilldown/SeriesSection.tsx';
import { useDrillDown } from './drilldown/useDrillDown.ts';

export interface DrillDownPanelProps {
  selection: Selection;
  onClose: () => void;
  /** Open another alert (from the asset's history). */
  onSelect?: (selection: Selection) => void;
}

export function DrillDownPanel(props: DrillDownPanelProps) {
  const key =
    props.selection.type === 'asset' ? `asset:${props.selection.code}` : `alert:${props.selection.id}`;
  // A new selection starts afresh (chart source, span).
  return <DrillDown key={key} {...props} />;
}

function DrillDown({ selection, onClose, onSelect }: DrillDownPanelProps) {
  const { t, locale } = useI18n();
  const { detail, alert, asset, code, history, chosen, setSource, span, setSpan, series, markers } =
    useDrillDown(selection);
  return (
    <section className="panel drilldown" data-testid="drilldown" aria-label={t('screenDrillDown')}>
      <DrillDownHeader asset={asset} alert={alert} code={code} onClose={onClose} />
      {detail.error && <ErrorText error={detail.error} />}
      {detail.loading && !detail.data && <p className="dd-muted">{t('loading')}</p>}
      {alert && <AlertSummary alert={alert} />}
      {asset && (
        <>
          <p className="dd-chain" data-testid="drilldown-area">
            {asset.areaChain.map((a) => (locale === 'en' ? (a.nameEn ?? a.name) : a.name)).join(' › ')}
          </p>
          <AssetAttributes asset={asset} />
        </>
      )}
      {(chosen || alert) && (
        <SeriesSection series={series} markers={markers} span={span} onSpan={setSpan} aroundAlert={!!alert} />
      )}
      {asset && (
        <>
          <DeviceList devices={asset.devices} chosen={chosen} onChoose={setSource} />
          <AlertHistory history={history} currentId={alert?.id ?? null} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}
