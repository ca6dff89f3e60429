// Generates the synthetic area hierarchy inside the real district boundaries: streets (real names and codes,
// generated boundaries), communities and ~1 km management grids, as Voronoi partitions clipped to parents.
// Community and grid codes are visibly synthetic — street code + `C` + 2 digits, community code + `G` + 3
// digits (440304001C01, 440304001C01G001) — so none can be mistaken for a real 12-digit community code.
import * as turf from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { clipToConvex } from './clip.ts';
import { PolygonIndex, ringsOf } from './polygon-index.ts';
import { type Ring, ringArea, ringToLonLat, toXY, type XY } from './projection.ts';
import type { Reference } from './reference.ts';
import type { Rng } from './rng.ts';

export type AreaLevel = 'city' | 'district' | 'street' | 'community' | 'grid';

export interface GeneratedArea {
  code: string;
  name: string;
  nameEn: string | null;
  level: AreaLevel;
  parentCode: string | null;
  synthetic: boolean;
  /** Metric-plane polygons (outer ring first, then holes), for locating and clipping. */
  polygonsXY: Ring[][];
  geometry: MultiPolygon;
  areaKm2: number;
  index: PolygonIndex;
}

export const CITY_CODE = '440300';
const GRID_SIZE_M = 1000;
const MIN_PART_M2 = 20_000;

/** Clips every polygon (outer ring and holes) to a convex ring; drops slivers. */
function clipPolygons(polys: readonly Ring[][], convex: Ring): Ring[][] {
  const ccw = ringArea(convex) > 0 ? convex : [...convex].reverse();
  const out: Ring[][] = [];
  for (const poly of polys) {
    const outer = clipToConvex(poly[0]!, ccw);
    if (outer.length < 3 || Math.abs(ringArea(outer)) < MIN_PART_M2) continue;
    const holes = poly
      .slice(1)
      .map((h) => clipToConvex(h, ccw))
      .filter((h) => h.length >= 3 && Math.abs(ringArea(h)) > 1);
    out.push([outer, ...holes]);
  }
  return out;
}

function areaOf(polys: Ring[][]): number {
  return polys.reduce(
    (sum, poly) =>
      sum + Math.abs(ringArea(poly[0]!)) - poly.slice(1).reduce((h, r) => h + Math.abs(ringArea(r)), 0),
    0,
  );
}

function makeArea(fields: Omit<GeneratedArea, 'geometry' | 'areaKm2' | 'index'>): GeneratedArea {
  return {
    ...fields,
    geometry: {
      type: 'MultiPolygon',
      coordinates: fields.polygonsXY.map((poly) => poly.map((ring) => ringToLonLat(ring))),
    },
    areaKm2: areaOf(fields.polygonsXY) / 1e6,
    index: new PolygonIndex(fields.polygonsXY.flat()),
  };
}

