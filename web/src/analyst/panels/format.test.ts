import { describe, expect, it } from 'vitest';
import {
  formatBucket,
  formatBucketLong,
  formatChange,
  formatCount,
  formatDay,
  formatDayTime,
  formatFloorArea,
  formatMonth,
  formatPoints,
  formatRange,
  formatRate,
} from './format.ts';

const ms = (iso: string) => Date.parse(iso);

describe('numbers', () => {
  it('separates thousands', () => {
    expect(formatCount(1234, 'zh-CN')).toBe('1,234');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(null, 'zh-CN')).toBe('—');
  });

  it('shows rates with one decimal', () => {
    expect(formatRate(0.125, 'zh-CN')).toBe('12.5%');
    expect(formatRate(1, 'en')).toBe('100.0%');
    expect(formatRate(null, 'zh-CN')).toBe('—');
  });

  it('shows floor area in m² or 万m²', () => {
    expect(formatFloorArea(8520.4, 'zh-CN')).toBe('8,520 m²');
    expect(formatFloorArea(125_000, 'zh-CN')).toBe('12.5 万m²');
    expect(formatFloorArea(35_800_000, 'zh-CN')).toBe('3,580 万m²');
    expect(formatFloorArea(45_678, 'zh-CN')).toBe('4.57 万m²');
    expect(formatFloorArea(125_000, 'en')).toBe('125,000 m²');
  });

  it('shows a change with its arrow, and a dash without a base', () => {
    expect(formatChange(0.125, 'zh-CN')).toBe('↑ 12.5%');
    expect(formatChange(-0.03, 'zh-CN')).toBe('↓ 3.0%');
    expect(formatChange(0, 'zh-CN')).toBe('0.0%');
    expect(formatChange(null, 'zh-CN')).toBe('—');
  });

  it('shows a rate difference in points', () => {
    expect(formatPoints(0.032, 'zh-CN')).toBe('↑ 3.2');
    expect(formatPoints(-0.1, 'en')).toBe('↓ 10.0');
    expect(formatPoints(0, 'en')).toBe('0.0');
    expect(formatPoints(null, 'en')).toBe('—');
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

  it('labels buckets by interval', () => {
    expect(formatBucket('2026-11-21T06:00:00Z', 'HOUR', 'zh-CN')).toBe('14:00');
    expect(formatBucket('2026-11-20T16:00:00Z', 'HOUR', 'zh-CN')).toBe('11月21日');
    expect(formatBucket('2026-11-20T16:00:00Z', 'DAY', 'zh-CN')).toBe('11月21日');
    expect(formatBucket('2026-10-31T16:00:00Z', 'MONTH', 'zh-CN')).toBe('2026年11月');
    expect(formatBucketLong('2026-11-21T06:00:00Z', 'HOUR', 'zh-CN')).toBe('11月21日 14:00');
    expect(formatBucketLong('2026-11-20T16:00:00Z', 'WEEK', 'zh-CN')).toBe('2026年11月21日');
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
