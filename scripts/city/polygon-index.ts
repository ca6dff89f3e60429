// Fast point-in-polygon and ring-containment for (multi)polygons in the metric plane. Edges are bucketed
// into horizontal bands so a test looks at a handful of edges, not the whole coastline.
import type { Ring, XY } from './projection.ts';

type Edge = readonly [number, number, number, number];

function segmentsIntersect(a: Edge, b: Edge): boolean {
  const d = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    (qx - px) * (ry - py) - (qy - py) * (rx - px);
  const d1 = d(b[0], b[1], b[2], b[3], a[0], a[1]);
  const d2 = d(b[0], b[1], b[2], b[3], a[2], a[3]);
  const d3 = d(a[0], a[1], a[2], a[3], b[0], b[1]);
  const d4 = d(a[0], a[1], a[2], a[3], b[2], b[3]);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function pointSegmentDistance(px: number, py: number, e: Edge): number {
  const dx = e[2] - e[0];
  const dy = e[3] - e[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - e[0]) * dx + (py - e[1]) * dy) / len2));
  return Math.hypot(px - (e[0] + t * dx), py - (e[1] + t * dy));
}

function segmentDistance(a: Edge, b: Edge): number {
  if (segmentsIntersect(a, b)) return 0;
  return Math.min(
    pointSegmentDistance(a[0], a[1], b),
    pointSegmentDistance(a[2], a[3], b),
    pointSegmentDistance(b[0], b[1], a),
    pointSegmentDistance(b[2], b[3], a),
  );
}

export class PolygonIndex {
  private readonly bands = new Map<number, Edge[]>();
  readonly bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];

  /** `rings`: every ring (outer and holes) of every polygon; even-odd filling. */
  constructor(
    rings: readonly Ring[],
    private readonly bandSize = 200,
  ) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i]!;
        const q = ring[(i + 1) % ring.length]!;
        if (p[0] === q[0] && p[1] === q[1]) continue;
        const edge: Edge = [p[0], p[1], q[0], q[1]];
        this.bbox[0] = Math.min(this.bbox[0], p[0]);
        this.bbox[1] = Math.min(this.bbox[1], p[1]);
        this.bbox[2] = Math.max(this.bbox[2], p[0]);
        this.bbox[3] = Math.max(this.bbox[3], p[1]);
        const b0 = Math.floor(Math.min(p[1], q[1]) / bandSize);
        const b1 = Math.floor(Math.max(p[1], q[1]) / bandSize);
        for (let b = b0; b <= b1; b++) {
          let list = this.bands.get(b);
          if (!list) {
            list = [];
            this.bands.set(b, list);
          }
          list.push(edge);
        }
      }
    }
  }

  contains(p: XY): boolean {
    const [x, y] = p;
    if (x < this.bbox[0] || x > this.bbox[2] || y < this.bbox[1] || y > this.bbox[3]) return false;
    const edges = this.bands.get(Math.floor(y / this.bandSize));
    if (!edges) return false;
    let inside = false;
    for (const e of edges) {
      if (e[1] > y !== e[3] > y) {
        const xi = e[0] + ((y - e[1]) * (e[2] - e[0])) / (e[3] - e[1]);
        if (xi > x) inside = !inside;
      }
    }
    return inside;
  }

  /** True when every vertex is inside and no boundary edge comes within `margin` metres of the ring. */
  containsRing(ring: readonly XY[], margin = 0): boolean {
    for (const p of ring) if (!this.contains(p)) return false;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    minX -= margin;
    minY -= margin;
    maxX += margin;
    maxY += margin;
    const seen = new Set<Edge>();
    for (let b = Math.floor(minY / this.bandSize); b <= Math.floor(maxY / this.bandSize); b++) {
      for (const e of this.bands.get(b) ?? []) {
        if (seen.has(e)) continue;
        seen.add(e);
        if (Math.max(e[0], e[2]) < minX || Math.min(e[0], e[2]) > maxX) continue;
        if (Math.max(e[1], e[3]) < minY || Math.min(e[1], e[3]) > maxY) continue;
        for (let i = 0; i < ring.length; i++) {
          const p = ring[i]!;
          const q = ring[(i + 1) % ring.length]!;
          if (segmentDistance([p[0], p[1], q[0], q[1]], e) <= margin) return false;
        }
      }
    }
    return true;
  }
}

/** Rings of a GeoJSON Polygon/MultiPolygon coordinate array, projected. */
export function ringsOf(
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] },
  project: (p: readonly number[]) => XY,
): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((poly) => poly.map((ring) => ring.slice(0, -1).map(project)));
}
