// Fills a block with building footprints laid on a sub-grid of cells, one building per cell, so footprints in
// a block never overlap. Each zone has its own footprint sizes, heights, structures, ages and safety grades.
import { type Block, toWorld } from './blocks.ts';
import type { DistrictProfile, Zone } from './profiles.ts';
import { type Ring, ringArea } from './projection.ts';
import type { Rng } from './rng.ts';
import type { Building, SafetyGrade } from './types.ts';

type Use = Building['use'];
type Structure = Building['structure'];

interface ZoneSpec {
  /** Cell pitch along u and v, metres. */
  pitch: [number, number];
  /** Footprint as a share of the pitch. */
  fill: [number, number];
  floors: (rng: Rng, profile: DistrictProfile) => number;
  uses: Partial<Record<Use, number>>;
  structures: Partial<Record<Structure, number>>;
  years: [number, number];
  selfBuilt: number;
  grades: Record<SafetyGrade, number>;
  /** Shares of L-shaped and courtyard (with a hole) footprints. */
  shapes: { l: number; courtyard: number };
  storeyM: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export const ZONES: Record<Zone, ZoneSpec> = {
  // 城中村: 握手楼 5–9 floors, 2–4 m apart, mostly self-built.
  urban_village: {
    pitch: [15, 17],
    fill: [0.74, 0.84],
    floors: (rng) => clamp(Math.round(rng.normal(7, 1.4)), 3, 12),
    uses: { residential: 0.7, mixed: 0.3 },
    structures: { brick_concrete: 0.6, frame: 0.35, brick_wood: 0.05 },
    years: [1985, 2012],
    selfBuilt: 0.92,
    grades: { A: 0.33, B: 0.45, C: 0.19, D: 0.03 },
    shapes: { l: 0.05, courtyard: 0 },
    storeyM: 3.1,
  },
  // 老旧小区: 6–8 floor brick-concrete slabs in rows.
  old_residential: {
    pitch: [52, 26],
    fill: [0.78, 0.55],
    floors: (rng) => rng.int(5, 8),
    uses: { residential: 1 },
    structures: { brick_concrete: 0.85, frame: 0.15 },
    years: [1980, 2000],
    selfBuilt: 0.02,
    grades: { A: 0.45, B: 0.41, C: 0.125, D: 0.015 },
    shapes: { l: 0.1, courtyard: 0 },
    storeyM: 2.9,
  },
  // 商品房小区: 25–45 floor shear-wall towers.
  residential: {
    pitch: [58, 58],
    fill: [0.45, 0.5],
    floors: (rng) => rng.int(25, 45),
    uses: { residential: 0.92, mixed: 0.08 },
    structures: { shear_wall: 0.9, frame_core_tube: 0.1 },
    years: [1998, 2024],
    selfBuilt: 0,
    grades: { A: 0.8, B: 0.18, C: 0.02, D: 0 },
    shapes: { l: 0.15, courtyard: 0 },
    storeyM: 3,
  },
  // 写字楼: towers; 80–118 floors only where the district allows supertalls.
  office: {
    pitch: [85, 85],
    fill: [0.5, 0.6],
    floors: (rng, profile) =>
      profile.supertalls && rng.chance(0.05)
        ? rng.int(80, 118)
        : clamp(Math.round(rng.normal(32, 11)), 10, 68),
    uses: { office: 0.85, mixed: 0.15 },
    structures: { frame_core_tube: 0.8, steel: 0.15, frame: 0.05 },
    years: [1995, 2024],
    selfBuilt: 0,
    grades: { A: 0.86, B: 0.13, C: 0.01, D: 0 },
    shapes: { l: 0.1, courtyard: 0.1 },
    storeyM: 4.2,
  },
  commercial: {
    pitch: [64, 60],
    fill: [0.6, 0.65],
    floors: (rng) => rng.int(3, 20),
    uses: { commercial: 0.8, mixed: 0.2 },
    structures: { frame: 0.7, frame_core_tube: 0.2, steel: 0.1 },
    years: [1990, 2024],
    selfBuilt: 0.03,
    grades: { A: 0.7, B: 0.25, C: 0.045, D: 0.005 },
    shapes: { l: 0.15, courtyard: 0.2 },
    storeyM: 4.5,
  },
  // 工业园: 3–6 floor factories and warehouses.
  industrial: {
    pitch: [76, 46],
    fill: [0.7, 0.62],
    floors: (rng) => rng.int(3, 6),
    uses: { industrial: 1 },
    structures: { frame: 0.7, steel: 0.3 },
    years: [1988, 2022],
    selfBuilt: 0.05,
    grades: { A: 0.55, B: 0.35, C: 0.09, D: 0.01 },
    shapes: { l: 0.2, courtyard: 0 },
    storeyM: 5,
  },
  // 公共建筑: schools, hospitals, offices of government; often around a courtyard.
  public: {
    pitch: [95, 75],
    fill: [0.6, 0.6],
    floors: (rng) => rng.int(3, 12),
    uses: { public: 1 },
    structures: { frame: 0.9, shear_wall: 0.1 },
    years: [1985, 2024],
    selfBuilt: 0,
    grades: { A: 0.75, B: 0.22, C: 0.03, D: 0 },
    shapes: { l: 0.3, courtyard: 0.35 },
    storeyM: 4,
  },
};

const HAZARDS: Record<SafetyGrade, string[]> = {
  A: [],
  B: ['外墙饰面脱落'],
  C: ['墙体裂缝', '外墙饰面脱落', '违规加层', '楼板渗漏'],
  D: ['承重构件严重开裂', '地基不均匀沉降', '违规加层', '结构锈蚀'],
};

export type BuildingDraft = Omit<
  Building,
  'id' | 'code' | 'name' | 'streetCode' | 'communityCode' | 'gridCode' | 'unitCode' | 'geometry'
>;

/** Footprint rings in the block frame, centred at (cu, cv), size w×h; holes follow the outer ring. */
function footprint(
  rng: Rng,
  spec: ZoneSpec,
  cu: number,
  cv: number,
  w: number,
  h: number,
): [number, number][][] {
  const x0 = cu - w / 2;
  const y0 = cv - h / 2;
  const x1 = cu + w / 2;
  const y1 = cv + h / 2;
  const r = rng.next();
  if (r < spec.shapes.courtyard && w > 30 && h > 30) {
    const ix = w * 0.3;
    const iy = h * 0.3;
    return [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ],
      [
        [x0 + ix, y0 + iy],
        [x0 + ix, y1 - iy],
        [x1 - ix, y1 - iy],
        [x1 - ix, y0 + iy],
      ],
    ];
  }
  if (r < spec.shapes.courtyard + spec.shapes.l) {
    const cx = x0 + w * rng.range(0.45, 0.65);
    const cy = y0 + h * rng.range(0.45, 0.65);
    return [
      [
        [x0, y0],
        [x1, y0],
        [x1, cy],
        [cx, cy],
        [cx, y1],
        [x0, y1],
      ],
    ];
  }
  return [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
  ];
}

