// Scales for the SVG charts of the screen and the analyst: round value ticks (a count axis on whole numbers
// from 0, or any range), a y range that shows the data and the thresholds near it, time ticks on whole
// China-time steps, bar bands, stacked bar segments and the runs of a line that has gaps. Pure.
import { CST_MS } from '../format/time.ts';

const MINUTE = 60_000;
const TIME_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE);

/** The smallest of `multiples` × 10ⁿ that is at least `raw`. */
function roundStep(raw: number, multiples: readonly number[]): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return (multiples.find((m) => m * power >= raw) ?? 10) * power;
}

export interface CountAxis {
  /** Top of the axis (≥ the largest value, ≥ 1). */
  max: number;
  /** Tick values from 0 to max. */
  ticks: number[];
}

/** A 0-based axis for counts with about `count` whole-number steps of 1, 2 or 5 × 10ⁿ. */
export function countAxis(largest: number, count = 4): CountAxis {
  const top = Number.isFinite(largest) && largest > 0 ? largest : 1;
  const raw = top / Math.max(1, count);
  const step = Math.max(1, roundStep(raw, [1, 2, 5, 10]));
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { max, ticks };
}

export interface Bands {
  /** Left edge of band i. */
  x: (i: number) => number;
  /** Width of a bar inside its band. */
  barWidth: number;
  step: number;
}

/** `n` equal bands across `width` starting at `left`, bars filling `fill` of each (at least 1 px). */
export function bands(n: number, left: number, width: number, fill = 0.75): Bands {
  const step = n > 0 ? width / n : width;
  const barWidth = Math.max(1, step * fill);
  return { x: (i) => left + i * step + (step - barWidth) / 2, barWidth, step };
}

export interface Segment<K extends string> {
  key: K;
  /** Stack bottom and top, in values. */
  from: number;
  to: number;
}

/** Stacked segments in `order` (first at the bottom), zero counts left out. */
export function stack<K extends string>(
  counts: readonly { key: string; count: number }[],
  order: readonly K[],
): Segment<K>[] {
  const segments: Segment<K>[] = [];
  let base = 0;
  for (const key of order) {
    const count = counts.find((c) => c.key === key)?.count ?? 0;
    if (count > 0) {
      segments.push({ key, from: base, to: base + count });
      base += count;
    }
  }
  return segments;
}

/** Runs of consecutive indices whose value is a number (nulls break the line). */
export function runs(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const result: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length) result.push(run);
      run = [];
    } else {
      run.push({ index, value });
    }
  });
  if (run.length) result.push(run);
  return result;
}

/** Indices to label on an axis of `n` buckets, at most `max` of them, evenly spaced from the first. */
export function labelIndices(n: number, max = 6): number[] {
  if (n <= 0) return [];
  const every = Math.max(1, Math.ceil(n / Math.max(1, max)));
  const indices: number[] = [];
  for (let i = 0; i < n; i += every) indices.push(i);
  return indices;
}

/** Round ticks (1, 2, 2.5, 5 × 10ⁿ) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const step = roundStep(raw, [1, 2, 2.5, 5, 10]);
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
export function yRange(
  values: readonly number[],
  thresholds: readonly { value: number }[],
): [number, number] {
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
