// Focus the screen on one district or the whole city: one button per district (with its active alerts when
// given), the current one highlighted.
import { useMemo } from 'react';
import type { Districts } from '../../data/districts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ActiveAlert } from '../types.ts';

export interface DistrictFocusProps {
  districts: Districts | null;
  /** The focused district's code; null for the whole city. */
  focus: string | null;
  onFocus: (code: string | null) => void;
  /** Active alerts, counted per district on the buttons. */
  alerts?: readonly ActiveAlert[];
}

export function DistrictFocus({ districts, focus, onFocus, alerts }: DistrictFocusProps) {
  const { t, locale, formatNumber } = useI18n();
  const counts = useMemo(() => {
    const n = new Map<string, number>();
    for (const a of alerts ?? []) if (a.districtCode) n.set(a.districtCode, (n.get(a.districtCode) ?? 0) + 1);
    return n;
  }, [alerts]);
  const list = useMemo(
    () =>
      [...(districts?.features ?? [])].map((f) => f.properties).sort((a, b) => a.code.localeCompare(b.code)),
    [districts],
  );
  const button = (code: string | null, label: string) => {
    const n = code ? counts.get(code) : undefined;
    const current = focus === code;
    return (
      <li key={code ?? 'city'}>
        <button
          type="button"
          className={`df-button${current ? ' current' : ''}`}
          data-district={code ?? ''}
          aria-pressed={current}
          onClick={() => onFocus(code)}
        >
          <span>{label}</span>
          {n !== undefined && n > 0 && <span className="df-count mono">{formatNumber(n)}</span>}
        </button>
      </li>
    );
  };
  return (
    <nav className="district-focus" data-testid="district-focus" aria-label={t('screenFocusDistrict')}>
      <ul>
        {button(null, t('wholeCity'))}
        {list.map((d) => button(d.code, locale === 'en' ? (d.nameEn ?? d.name) : d.name))}
      </ul>
    </nav>
  );
}
