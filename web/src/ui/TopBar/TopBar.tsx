// Title, the synthetic-data notice (always visible), who is signed in (role and area), the language switch and
// sign-out; a link to the duty console for those who work on alerts or cases.
import type { Viewer } from '../../data/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const CASE_PERMISSIONS = ['alerts:handle', 'cases:dispatch', 'cases:handle'];

export const worksOnCases = (viewer: Viewer) => viewer.permissions.some((p) => CASE_PERMISSIONS.includes(p));

export function TopBar({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const { t, toggle, locale } = useI18n();
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{t('title')}</h1>
        <span className="topbar-subtitle">{t('subtitle')}</span>
      </div>
      <div className="synthetic-badge" data-testid="synthetic-badge" title={t('synthetic')}>
        {t('synthetic')}
      </div>
      <div className="viewer" data-testid="viewer">
        <span className="viewer-name">{viewer.displayName}</span>
        <span className="viewer-role">
          {viewer.roleName[locale === 'en' ? 'en' : 'zh']} · {viewer.area?.name ?? t('wholeCity')}
        </span>
      </div>
      {worksOnCases(viewer) && (
        <a className="lang-switch" href="/console" data-testid="console-link">
          {t('openConsole')}
        </a>
      )}
      <button type="button" className="lang-switch" data-testid="lang-switch" onClick={toggle}>
        {t('switchLanguage')}
      </button>
      <button type="button" className="lang-switch" data-testid="sign-out" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </header>
  );
}
