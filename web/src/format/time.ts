// Times as Chinese duty officers read them, whatever the browser's zone: China Standard Time (UTC+8, no
// daylight saving) for clocks, days and months in Chinese or English; CST calendar arithmetic (day and month
// starts, a year back); durations, deadlines and "how long ago". The one place the web app does time. Pure.
import type { Locale } from '../i18n/messages.ts';

/** China Standard Time is UTC+8 all year (no daylight saving). */
export const CST_MS = 8 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
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
const DASH = '—';

const pad = (n: number) => String(n).padStart(2, '0');
const toMs = (value: string | number | Date) =>
  typeof value === 'number' ? value : new Date(value).getTime();
/** The China wall clock as a Date read with its getUTC* methods. */
const wall = (ms: number) => new Date(ms + CST_MS);

// Calendar arithmetic -------------------------------------------------------------------------------------

/** Whether an instant is midnight in China. */
export const isCstMidnight = (ms: number) => (ms + CST_MS) % DAY_MS === 0;

/** Whether two instants fall on the same China calendar day. */
export const sameCstDay = (a: number, b: number) =>
  Math.floor((a + CST_MS) / DAY_MS) === Math.floor((b + CST_MS) / DAY_MS);

/** Start of the hour containing `ms` (China time has no offset within the hour). */
export const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** The hour of day (0–23) in China time. */
export const cstHour = (ms: number) => wall(ms).getUTCHours();

/** Midnight CST starting the day `ymd` ("2026-11-21"). */
export function cstDayStart(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - CST_MS);
}

/** [from, to) of whole CST days `fromDay`–`toDay` ("2026-11-21"), the last day included. */
export function cstDays(fromDay: string, toDay: string): { from: Date; to: Date } {
  return { from: cstDayStart(fromDay), to: new Date(cstDayStart(toDay).getTime() + DAY_MS) };
}

export type PeriodKind = 'month' | 'last30' | 'custom';

/** [from, to) of a KPI period: this CST month, the 30 days up to now, or whole CST days from–to. */
export function periodRange(
  kind: PeriodKind,
  now: Date,
  custom?: { from: string; to: string },
): { from: Date; to: Date } {
  if (kind === 'last30') return { from: new Date(now.getTime() - 30 * DAY_MS), to: now };
  if (kind === 'custom' && custom) return cstDays(custom.from, custom.to);
  const local = wall(now.getTime());
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { from: new Date(Date.UTC(y, m, 1) - CST_MS), to: new Date(Date.UTC(y, m + 1, 1) - CST_MS) };
}

/** The instant one calendar year earlier on the China wall clock; 29 February becomes 28 February. */
export function minusOneYear(iso: string): string {
  const w = wall(Date.parse(iso));
  const year = w.getUTCFullYear() - 1;
  const month = w.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(w.getUTCDate(), lastDay);
  const ms =
    Date.UTC(
      year,
      month,
      day,
      w.getUTCHours(),
      w.getUTCMinutes(),
      w.getUTCSeconds(),
      w.getUTCMilliseconds(),
    ) - CST_MS;
  return new Date(ms).toISOString();
}

// Formatting ----------------------------------------------------------------------------------------------

/** "2026-11-21 09:30" in Asia/Shanghai; "—" for a missing or bad value. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return DASH;
  return wall(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-11-21" (the CST calendar day). */
export function formatDate(value: Date): string {
  return wall(value.getTime()).toISOString().slice(0, 10);
}

