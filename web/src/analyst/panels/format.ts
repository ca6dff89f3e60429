// Numbers and dates in the panels as a duty officer reads them: counts with separators (1,234), rates as
// 12.5%, floor area in m² or 万m², changes with an arrow, and China-time dates (11月21日, 2026年11月).
import { CST_MS, isCstMidnight } from '../../data/time.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { TrendInterval } from './period.ts';

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const wall = (ms: number) => new Date(ms + CST_MS);

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

/** "11月21日" / "21 Nov", with the year ("2025年11月21日" / "21 Nov 2025") when asked. */
export function formatDay(ms: number, locale: Locale, withYear = false): string {
  const d = wall(ms);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  if (locale === 'en') return `${day} ${MONTHS_EN[m]}${withYear ? ` ${y}` : ''}`;
  return `${withYear ? `${y}年` : ''}${m + 1}月${day}日`;
}

/** "2026年11月" / "Nov 2026". */
export function formatMonth(ms: number, locale: Locale): string {
  const d = wall(ms);
  return locale === 'en'
    ? `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

/** "14:00" in China time. */
export function formatClockTime(ms: number): string {
  const d = wall(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "11月21日 14:00" / "21 Nov 14:00" — an instant in a list. */
export function formatDayTime(ms: number, locale: Locale): string {
  return `${formatDay(ms, locale)} ${formatClockTime(ms)}`;
}

/** The label of a trend bucket on the x axis: its hour (the day at midnight), day, week start or month. */
export function formatBucket(start: string, interval: TrendInterval, locale: Locale): string {
  const ms = Date.parse(start);
  if (Number.isNaN(ms)) return DASH;
  switch (interval) {
    case 'HOUR':
      return isCstMidnight(ms) ? formatDay(ms, locale) : formatClockTime(ms);
    case 'DAY':
    case 'WEEK':
      return formatDay(ms, locale);
    case 'MONTH':
      return formatMonth(ms, locale);
  }
}

/** A bucket in a tooltip: "11月21日 14:00" (hour), "2026年11月21日" (day or week start), "2026年11月". */
export function formatBucketLong(start: string, interval: TrendInterval, locale: Locale): string {
  const ms = Date.parse(start);
  if (Number.isNaN(ms)) return DASH;
  if (interval === 'HOUR') return formatDayTime(ms, locale);
  if (interval === 'MONTH') return formatMonth(ms, locale);
  return formatDay(ms, locale, true);
}

/**
 * A range [from, to) for a heading: whole China days show as days ("11月14日 – 11月20日", the last day
 * included); other ranges with their times. The year shows when the range is not all in the current year.
 */
export function formatRange(from: string, to: string, locale: Locale, now = Date.now()): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return DASH;
  const year = (ms: number) => wall(ms).getUTCFullYear();
  const withYear = year(a) !== year(now) || year(b - 1) !== year(now);
  if (isCstMidnight(a) && isCstMidnight(b)) {
    const last = b - 86_400_000;
    return last <= a
      ? formatDay(a, locale, withYear)
      : `${formatDay(a, locale, withYear)} – ${formatDay(last, locale, withYear)}`;
  }
  return `${formatDay(a, locale, withYear)} ${formatClockTime(a)} – ${formatDay(b, locale, withYear)} ${formatClockTime(b)}`;
}
