// The asset's alerts of the last 30 days, newest first; each opens that alert's drill-down.

import type { HistoryAlert } from '../../../data/drilldown.ts';
import type { Query } from '../../../data/useQuery.ts';
import { formatDateTime } from '../../../format/time.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { Selection } from '../../types.ts';
import { ErrorText } from './ErrorText.tsx';
import { SeverityChip } from './SeverityChip.tsx';

export interface AlertHistoryProps {
  history: Query<{ total: number; alerts: HistoryAlert[] }>;
  /** The alert the drill-down shows, if any (not clickable). */
  currentId: string | null;
  onSelect?: (selection: Selection) => void;
}

export function AlertHistory({ history, currentId, onSelect }: AlertHistoryProps) {
  const { t, locale } = useI18n();
  const data = history.data;
  return (
    <>
      <h3 className="panel-sub">{t('screenAlertHistory')}</h3>
      {history.error && <ErrorText error={history.error} />}
      {data && data.alerts.length === 0 && <p className="dd-muted">{t('screenNoHistory')}</p>}
      <ol className="dd-history" data-testid="drilldown-history">
        {data?.alerts.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              className={`dd-history-item${currentId === h.id ? ' current' : ''}`}
              data-alert-id={h.id}
              disabled={!onSelect || currentId === h.id}
              onClick={() => onSelect?.({ type: 'alert', id: h.id })}
            >
              <SeverityChip severity={h.severity} />
              <span className="mono">{formatDateTime(h.startedAt)}</span>
              <span>{locale === 'en' ? h.rule.nameEn : h.rule.name}</span>
              <span className="dd-muted">
                {h.active ? t('screenAlertActive') : t('screenAlertCleared')}
                {h.case ? ` · ${t('screenHasCase')}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {data && data.total > data.alerts.length && (
        <p className="dd-muted">{t('screenHistoryMore', { shown: data.alerts.length, n: data.total })}</p>
      )}
    </>
  );
}
