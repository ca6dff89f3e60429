// How strongly the district tint shows at a camera height: full when zoomed out, gone when zoomed in.

/** Below this camera height (m) the tint is gone… */
export const TINT_HIDDEN_BELOW_M = 15_000;
/** …and from this height up it is at full strength. */
export const TINT_FULL_FROM_M = 25_000;

/** 0 … 1, eased between the two heights. */
export function tintStrength(heightM: number): number {
  const t = (heightM - TINT_HIDDEN_BELOW_M) / (TINT_FULL_FROM_M - TINT_HIDDEN_BELOW_M);
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 1));
  return x * x * (3 - 2 * x);
}
