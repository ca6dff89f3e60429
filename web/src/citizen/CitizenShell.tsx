// The frame of the citizen pages: title, language switch, the page, and the synthetic-data note.
import { type ReactNode, useEffect } from 'react';
import { ApiError } from '../data/http.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import './citizen.css';

export function CitizenShell({
  title,
  note,
  busy,
  children,
}: {
  title: string;
  note?: string | undefined;
  busy?: boolean;
  children?: ReactNode;
}) {
  const { t, toggle } = useI18n();
  // The page itself scrolls on a phone (the big screen's styles pin html and body to the viewport).
  useEffect(() => {
    document.documentElement.classList.add('citizen-page');
    return () => document.documentElement.classList.remove('citizen-page');
  }, []);
  return (
    <div className="citizen" aria-busy={busy ? 'true' : undefined}>
      <header className="c-top">
        <h1>{title}</h1>
        <button type="button" className="c-lang" onClick={toggle}>
          {t('switchLanguage')}
        </button>
      </header>
      <main className="c-main">
        {busy ? <p className="c-loading">{t('loading')}</p> : children}
        <p className="c-note" data-testid="synthetic-notice">
          {note ?? t('synthetic')}
        </p>
      </main>
    </div>
  );
}

/** A failed request in the citizen's words (by error code), with the server's own message under it. */
export function CitizenError({
  error,
  words,
  testId,
}: {
  error: Error;
  words: Partial<Record<string, MessageKey>>;
  testId: string;
}) {
  const { t } = useI18n();
  const key = error instanceof ApiError ? words[error.code] : undefined;
  return (
    <div className="c-error" role="alert" data-testid={testId}>
      {key && <strong>{t(key)}</strong>}
      <span className={key ? 'c-error-detail' : ''}>{error.message}</span>
    </div>
  );
}
