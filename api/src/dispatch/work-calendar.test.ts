import { describe, expect, it } from 'vitest';
import {
  addTime,
  DEFAULT_WORK_HOURS,
  isWorkingDay,
  localDate,
  parseWorkHours,
  timeBetween,
  type WorkCalendar,
} from './work-calendar.ts';

// 2026 National Day: Oct 1–7 off; Sunday 09-27 and Saturday 10-10 are 调休 workdays.
const CAL: WorkCalendar = {
  periods: parseWorkHours(DEFAULT_WORK_HOURS),
  weekendDays: new Set([0, 6]),
  holidays: new Set([
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  workdays: new Set(['2026-09-27', '2026-10-10']),
};
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('parseWorkHours', () => {
  it.each([
    [
      DEFAULT_WORK_HOURS,
      [
        { startMin: 510, endMin: 720 },
        { startMin: 840, endMin: 1080 },
      ],
    ],
    [
      ' 08:30 - 12:00 , 14:00-18:00 ',
      [
        { startMin: 510, endMin: 720 },
        { startMin: 840, endMin: 1080 },
      ],
    ],
    ['8:00-9:00', [{ startMin: 480, endMin: 540 }]],
    ['00:00-24:00', [{ startMin: 0, endMin: 1440 }]],
    [
      '08:00-12:00,12:00-13:00',
      [
        { startMin: 480, endMin: 720 },
        { startMin: 720, endMin: 780 },
      ],
    ],
  ])('parses %j', (text, periods) => {
    expect(parseWorkHours(text)).toEqual(periods);
  });

  it.each([
    ['empty', '', /expected HH:MM-HH:MM/],
    ['a lone time', '08:30', /expected HH:MM-HH:MM/],
    ['a wrong separator', '08:30-12:00;14:00-18:00', /expected HH:MM-HH:MM/],
    ['a trailing comma', '08:30-12:00,', /expected HH:MM-HH:MM/],
    ['minutes over 59', '08:60-09:00', /Invalid time/],
    ['a time beyond 24:00', '20:00-24:30', /Invalid time/],
    ['hour 25', '25:00-26:00', /Invalid time/],
    ['start = end', '09:00-09:00', /must start before it ends/],
    ['start after end', '12:00-08:30', /must start before it ends/],
    ['unsorted periods', '14:00-18:00,08:30-12:00', /not sorted/],
    ['overlapping periods', '08:30-12:00,11:00-13:00', /overlaps/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseWorkHours(text)).toThrow(message);
  });
});

describe('localDate and isWorkingDay', () => {
  it.each([
    ['2026-09-30T23:59:59.999+08:00', '2026-09-30'],
    ['2026-10-01T00:00:00+08:00', '2026-10-01'],
    ['2026-09-30T16:00:00Z', '2026-10-01'],
    ['1969-12-31T23:00:00+08:00', '1969-12-31'],
  ])('localDate(%s) is %s', (instant, date) => {
    expect(localDate(at(instant))).toBe(date);
  });

  it.each([
    ['2026-09-25', 'Friday', true],
    ['2026-09-26', 'Saturday', false],
    ['2026-09-27', 'Sunday, 调休 workday', true],
    ['2026-10-01', 'Thursday, holiday', false],
    ['2026-10-10', 'Saturday, 调休 workday', true],
    ['2026-10-11', 'Sunday', false],
  ])('%s (%s) working: %s', (date, _what, working) => {
    expect(isWorkingDay(date, CAL)).toBe(working);
  });

  it('lets a holiday win over a listed workday', () => {
    expect(isWorkingDay('2026-10-10', { ...CAL, holidays: new Set(['2026-10-10']) })).toBe(false);
  });
});

describe('addTime (working)', () => {
  it.each([
    ['within one period', '2026-09-07T09:00+08:00', 60, '2026-09-07T10:00+08:00'],
    ['ending exactly at a period end', '2026-09-07T11:00+08:00', 60, '2026-09-07T12:00+08:00'],
    ['spilling across lunch', '2026-09-07T11:00+08:00', 90, '2026-09-07T14:30+08:00'],
    ['a start during lunch', '2026-09-07T12:30+08:00', 30, '2026-09-07T14:30+08:00'],
    ['a whole working day', '2026-09-07T08:30+08:00', 450, '2026-09-07T18:00+08:00'],
    ['across the evening', '2026-09-07T17:00+08:00', 120, '2026-09-08T09:30+08:00'],
    ['Friday afternoon into Monday', '2026-09-11T17:00+08:00', 120, '2026-09-14T09:30+08:00'],
    ['Friday into a 调休 Sunday', '2026-09-25T17:00+08:00', 120, '2026-09-27T09:30+08:00'],
    ['across the National Day holiday', '2026-09-30T17:00+08:00', 120, '2026-10-08T09:30+08:00'],
    ['Friday into a 调休 Saturday', '2026-10-09T17:00+08:00', 120, '2026-10-10T09:30+08:00'],
    ['a start on a holiday', '2026-10-03T10:00+08:00', 30, '2026-10-08T09:00+08:00'],
    ['a start at night', '2026-09-07T22:00+08:00', 30, '2026-09-08T09:00+08:00'],
    ['a start before dawn', '2026-09-08T06:00+08:00', 30, '2026-09-08T09:00+08:00'],
    ['10,000 minutes (22 days + 100 min)', '2026-09-07T08:30+08:00', 10_000, '2026-10-12T10:10+08:00'],
    ['zero minutes inside working time', '2026-09-07T09:00+08:00', 0, '2026-09-07T09:00+08:00'],
    ['zero minutes at night (not moved)', '2026-09-07T22:00+08:00', 0, '2026-09-07T22:00+08:00'],
    ['half a minute', '2026-09-07T09:00+08:00', 0.5, '2026-09-07T09:00:30+08:00'],
    ['fractional minutes across lunch', '2026-09-07T11:59+08:00', 1.5, '2026-09-07T14:00:30+08:00'],
  ])('%s: %s + %d min = %s', (_name, start, minutes, expected) => {
    expect(iso(addTime(at(start), minutes, 'working', CAL))).toBe(iso(at(expected)));
  });

  it.each([
    ['no working periods', { ...CAL, periods: [] }, /no working periods/],
    [
      'no working day at all',
      { ...CAL, weekendDays: new Set([0, 1, 2, 3, 4, 5, 6]), workdays: new Set<string>() },
      /No working day within/,
    ],
  ])('throws for a calendar with %s', (_name, cal, message) => {
    expect(() => addTime(at('2026-09-07T09:00+08:00'), 60, 'working', cal)).toThrow(message);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d minutes', (minutes) => {
    expect(() => addTime(at('2026-09-07T09:00+08:00'), minutes, 'working', CAL)).toThrow(/non-negative/);
  });
});

describe('addTime (natural)', () => {
  it.each([
    ['2026-09-30T17:00+08:00', 120, '2026-09-30T19:00+08:00'],
    ['2026-10-03T10:00+08:00', 1440, '2026-10-04T10:00+08:00'],
    ['2026-09-07T22:00+08:00', 0, '2026-09-07T22:00+08:00'],
    ['2026-09-07T22:00+08:00', 0.25, '2026-09-07T22:00:15+08:00'],
  ])('%s + %d min = %s', (start, minutes, expected) => {
    expect(iso(addTime(at(start), minutes, 'natural', CAL))).toBe(iso(at(expected)));
  });
});

describe('timeBetween', () => {
  it.each([
    ['2026-09-07T09:00+08:00', '2026-09-07T10:00+08:00', 'working', 60],
    ['2026-09-07T11:00+08:00', '2026-09-07T14:30+08:00', 'working', 90],
    ['2026-09-30T17:00+08:00', '2026-10-08T09:30+08:00', 'working', 120],
    ['2026-09-07T22:00+08:00', '2026-09-08T06:00+08:00', 'working', 0],
    ['2026-09-07T09:00+08:00', '2026-09-07T09:00+08:00', 'working', 0],
    ['2026-09-07T14:30+08:00', '2026-09-07T11:00+08:00', 'working', -90],
    ['2026-10-08T09:30+08:00', '2026-09-30T17:00+08:00', 'working', -120],
    ['2026-09-08T06:00+08:00', '2026-09-07T22:00+08:00', 'working', 0],
    ['2026-09-07T11:00+08:00', '2026-09-07T14:30+08:00', 'natural', 210],
    ['2026-09-07T14:30+08:00', '2026-09-07T11:00+08:00', 'natural', -210],
  ] as const)('%s → %s (%s) = %d min', (a, b, basis, minutes) => {
    expect(timeBetween(at(a), at(b), basis, CAL)).toBe(minutes);
  });

  const starts = [
    '2026-09-07T08:30+08:00',
    '2026-09-07T11:59+08:00',
    '2026-09-11T17:45+08:00',
    '2026-09-30T15:00+08:00',
    '2026-10-10T09:00+08:00',
  ];
  const minutes = [0, 0.5, 1, 60, 211, 450, 451, 10_000];
  it.each(starts.flatMap((s) => minutes.map((m) => [s, m] as const)))(
    'inverts addTime from %s + %d min',
    (start, m) => {
      const s = at(start);
      expect(timeBetween(s, addTime(s, m, 'working', CAL), 'working', CAL)).toBe(m);
      expect(timeBetween(addTime(s, m, 'working', CAL), s, 'working', CAL)).toBe(m === 0 ? 0 : -m);
    },
  );
});
