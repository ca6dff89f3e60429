// Working-time arithmetic for case deadlines (数字城管): working hours, weekends, 法定节假日 and 调休补班,
// all in China Standard Time (UTC+08:00, no DST), computed by shifting epoch milliseconds by 8 h.

export interface WorkPeriod {
  readonly startMin: number;
  readonly endMin: number;
}

export interface WorkCalendar {
  readonly periods: readonly WorkPeriod[];
  readonly weekendDays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

export type TimeBasis = 'working' | 'natural';

export const DEFAULT_WORK_HOURS = '08:30-12:00,14:00-18:00';

const MIN_MS = 60_000;
const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const MAX_IDLE_DAYS = 366;

const PERIOD = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/** Parses "08:30-12:00,14:00-18:00" into periods; throws on bad syntax, overlaps, unsorted input or times beyond 24:00. */
export function parseWorkHours(text: string): WorkPeriod[] {
  const periods: WorkPeriod[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = PERIOD.exec(part);
    if (!m) throw new Error(`Invalid work period "${part}" in "${text}": expected HH:MM-HH:MM`);
    const [startMin, endMin] = [toMinutes(m[1]!, m[2]!, part), toMinutes(m[3]!, m[4]!, part)];
    if (startMin >= endMin) throw new Error(`Work period "${part}" must start before it ends`);
    const prev = periods.at(-1);
    if (prev && startMin < prev.startMin) throw new Error(`Work periods in "${text}" are not sorted`);
    if (prev && startMin < prev.endMin) throw new Error(`Work period "${part}" overlaps the previous one`);
    periods.push({ startMin, endMin });
  }
  return periods;
}

function toMinutes(hh: string, mm: string, part: string): number {
  const minutes = Number(hh) * 60 + Number(mm);
  if (Number(mm) > 59 || minutes > 24 * 60) throw new Error(`Invalid time in work period "${part}"`);
  return minutes;
}

/** CST wall-clock milliseconds of an instant; `Math.floor(ms / DAY_MS)` is its local day index. */
const localMs = (at: Date): number => {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid date');
  return ms + CST_OFFSET_MS;
};
const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The local CST date 'YYYY-MM-DD' of an instant. */
export function localDate(at: Date): string {
  return dayString(Math.floor(localMs(at) / DAY_MS));
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new Error(`Invalid date "${date}"`);
  return isWorkingDayIndex(ms / DAY_MS, cal);
}

function isWorkingDayIndex(day: number, cal: WorkCalendar): boolean {
  const date = dayString(day);
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  return !cal.weekendDays.has((((day + 4) % 7) + 7) % 7); // 1970-01-01 was a Thursday
}

/** The instant `minutes` of working (or natural) time after `start`; a start outside working hours counts from the next working moment. */
export function addTime(start: Date, minutes: number, basis: TimeBasis, cal: WorkCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new Error(`Minutes must be a non-negative number, got ${minutes}`);
  const from = localMs(start);
  if (basis === 'natural' || minutes === 0) return new Date(start.getTime() + minutes * MIN_MS);
  if (cal.periods.length === 0) throw new Error('Work calendar has no working periods');

  let remaining = minutes * MIN_MS;
  let idleDays = 0;
  for (let day = Math.floor(from / DAY_MS); ; day++) {
    if (!isWorkingDayIndex(day, cal)) {
      if (++idleDays > MAX_IDLE_DAYS) throw new Error(`No working day within ${MAX_IDLE_DAYS} days`);
      continue;
    }
    idleDays = 0;
    for (const p of cal.periods) {
      const begin = Math.max(from, day * DAY_MS + p.startMin * MIN_MS);
      const end = day * DAY_MS + p.endMin * MIN_MS;
      if (begin >= end) continue;
      if (remaining <= end - begin) return new Date(begin + remaining - CST_OFFSET_MS);
      remaining -= end - begin;
    }
  }
}

/** Working (or natural) minutes from a to b; negative when b < a. */
export function timeBetween(a: Date, b: Date, basis: TimeBasis, cal: WorkCalendar): number {
  const [from, to] = [localMs(a), localMs(b)];
  if (to < from) return 0 - timeBetween(b, a, basis, cal); // 0 - x, not -x: never -0
  if (basis === 'natural') return (to - from) / MIN_MS;

  let total = 0;
  for (let day = Math.floor(from / DAY_MS); day <= Math.floor(to / DAY_MS); day++) {
    if (!isWorkingDayIndex(day, cal)) continue;
    for (const p of cal.periods) {
      const begin = Math.max(from, day * DAY_MS + p.startMin * MIN_MS);
      const end = Math.min(to, day * DAY_MS + p.endMin * MIN_MS);
      if (end > begin) total += end - begin;
    }
  }
  return total / MIN_MS;
}
