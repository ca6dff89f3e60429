// Pure GeoJSON helpers for the layers: drawing heights, usable polygon rings, metre offsets, grouping.
import type { Position } from 'geojson';
import type { Area, Lines } from '../../data/layers.ts';

/**
 * Heights above the ellipsoid (m). The land mask lies at 0, so everything drawn flat sits a little above it
 * to avoid z-fighting; higher layers win where they overlap.
 */
export const HEIGHT = {
  slope: 2,
  site: 3,
  pit: 4,
  outline: 5,
  pipeline: 2,
  point: 6,
  tint: 10,
} as const;

/** One polygon as GeoJSON rings: the outer ring first, then its holes. */
export type Rings = Position[][];

/** The polygons of a Polygon or MultiPolygon whose outer ring is usable; unusable holes are dropped. */
export function polygonsOf(area: Area | null | undefined): Rings[] {
  if (!area) return [];
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polys
    .filter((rings) => (rings[0]?.length ?? 0) >= 4)
    .map((rings) => [rings[0]!, ...rings.slice(1).filter((hole) => hole.length >= 4)]);
}

/** The usable (2+ positions) lines of a LineString or MultiLineString. */
export function linesOf(lines: Lines | null | undefined): Position[][] {
  if (!lines) return [];
  return (lines.type === 'LineString' ? [lines.coordinates] : lines.coordinates).filter((l) => l.length >= 2);
}

/** [lon, lat, h, lon, lat, h, …] of a ring or line at one height (any z in the data is ignored). */
export function ringDegreesHeights(ring: Position[], height: number): number[] {
  return ring.flatMap((p) => [p[0]!, p[1]!, height]);
}

const METRES_PER_DEGREE = 111_320;

/** The point `east` and `north` metres away from [lon, lat] (small distances only). */
export function offsetDegrees(lon: number, lat: number, east: number, north: number): [number, number] {
  return [
    lon + east / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)),
    lat + north / METRES_PER_DEGREE,
  ];
}

/** Groups items by a key so same-coloured polylines are added together (a PolylineCollection batches runs). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
