import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatFloorArea, formatPoints, formatRate } from './number.ts';

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
