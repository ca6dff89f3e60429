// The periods the analyst compares: the chosen range, the one of the same length just before it (环比), the
// same range one calendar year earlier in China time (同比), and the trend interval a range's length calls for.

import type { TrendInterval } from '../../data/generated/graphql.ts';
import { DAY_MS, minusOneYear } from '../../format/time.ts';

export type { TrendInterval };

export interface Period {
  /** ISO instants, [from, to). */
  from: string;
  to: string;
}

/** HOUR up to 2 days, DAY up to 92 days, WEEK up to 400 days, else MONTH. */
export function trendInterval(period: Period): TrendInterval {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS;
  if (days <= 2) return 'HOUR';
  if (days <= 92) return 'DAY';
  if (days <= 400) return 'WEEK';
  return 'MONTH';
}

/** The period of the same length that ends where this one starts: [from − length, from). */
export function previousPeriod(period: Period): Period {
  const from = Date.parse(period.from);
  const length = Date.parse(period.to) - from;
  return { from: new Date(from - length).toISOString(), to: new Date(from).toISOString() };
}

/** The same period one year earlier (同比). */
export function lastYearPeriod(period: Period): Period {
  return { from: minusOneYear(period.from), to: minusOneYear(period.to) };
}

export type Direction = 'up' | 'down' | 'flat';

export interface Change {
  /** (now − base) / base; null when the base is 0 or missing. */
  ratio: number | null;
  direction: Direction;
}

/** The relative change from `base` to `now` (for counts). */
export function relativeChange(now: number, base: number | null | undefined): Change {
  if (base === null || base === undefined || base === 0 || !Number.isFinite(base)) {
    return { ratio: null, direction: 'flat' };
  }
  const ratio = (now - base) / base;
  return { ratio, direction: ratio > 0 ? 'up' : ratio < 0 ? 'down' : 'flat' };
}

export interface PointChange {
  /** now − base, in the rate's own unit (0–1); null when either is missing. */
  delta: number | null;
  direction: Direction;
}

/** The change of a rate (0–1) in points: 0.62 → 0.70 is +0.08. */
export function rateChange(now: number | null | undefined, base: number | null | undefined): PointChange {
  if (now === null || now === undefined || base === null || base === undefined) {
    return { delta: null, direction: 'flat' };
  }
  const delta = now - base;
  // Differences below a hundredth of a point are rounding, not change.
  const direction = Math.abs(delta) < 1e-4 ? 'flat' : delta > 0 ? 'up' : 'down';
  return { delta, direction };
}

export type Tone = 'bad' | 'good' | 'neutral';

/** Red or green for a direction: for alerts more is worse; for a closure rate more is better. */
export function changeTone(direction: Direction, moreIsBetter: boolean): Tone {
  if (direction === 'flat') return 'neutral';
  return (direction === 'up') === moreIsBetter ? 'good' : 'bad';
}

export interface ComparedPeriods {
  now: Period;
  /** 环比: the same length just before. */
  prev: Period;
  /** 同比: the same dates a year before. */
  yoy: Period;
  interval: TrendInterval;
}

/** The chosen range with its 环比 and 同比 periods and the interval for all three. */
export function comparedPeriods(range: Period): ComparedPeriods {
  const now = { from: range.from, to: range.to };
  return { now, prev: previousPeriod(now), yoy: lastYearPeriod(now), interval: trendInterval(now) };
}
