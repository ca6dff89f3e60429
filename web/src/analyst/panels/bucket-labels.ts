// The labels of trend buckets in China time: on the x axis (14:00, 11月21日, 2026年11月) and in tooltips.
import { DASH } from '../../format/number.ts';
import { formatDay, formatDayTime, formatMonth, formatTime, isCstMidnight } from '../../format/time.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { TrendInterval } from './period.ts';

/** The label of a trend bucket on the x axis: its hour (the day at midnight), day, week start or month. */
export function formatBucket(start: string, interval: TrendInterval, locale: Locale): string {
  const ms = Date.parse(start);
  if (Number.isNaN(ms)) return DASH;
  switch (interval) {
    case 'HOUR':
      return isCstMidnight(ms) ? formatDay(ms, locale) : formatTime(ms, false);
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
