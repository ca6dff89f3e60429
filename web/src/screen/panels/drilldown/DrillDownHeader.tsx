// The drill-down's title: the asset's name (or the alert's rule), its code, kind and worst active alert, and
// the close button.

import type { AlertDetail, AssetDetail } from '../../../data/drilldown.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { SeverityChip } from './SeverityChip.tsx';

export interface DrillDownHeaderProps {
  asset: AssetDetail | null;
  alert: AlertDetail | null;
  code: string;
  onClose: () => void;
}

export function DrillDownHeader({ asset, alert, code, onClose }: DrillDownHeaderProps) {
  const { t, locale } = useI18n();
  const ruleName = alert ? (locale === 'en' ? alert.rule.nameEn : alert.rule.name) : null;
  return (
    <header className="dd-head">
      <div className="dd-title">
        <h2>{asset?.name ?? ruleName ?? t('loading')}</h2>
        <span className="dd-code mono" data-testid="drilldown-code">
          {code}
        </span>
        {asset && (
          <span className="dd-kind">
            {t(`assetKind_${asset.kind.toLowerCase() as Lowercase<AssetDetail['kind']>}`)}
          </span>
        )}
        {asset?.alertSeverity && <SeverityChip severity={asset.alertSeverity} />}
      </div>
      <button type="button" className="sc-button dd-close" data-testid="drilldown-close" onClick={onClose}>
        {t('close')}
      </button>
    </header>
  );
}
