// Numbers as a duty officer reads them: counts with separators (1,234), rates as 12.5%, floor area in m² or
// 万m², changes with an arrow; "—" where there is no number. Pure.
import type { Locale } from '../i18n/messages.ts';

export const DASH = '—';

export function formatCount(n: number | null | undefined, locale: Locale): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A rate 0–1 as "12.5%"; "—" when there is none. */
export function formatRate(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

/** Floor area: "8,520 m²" below 10,000 m²; above, "12.5 万m²" in Chinese and "125,000 m²" in English. */
export function formatFloorArea(m2: number | null | undefined, locale: Locale): string {
  if (m2 === null || m2 === undefined || !Number.isFinite(m2)) return DASH;
  if (locale === 'zh-CN' && Math.abs(m2) >= 10_000) {
    const wan = m2 / 10_000;
    const digits = Math.abs(wan) >= 100 ? 0 : Math.abs(wan) >= 10 ? 1 : 2;
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(wan)} 万m²`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(m2)} m²`;
}

/** A relative change as "↑ 12.5%" / "↓ 3.0%" / "0.0%"; "—" when there is no base. */
export function formatChange(ratio: number | null, locale: Locale): string {
  if (ratio === null || !Number.isFinite(ratio)) return DASH;
  const text = formatRate(Math.abs(ratio), locale);
  if (Math.abs(ratio) < 0.0005) return text;
  return `${ratio > 0 ? '↑' : '↓'} ${text}`;
}

/** A difference of rates in percentage points: "↑ 3.2" (the caller adds the unit); "—" when missing. */
export function formatPoints(delta: number | null, locale: Locale): string {
  if (delta === null || !Number.isFinite(delta)) return DASH;
  const points = Math.abs(delta * 100);
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    points,
  );
  if (points < 0.05) return text;
  return `${delta > 0 ? '↑' : '↓'} ${text}`;
}

/** 0.6667 → "66.7%"; null → "—" (the KPI strips, which show rates the same in both languages). */
export const percent = (rate: number | null) => (rate === null ? DASH : `${(rate * 100).toFixed(1)}%`);
