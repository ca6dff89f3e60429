// Random "district-like" polygons of a given area: irregular 16-gons around a centre, scaled to the area.
import type { Rng } from '../city/rng.ts';

const M_PER_DEG_LAT = 110_574;

export function districtLikePolygon(rng: Rng, lon: number, lat: number, areaKm2: number) {
  const n = 16;
  const radii = Array.from({ length: n }, () => rng.range(0.7, 1.3));
  const mPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  // Area of the polygon with unit radii, then scale so it has the wanted area.
  let unitArea = 0;
  for (let i = 0; i < n; i++) {
    unitArea += 0.5 * radii[i]! * radii[(i + 1) % n]! * Math.sin((2 * Math.PI) / n);
  }
  const scale = Math.sqrt((areaKm2 * 1e6) / unitArea);
  const ring = radii.map((r, i) => {
    const a = (2 * Math.PI * i) / n;
    return [lon + (Math.cos(a) * r * scale) / mPerDegLon, lat + (Math.sin(a) * r * scale) / M_PER_DEG_LAT];
  });
  ring.push(ring[0]!);
  return { type: 'Polygon' as const, coordinates: [ring] };
}
