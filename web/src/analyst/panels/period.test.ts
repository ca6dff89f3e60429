import { describe, expect, it } from 'vitest';
import { minusOneYear } from '../../format/time.ts';
import {
  changeTone,
  comparedPeriods,
  lastYearPeriod,
  previousPeriod,
  rateChange,
  relativeChange,
  trendInterval,
} from './period.ts';

const at = (iso: string) => new Date(iso).toISOString();

describe('trendInterval', () => {
  const span = (days: number) => ({
    from: at('2026-01-01T00:00:00+08:00'),
    to: new Date(Date.parse('2026-01-01T00:00:00+08:00') + days * 86_400_000).toISOString(),
  });

  it('picks hours, days, weeks or months by the length of the range', () => {
    expect(trendInterval(span(1))).toBe('HOUR');
    expect(trendInterval(span(2))).toBe('HOUR');
    expect(trendInterval(span(2.01))).toBe('DAY');
    expect(trendInterval(span(92))).toBe('DAY');
    expect(trendInterval(span(93))).toBe('WEEK');
    expect(trendInterval(span(400))).toBe('WEEK');
    expect(trendInterval(span(401))).toBe('MONTH');
  });
});

describe('previousPeriod', () => {
  it('is the range of the same length just before', () => {
    expect(
      previousPeriod({ from: at('2026-11-14T00:00:00+08:00'), to: at('2026-11-21T00:00:00+08:00') }),
    ).toEqual({ from: at('2026-11-07T00:00:00+08:00'), to: at('2026-11-14T00:00:00+08:00') });
  });
});

describe('lastYearPeriod', () => {
  it('moves both ends back one calendar year on the China wall clock', () => {
    expect(
      lastYearPeriod({ from: at('2026-11-01T00:00:00+08:00'), to: at('2026-12-01T00:00:00+08:00') }),
    ).toEqual({ from: at('2025-11-01T00:00:00+08:00'), to: at('2025-12-01T00:00:00+08:00') });
  });

  it('keeps China midnight on 1 January (UTC is still in the old year)', () => {
    expect(minusOneYear(at('2026-01-01T00:00:00+08:00'))).toBe(at('2025-01-01T00:00:00+08:00'));
  });

  it('turns 29 February into 28 February', () => {
    expect(minusOneYear(at('2028-02-29T10:30:00+08:00'))).toBe(at('2027-02-28T10:30:00+08:00'));
  });
});

describe('relativeChange', () => {
  it('is the change over the base', () => {
    expect(relativeChange(150, 100)).toEqual({ ratio: 0.5, direction: 'up' });
    expect(relativeChange(75, 100)).toEqual({ ratio: -0.25, direction: 'down' });
    expect(relativeChange(100, 100)).toEqual({ ratio: 0, direction: 'flat' });
  });

  it('has no ratio when the base is 0 or missing', () => {
    expect(relativeChange(5, 0)).toEqual({ ratio: null, direction: 'flat' });
    expect(relativeChange(5, null)).toEqual({ ratio: null, direction: 'flat' });
  });
});

describe('rateChange', () => {
  it('is the difference in points', () => {
    const c = rateChange(0.7, 0.62);
    expect(c.delta).toBeCloseTo(0.08);
    expect(c.direction).toBe('up');
    expect(rateChange(0.5, 0.6).direction).toBe('down');
  });

  it('has no difference when a rate is missing (nothing was due)', () => {
    expect(rateChange(null, 0.5)).toEqual({ delta: null, direction: 'flat' });
    expect(rateChange(0.5, null)).toEqual({ delta: null, direction: 'flat' });
  });
});

describe('changeTone', () => {
  it('reds more alerts and greens fewer', () => {
    expect(changeTone('up', false)).toBe('bad');
    expect(changeTone('down', false)).toBe('good');
  });

  it('greens a higher closure rate and reds a lower one', () => {
    expect(changeTone('up', true)).toBe('good');
    expect(changeTone('down', true)).toBe('bad');
    expect(changeTone('flat', true)).toBe('neutral');
  });
});

describe('comparedPeriods', () => {
  it('gives the range, its 环比 and 同比 periods and one interval for all', () => {
    const now = { from: at('2026-11-14T00:00:00+08:00'), to: at('2026-11-21T00:00:00+08:00') };
    expect(comparedPeriods({ ...now, preset: '7d' } as typeof now)).toEqual({
      now,
      prev: { from: at('2026-11-07T00:00:00+08:00'), to: at('2026-11-14T00:00:00+08:00') },
      yoy: { from: at('2025-11-14T00:00:00+08:00'), to: at('2025-11-21T00:00:00+08:00') },
      interval: 'DAY',
    });
  });
});
