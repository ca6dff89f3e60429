// The district tint's strength by camera height.
import { describe, expect, it } from 'vitest';
import { TINT_FULL_FROM_M, TINT_HIDDEN_BELOW_M, tintStrength } from './tint-fade.ts';

describe('tintStrength', () => {
  it('is full when zoomed out and gone when zoomed in', () => {
    expect(tintStrength(100_000)).toBe(1);
    expect(tintStrength(TINT_FULL_FROM_M)).toBe(1);
    expect(tintStrength(TINT_HIDDEN_BELOW_M)).toBe(0);
    expect(tintStrength(500)).toBe(0);
  });
  it('rises monotonically in between', () => {
    const mid = (TINT_HIDDEN_BELOW_M + TINT_FULL_FROM_M) / 2;
    expect(tintStrength(mid)).toBeCloseTo(0.5, 6);
    expect(tintStrength(mid + 1000)).toBeGreaterThan(tintStrength(mid));
  });
  it('treats an unknown height as zoomed out', () => {
    expect(tintStrength(Number.NaN)).toBe(1);
  });
});
