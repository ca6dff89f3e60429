import { describe, expect, it } from 'vitest';
import { deadlineTone, durationParts, formatDateTime, periodRange } from './time.ts';

describe('CST times', () => {
  it('formats instants in Asia/Shanghai', () => {
    expect(formatDateTime('2026-11-21T01:30:00Z')).toBe('2026-11-21 09:30');
    expect(formatDateTime('2026-11-21T17:05:00Z')).toBe('2026-11-22 01:05');
    expect(formatDateTime(null)).toBe('—');
  });

  it('splits durations into days, hours and minutes, rounding up to the minute', () => {
    expect(durationParts(2 * 3_600_000 + 15 * 60_000)).toEqual({ days: 0, hours: 2, minutes: 15 });
    expect(durationParts(-35 * 60_000)).toEqual({ days: 0, hours: 0, minutes: 35 });
    expect(durationParts(30_000)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(durationParts(26 * 3_600_000)).toEqual({ days: 1, hours: 2, minutes: 0 });
  });

  it('colours deadlines: amber under a quarter of the stage or under an hour, red when past', () => {
    const start = '2026-11-21T00:00:00Z';
    const due = '2026-11-21T08:00:00Z'; // an 8-hour stage
    const at = (iso: string) => new Date(iso).getTime();
    expect(deadlineTone(start, due, at('2026-11-21T05:00:00Z'))).toBe('normal');
    expect(deadlineTone(start, due, at('2026-11-21T06:30:00Z'))).toBe('warning'); // 1.5 h < 2 h
    expect(deadlineTone(start, '2026-11-23T00:00:00Z', at('2026-11-22T23:30:00Z'))).toBe('warning');
    expect(deadlineTone(start, due, at('2026-11-21T08:00:01Z'))).toBe('overdue');
  });

  it('takes KPI months and custom days on CST calendar days', () => {
    const now = new Date('2026-11-30T20:00:00Z'); // already 1 December in Shanghai
    expect(periodRange('month', now)).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(periodRange('custom', now, { from: '2026-11-21', to: '2026-11-22' })).toEqual({
      from: new Date('2026-11-20T16:00:00Z'),
      to: new Date('2026-11-22T16:00:00Z'),
    });
    const last30 = periodRange('last30', now);
    expect(last30.to).toEqual(now);
    expect(now.getTime() - last30.from.getTime()).toBe(30 * 86_400_000);
  });
});
