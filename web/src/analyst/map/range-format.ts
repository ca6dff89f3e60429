// The time range as a Chinese duty officer reads it: China Standard Time days, "2026年11月21日" in
// Chinese and "2026-11-21" in English; a custom range is whole CST days (the "to" day included). Pure.
import { cstDayStart, formatDate, formatDateTime } from '../../data/time.ts';
import type { TimeRange } from '../contract.ts';

const DAY_MS = 86_400_000;

/** "2026年11月21日" / "2026-11-21" (with " 09:30" when `withTime`). */
export function formatDay(iso: string, locale: string, withTime = false): string {
  const stamp = formatDateTime(iso); // "2026-11-21 09:30" in CST
  if (stamp === '—') return stamp;
  const [ymd, hm] = stamp.split(' ') as [string, string];
  const [y, m, d] = ymd.split('-') as [string, string, string];
  const day = locale === 'en' ? ymd : `${y}年${Number(m)}月${Number(d)}日`;
  return withTime ? `${day} ${hm}` : day;
}

/** The date inputs' values: the first and the last CST day of the range. */
export function rangeInputs(range: TimeRange): { from: string; to: string } {
  return {
    from: formatDate(new Date(range.from)),
    to: formatDate(new Date(new Date(range.to).getTime() - 1)),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A custom range of whole CST days from the inputs' values; the other end moves when one passes it.
 * Null when a value is not a date.
 */
export function customRange(fromDay: string, toDay: string, changed: 'from' | 'to'): TimeRange | null {
  if (!DAY.test(fromDay) || !DAY.test(toDay)) return null;
  let from = cstDayStart(fromDay).getTime();
  let toStart = cstDayStart(toDay).getTime();
  if (!Number.isFinite(from) || !Number.isFinite(toStart)) return null;
  if (from > toStart) {
    if (changed === 'from') toStart = from;
    else from = toStart;
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(toStart + DAY_MS).toISOString(),
    preset: 'custom',
  };
}
