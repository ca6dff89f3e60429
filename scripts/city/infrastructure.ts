// Assets other than buildings, derived from the road grid and blocks: construction sites (with pits),
// slopes at the edge of developed land, street lamps and gas pipelines along roads next to developed blocks,
// and waterlogging points at low intersections.
import type { LineString, Polygon } from 'geojson';
import { type Block, isTrunk, type RoadGrid, roadWidth, toWorld } from './blocks.ts';
import { company, PROJECT_KINDS, stem } from './names.ts';
import { pointGeometry, type Ring, ringToLonLat, toLonLat, type XY } from './projection.ts';
import type { Rng } from './rng.ts';
import type { ConstructionSite, GasPipeline, Slope, StreetLamp, WaterloggingPoint } from './types.ts';

type Draft<T> = Omit<T, 'id' | 'code' | 'streetCode' | 'communityCode' | 'gridCode' | 'unitCode'> & {
  anchor: XY;
};

export type SiteDraft = Draft<ConstructionSite> & { pitRing: Ring | null; siteRing: Ring };
export type SlopeDraft = Draft<Slope> & { ring: Ring };
export type LampDraft = Draft<StreetLamp> & { circuitKey: string };
export type WaterDraft = Draft<WaterloggingPoint>;
export type PipelineDraft = Draft<GasPipeline>;

const polygon = (ring: Ring): Polygon => ({ type: 'Polygon', coordinates: [ringToLonLat(ring)] });
const rect = (grid: RoadGrid, u0: number, v0: number, u1: number, v1: number): Ring => [
  toWorld(grid, u0, v0),
  toWorld(grid, u1, v0),
  toWorld(grid, u1, v1),
  toWorld(grid, u0, v1),
];
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function makeSite(rng: Rng, block: Block, fits: (r: Ring) => boolean, now: Date): SiteDraft | null {
  const { grid } = block;
  const siteRing = rect(grid, block.u0 + 4, block.v0 + 4, block.u1 - 4, block.v1 - 4);
  if (!fits(siteRing)) return null;
  const stage = rng.weighted({
    earthwork: 0.2,
    foundation: 0.3,
    main_structure: 0.35,
    finishing: 0.15,
  } as const);
  const hasPit = stage === 'earthwork' || stage === 'foundation' || rng.chance(0.3);
  const w = block.u1 - block.u0;
  const h = block.v1 - block.v0;
  const pitRing = hasPit
    ? rect(grid, block.u0 + w * 0.2, block.v0 + h * 0.2, block.u1 - w * 0.2, block.v1 - h * 0.2)
    : null;
  const dangerous = [
    ...(hasPit ? ['深基坑工程'] : []),
    ...(stage !== 'earthwork' ? ['起重吊装及安装拆卸工程'] : []),
    ...(rng.chance(0.4) ? ['高大模板支撑工程'] : []),
    ...(rng.chance(0.3) ? ['脚手架工程'] : []),
  ];
  const started = now.getTime() - rng.int(60, 900) * 86_400_000;
  const name = `${stem(rng)}${rng.pick(PROJECT_KINDS)}`;
  return {
    kind: 'construction_site',
    anchor: block.centre,
    siteRing,
    pitRing,
    name,
    geometry: polygon(siteRing),
    districtCode: grid.districtCode,
    projectName: name,
    builder: company(rng, '置业'),
    contractor: company(rng, '建设工程'),
    supervisor: company(rng, '工程监理'),
    monitor: company(rng, '检测技术'),
    stage,
    dangerousWorks: dangerous,
    pitDepthM: pitRing ? Math.round(rng.range(5, 24) * 10) / 10 : null,
    pitOutline: pitRing ? polygon(pitRing) : null,
    startedOn: isoDay(started),
    plannedCompletion: isoDay(started + rng.int(540, 1300) * 86_400_000),
  };
}

