// The screen's title bar: title, the synthetic-data notice (always visible), a live China-time clock, the
// language switch, the way to the duty console and sign-out.
import type { ReactNode } from 'react';
import type { Viewer } from '../../data/session.ts';
import { worksOnCases } from '../../data/session.ts';
import { useNow } from '../../data/useQuery.ts';
import { formatClock } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface ScreenHeaderProps {
  onSignOut: () => void;
  /** When given, the console link shows only to those who work on alerts or cases. */
  viewer?: Viewer;
  /** Extra controls at the right end (e.g. the tour button). */
  children?: ReactNode;
}

export function ScreenHeader({ onSignOut, viewer, children }: ScreenHeaderProps) {
  const { t, locale, toggle } = useI18n();
  const now = useNow(1000);
  return (
    <div className="sh">
      <div className="sh-title">
        <h1>{t('screenTitle')}</h1>
        <span className="sh-subtitle">{t('subtitle')}</span>
      </div>
      <div className="sh-synthetic" data-testid="synthetic-badge" role="note">
        {t('synthetic')}
      </div>
      <time className="sh-clock mono" data-testid="screen-clock" dateTime={new Date(now).toISOString()}>
        {formatClock(now, locale)}
      </time>
      <div className="sh-actions">
        {children}
        {viewer && (
          <span className="sh-viewer" data-testid="viewer">
            {viewer.displayName} · {viewer.area?.name ?? t('wholeCity')}
          </span>
        )}
        {(!viewer || worksOnCases(viewer)) && (
          <a className="sc-button" href="/console" data-testid="console-link">
            {t('screenToConsole')}
          </a>
        )}
        <button type="button" className="sc-button" data-testid="lang-switch" onClick={toggle}>
          {t('switchLanguage')}
        </button>
        <button type="button" className="sc-button" data-testid="sign-out" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </div>
    </div>
  );
}
