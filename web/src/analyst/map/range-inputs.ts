// The range control's date inputs: a time range as its first and last China Standard Time days, and a
// custom range of whole CST days (the "to" day included) from the inputs' values. Pure.
import { cstDays, formatDate } from '../../format/time.ts';
import type { TimeRange } from '../contract.ts';

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
  const { from, to } = cstDays(fromDay, toDay);
  if (!Number.isFinite(from.getTime()) || !Number.isFinite(to.getTime())) return null;
  if (from.getTime() >= to.getTime()) {
    // `to` is the end of the last day: a "from" past it moves it, a "to" before "from" moves "from".
    const day = changed === 'from' ? fromDay : toDay;
    const moved = cstDays(day, day);
    return { from: moved.from.toISOString(), to: moved.to.toISOString(), preset: 'custom' };
  }
  return { from: from.toISOString(), to: to.toISOString(), preset: 'custom' };
}