/** A slope strip along the block edge nearest the developed side, inside district and land. */
export function makeSlope(rng: Rng, block: Block, fits: (r: Ring) => boolean): SlopeDraft | null {
  const { grid } = block;
  const length = Math.min(block.u1 - block.u0 - 10, rng.range(80, 220));
  const width = rng.range(25, 60);
  const u0 = block.u0 + rng.range(0, Math.max(0, block.u1 - block.u0 - length));
  const skew = rng.range(-8, 8);
  const ring: Ring = [
    toWorld(grid, u0, block.v0),
    toWorld(grid, u0 + length, block.v0),
    toWorld(grid, u0 + length + skew, block.v0 + width),
    toWorld(grid, u0 + skew, block.v0 + width * rng.range(0.8, 1)),
  ];
  if (!fits(ring)) return null;
  const risk = rng.weighted({ low: 0.6, medium: 0.3, high: 0.1 } as const);
  const slopeType = rng.weighted({ cut: 0.6, natural: 0.3, fill: 0.1 } as const);
  const heightM = Math.round(rng.range(8, risk === 'high' ? 60 : 30));
  return {
    kind: 'slope',
    anchor: ring[0]!,
    ring,
    name: `${grid.vNames[block.j]}边坡`,
    geometry: polygon(ring),
    districtCode: grid.districtCode,
    riskGrade: risk,
    slopeType,
    heightM,
    gradientDeg: Math.round(rng.range(30, 70)),
    // The hazard zone grows with height: a demo rule of thumb of 1.5 H (2 H for high risk), at least 20 m.
    hazardBufferM: Math.max(20, Math.round(heightM * (risk === 'high' ? 2 : 1.5))),
    protection: rng.pick(['格构梁+锚杆', '挡土墙', '喷锚支护', '抗滑桩', '植草护坡']),
  };
}

/** A road segment: line `line` of family `family` between cross lines `from` and `from + 1`. */
interface Segment {
  family: 'u' | 'v';
  line: number;
  from: number;
}

function segmentEnds(grid: RoadGrid, s: Segment): [XY, XY] {
  if (s.family === 'u') {
    const u = grid.us[s.line]!;
    return [toWorld(grid, u, grid.vs[s.from]!), toWorld(grid, u, grid.vs[s.from + 1]!)];
  }
  const v = grid.vs[s.line]!;
  return [toWorld(grid, grid.us[s.from]!, v), toWorld(grid, grid.us[s.from + 1]!, v)];
}

/** The road segments bounding the developed blocks, each once, in a stable order. */
export function roadSegments(blocks: readonly Block[]): Segment[] {
  const seen = new Map<string, Segment>();
  const add = (s: Segment) => seen.set(`${s.family}:${s.line}:${s.from}`, s);
  for (const b of blocks) {
    add({ family: 'u', line: b.i, from: b.j });
    add({ family: 'u', line: b.i + 1, from: b.j });
    add({ family: 'v', line: b.j, from: b.i });
    add({ family: 'v', line: b.j + 1, from: b.i });
  }
  return [...seen.values()];
}

