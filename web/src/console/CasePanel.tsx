// One case: number, state, category, urgency, source and deadlines; the linked alert and asset; a small map;
// the buttons for exactly the actions the server allows this viewer; the photos and the timeline. It
// reloads when a live event names the case; a CONFLICT (someone acted first) reloads it with a notice.

import { type ReactNode, useEffect, useState } from 'react';
import { type CaseDetail, fetchCase } from '../data/cases.ts';
import type { CaseAction } from '../data/generated/graphql.ts';
import { ApiError } from '../data/http.ts';
import { useNow, useQuery } from '../data/useQuery.ts';
import { formatDateTime, formatDuration } from '../format/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ActionForm } from './ActionForm.tsx';
import { CaseLoadError } from './CaseLoadError.tsx';
import { CaseTimeline, Thumbnails } from './CaseTimeline.tsx';
import { CloseButton } from './CloseButton.tsx';
import { Countdown } from './Countdown.tsx';
import { DistrictMap } from './DistrictMap.tsx';

export function CasePanel({
  caseId,
  signal,
  onClose,
  onChanged,
}: {
  caseId: string;
  /** Bumped when a live event names this case. */
  signal: number;
  onClose: () => void;
  onChanged: (detail: CaseDetail) => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const now = useNow(5000);
  const query = useQuery((s) => fetchCase(caseId, s), [caseId]);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const detail = query.data;

  useEffect(() => {
    if (signal > 0) query.reload();
  }, [signal, query.reload]);
  // A step that is no longer allowed (someone else moved the case on) closes its form.
  useEffect(() => {
    if (action && detail && !detail.allowedActions.includes(action)) setAction(null);
  }, [action, detail]);

  // A case that does not exist, is another unit's or area's, or failed to load: say so, never a blank panel.
  if (query.error) {
    return <CaseLoadError error={query.error} onRetry={query.reload} onClose={onClose} />;
  }
  if (!detail) {
    return (
      <section className="pane case-panel" data-testid="case-panel" aria-busy="true">
        <p className="hint">{t('loading')}</p>
      </section>
    );
  }

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'CONFLICT') {
      setAction(null);
      setNotice(t('conflict'));
      query.reload();
      return true;
    }
    return false;
  };
  const done = (updated: CaseDetail) => {
    setAction(null);
    setNotice(null);
    query.setData(() => updated);
    onChanged(updated);
  };
  const photos = detail.events.flatMap((e) => e.attachments);
  const category = locale === 'en' ? detail.category.nameEn : detail.category.name;
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );

  return (
    <section
      className="pane case-panel"
      aria-label={`${t('trackingNo')} ${detail.trackingNo}`}
      data-testid="case-panel"
      data-state={detail.state}
      data-version={detail.version}
    >
      <header className="case-head-bar">
        <div>
          <h2 className="mono" data-testid="case-tracking">
            {detail.trackingNo}
          </h2>
          <span className={`state-chip big st-${detail.state}`} data-testid="case-state">
            {t(`state_${detail.state}`)}
          </span>
          {detail.urgency === 'URGENT' && <span className="urgent-chip">{t('urgency_URGENT')}</span>}
          {detail.escalationLevel > 0 && (
            <b className="badge-supervise">{t('supervised', { n: detail.escalationLevel })}</b>
          )}
          {detail.reworkCount > 0 && (
            <span className="rework-chip">{t('rework', { n: detail.reworkCount })}</span>
          )}
        </div>
        <CloseButton onClose={onClose} />
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="case-notice">
          {notice}
        </p>
      )}
      <p className="case-description">{detail.description}</p>
      <dl className="facts">
        {fact(t('category'), category)}
        {fact(t('source'), t(`source_${detail.source}`))}
        {fact(t('urgency'), t(`urgency_${detail.urgency}`))}
        {fact(t('reportedAt'), formatDateTime(detail.createdAt))}
        {fact(
          t('stageDue'),
          detail.stageDueAt ? (
            <>
              {formatDateTime(detail.stageDueAt)}{' '}
              <Countdown startedAt={detail.stageStartedAt} dueAt={detail.stageDueAt} now={now} />
            </>
          ) : (
            '—'
          ),
          'case-stage-due',
        )}
        {fact(t('dueAt'), formatDateTime(detail.dueAt))}
        {detail.closedAt && fact(t('closedAt'), formatDateTime(detail.closedAt))}
        {fact(t('unit'), detail.unitName ? `${detail.unitName}（${detail.unitCode}）` : '—', 'case-unit')}
        {detail.address && fact(t('address'), detail.address)}
        {detail.asset && fact(t('asset'), `${detail.asset.name} · ${detail.asset.code}`)}
        {detail.alert &&
          fact(
            t('linkedAlert'),
            <span>
              <span className={`sev-chip sev-${detail.alert.severity}`}>
                {t(`severity_${detail.alert.severity}`)}
              </span>{' '}
              {locale === 'en' ? detail.alert.rule.nameEn : detail.alert.rule.name}
              {detail.alert.device ? ` · ${detail.alert.device.code}` : ''}
              {detail.alert.lastValue !== null
                ? ` · ${t('alertValue', { value: detail.alert.lastValue })}`
                : ''}
            </span>,
          )}
        {(detail.reporterName || detail.reporterPhone) &&
          fact(t('reporter'), [detail.reporterName, detail.reporterPhone].filter(Boolean).join(' · '))}
        {detail.mergedInto && fact(t('state'), t('mergedInto', { no: detail.mergedInto.trackingNo }))}
        {detail.extensionPending &&
          fact(
            t('action_REQUEST_EXTENSION'),
            [
              t('extensionPending', {
                d: formatDuration(i18n, (detail.extensionPending.minutes ?? 0) * 60_000),
              }),
              detail.extensionPending.comment,
              detail.extensionPending.by,
            ]
              .filter(Boolean)
              .join(' · '),
            'case-extension',
          )}
      </dl>

      <div className="case-actions" data-testid="case-actions">
        <h3>{t('actions')}</h3>
        {detail.allowedActions.length === 0 && <p className="hint">{t('noActions')}</p>}
        <div className="action-buttons">
          {detail.allowedActions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === action ? 'active' : ''}
              data-action={a}
              aria-expanded={a === action}
              onClick={() => setAction(a === action ? null : a)}
            >
              {t(`action_${a}`)}
            </button>
          ))}
        </div>
        {action && (
          <ActionForm
            key={action}
            detail={detail}
            action={action}
            onDone={done}
            onCancel={() => setAction(null)}
            onFailed={failed}
          />
        )}
      </div>

      {detail.duplicateCandidates.length > 0 && (
        <div className="duplicates" data-testid="case-duplicates">
          <h3>{t('duplicatesFound')}</h3>
          <ul>
            {detail.duplicateCandidates.map((d) => (
              <li key={d.case.id}>
                <span className="mono">{d.case.trackingNo}</span> · {t(`state_${d.case.state}`)} ·{' '}
                {t('distanceM', { n: Math.round(d.distanceM) })} · {d.case.description}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="case-where">
        <DistrictMap districtCode={detail.districtCode} point={detail.location.coordinates} />
        {photos.length > 0 && (
          <div className="case-photos">
            <h3>{t('evidence')}</h3>
            <Thumbnails items={photos} />
          </div>
        )}
      </div>

      <h3>{t('timeline')}</h3>
      <CaseTimeline events={detail.events} />
    </section>
  );
}
