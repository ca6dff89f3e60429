// Times on the big screen in China Standard Time whatever the browser's zone: the header clock
// ("2026年11月21日 星期六 14:03:05"), ticker and axis times ("14:03:05", "14:00"), and how long ago data came.
import { CST_MS, isCstMidnight } from '../data/time.ts';

export { CST_MS, isCstMidnight };

export const HOUR_MS = 3_600_000;

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

const pad = (n: number) => String(n).padStart(2, '0');
const toMs = (value: string | number | Date) =>
  typeof value === 'number' ? value : new Date(value).getTime();

/** The wall clock: "2026年11月21日 星期六 14:03:05" or "Sat 21 Nov 2026 14:03:05". */
export function formatClock(ms: number, locale: 'zh-CN' | 'en'): string {
  const d = new Date(ms + CST_MS);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const [y, m, day, wd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()];
  return locale === 'en'
    ? `${WEEKDAYS_EN[wd]} ${day} ${MONTHS_EN[m]} ${y} ${time}`
    : `${y}年${m + 1}月${day}日 星期${WEEKDAYS_ZH[wd]} ${time}`;
}

/** "14:03:05" (or "14:03" without seconds) in China time; "—" for a missing or bad value. */
export function formatTime(value: string | number | Date | null | undefined, seconds = true): string {
  if (value === null || value === undefined) return '—';
  const ms = toMs(value);
  if (Number.isNaN(ms)) return '—';
  const d = new Date(ms + CST_MS);
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

/** "11-21" (month-day in China time), for axis labels at midnight and replay times on another day. */
export function formatMonthDay(value: string | number | Date): string {
  const d = new Date(toMs(value) + CST_MS);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whether two instants fall on the same China calendar day. */
export const sameCstDay = (a: number, b: number) =>
  Math.floor((a + CST_MS) / 86_400_000) === Math.floor((b + CST_MS) / 86_400_000);

/** Start of the hour containing `ms` (China time has no offset within the hour). */
export const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** The hour of day (0–23) in China time. */
export const cstHour = (ms: number) => new Date(ms + CST_MS).getUTCHours();

/** How long ago, for the connection banner: whole seconds under a minute, else whole minutes. */
export function agoParts(ms: number): { unit: 'seconds' | 'minutes'; n: number } {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? { unit: 'seconds', n: s } : { unit: 'minutes', n: Math.floor(s / 60) };
}
