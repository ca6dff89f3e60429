// Hexagonal bins of points (alert density): pointy-top hexagons of a given size in metres on a local plane
// around the points (equirectangular: exact enough at city scale). Pure.
import type { Polygon } from 'geojson';

export interface WeightedPoint {
  lon: number;
  lat: number;
  count: number;
  /** Higher is worse (e.g. the severity's rank). */
  rank: number;
}

export interface HexCell {
  hexagon: Polygon;
  count: number;
  rank: number;
}

const M_PER_DEG_LAT = 110_574;

/** Bins points into hexagons whose centre-to-corner size is cellM metres; cells without points are left out. */
export function hexbin(points: readonly WeightedPoint[], cellM: number): HexCell[] {
  if (points.length === 0) return [];
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const mPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const cells = new Map<string, { q: number; r: number; count: number; rank: number }>();
  for (const p of points) {
    const x = p.lon * mPerDegLon;
    const y = p.lat * M_PER_DEG_LAT;
    const [q, r] = roundAxial(((Math.sqrt(3) / 3) * x - y / 3) / cellM, ((2 / 3) * y) / cellM);
    const key = `${q},${r}`;
    const cell = cells.get(key);
    if (cell) {
      cell.count += p.count;
      cell.rank = Math.max(cell.rank, p.rank);
    } else {
      cells.set(key, { q, r, count: p.count, rank: p.rank });
    }
  }
  return [...cells.values()].map(({ q, r, count, rank }) => {
    const cx = cellM * Math.sqrt(3) * (q + r / 2);
    const cy = cellM * 1.5 * r;
    const ring = Array.from({ length: 7 }, (_, i) => {
      const angle = (Math.PI / 180) * (60 * (i % 6) - 30);
      const lon = (cx + cellM * Math.cos(angle)) / mPerDegLon;
      const lat = (cy + cellM * Math.sin(angle)) / M_PER_DEG_LAT;
      return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
    });
    return { hexagon: { type: 'Polygon', coordinates: [ring] }, count, rank };
  });
}

/** Rounds fractional axial coordinates to the hexagon holding them (cube rounding). */
function roundAxial(q: number, r: number): [number, number] {
  const s = -q - r;
  let rq = Math.round(q);
  let rr = Math.round(r);
  const rs = Math.round(s);
  const dq = Math.abs(rq - q);
  const dr = Math.abs(rr - r);
  const ds = Math.abs(rs - s);
  if (dq > dr && dq > ds) rq = -rr - rs;
  else if (dr > ds) rr = -rq - rs;
  return [rq, rr];
}
