// Scales for the panels' SVG charts: a count axis on round whole numbers from 0, bar bands, stacked bar
// segments and the runs of a line that has gaps (a rate is null when nothing was due).

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
  const power = 10 ** Math.max(0, Math.floor(Math.log10(raw)));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power);
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
