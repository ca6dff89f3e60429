// Title, the synthetic-data notice (always visible) and the language switch.
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function TopBar() {
  const { t, toggle } = useI18n();
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{t('title')}</h1>
        <span className="topbar-subtitle">{t('subtitle')}</span>
      </div>
      <div className="synthetic-badge" data-testid="synthetic-badge" title={t('synthetic')}>
        {t('synthetic')}
      </div>
      <button type="button" className="lang-switch" data-testid="lang-switch" onClick={toggle}>
        {t('switchLanguage')}
      </button>
    </header>
  );
}
