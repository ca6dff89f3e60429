// WGS84 geodetic ↔ earth-centred (ECEF) and a local east-north-up frame: a tile's vertices are metres in the
// frame at its centre, and the tile's transform puts that frame back on the globe.
const A = 6_378_137;
const E2 = 6.694_379_990_14e-3;
const RAD = Math.PI / 180;

export type Vec3 = [number, number, number];

export function ecef(lonDeg: number, latDeg: number, h: number): Vec3 {
  const lon = lonDeg * RAD;
  const lat = latDeg * RAD;
  const sinLat = Math.sin(lat);
  const n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
  return [
    (n + h) * Math.cos(lat) * Math.cos(lon),
    (n + h) * Math.cos(lat) * Math.sin(lon),
    (n * (1 - E2) + h) * sinLat,
  ];
}

export interface EnuFrame {
  origin: Vec3;
  east: Vec3;
  north: Vec3;
  up: Vec3;
}

export function enuFrame(lonDeg: number, latDeg: number): EnuFrame {
  const lon = lonDeg * RAD;
  const lat = latDeg * RAD;
  const [sl, cl, sp, cp] = [Math.sin(lon), Math.cos(lon), Math.sin(lat), Math.cos(lat)];
  return {
    origin: ecef(lonDeg, latDeg, 0),
    east: [-sl, cl, 0],
    north: [-sp * cl, -sp * sl, cp],
    up: [cp * cl, cp * sl, sp],
  };
}

/** A geodetic point in the frame's metres: [east, north, up]. */
export function toEnu(frame: EnuFrame, lonDeg: number, latDeg: number, h: number): Vec3 {
  const p = ecef(lonDeg, latDeg, h);
  const d: Vec3 = [p[0] - frame.origin[0], p[1] - frame.origin[1], p[2] - frame.origin[2]];
  const dot = (v: Vec3) => d[0] * v[0] + d[1] * v[1] + d[2] * v[2];
  return [dot(frame.east), dot(frame.north), dot(frame.up)];
}

/** The frame → ECEF matrix, column-major (3D Tiles `transform`). */
export function frameMatrix(frame: EnuFrame): number[] {
  const { east: e, north: n, up: u, origin: o } = frame;
  return [e[0], e[1], e[2], 0, n[0], n[1], n[2], 0, u[0], u[1], u[2], 0, o[0], o[1], o[2], 1];
}
