// The title bar of the big screen, the duty console and the analyst workbench: the title, the synthetic-data
// note, a live China-time clock, who is signed in, links to the other apps, the language switch and sign-out.
// Each app styles it under its own root (screen.css, console.css, analyst.css); the buttons in styles.css.
import type { ReactNode } from 'react';
import { useNow } from '../../data/useQuery.ts';
import { formatClock } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface AppLink {
  href: string;
  label: string;
  testId?: string;
}

export interface AppHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The test id of the always-visible synthetic-data note; no note when absent (the console's is in its footer). */
  noteTestId?: 'synthetic-badge' | 'synthetic-notice';
  /** A live China-time clock (the wall screen). */
  clock?: boolean;
  /** Who is signed in, as the app words it. */
  viewer?: ReactNode;
  /** The ways to the other apps. */
  links?: readonly AppLink[];
  onSignOut: () => void;
  /** Controls before the viewer (the tour button, the live status). */
  children?: ReactNode;
}

function HeaderClock() {
  const { locale } = useI18n();
  const now = useNow(1000);
  return (
    <time className="app-header-clock mono" data-testid="screen-clock" dateTime={new Date(now).toISOString()}>
      {formatClock(now, locale)}
    </time>
  );
}

export function AppHeader({
  title,
  subtitle,
  noteTestId,
  clock = false,
  viewer,
  links = [],
  onSignOut,
  children,
}: AppHeaderProps) {
  const { t, toggle } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-title">
        <h1>{title}</h1>
        {subtitle && <span className="app-header-subtitle">{subtitle}</span>}
      </div>
      {noteTestId && (
        <span className="app-header-note" data-testid={noteTestId} role="note">
          {t('synthetic')}
        </span>
      )}
      {clock && <HeaderClock />}
      <div className="app-header-actions">
        {children}
        {viewer && (
          <span className="app-header-viewer" data-testid="viewer">
            {viewer}
          </span>
        )}
        {links.map((link) => (
          <a key={link.href} className="app-header-button" href={link.href} data-testid={link.testId}>
            {link.label}
          </a>
        ))}
        <button type="button" className="app-header-button" data-testid="lang-switch" onClick={toggle}>
          {t('switchLanguage')}
        </button>
        <button type="button" className="app-header-button" data-testid="sign-out" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
