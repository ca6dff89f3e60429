// The case list: number, category, source, state, unit, a live countdown to the stage deadline and 督办.
// Each row is a button (Enter/Space opens it); j/k move between rows (see DutyConsole).

import type { CaseRow } from '../data/cases.ts';
import { useNow } from '../data/useQuery.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Countdown } from './Countdown.tsx';

export function CaseList({
  rows,
  total,
  error,
  selectedId,
  onOpen,
  onFocusPane,
}: {
  rows: CaseRow[] | undefined;
  total: number;
  error: Error | null;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onFocusPane: () => void;
}) {
  const { t, locale } = useI18n();
  const now = useNow(5000);
  return (
    <div className="case-list" data-testid="case-list">
      <div className="case-row case-head" aria-hidden="true">
        <span>{t('colTracking')}</span>
        <span>{t('colCategory')}</span>
        <span>{t('colState')}</span>
        <span>{t('colUnit')}</span>
        <span>{t('colDeadline')}</span>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('requestFailed')}
          {error.message}
        </p>
      )}
      {rows && rows.length === 0 && <p className="empty">{t('noCases')}</p>}
      <ul className="rows" onFocus={onFocusPane}>
        {rows?.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`case-row${c.id === selectedId ? ' selected' : ''}${c.overdue ? ' is-overdue' : ''}`}
              data-row-id={c.id}
              data-testid="case-row"
              data-tracking={c.trackingNo}
              data-state={c.state}
              aria-current={c.id === selectedId}
              onClick={() => onOpen(c.id)}
            >
              <span className="mono">
                {c.trackingNo}
                <small className="case-desc">{c.description}</small>
              </span>
              <span>
                {locale === 'en' ? c.category.nameEn : c.category.name}
                <small>
                  {t(`source_${c.source}`)}
                  {c.urgency === 'URGENT' && <b className="urgent"> · {t('urgency_URGENT')}</b>}
                </small>
              </span>
              <span className={`state-chip st-${c.state}`}>{t(`state_${c.state}`)}</span>
              <span className="unit">{c.unitName ?? '—'}</span>
              <span>
                <Countdown startedAt={c.stageStartedAt} dueAt={c.stageDueAt} now={now} />
                {c.escalationLevel > 0 && (
                  <b className="badge-supervise" data-testid="supervise-badge">
                    {t('supervised', { n: c.escalationLevel })}
                  </b>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {rows && total > rows.length && (
        <p className="more">{t('showingFirst', { shown: rows.length, n: total })}</p>
      )}
    </div>
  );
}
