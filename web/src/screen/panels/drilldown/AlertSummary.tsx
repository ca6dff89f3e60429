// The selected alert: severity, rule, state (active, acknowledged, escalated), when it started and cleared,
// its last value, and the way to its case in the duty console.

import type { AlertDetail } from '../../../data/drilldown.ts';
import { formatDateTime } from '../../../format/time.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { casePath } from '../../../route.ts';
import { SeverityChip } from './SeverityChip.tsx';

export function AlertSummary({ alert }: { alert: AlertDetail }) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <div className={`dd-alert sev-${alert.severity}`} data-testid="drilldown-alert">
      <SeverityChip severity={alert.severity} />
      <strong>{locale === 'en' ? alert.rule.nameEn : alert.rule.name}</strong>
      <span>
        {alert.active ? t('screenAlertActive') : t('screenAlertCleared')}
        {alert.acknowledged ? ` · ${t('alertAcked')}` : ''}
        {alert.escalationLevel > 0 ? ` · ${t('alertEscalated', { n: alert.escalationLevel })}` : ''}
      </span>
      <span className="dd-muted">
        {t('screenStartedAt', { at: formatDateTime(alert.startedAt) })}
        {alert.clearedAt ? ` · ${t('screenClearedAt', { at: formatDateTime(alert.clearedAt) })}` : ''}
        {alert.lastValue !== null ? ` · ${t('alertValue', { value: formatNumber(alert.lastValue) })}` : ''}
      </span>
      {alert.case && (
        <a className="sc-button dd-case" href={casePath(alert.case.id)} data-testid="drilldown-case">
          {t('screenOpenCase')}
        </a>
      )}
    </div>
  );
}
