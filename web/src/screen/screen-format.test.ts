import { describe, expect, it } from 'vitest';
import {
  agoParts,
  cstHour,
  floorHour,
  formatClock,
  formatMonthDay,
  formatTime,
  isCstMidnight,
  sameCstDay,
} from './screen-format.ts';

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
