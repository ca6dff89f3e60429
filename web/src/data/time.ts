// Times as duty officers read them: China Standard Time (UTC+8, no daylight saving) whatever the browser's
// zone, "2026-11-21 09:30"; durations in days, hours and minutes; deadline tones; KPI periods on CST days.

/** China Standard Time is UTC+8 all year (no daylight saving). */
export const CST_MS = 8 * 3_600_000;

/** Whether an instant is midnight in China. */
export const isCstMidnight = (ms: number) => (ms + CST_MS) % 86_400_000 === 0;
const MINUTE = 60_000;

/** "2026-11-21 09:30" in Asia/Shanghai. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return '—';
  return new Date(ms + CST_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-11-21" (the CST calendar day). */
export function formatDate(value: Date): string {
  return new Date(value.getTime() + CST_MS).toISOString().slice(0, 10);
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole minutes (rounded up, so "0 min left" never shows while time remains) in days, hours, minutes. */
export function durationParts(ms: number): DurationParts {
  const total = Math.ceil(Math.abs(ms) / MINUTE);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

export type DeadlineTone = 'normal' | 'warning' | 'overdue';

/**
 * Red when past due; amber when under a quarter of the stage's time or under an hour remains.
 */
export function deadlineTone(startedAt: string | Date, dueAt: string | Date, now: number): DeadlineTone {
  const due = new Date(dueAt).getTime();
  const left = due - now;
  if (left < 0) return 'overdue';
  const span = due - new Date(startedAt).getTime();
  return left < 3_600_000 || (span > 0 && left < span / 4) ? 'warning' : 'normal';
}

/** Midnight CST starting the day `ymd` ("2026-11-21"). */
export function cstDayStart(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - CST_MS);
}

export type PeriodKind = 'month' | 'last30' | 'custom';

/** [from, to) of a KPI period: this CST month, the 30 days up to now, or whole CST days from–to. */
export function periodRange(
  kind: PeriodKind,
  now: Date,
  custom?: { from: string; to: string },
): { from: Date; to: Date } {
  if (kind === 'last30') return { from: new Date(now.getTime() - 30 * 86_400_000), to: now };
  if (kind === 'custom' && custom) {
    const to = cstDayStart(custom.to);
    return { from: cstDayStart(custom.from), to: new Date(to.getTime() + 86_400_000) };
  }
  const local = new Date(now.getTime() + CST_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { from: new Date(Date.UTC(y, m, 1) - CST_MS), to: new Date(Date.UTC(y, m + 1, 1) - CST_MS) };
}
