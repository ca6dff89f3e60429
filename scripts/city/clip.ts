// Sutherland–Hodgman clipping of a ring against a convex polygon. Exact for convex clip regions; a concave
// subject may come back with zero-width bridges between its parts, which ST_MakeValid removes on load.
import type { Ring, XY } from './projection.ts';

function side(a: XY, b: XY, p: XY): number {
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

function intersection(p: XY, q: XY, a: XY, b: XY): XY {
  const d1 = side(a, b, p);
  const d2 = side(a, b, q);
  const t = d1 / (d1 - d2);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** `convex` must be counter-clockwise. Returns the clipped open ring (empty when nothing is left). */
export function clipToConvex(subject: readonly XY[], convex: readonly XY[]): Ring {
  let output: XY[] = [...subject];
  for (let i = 0; i < convex.length && output.length > 0; i++) {
    const a = convex[i]!;
    const b = convex[(i + 1) % convex.length]!;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j]!;
      const q = input[(j + 1) % input.length]!;
      const pIn = side(a, b, p) >= 0;
      const qIn = side(a, b, q) >= 0;
      if (pIn) output.push(p);
      if (pIn !== qIn) output.push(intersection(p, q, a, b));
    }
  }
  return output.length >= 3 ? output : [];
}
