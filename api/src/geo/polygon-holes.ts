// The holes of a polygon against its outer ring and against each other, before any SQL runs: a hole must lie
// inside the outer ring, must not cross it, and must not overlap or lie inside another hole. PostGIS refuses
// such a polygon too (area_check.sql; it measures only valid polygons, as ST_Area fails with "area < 0" on
// a hole larger than its shell), but in its own words; here the caller learns which ring. Rings touching at
// single points stay allowed (as in OGC validity). Only clear violations are refused here: a position within
// rounding of another ring counts as on it, and those borderline cases, like a ring crossing itself, are left
// to PostGIS (ST_IsValidReason says where). Pure. A sweep and a band index keep ordinary shapes near linear;
// a shape built to defeat them (thousands of long edges over each other) stops at a fixed amount of work and
// is left to PostGIS as well, so no request can make this check slow.
import type { Position } from 'geojson';

/** Cross products at or below this (degrees²) count as collinear: above floating-point noise at lon ~114. */
const EPS = 1e-14;

/** Segment pairs and segment visits one polygon may cost (~tens of ms); past it PostGIS decides. */
export const WORK_LIMIT = 4_000_000;

class OutOfWork extends Error {}

interface Work {
  left: number;
}

function spend(work: Work, n: number): void {
  work.left -= n;
  if (work.left < 0) throw new OutOfWork();
}

export type HoleProblem =
  | { kind: 'outside'; hole: number }
  | { kind: 'crosses'; hole: number; at: Position }
  | { kind: 'overlap'; holes: [number, number]; at: Position };

interface Segment {
  ring: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const cross = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

const sign = (v: number) => (Math.abs(v) <= EPS ? 0 : Math.sign(v));

function segments(ring: readonly Position[], index: number): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    if (ax === bx && ay === by) continue;
    out.push({
      ring: index,
      ax,
      ay,
      bx,
      by,
      minX: Math.min(ax, bx),
      maxX: Math.max(ax, bx),
      minY: Math.min(ay, by),
      maxY: Math.max(ay, by),
    });
  }
  return out;
}

