// A local metric plane for generating the city: an equirectangular projection centred on Shenzhen.
// It is affine in lon/lat, so containment tested in metres holds in degrees too; distortion over the
// city is < 1%, fine for synthetic shapes. Stored geometry is EPSG:4326; real metric work uses geography.
export type XY = readonly [number, number];
export type Ring = XY[];

const LON0 = 114.05;
const LAT0 = 22.6;
const KY = 110_574;
const KX = 111_320 * Math.cos((LAT0 * Math.PI) / 180);

export function toXY(lonLat: readonly number[]): XY {
  return [((lonLat[0] as number) - LON0) * KX, ((lonLat[1] as number) - LAT0) * KY];
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function toLonLat(p: XY): [number, number] {
  return [round7(LON0 + p[0] / KX), round7(LAT0 + p[1] / KY)];
}

/** A GeoJSON Point at a metric-plane position. */
export function pointGeometry(p: XY): { type: 'Point'; coordinates: [number, number] } {
  return { type: 'Point', coordinates: toLonLat(p) };
}

/** Closed lon/lat ring from an open or closed metric ring. */
export function ringToLonLat(ring: readonly XY[]): [number, number][] {
  const out = ring.map(toLonLat);
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

export function ringArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return s / 2;
}

export function ringBBox(ring: readonly XY[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Local (u, v) in a frame rotated by angle with origin o, to world XY. */
export function fromFrame(o: XY, angle: number, u: number, v: number): XY {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [o[0] + u * cos - v * sin, o[1] + u * sin + v * cos];
}