export interface FillContext {
  profile: DistrictProfile;
  /** Accepts a footprint outer ring (metric plane) when it lies inside the district and on land. */
  fits: (ring: Ring) => boolean;
  /** Stop after this many buildings. */
  limit: number;
  today: Date;
}

export function fillBlock(rng: Rng, block: Block, zone: Zone, ctx: FillContext): BuildingDraft[] {
  const spec = ZONES[zone];
  const pitchU = spec.pitch[0] * rng.range(0.92, 1.08);
  const pitchV = spec.pitch[1] * rng.range(0.92, 1.08);
  const nu = Math.floor((block.u1 - block.u0) / pitchU);
  const nv = Math.floor((block.v1 - block.v0) / pitchV);
  const out: BuildingDraft[] = [];
  for (let a = 0; a < nu; a++) {
    for (let b = 0; b < nv; b++) {
      if (out.length >= ctx.limit) return out;
      const w = pitchU * spec.fill[0] * rng.range(0.9, 1.05);
      const h = pitchV * spec.fill[1] * rng.range(0.9, 1.05);
      const slackU = (pitchU - w) / 2 - 0.5;
      const slackV = (pitchV - h) / 2 - 0.5;
      const cu = block.u0 + (a + 0.5) * pitchU + rng.range(-slackU, slackU) * 0.5;
      const cv = block.v0 + (b + 0.5) * pitchV + rng.range(-slackV, slackV) * 0.5;
      const rings: Ring[] = footprint(rng, spec, cu, cv, w, h).map((ring) =>
        ring.map(([u, v]) => toWorld(block.grid, u, v)),
      );
      const outer = rings[0]!;
      if (!ctx.fits(outer)) continue;
      const footprintM2 = rings.reduce((s, ring, k) => s + (k === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
      const floors = spec.floors(rng, ctx.profile);
      const selfBuilt = rng.chance(spec.selfBuilt);
      const grade = rng.weighted(spec.grades);
      const hazards = HAZARDS[grade].filter(() => rng.chance(0.4));
      if (grade === 'D' && hazards.length === 0) hazards.push(HAZARDS.D[0]!);
      const inspectedDaysAgo = rng.int(0, grade === 'A' ? 1500 : 700);
      const inspected = new Date(ctx.today.getTime() - inspectedDaysAgo * 86_400_000);
      out.push({
        kind: 'building',
        blockId: block.id,
        zone,
        ringsXY: rings,
        districtCode: block.grid.districtCode,
        floors,
        heightM: Math.round((floors * spec.storeyM + rng.range(0.5, 3)) * 10) / 10,
        use: rng.weighted(spec.uses),
        structure: rng.weighted(spec.structures),
        yearBuilt: rng.int(spec.years[0], spec.years[1]),
        selfBuilt,
        safetyGrade: grade,
        footprintM2: Math.round(footprintM2),
        floorAreaM2: Math.round(footprintM2 * floors),
        lastInspectedOn: rng.chance(0.8) ? inspected.toISOString().slice(0, 10) : null,
        hazards,
      });
    }
  }
  return out;
}
