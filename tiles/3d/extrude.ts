// Footprints extruded to their heights as one triangle mesh per tile: a flat roof (earcut, holes included)
// and a wall quad per edge with its own outward normal; every vertex carries its building's feature id.
// Coordinates are glTF's (y up): x = east, y = up, z = −north in the tile's east-north-up frame.
import earcut from 'earcut';
import { type EnuFrame, toEnu, type Vec3 } from './enu.ts';

/** GeoJSON Polygon or MultiPolygon coordinates as a list of polygons (rings of [lon, lat]). */
export type Footprint = number[][][][];

export interface Mesh {
  positions: Float32Array;
  normals: Float32Array;
  featureIds: Float32Array;
  indices: Uint32Array;
  vertexCount: number;
  min: Vec3;
  max: Vec3;
}

class Builder {
  positions: number[] = [];
  normals: number[] = [];
  featureIds: number[] = [];
  indices: number[] = [];
  vertex(p: Vec3, n: Vec3, feature: number): number {
    // ENU (e, n, u) → glTF (e, u, −n)
    this.positions.push(p[0], p[2], -p[1]);
    this.normals.push(n[0], n[2], -n[1]);
    this.featureIds.push(feature);
    return this.featureIds.length - 1;
  }
  /** A triangle wound counter-clockwise as seen from the side its normal points to. */
  triangle(a: number, b: number, c: number, normal: Vec3) {
    const p = this.positions;
    const ab = [p[3 * b]! - p[3 * a]!, p[3 * b + 1]! - p[3 * a + 1]!, p[3 * b + 2]! - p[3 * a + 2]!];
    const ac = [p[3 * c]! - p[3 * a]!, p[3 * c + 1]! - p[3 * a + 1]!, p[3 * c + 2]! - p[3 * a + 2]!];
    const cross = [
      ab[1]! * ac[2]! - ab[2]! * ac[1]!,
      ab[2]! * ac[0]! - ab[0]! * ac[2]!,
      ab[0]! * ac[1]! - ab[1]! * ac[0]!,
    ];
    // normal is ENU; in glTF it is (e, u, −n)
    const facing = cross[0]! * normal[0] + cross[1]! * normal[2] - cross[2]! * normal[1];
    if (facing >= 0) this.indices.push(a, b, c);
    else this.indices.push(a, c, b);
  }
}

/** Ring without its closing repeat and without consecutive duplicates. */
function openRing(ring: number[][]): number[][] {
  const out: number[][] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

const UP: Vec3 = [0, 0, 1];

/** Adds one building (all its polygons) to the mesh. */
function addBuilding(m: Builder, frame: EnuFrame, footprint: Footprint, heightM: number, feature: number) {
  for (const polygon of footprint) {
    const rings = polygon.map(openRing).filter((r) => r.length >= 3);
    if (rings.length === 0) continue;
    const base = rings.map((r) => r.map(([lon, lat]) => toEnu(frame, lon!, lat!, 0)));
    const top = rings.map((r) => r.map(([lon, lat]) => toEnu(frame, lon!, lat!, heightM)));

    // Roof: earcut on the plan (east, north), triangles turned to face up.
    const flat: number[] = [];
    const holes: number[] = [];
    const roofIndex: number[] = [];
    top.forEach((ring, i) => {
      if (i > 0) holes.push(flat.length / 2);
      for (const p of ring) {
        flat.push(p[0], p[1]);
        roofIndex.push(m.vertex(p, UP, feature));
      }
    });
    const tris = earcut(flat, holes, 2);
    for (let t = 0; t < tris.length; t += 3) {
      m.triangle(roofIndex[tris[t]!]!, roofIndex[tris[t + 1]!]!, roofIndex[tris[t + 2]!]!, UP);
    }

    // Walls: outward is away from the polygon's inside, whichever way the ring runs.
    rings.forEach((_, r) => {
      const b = base[r]!;
      const t = top[r]!;
      const ccw = signedArea(b) > 0;
      // Outer ring: inside is on the left of a counter-clockwise ring; a hole's inside is outside the ring.
      const outwardRight = r === 0 ? ccw : !ccw;
      for (let i = 0; i < b.length; i++) {
        const j = (i + 1) % b.length;
        const de = b[j]![0] - b[i]![0];
        const dn = b[j]![1] - b[i]![1];
        const len = Math.hypot(de, dn);
        if (len < 1e-6) continue;
        const normal: Vec3 = outwardRight ? [dn / len, -de / len, 0] : [-dn / len, de / len, 0];
        const v0 = m.vertex(b[i]!, normal, feature);
        const v1 = m.vertex(b[j]!, normal, feature);
        const v2 = m.vertex(t[j]!, normal, feature);
        const v3 = m.vertex(t[i]!, normal, feature);
        m.triangle(v0, v1, v2, normal);
        m.triangle(v0, v2, v3, normal);
      }
    });
  }
}

function signedArea(ring: Vec3[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

export function extrude(
  frame: EnuFrame,
  buildings: readonly { footprint: Footprint; heightM: number }[],
): Mesh {
  const m = new Builder();
  buildings.forEach((b, feature) => {
    addBuilding(m, frame, b.footprint, b.heightM, feature);
  });
  const positions = Float32Array.from(m.positions);
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = positions[i + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return {
    positions,
    normals: Float32Array.from(m.normals),
    featureIds: Float32Array.from(m.featureIds),
    indices: Uint32Array.from(m.indices),
    vertexCount: m.featureIds.length,
    min,
    max,
  };
}
