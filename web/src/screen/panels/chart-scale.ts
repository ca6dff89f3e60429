// Scales for the drill-down chart: round y ticks, a y range that shows the data and the thresholds near it,
// and x ticks on whole China-time minutes and hours.
import { CST_MS } from '../../format/time.ts';
import type { ThresholdLine } from './thresholds.ts';

const MINUTE = 60_000;
const TIME_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE);

/** Round ticks (1, 2, 2.5, 5 × 10ⁿ) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= max) break;
  }
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}

/**
 * The y range: the data, widened to each threshold that lies within one data-height of it (farther
 * thresholds are listed, not drawn, so the readings keep their detail).
 */
export function yRange(values: readonly number[], thresholds: readonly ThresholdLine[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) {
    const t = thresholds.map((l) => l.value);
    return t.length ? [Math.min(0, ...t), Math.max(...t)] : [0, 1];
  }
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const reach = Math.max(hi - lo, Math.abs(hi) * 0.2, 1e-9);
  for (const { value } of thresholds) {
    if (value >= lo - reach && value <= hi + reach) {
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
  }
  return [lo, hi];
}

/** Ticks on whole China-time steps (5 min … 1 day) in [from, to], at most `max` of them. */
export function timeTicks(from: number, to: number, max = 7): number[] {
  if (!(to > from)) return [];
  const step = TIME_STEPS.find((s) => (to - from) / s <= max) ?? TIME_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + CST_MS) / step) * step - CST_MS; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** Decimals that show ticks `step` apart exactly (2.5 → 1, 0.25 → 2, 5 → 0), at most 4. */
export function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d < 4; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 4;
}