/** Mitchell's best-candidate sampling: `n` well-spread points inside `index`. */
function spreadPoints(rng: Rng, index: PolygonIndex, n: number): XY[] {
  const [minX, minY, maxX, maxY] = index.bbox;
  const points: XY[] = [];
  for (let k = 0; k < n; k++) {
    let best: XY | null = null;
    let bestD = -1;
    for (let tries = 0, found = 0; tries < 400 && found < 12; tries++) {
      const p: XY = [rng.range(minX, maxX), rng.range(minY, maxY)];
      if (!index.contains(p)) continue;
      found++;
      const d = points.reduce((m, q) => Math.min(m, Math.hypot(p[0] - q[0], p[1] - q[1])), Infinity);
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
    if (best) points.push(best);
  }
  return points;
}

/** Splits `parent` into Voronoi cells around `seeds`; cells come back in seed order (possibly empty). */
function voronoiSplit(parent: GeneratedArea, seeds: XY[]): Ring[][][] {
  if (seeds.length === 1) return [parent.polygonsXY];
  const [minX, minY, maxX, maxY] = parent.index.bbox;
  const cells = turf.voronoi(turf.featureCollection(seeds.map((s) => turf.point([s[0], s[1]]))), {
    bbox: [minX - 10, minY - 10, maxX + 10, maxY + 10],
  });
  return cells.features.map((cell) =>
    cell
      ? clipPolygons(
          parent.polygonsXY,
          cell.geometry.coordinates[0]!.slice(0, -1).map((p) => [p[0]!, p[1]!] as XY),
        )
      : [],
  );
}

const COMMUNITY_FIRST = '福华南北东西龙宝金和平安康乐富兴盛荔桂梅桃松竹凤鹏沙水田岗湖山园新华景翠';
const COMMUNITY_SECOND = '民城田岭湾村苑塘园坑坪围岗湖山林沙洲河海源丰景泰安宁华';

function communityName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick([...COMMUNITY_FIRST])}${rng.pick([...COMMUNITY_SECOND])}`;
    if (!used.has(name)) {
      used.add(name);
      return `${name}社区`;
    }
  }
}

export function generateAreas(ref: Reference, rng: Rng): GeneratedArea[] {
  const areas: GeneratedArea[] = [];
  const districts = ref.districts.map((d) =>
    makeArea({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      level: 'district',
      parentCode: CITY_CODE,
      synthetic: false,
      polygonsXY:
        d.geometry.type === 'Polygon'
          ? [d.geometry.coordinates.map((r) => r.slice(0, -1).map(toXY))]
          : d.geometry.coordinates.map((poly) => poly.map((r) => r.slice(0, -1).map(toXY))),
    }),
  );
  areas.push(
    makeArea({
      code: CITY_CODE,
      name: '深圳市',
      nameEn: 'Shenzhen',
      level: 'city',
      parentCode: null,
      synthetic: false,
      polygonsXY: districts.flatMap((d) => d.polygonsXY),
    }),
    ...districts,
  );

  for (const district of districts) {
    const streets = ref.streets.filter((s) => s.districtCode === district.code);
    const srng = rng.fork(`streets/${district.code}`);
    const seeds = spreadPoints(srng, district.index, streets.length);
    const cells = voronoiSplit(district, seeds);
    streets.forEach((street, i) => {
      const polys = cells[i] ?? [];
      if (polys.length === 0) return;
      const streetArea = makeArea({
        code: street.code,
        name: street.name,
        nameEn: null,
        level: 'street',
        parentCode: district.code,
        synthetic: true,
        polygonsXY: polys,
      });
      areas.push(streetArea);

      const crng = rng.fork(`communities/${street.code}`);
      const k = Math.max(2, Math.min(9, Math.round(streetArea.areaKm2 / 4)));
      const communityCells = voronoiSplit(streetArea, spreadPoints(crng, streetArea.index, k));
      const usedNames = new Set<string>();
      let seq = 0;
      for (const cpolys of communityCells) {
        if (cpolys.length === 0) continue;
        seq++;
        const community = makeArea({
          code: `${street.code}C${String(seq).padStart(2, '0')}`,
          name: communityName(crng, usedNames),
          nameEn: null,
          level: 'community',
          parentCode: street.code,
          synthetic: true,
          polygonsXY: cpolys,
        });
        areas.push(community);
        areas.push(...generateGrids(community));
      }
    });
  }
  return areas;
}

/** Clips a fixed city-wide 1 km lattice to the community; whole squares need no clipping. */
function generateGrids(community: GeneratedArea): GeneratedArea[] {
  const [minX, minY, maxX, maxY] = community.index.bbox;
  const grids: GeneratedArea[] = [];
  let seq = 0;
  for (let gx = Math.floor(minX / GRID_SIZE_M); gx * GRID_SIZE_M < maxX; gx++) {
    for (let gy = Math.floor(minY / GRID_SIZE_M); gy * GRID_SIZE_M < maxY; gy++) {
      const square: Ring = [
        [gx * GRID_SIZE_M, gy * GRID_SIZE_M],
        [(gx + 1) * GRID_SIZE_M, gy * GRID_SIZE_M],
        [(gx + 1) * GRID_SIZE_M, (gy + 1) * GRID_SIZE_M],
        [gx * GRID_SIZE_M, (gy + 1) * GRID_SIZE_M],
      ];
      const polys = community.index.containsRing(square)
        ? [[square]]
        : clipPolygons(community.polygonsXY, square);
      if (polys.length === 0) continue;
      seq++;
      grids.push(
        makeArea({
          code: `${community.code}G${String(seq).padStart(3, '0')}`,
          name: `${community.name}第${seq}网格`,
          nameEn: null,
          level: 'grid',
          parentCode: community.code,
          synthetic: true,
          polygonsXY: polys,
        }),
      );
    }
  }
  return grids;
}

/** Finds the area of one level containing a point, through a coarse bucket grid. */
export class AreaLocator {
  private readonly buckets = new Map<string, GeneratedArea[]>();
  private static readonly CELL = 2000;

  constructor(areas: readonly GeneratedArea[]) {
    for (const area of areas) {
      const [minX, minY, maxX, maxY] = area.index.bbox;
      for (let x = Math.floor(minX / AreaLocator.CELL); x <= Math.floor(maxX / AreaLocator.CELL); x++) {
        for (let y = Math.floor(minY / AreaLocator.CELL); y <= Math.floor(maxY / AreaLocator.CELL); y++) {
          const key = `${x}:${y}`;
          let list = this.buckets.get(key);
          if (!list) {
            list = [];
            this.buckets.set(key, list);
          }
          list.push(area);
        }
      }
    }
  }

  locate(p: XY): GeneratedArea | null {
    const key = `${Math.floor(p[0] / AreaLocator.CELL)}:${Math.floor(p[1] / AreaLocator.CELL)}`;
    for (const area of this.buckets.get(key) ?? []) if (area.index.contains(p)) return area;
    return null;
  }
}

export function landIndex(ref: Reference): PolygonIndex {
  return new PolygonIndex(ref.land.flatMap((g) => ringsOf(g, toXY)));
}