/** The wall clock: "2026年11月21日 星期六 14:03:05" or "Sat 21 Nov 2026 14:03:05". */
export function formatClock(ms: number, locale: Locale): string {
  const d = wall(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const [y, m, day, wd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()];
  return locale === 'en'
    ? `${WEEKDAYS_EN[wd]} ${day} ${MONTHS_EN[m]} ${y} ${time}`
    : `${y}年${m + 1}月${day}日 星期${WEEKDAYS_ZH[wd]} ${time}`;
}

/** "14:03:05" (or "14:03" without seconds) in China time; "—" for a missing or bad value. */
export function formatTime(value: string | number | Date | null | undefined, seconds = true): string {
  if (value === null || value === undefined) return DASH;
  const ms = toMs(value);
  if (Number.isNaN(ms)) return DASH;
  const d = wall(ms);
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

/** "11-21" (month-day in China time), for axis labels at midnight and replay times on another day. */
export function formatMonthDay(value: string | number | Date): string {
  const d = wall(toMs(value));
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "11月21日" / "21 Nov", with the year ("2025年11月21日" / "21 Nov 2025") when asked. */
export function formatDay(ms: number, locale: Locale, withYear = false): string {
  const d = wall(ms);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  if (locale === 'en') return `${day} ${MONTHS_EN[m]}${withYear ? ` ${y}` : ''}`;
  return `${withYear ? `${y}年` : ''}${m + 1}月${day}日`;
}

/** "2026年11月21日" / "2026-11-21" (with " 09:30" when `withTime`); "—" for a bad value. */
export function formatFullDay(iso: string, locale: Locale, withTime = false): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return DASH;
  const day = locale === 'en' ? formatDate(new Date(ms)) : formatDay(ms, locale, true);
  return withTime ? `${day} ${formatTime(ms, false)}` : day;
}

/** "2026年11月" / "Nov 2026". */
export function formatMonth(ms: number, locale: Locale): string {
  const d = wall(ms);
  return locale === 'en'
    ? `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()}`
    : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

/** "11月21日 14:00" / "21 Nov 14:00" — an instant in a list. */
export function formatDayTime(ms: number, locale: Locale): string {
  return `${formatDay(ms, locale)} ${formatTime(ms, false)}`;
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
    const last = b - DAY_MS;
    return last <= a
      ? formatDay(a, locale, withYear)
      : `${formatDay(a, locale, withYear)} – ${formatDay(last, locale, withYear)}`;
  }
  const at = (ms: number) => `${formatDay(ms, locale, withYear)} ${formatTime(ms, false)}`;
  return `${at(a)} – ${at(b)}`;
}

// Durations -----------------------------------------------------------------------------------------------

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole minutes (rounded up, so "0 min left" never shows while time remains) in days, hours, minutes. */
export function durationParts(ms: number): DurationParts {
  const total = Math.ceil(Math.abs(ms) / MINUTE_MS);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** The messages a duration is worded with (the i18n `t` and locale fit). */
export interface DurationWords {
  t: (
    key: 'durDay' | 'durHour' | 'durMinute' | 'remaining' | 'overdueBy',
    vars: Readonly<Record<string, string | number>>,
  ) => string;
  locale: Locale;
}

/** "2小时15分" / "2 h 15 min"; days drop the minutes ("1天3小时"). */
export function formatDuration({ t, locale }: DurationWords, ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  const parts: string[] = [];
  if (days > 0) parts.push(t('durDay', { n: days }));
  if (hours > 0) parts.push(t('durHour', { n: hours }));
  if (minutes > 0 && days === 0) parts.push(t('durMinute', { n: minutes }));
  if (parts.length === 0) parts.push(t('durMinute', { n: 0 }));
  return parts.join(locale === 'en' ? ' ' : '');
}

/** "剩余 2小时15分" or "已超期 35分". */
export function formatRemaining(words: DurationWords, dueAt: string, now: number): string {
  const left = new Date(dueAt).getTime() - now;
  return left >= 0
    ? words.t('remaining', { d: formatDuration(words, left) })
    : words.t('overdueBy', { d: formatDuration(words, -left) });
}

export type DeadlineTone = 'normal' | 'warning' | 'overdue';

/** Red when past due; amber when under a quarter of the stage's time or under an hour remains. */
export function deadlineTone(startedAt: string | Date, dueAt: string | Date, now: number): DeadlineTone {
  const due = new Date(dueAt).getTime();
  const left = due - now;
  if (left < 0) return 'overdue';
  const span = due - new Date(startedAt).getTime();
  return left < HOUR_MS || (span > 0 && left < span / 4) ? 'warning' : 'normal';
}

/** How long ago, for the connection banner: whole seconds under a minute, else whole minutes. */
export function agoParts(ms: number): { unit: 'seconds' | 'minutes'; n: number } {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? { unit: 'seconds', n: s } : { unit: 'minutes', n: Math.floor(s / 60) };
}
