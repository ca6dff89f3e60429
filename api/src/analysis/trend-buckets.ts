// Time buckets for trends, in China Standard Time (UTC+8 all year, no daylight saving): hours, days from
// midnight, weeks from Monday, months from the 1st. Pure.
import { DomainError } from '../domain-error.ts';

export const TREND_INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

export const MAX_BUCKETS = 1000;
const MAX_PERIOD_MS = 5 * 366 * 86_400_000;

/** A period [from, to) the analyst queries accept: from before to, at most five years. */
export function checkPeriod(from: Date, to: Date): void {
  if (!(from < to)) throw new DomainError('INVALID_INPUT', '"from" must be before "to"');
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
    throw new DomainError('LIMIT_EXCEEDED', 'a period is at most five years');
  }
}
const CST_MS = 8 * 3600_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A bucket's start as CST wall time "YYYY-MM-DDTHH:mm:ss" (what the SQL's to_char gives) and as an instant. */
export interface Bucket {
  key: string;
  start: Date;
}

const wallKey = (wall: Date) => wall.toISOString().slice(0, 19);

/** The start of the bucket holding an instant, as CST wall time in a Date read with UTC getters. */
function truncate(at: Date, interval: TrendInterval): Date {
  const w = new Date(at.getTime() + CST_MS);
  switch (interval) {
    case 'hour':
      return new Date(Math.floor(w.getTime() / HOUR) * HOUR);
    case 'day':
      return new Date(Math.floor(w.getTime() / DAY) * DAY);
    case 'week': {
      const day = new Date(Math.floor(w.getTime() / DAY) * DAY);
      return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
    }
    case 'month':
      return new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), 1));
  }
}

function next(wall: Date, interval: TrendInterval): Date {
  switch (interval) {
    case 'hour':
      return new Date(wall.getTime() + HOUR);
    case 'day':
      return new Date(wall.getTime() + DAY);
    case 'week':
      return new Date(wall.getTime() + 7 * DAY);
    case 'month':
      return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 1));
  }
}

/** Every bucket overlapping [from, to); LIMIT_EXCEEDED past MAX_BUCKETS, INVALID_INPUT unless from < to. */
export function trendBuckets(from: Date, to: Date, interval: TrendInterval): Bucket[] {
  if (!(from.getTime() < to.getTime())) throw new DomainError('INVALID_INPUT', '"from" must be before "to"');
  const buckets: Bucket[] = [];
  for (
    let wall = truncate(from, interval);
    wall.getTime() - CST_MS < to.getTime();
    wall = next(wall, interval)
  ) {
    if (buckets.length === MAX_BUCKETS) {
      throw new DomainError(
        'LIMIT_EXCEEDED',
        `a trend has at most ${MAX_BUCKETS} buckets; choose a longer interval or a shorter period`,
      );
    }
    buckets.push({ key: wallKey(wall), start: new Date(wall.getTime() - CST_MS) });
  }
  return buckets;
}
