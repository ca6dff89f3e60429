// Side list of districts with their building counts.
import type { Districts } from '../data/districts.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function DistrictPanel({ districts }: { districts: Districts }) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <aside className="panel" data-testid="district-panel">
      <h2>{t('districts')}</h2>
      <ul>
        {districts.features.map((f) => (
          <li key={f.properties.code}>
            <span>{locale === 'en' ? (f.properties.nameEn ?? f.properties.name) : f.properties.name}</span>
            <span className="num">
              {formatNumber(f.properties.buildings)} {t('buildings')}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
