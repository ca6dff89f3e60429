// The fixed tree of the buildings tileset. Under each street, a quadtree over one fixed square around
// Shenzhen; a building goes into the cell of its centroid at the level of its height band (additive
// refinement: the skyline near the root, low-rise in the leaves). Fixed cells mean a changed building only
// ever touches the cell it was in and the cell it moves to.

/** [west, south, east, north] in degrees: ≈131 km × 131 km around Shenzhen (square in metres at 22.7°N). */
export const EXTENT = [113.6, 22.15, 114.88, 23.336] as const;

/** Heights (m) from which a building sits at each level; below the last band it goes to the leaves. */
export const HEIGHT_BANDS: readonly { level: number; minHeightM: number }[] = [
  { level: 3, minHeightM: 150 },
  { level: 4, minHeightM: 80 },
  { level: 5, minHeightM: 40 },
  { level: 6, minHeightM: 20 },
];
/** Leaves: cells of ≈1 km. */
export const LEAF_LEVEL = 7;

export function bandLevel(heightM: number): number {
  for (const band of HEIGHT_BANDS) if (heightM >= band.minHeightM) return band.level;
  return LEAF_LEVEL;
}

export type Bounds = readonly [west: number, south: number, east: number, north: number];

/** The cell at a level that holds a point (clamped to the extent). */
export function cellOf(level: number, lon: number, lat: number): { x: number; y: number } {
  const n = 2 ** level;
  const [w, s, e, nn] = EXTENT;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  return { x: clamp(((lon - w) / (e - w)) * n), y: clamp(((lat - s) / (nn - s)) * n) };
}

export function cellBounds(level: number, x: number, y: number): Bounds {
  const n = 2 ** level;
  const [w, s, e, nn] = EXTENT;
  const dx = (e - w) / n;
  const dy = (nn - s) / n;
  return [w + x * dx, s + y * dy, w + (x + 1) * dx, s + (y + 1) * dy];
}

/** The ancestor of a cell at a shallower level. */
export const parentCell = (level: number, x: number, y: number, toLevel: number) => {
  const shift = level - toLevel;
  return { x: x >> shift, y: y >> shift };
};

/** A tile's place in the tree: its street's subtree, then the quadtree cell. */
export interface TileKey {
  streetCode: string;
  level: number;
  x: number;
  y: number;
}

export const tileKeyString = (k: TileKey) => `${k.streetCode}/${k.level}/${k.x}/${k.y}`;

/** The tile a building belongs in, from a point on it and its height. */
export function tileOf(streetCode: string, lon: number, lat: number, heightM: number): TileKey {
  const level = bandLevel(heightM);
  return { streetCode, level, ...cellOf(level, lon, lat) };
}
