import { describe, expect, it } from 'vitest';
import { customRange, formatDay, rangeInputs } from './range-format.ts';

describe('formatDay', () => {
  it('reads CST days in Chinese and English', () => {
    // 2026-11-20 17:30 UTC is 2026-11-21 01:30 in Shanghai.
    expect(formatDay('2026-11-20T17:30:00Z', 'zh-CN')).toBe('2026年11月21日');
    expect(formatDay('2026-01-04T17:30:00Z', 'zh-CN', true)).toBe('2026年1月5日 01:30');
    expect(formatDay('2026-11-20T17:30:00Z', 'en')).toBe('2026-11-21');
    expect(formatDay('nonsense', 'en')).toBe('—');
  });
});

describe('customRange', () => {
  it('spans whole CST days, the last one included', () => {
    expect(customRange('2026-11-01', '2026-11-21', 'from')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-21T16:00:00.000Z',
      preset: 'custom',
    });
    expect(rangeInputs(customRange('2026-11-01', '2026-11-21', 'from')!)).toEqual({
      from: '2026-11-01',
      to: '2026-11-21',
    });
  });

  it('moves the other end when one passes it, and refuses non-dates', () => {
    expect(rangeInputs(customRange('2026-11-25', '2026-11-21', 'from')!)).toEqual({
      from: '2026-11-25',
      to: '2026-11-25',
    });
    expect(rangeInputs(customRange('2026-11-25', '2026-11-21', 'to')!)).toEqual({
      from: '2026-11-21',
      to: '2026-11-21',
    });
    expect(customRange('', '2026-11-21', 'from')).toBeNull();
  });
});
