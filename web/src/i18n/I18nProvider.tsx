// Locale state: ?lang= in the URL wins, then the saved choice, then zh-CN. Numbers format per locale; a
// message may hold {placeholders} filled from `vars`.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Locale, MESSAGES, type MessageKey } from './messages.ts';

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;
  formatNumber: (n: number) => string;
  toggle: () => void;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'cityone.locale';

function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') return fromUrl;
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const toggle = useCallback(() => {
    setLocale((current) => {
      const next: Locale = current === 'zh-CN' ? 'en' : 'zh-CN';
      window.localStorage.setItem(STORAGE_KEY, next);
      document.documentElement.lang = next;
      return next;
    });
  }, []);
  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(locale);
    const t = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => {
      const text: string = MESSAGES[locale][key];
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
    };
    return { locale, t, formatNumber: (n) => numbers.format(n), toggle };
  }, [locale, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
