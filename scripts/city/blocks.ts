// A road grid per district (rotated to the district's own orientation) and the city blocks between roads.
// Roads every 180–320 m; every third line is a trunk road (主干道).
import type { GeneratedArea } from './areas.ts';
import type { PolygonIndex } from './polygon-index.ts';
import { profileOf } from './profiles.ts';
import { fromFrame, type XY } from './projection.ts';
import type { Rng } from './rng.ts';

export interface RoadGrid {
  districtCode: string;
  origin: XY;
  angle: number;
  /** Line positions along u (lines of constant u run along v) and along v. */
  us: number[];
  vs: number[];
  uNames: string[];
  vNames: string[];
}

export interface Block {
  id: number;
  grid: RoadGrid;
  i: number;
  j: number;
  /** Usable rectangle in the grid frame, inside road reserves. */
  u0: number;
  v0: number;
  u1: number;
  v1: number;
  centre: XY;
}

export const TRUNK_WIDTH_M = 40;
export const SECONDARY_WIDTH_M = 24;
const SETBACK_M = 6;
const NUMBERS = ['', '二', '三', '四', '五', '六', '七', '八', '九'];

export const isTrunk = (lineIndex: number) => lineIndex % 3 === 0;
export const roadWidth = (lineIndex: number) => (isTrunk(lineIndex) ? TRUNK_WIDTH_M : SECONDARY_WIDTH_M);

function linePositions(rng: Rng, from: number, to: number): number[] {
  const out: number[] = [];
  for (let p = from; p <= to; p += rng.range(180, 320)) out.push(p);
  return out;
}

function roadNames(
  stems: string[],
  count: number,
  trunkSuffix: string,
  otherSuffix: string,
  offset: number,
): string[] {
  return Array.from({ length: count }, (_, k) => {
    const n = k + offset;
    const stem = `${stems[n % stems.length]}${NUMBERS[Math.floor(n / stems.length) % NUMBERS.length]}`;
    return `${stem}${isTrunk(k) ? trunkSuffix : otherSuffix}`;
  });
}

export function roadGrid(district: GeneratedArea, rng: Rng): RoadGrid {
  const profile = profileOf(district.code);
  const [minX, minY, maxX, maxY] = district.index.bbox;
  const origin: XY = [(minX + maxX) / 2, (minY + maxY) / 2];
  const half = Math.hypot(maxX - minX, maxY - minY) / 2;
  const us = linePositions(rng, -half, half);
  const vs = linePositions(rng, -half, half);
  return {
    districtCode: district.code,
    origin,
    angle: (profile.gridAngle * Math.PI) / 180,
    us,
    vs,
    uNames: roadNames(profile.roadStems, us.length, '大道', '路', 0),
    vNames: roadNames(profile.roadStems, vs.length, '大道', '街', 3),
  };
}

/** Blocks whose centre lies in the district and on land. */
export function candidateBlocks(
  grid: RoadGrid,
  district: PolygonIndex,
  land: PolygonIndex,
  firstId: number,
): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i + 1 < grid.us.length; i++) {
    for (let j = 0; j + 1 < grid.vs.length; j++) {
      const u0 = grid.us[i]! + roadWidth(i) / 2 + SETBACK_M;
      const u1 = grid.us[i + 1]! - roadWidth(i + 1) / 2 - SETBACK_M;
      const v0 = grid.vs[j]! + roadWidth(j) / 2 + SETBACK_M;
      const v1 = grid.vs[j + 1]! - roadWidth(j + 1) / 2 - SETBACK_M;
      const centre = fromFrame(grid.origin, grid.angle, (u0 + u1) / 2, (v0 + v1) / 2);
      if (!district.contains(centre) || !land.contains(centre)) continue;
      blocks.push({ id: firstId + blocks.length, grid, i, j, u0, v0, u1, v1, centre });
    }
  }
  return blocks;
}

export const toWorld = (grid: RoadGrid, u: number, v: number): XY => fromFrame(grid.origin, grid.angle, u, v);
