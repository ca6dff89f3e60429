// Console wording that needs more than one message: durations, deadlines and rates.
import { durationParts } from '../data/time.ts';
import type { useI18n } from '../i18n/I18nProvider.tsx';

type I18n = ReturnType<typeof useI18n>;

/** "2小时15分" / "2 h 15 min"; days drop the minutes ("1天3小时"). */
export function formatDuration({ t, locale }: I18n, ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  const parts: string[] = [];
  if (days > 0) parts.push(t('durDay', { n: days }));
  if (hours > 0) parts.push(t('durHour', { n: hours }));
  if (minutes > 0 && days === 0) parts.push(t('durMinute', { n: minutes }));
  if (parts.length === 0) parts.push(t('durMinute', { n: 0 }));
  return parts.join(locale === 'en' ? ' ' : '');
}

/** "剩余 2小时15分" or "已超期 35分". */
export function formatRemaining(i18n: I18n, dueAt: string, now: number): string {
  const left = new Date(dueAt).getTime() - now;
  return left >= 0
    ? i18n.t('remaining', { d: formatDuration(i18n, left) })
    : i18n.t('overdueBy', { d: formatDuration(i18n, -left) });
}

/** 0.6667 → "66.7%"; null → "—". */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
