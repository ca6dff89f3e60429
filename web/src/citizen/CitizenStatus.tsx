// /t/<trackingNo>: how a report is getting on, as a vertical list of its steps, and the link to the photo or
// video its reporter sent (an Open311 media_url), if any. No sign-in; refresh by hand.
import { fetchMediaUrl, fetchReportStatus } from '../data/public-api.ts';
import { useQuery } from '../data/useQuery.ts';
import { formatDateTime } from '../format/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { CitizenError, CitizenShell } from './CitizenShell.tsx';

const stateKey = (state: string) => `state_${state.toUpperCase()}` as MessageKey;
const actionKey = (action: string) => `action_${action.toUpperCase()}` as MessageKey;

export function CitizenStatus({ trackingNo }: { trackingNo: string }) {
  const { t, locale } = useI18n();
  const report = useQuery((s) => fetchReportStatus(trackingNo, s), [trackingNo]);
  const media = useQuery((s) => fetchMediaUrl(trackingNo, s), [trackingNo]).data ?? null;
  const r = report.data;
  const refresh = (
    <button
      type="button"
      className="c-button secondary"
      data-testid="status-refresh"
      disabled={report.loading}
      onClick={report.reload}
    >
      {report.loading ? t('refreshing') : t('refresh')}
    </button>
  );

  if (report.error && !r) {
    return (
      <CitizenShell title={t('statusTitle')}>
        <CitizenError
          error={report.error}
          words={{
            NOT_FOUND: 'reportNotFound',
            INVALID_INPUT: 'trackingNoInvalid',
            RATE_LIMITED: 'rateLimited',
          }}
          testId="status-error"
        />
        {refresh}
      </CitizenShell>
    );
  }
  if (!r) return <CitizenShell title={t('statusTitle')} busy />;

  const events = [...r.events].reverse();
  return (
    <CitizenShell title={t('statusTitle')} note={r.note}>
      <section className="c-card c-status" data-testid="status-card">
        <span className="c-label">{t('trackingNoLabel')}</span>
        <strong className="c-tracking small">{r.trackingNo}</strong>
        <span className="c-label">{t('currentState')}</span>
        <strong className={`c-state s-${r.state}`} data-testid="status-state">
          {t(stateKey(r.state)) ?? r.state}
        </strong>
        <p>
          {locale === 'en' ? r.category.nameEn : r.category.nameZh} · {t('reportedAt')}{' '}
          {formatDateTime(r.createdAt)}
        </p>
        <p className="c-desc">{r.description}</p>
        {media && (
          <p>
            <a
              href={media.href}
              target="_blank"
              rel="noopener noreferrer nofollow"
              data-testid="status-media"
            >
              {t('reportMedia', { host: media.host })}
            </a>
          </p>
        )}
      </section>
      <ol className="c-steps" data-testid="status-steps">
        {events.map((e, i) => (
          <li key={`${e.at}|${e.action}|${e.state}`} className={i === 0 ? 'current' : ''}>
            <b>{t(actionKey(e.action)) ?? e.action}</b>
            <span>{t(stateKey(e.state)) ?? e.state}</span>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </li>
        ))}
      </ol>
      {report.error && (
        <p className="c-error" role="alert">
          {report.error.message}
        </p>
      )}
      {refresh}
    </CitizenShell>
  );
}