/** Where two segments cross at a point inside both (not at an end, not along a shared line), or null. */
function properCrossing(s: Segment, t: Segment): Position | null {
  if (s.maxY < t.minY || t.maxY < s.minY || s.maxX < t.minX || t.maxX < s.minX) return null;
  const d1 = cross(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = cross(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = cross(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = cross(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (sign(d1) * sign(d2) >= 0 || sign(d3) * sign(d4) >= 0) return null;
  const f = d3 / (d3 - d4);
  return [s.ax + f * (s.bx - s.ax), s.ay + f * (s.by - s.ay)];
}

/** The first crossing between segments of different rings, by a sweep along x. */
function firstCrossingBetweenRings(
  all: Segment[],
  work: Work,
): { rings: [number, number]; at: Position } | null {
  const sorted = [...all].sort((a, b) => a.minX - b.minX);
  let active: Segment[] = [];
  for (const s of sorted) {
    spend(work, active.length + 1);
    active = active.filter((t) => t.maxX >= s.minX);
    for (const t of active) {
      if (t.ring === s.ring) continue;
      const at = properCrossing(s, t);
      if (at) return { rings: [Math.min(s.ring, t.ring), Math.max(s.ring, t.ring)], at };
    }
    active.push(s);
  }
  return null;
}

type Location = 'inside' | 'outside' | 'boundary';

/** Point-in-ring by the crossing number, with the ring's segments indexed in horizontal bands. */
class RingIndex {
  private readonly bands: Segment[][];
  private readonly minY: number;
  private readonly height: number;
  readonly box: [number, number, number, number];

  constructor(
    segs: Segment[],
    private readonly work: Work,
  ) {
    let [x0, y0, x1, y1] = [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const s of segs) {
      x0 = Math.min(x0, s.minX);
      y0 = Math.min(y0, s.minY);
      x1 = Math.max(x1, s.maxX);
      y1 = Math.max(y1, s.maxY);
    }
    this.box = [x0, y0, x1, y1];
    const n = Math.max(1, Math.ceil(Math.sqrt(segs.length)));
    this.bands = Array.from({ length: n }, () => []);
    this.minY = y0;
    this.height = (y1 - y0) / n || 1;
    for (const s of segs) {
      const [from, to] = [this.band(s.minY), this.band(s.maxY)];
      spend(work, to - from + 1);
      for (let b = from; b <= to; b++) this.bands[b]!.push(s);
    }
  }

  private band(y: number): number {
    return Math.min(this.bands.length - 1, Math.max(0, Math.floor((y - this.minY) / this.height)));
  }

  locate([x, y]: Position): Location {
    const [x0, y0, x1, y1] = this.box;
    if (x! < x0 || x! > x1 || y! < y0 || y! > y1) return 'outside';
    let inside = false;
    const band = this.bands[this.band(y!)]!;
    spend(this.work, band.length + 1);
    for (const s of band) {
      if (y! < s.minY || y! > s.maxY) continue;
      if (x! >= s.minX && x! <= s.maxX && sign(cross(s.ax, s.ay, s.bx, s.by, x!, y!)) === 0) {
        return 'boundary';
      }
      // Half-open in y, so a vertex the ray passes through is counted once.
      if (s.ay > y! !== s.by > y!) {
        const xCross = s.ax + ((y! - s.ay) * (s.bx - s.ax)) / (s.by - s.ay);
        if (xCross > x!) inside = !inside;
      }
    }
    return inside ? 'inside' : 'outside';
  }

  /** The first of the positions strictly on the given side of the ring, or null. */
  firstStrictly(positions: readonly Position[], side: 'inside' | 'outside'): Position | null {
    return positions.find((p) => this.locate(p) === side) ?? null;
  }
}

const boxesOverlap = (a: readonly number[], b: readonly number[]) =>
  a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

/**
 * The first problem with the holes of a polygon (rings[0] is the outer ring, the rest holes), or null. The
 * rings are closed and have at least four positions (geojson.ts checked that). Null too when the check
 * would cost more than `workLimit`: PostGIS then judges the polygon.
 */
export function findHoleProblem(
  rings: readonly (readonly Position[])[],
  workLimit = WORK_LIMIT,
): HoleProblem | null {
  if (rings.length < 2) return null;
  try {
    return holeProblem(rings, { left: workLimit });
  } catch (error) {
    if (error instanceof OutOfWork) return null;
    throw error;
  }
}

function holeProblem(rings: readonly (readonly Position[])[], work: Work): HoleProblem | null {
  const segs = rings.map((r, i) => segments(r, i));
  const crossing = firstCrossingBetweenRings(segs.flat(), work);
  if (crossing) {
    const [a, b] = crossing.rings;
    return a === 0
      ? { kind: 'crosses', hole: b, at: crossing.at }
      : { kind: 'overlap', holes: [a, b], at: crossing.at };
  }
  // No ring crosses another: each hole is wholly on one side of the outer ring and of every other hole
  // (up to touching points), so one position strictly on the wrong side tells.
  const shell = new RingIndex(segs[0]!, work);
  for (let h = 1; h < rings.length; h++) {
    if (shell.firstStrictly(rings[h]!, 'outside')) return { kind: 'outside', hole: h };
  }
  const holes = segs.slice(1).map((s) => new RingIndex(s, work));
  const order = holes.map((_, i) => i).sort((a, b) => holes[a]!.box[0] - holes[b]!.box[0]);
  for (let i = 0; i < order.length; i++) {
    const a = order[i]!;
    for (let j = i + 1; j < order.length; j++) {
      spend(work, 1);
      const b = order[j]!;
      if (holes[b]!.box[0] >= holes[a]!.box[2]) break;
      if (!boxesOverlap(holes[a]!.box, holes[b]!.box)) continue;
      const at =
        holes[a]!.firstStrictly(rings[b + 1]!, 'inside') ?? holes[b]!.firstStrictly(rings[a + 1]!, 'inside');
      if (at) return { kind: 'overlap', holes: [Math.min(a, b) + 1, Math.max(a, b) + 1], at };
    }
  }
  return null;
}

const where = (n: number) => Number(n.toFixed(7));

/** The problem in words, for INVALID_GEOMETRY; `path` names the polygon ("coordinates", "coordinates[2]"). */
export function describeHoleProblem(problem: HoleProblem, path: string): string {
  const rule = 'a hole must lie inside the outer ring (the first ring) and must not overlap another hole';
  switch (problem.kind) {
    case 'outside':
      return `${path}[${problem.hole}]: this hole lies outside the outer ring ${path}[0]; ${rule}`;
    case 'crosses':
      return `${path}[${problem.hole}]: this hole crosses the outer ring ${path}[0] near [${problem.at.map(where).join(', ')}]; ${rule}`;
    case 'overlap': {
      const [a, b] = problem.holes;
      return `${path}[${a}] and ${path}[${b}]: these holes overlap near [${problem.at.map(where).join(', ')}]; ${rule}`;
    }
  }
}
