// The generator: deterministic, inside districts and on land, non-overlapping, realistic per district.
import { beforeAll, describe, expect, it } from 'vitest';
import { landIndex } from './areas.ts';
import { type City, generateCity } from './generate.ts';
import { PRESET_SPECS } from './presets.ts';
import { type Ring, ringArea, ringBBox } from './projection.ts';
import { loadReference, type Reference } from './reference.ts';
import { REFERENCE_DIR } from './seed-city.ts';

const NOW = new Date('2026-11-21T04:00:00Z');
let ref: Reference;
let city: City;

beforeAll(() => {
  ref = loadReference(REFERENCE_DIR);
  city = generateCity(ref, PRESET_SPECS.demo, 7, NOW);
});

function fingerprint(c: City): string {
  return JSON.stringify([
    c.buildings.slice(0, 50).map((b) => [b.code, b.geometry.coordinates, b.floors, b.safetyGrade]),
    c.assets.length,
    c.devices.map((d) => d.code).join(),
    c.areas.map((a) => a.code).join(),
  ]);
}

/** Separating-axis test on the rings' convex hulls: conservative for L-shapes, exact for rectangles. */
function ringsOverlap(a: Ring, b: Ring): boolean {
  for (const ring of [a, b]) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i]!;
      const q = ring[(i + 1) % ring.length]!;
      const nx = -(q[1] - p[1]);
      const ny = q[0] - p[0];
      const proj = (r: Ring) => r.map(([x, y]) => x * nx + y * ny);
      const pa = proj(a);
      const pb = proj(b);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

describe('generateCity', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateCity(ref, PRESET_SPECS.demo, 7, NOW);
    expect(fingerprint(again)).toBe(fingerprint(city));
    const other = generateCity(ref, PRESET_SPECS.demo, 8, NOW);
    expect(fingerprint(other)).not.toBe(fingerprint(city));
  });

  it('builds about the preset number of buildings, each with a unique public code', () => {
    expect(city.buildings.length).toBeGreaterThanOrEqual(19_900);
    expect(city.buildings.length).toBeLessThanOrEqual(20_000);
    const codes = new Set(city.assets.map((a) => a.code));
    expect(codes.size).toBe(city.assets.length);
    for (const b of city.buildings.slice(0, 100)) expect(b.code).toMatch(/^JZ-[0-9A-Z]{6,8}-\d{6}$/);
  });

  it('puts every building inside its district and on land', () => {
    const land = landIndex(ref);
    const districts = new Map(city.areas.filter((a) => a.level === 'district').map((a) => [a.code, a]));
    for (const b of city.buildings) {
      const outer = b.ringsXY[0]!;
      expect(districts.get(b.districtCode)!.index.containsRing(outer), b.code).toBe(true);
      expect(land.containsRing(outer), b.code).toBe(true);
    }
  });

  it('makes valid footprints that do not overlap within a block', () => {
    const byBlock = new Map<number, Ring[]>();
    for (const b of city.buildings) {
      const outer = b.ringsXY[0]!;
      expect(outer.length).toBeGreaterThanOrEqual(4);
      expect(Math.abs(ringArea(outer))).toBeGreaterThan(20);
      expect(b.footprintM2).toBeGreaterThan(0);
      const ring = b.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]); // closed
      const list = byBlock.get(b.blockId) ?? [];
      list.push(outer);
      byBlock.set(b.blockId, list);
    }
    let pairs = 0;
    for (const rings of byBlock.values()) {
      // sweep along x: only rings whose bounding boxes overlap need the exact test
      const boxes = rings.map((r) => ({ r, box: ringBBox(r) })).sort((p, q) => p.box[0] - q.box[0]);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length && boxes[j]!.box[0] < boxes[i]!.box[2]; j++) {
          if (boxes[j]!.box[1] > boxes[i]!.box[3] || boxes[j]!.box[3] < boxes[i]!.box[1]) continue;
          pairs++;
          expect(ringsOverlap(boxes[i]!.r, boxes[j]!.r)).toBe(false);
        }
      }
    }
    expect(pairs).toBeGreaterThan(1_000);
  });

  it('gives districts their character: supertalls only in Futian and Nanshan, more self-built in the west', () => {
    const stats = new Map<string, { n: number; selfBuilt: number; maxFloors: number; industrial: number }>();
    for (const b of city.buildings) {
      const s = stats.get(b.districtCode) ?? { n: 0, selfBuilt: 0, maxFloors: 0, industrial: 0 };
      s.n++;
      if (b.selfBuilt) s.selfBuilt++;
      if (b.use === 'industrial') s.industrial++;
      s.maxFloors = Math.max(s.maxFloors, b.floors);
      stats.set(b.districtCode, s);
    }
    expect(stats.size).toBe(10);
    for (const code of ['440304', '440305']) expect(stats.get(code)!.maxFloors).toBeGreaterThanOrEqual(100);
    for (const [code, s] of stats) {
      if (code !== '440304' && code !== '440305') expect(s.maxFloors, code).toBeLessThan(80);
    }
    const share = (code: string, k: 'selfBuilt' | 'industrial') => stats.get(code)![k] / stats.get(code)!.n;
    expect(share('440306', 'selfBuilt')).toBeGreaterThan(share('440304', 'selfBuilt') * 2); // Bao'an vs Futian
    expect(share('440311', 'industrial')).toBeGreaterThan(0.02); // Guangming has factories
    expect(share('440304', 'industrial')).toBe(0); // Futian has none
    // Share of the city per district within ±25% of its profile (Bao'an the largest, Yantian the smallest).
    const n = city.buildings.length;
    expect(stats.get('440306')!.n / n).toBeGreaterThan(0.17);
    expect(stats.get('440308')!.n / n).toBeLessThan(0.035);
  });

  it('keeps safety grade D rare and grades plausible', () => {
    const grades = { A: 0, B: 0, C: 0, D: 0 };
    for (const b of city.buildings) grades[b.safetyGrade]++;
    const n = city.buildings.length;
    expect(grades.D / n).toBeGreaterThan(0.002);
    expect(grades.D / n).toBeLessThan(0.03);
    expect(grades.A / n).toBeGreaterThan(0.35);
    for (const b of city.buildings) {
      if (b.zone === 'industrial') expect(b.floors).toBeLessThanOrEqual(6);
      if (b.zone === 'urban_village') expect(b.floors).toBeLessThanOrEqual(12);
    }
  });

  it('creates every kind of asset and device, and a full area hierarchy', () => {
    const kinds = new Set(city.assets.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(
      ['building', 'construction_site', 'gas_pipeline', 'slope', 'street_lamp', 'waterlogging_point'].sort(),
    );
    const types = new Set(city.devices.map((d) => d.type));
    expect(types.size).toBe(8);
    const levels = new Map<string, number>();
    for (const a of city.areas) levels.set(a.level, (levels.get(a.level) ?? 0) + 1);
    expect(levels.get('district')).toBe(10);
    expect(levels.get('street')).toBe(74);
    expect(levels.get('community')).toBeGreaterThan(200);
    expect(levels.get('grid')).toBeGreaterThan(1000);
    const codes = new Set(city.areas.map((a) => a.code));
    for (const a of city.areas) if (a.parentCode) expect(codes.has(a.parentCode)).toBe(true);
    // Generated codes can never be taken for real ones: real community codes are 12 digits.
    for (const a of city.areas.filter((x) => x.level === 'community'))
      expect(a.code).toMatch(/^\d{9}C\d{2}$/);
    for (const a of city.areas.filter((x) => x.level === 'grid'))
      expect(a.code).toMatch(/^\d{9}C\d{2}G\d{3}$/);
  });
});