export function lampsAlong(
  rng: Rng,
  grid: RoadGrid,
  segments: readonly Segment[],
  fits: (p: XY) => boolean,
  nightNow: boolean,
): LampDraft[] {
  const lamps: LampDraft[] = [];
  for (const s of segments) {
    const trunk = isTrunk(s.line);
    const [a, b] = segmentEnds(grid, s);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const spacing = trunk ? 40 : 50;
    const sides = trunk ? [-1, 1] : [1];
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    const offset = roadWidth(s.line) / 2 - 1.5;
    // up to ten consecutive segments of one road (~2.5 km) share a circuit and its cabinet
    const circuitKey = `${grid.districtCode}:${s.family}${s.line}:${Math.floor(s.from / 10)}`;
    const roadName = s.family === 'u' ? grid.uNames[s.line]! : grid.vNames[s.line]!;
    for (const side of sides) {
      for (let d = spacing / 2; d < len; d += spacing) {
        const p: XY = [
          a[0] + ((b[0] - a[0]) * d) / len + nx * offset * side,
          a[1] + ((b[1] - a[1]) * d) / len + ny * offset * side,
        ];
        if (!fits(p)) continue;
        const fault = rng.chance(trunk ? 0.008 : 0.02);
        lamps.push({
          kind: 'street_lamp',
          anchor: p,
          circuitKey,
          name: `${roadName}路灯`,
          geometry: pointGeometry(p),
          districtCode: grid.districtCode,
          circuitCode: '',
          cabinetCode: '',
          roadName,
          roadClass: trunk ? 'trunk' : 'secondary',
          lampType: rng.chance(0.85) ? 'LED' : 'HPS',
          powerW: trunk ? rng.pick([150, 200, 250]) : rng.pick([60, 80, 100]),
          poleHeightM: trunk ? 12 : 8,
          status: fault ? 'fault' : nightNow ? 'on' : 'off',
        });
      }
    }
  }
  return lamps;
}

export function pipelinesAlong(
  rng: Rng,
  grid: RoadGrid,
  segments: readonly Segment[],
  fits: (p: XY) => boolean,
): PipelineDraft[] {
  const out: PipelineDraft[] = [];
  for (const s of segments) {
    const trunk = isTrunk(s.line);
    if (!trunk && !rng.chance(0.3)) continue;
    const [a, b] = segmentEnds(grid, s);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const off = 6;
    const nx = (-(b[1] - a[1]) / len) * off;
    const ny = ((b[0] - a[0]) / len) * off;
    const p: XY = [a[0] + nx, a[1] + ny];
    const q: XY = [b[0] + nx, b[1] + ny];
    if (!fits(p) || !fits(q)) continue;
    const line: LineString = { type: 'LineString', coordinates: [toLonLat(p), toLonLat(q)] };
    const roadName = s.family === 'u' ? grid.uNames[s.line]! : grid.vNames[s.line]!;
    const pressure = trunk ? rng.weighted({ medium: 0.6, sub_high: 0.3, high: 0.1 } as const) : 'low';
    out.push({
      kind: 'gas_pipeline',
      anchor: [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2],
      name: `${roadName}燃气管道`,
      geometry: line,
      districtCode: grid.districtCode,
      pressureClass: pressure,
      diameterMm: trunk ? rng.pick([200, 300, 400, 500]) : rng.pick([63, 110, 160]),
      material: pressure === 'low' || pressure === 'medium' ? 'PE' : 'steel',
      operator: '深圳市燃气集团股份有限公司',
      buriedDepthM: Math.round(rng.range(0.9, 2.2) * 10) / 10,
      builtYear: rng.int(1995, 2024),
      lengthM: Math.round(len),
    });
  }
  return out;
}

export function waterloggingAt(
  rng: Rng,
  grid: RoadGrid,
  blocks: readonly Block[],
  count: number,
  fits: (p: XY) => boolean,
): WaterDraft[] {
  const corners = new Map<string, [number, number]>();
  for (const b of blocks) corners.set(`${b.i}:${b.j}`, [b.i, b.j]);
  const out: WaterDraft[] = [];
  for (const [i, j] of rng.shuffle([...corners.values()])) {
    if (out.length >= count) break;
    const p = toWorld(grid, grid.us[i]!, grid.vs[j]!);
    if (!fits(p)) continue;
    const blue = 10;
    out.push({
      kind: 'waterlogging_point',
      anchor: p,
      name: `${grid.uNames[i]}与${grid.vNames[j]}交汇处`,
      geometry: pointGeometry(p),
      districtCode: grid.districtCode,
      roadName: grid.vNames[j]!,
      blueCm: blue,
      yellowCm: 15,
      orangeCm: 27,
      redCm: 40,
      historyMaxCm: Math.round(rng.range(20, 80)),
    });
  }
  return out;
}

export type { Segment };
