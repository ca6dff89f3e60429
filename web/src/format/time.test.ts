import { describe, expect, it } from 'vitest';
import {
  agoParts,
  cstHour,
  deadlineTone,
  durationParts,
  floorHour,
  formatClock,
  formatDateTime,
  formatDay,
  formatDayTime,
  formatFullDay,
  formatMonth,
  formatMonthDay,
  formatRange,
  formatTime,
  isCstMidnight,
  periodRange,
  sameCstDay,
} from './time.ts';

const ms = (iso: string) => Date.parse(iso);

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

describe('screen times in China Standard Time', () => {
  const at = Date.parse('2026-11-21T06:03:05Z'); // 14:03:05 in Shenzhen, a Saturday

  it('reads the clock the Chinese way and the English way', () => {
    expect(formatClock(at, 'zh-CN')).toBe('2026年11月21日 星期六 14:03:05');
    expect(formatClock(at, 'en')).toBe('Sat 21 Nov 2026 14:03:05');
    // Past 16:00 UTC it is already the next day in China.
    expect(formatClock(Date.parse('2026-11-21T16:30:00Z'), 'zh-CN')).toBe('2026年11月22日 星期日 00:30:00');
  });

  it('formats times of day, month-days and hours', () => {
    expect(formatTime(at)).toBe('14:03:05');
    expect(formatTime('2026-11-21T06:03:05Z', false)).toBe('14:03');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('nonsense')).toBe('—');
    expect(formatMonthDay(Date.parse('2026-11-21T16:30:00Z'))).toBe('11-22');
    expect(cstHour(at)).toBe(14);
    expect(floorHour(at)).toBe(Date.parse('2026-11-21T06:00:00Z'));
    expect(isCstMidnight(Date.parse('2026-11-21T16:00:00Z'))).toBe(true);
    expect(isCstMidnight(Date.parse('2026-11-21T00:00:00Z'))).toBe(false);
  });

  it('compares China calendar days', () => {
    expect(sameCstDay(Date.parse('2026-11-21T15:59:00Z'), Date.parse('2026-11-20T16:00:00Z'))).toBe(true);
    expect(sameCstDay(Date.parse('2026-11-21T16:00:00Z'), Date.parse('2026-11-21T15:59:00Z'))).toBe(false);
  });

  it('says how long ago in seconds under a minute, else minutes', () => {
    expect(agoParts(35_400)).toEqual({ unit: 'seconds', n: 35 });
    expect(agoParts(-5)).toEqual({ unit: 'seconds', n: 0 });
    expect(agoParts(185_000)).toEqual({ unit: 'minutes', n: 3 });
  });
});

describe('formatFullDay', () => {
  it('reads CST days in Chinese and English', () => {
    // 2026-11-20 17:30 UTC is 2026-11-21 01:30 in Shanghai.
    expect(formatFullDay('2026-11-20T17:30:00Z', 'zh-CN')).toBe('2026年11月21日');
    expect(formatFullDay('2026-01-04T17:30:00Z', 'zh-CN', true)).toBe('2026年1月5日 01:30');
    expect(formatFullDay('2026-11-20T17:30:00Z', 'en')).toBe('2026-11-21');
    expect(formatFullDay('nonsense', 'en')).toBe('—');
  });
});

describe('dates in China time', () => {
  // 2026-11-20T16:30Z is 00:30 on 21 November in Shanghai.
  const t = ms('2026-11-20T16:30:00Z');

  it('reads days and months the Chinese way', () => {
    expect(formatDay(t, 'zh-CN')).toBe('11月21日');
    expect(formatDay(t, 'zh-CN', true)).toBe('2026年11月21日');
    expect(formatMonth(t, 'zh-CN')).toBe('2026年11月');
    expect(formatDayTime(t, 'zh-CN')).toBe('11月21日 00:30');
  });

  it('reads them the English way', () => {
    expect(formatDay(t, 'en')).toBe('21 Nov');
    expect(formatMonth(t, 'en')).toBe('Nov 2026');
  });

  it('shows a range of whole days with its last day', () => {
    const now = ms('2026-11-21T12:00:00+08:00');
    expect(formatRange('2026-11-13T16:00:00Z', '2026-11-20T16:00:00Z', 'zh-CN', now)).toBe(
      '11月14日 – 11月20日',
    );
    expect(formatRange('2026-11-19T16:00:00Z', '2026-11-20T16:00:00Z', 'zh-CN', now)).toBe('11月20日');
  });

  it('shows a rolling range with times, and the year when it is not this year', () => {
    const now = ms('2026-11-21T12:00:00+08:00');
    expect(formatRange('2026-11-20T04:00:00Z', '2026-11-21T04:00:00Z', 'zh-CN', now)).toBe(
      '11月20日 12:00 – 11月21日 12:00',
    );
    expect(formatRange('2025-11-20T04:00:00Z', '2025-11-21T04:00:00Z', 'zh-CN', now)).toBe(
      '2025年11月20日 12:00 – 2025年11月21日 12:00',
    );
  });
});
