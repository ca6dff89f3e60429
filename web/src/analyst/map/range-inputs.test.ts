import { describe, expect, it } from 'vitest';
import { customRange, rangeInputs } from './range-inputs.ts';

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
