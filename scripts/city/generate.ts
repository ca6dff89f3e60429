// Generates the whole synthetic city from the real reference data, deterministically for (preset, seed, now).
import { AreaLocator, type GeneratedArea, generateAreas, landIndex } from './areas.ts';
import { type Block, candidateBlocks, roadGrid } from './blocks.ts';
import { type BuildingDraft, fillBlock, ZONES } from './buildings.ts';
import { aroundRing, behaviour, type DeviceDraft, vendorFor } from './devices.ts';
import {
  type LampDraft,
  lampsAlong,
  makeSite,
  makeSlope,
  type PipelineDraft,
  pipelinesAlong,
  roadSegments,
  type SiteDraft,
  type SlopeDraft,
  type WaterDraft,
  waterloggingAt,
} from './infrastructure.ts';
import { PUBLIC_NAMES, phone, stem } from './names.ts';
import type { PresetSpec } from './presets.ts';
import { profileOf, type Zone } from './profiles.ts';
import { pointGeometry, type Ring, ringToLonLat, type XY } from './projection.ts';
import { lampsOn } from './readings.ts';
import type { Reference } from './reference.ts';
import { Rng } from './rng.ts';
import type { Asset, AssetBase, Building, Device, ResponsibleUnit } from './types.ts';

export interface City {
  seed: number;
  now: Date;
  spec: PresetSpec;
  areas: GeneratedArea[];
  units: ResponsibleUnit[];
  buildings: Building[];
  /** Every asset (buildings included), ids ascending. */
  assets: Asset[];
  devices: Device[];
}

const BUILDING_MARGIN_M = 1.5;

/** Largest-remainder split of `total` by weights, so the parts add up exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < total - parts.reduce((s, p) => s + p, 0); k++) parts[order[k]![1]]! += 1;
  return parts;
}

const CODE_PREFIX: Record<Asset['kind'], string> = {
  building: 'JZ', // 建筑
  construction_site: 'GD', // 工地
  slope: 'BP', // 边坡
  street_lamp: 'LD', // 路灯
  waterlogging_point: 'JS', // 积水
  gas_pipeline: 'RQ', // 燃气
};

const ZONE_SUFFIX: Record<Zone, string> = {
  urban_village: '新村',
  old_residential: '小区',
  residential: '花园',
  office: '大厦',
  commercial: '广场',
  industrial: '工业园',
  public: '',
};

export function generateCity(ref: Reference, spec: PresetSpec, seed: number, now: Date): City {
  const rng = new Rng(seed);
  const nowMs = now.getTime();
  const areas = generateAreas(ref, rng.fork('areas'));
  const land = landIndex(ref);
  const byLevel = (level: GeneratedArea['level']) => areas.filter((a) => a.level === level);
  const districts = byLevel('district');
  const locators = {
    street: new AreaLocator(byLevel('street')),
    community: new AreaLocator(byLevel('community')),
    grid: new AreaLocator(byLevel('grid')),
  };

  const weights = districts.map((d) => profileOf(d.code).weight);
  const buildingTargets = apportion(spec.buildings, weights);
  const siteTargets = apportion(spec.sites, weights);
  const slopeTargets = apportion(spec.slopes, weights);
  const waterTargets = apportion(spec.waterloggingPoints, weights);

  const buildingDrafts: BuildingDraft[] = [];
  const siteDrafts: SiteDraft[] = [];
  const slopeDrafts: SlopeDraft[] = [];
  const others: (LampDraft | PipelineDraft | WaterDraft)[] = [];
  const blockNames = new Map<number, string>();
  let nextBlockId = 1;

  let carried = 0; // buildings a district had no room for move on to the next
  districts.forEach((district, d) => {
    buildingTargets[d]! += carried;
    const drng = rng.fork(`district/${district.code}`);
    const profile = profileOf(district.code);
    const grid = roadGrid(district, drng.fork('roads'));
    const fitsRing = (ring: Ring) =>
      district.index.containsRing(ring, BUILDING_MARGIN_M) && land.containsRing(ring, BUILDING_MARGIN_M);
    const fitsPoint = (p: XY) => district.index.contains(p) && land.contains(p);
    const candidates = candidateBlocks(grid, district.index, land, nextBlockId);
    nextBlockId += candidates.length + 1;

    // Development spreads from a few town centres (one per street), so cores are dense and edges green.
    const prng = drng.fork('priority');
    const centres = Array.from({ length: Math.max(1, Math.ceil(candidates.length / 150)) }, () =>
      prng.pick(candidates),
    ).map((b) => b.centre);
    const priority = new Map(
      candidates.map((b) => [
        b,
        Math.min(...centres.map((c) => Math.hypot(c[0] - b.centre[0], c[1] - b.centre[1]))) *
          prng.range(0.6, 1.4),
      ]),
    );
    const ordered = [...candidates].sort((a, b) => priority.get(a)! - priority.get(b)!);

    const developed: Block[] = [];
    let built = 0;
    let sites = 0;
    let k = 0;
    const frng = drng.fork('fill');
    for (; k < ordered.length && (built < buildingTargets[d]! || sites < siteTargets[d]!); k++) {
      const block = ordered[k]!;
      const wantSite = sites < siteTargets[d]! && (built >= buildingTargets[d]! || frng.chance(0.1));
      if (wantSite) {
        const site = makeSite(frng, block, fitsRing, now);
        if (site) {
          siteDrafts.push(site);
          developed.push(block);
          sites++;
          continue;
        }
      }
      if (built >= buildingTargets[d]!) continue;
      const zone = frng.weighted(blockZoneWeights(profile.zones));
      blockNames.set(block.id, zone === 'public' ? stem(frng) : `${stem(frng)}${ZONE_SUFFIX[zone]}`);
      const drafts = fillBlock(frng, block, zone, {
        profile,
        fits: fitsRing,
        limit: buildingTargets[d]! - built,
        today: now,
      });
      if (drafts.length === 0) continue;
      buildingDrafts.push(...drafts);
      developed.push(block);
      built += drafts.length;
    }
    carried = Math.max(0, buildingTargets[d]! - built);
    ensureLandmark(buildingDrafts, district.code, profile.supertalls, drng.fork('landmark'));

    // Slopes sit just beyond the developed edge.
    const srng = drng.fork('slopes');
    let slopes = 0;
    for (; k < ordered.length && slopes < slopeTargets[d]!; k++) {
      if (!srng.chance(0.35)) continue;
      const slope = makeSlope(srng, ordered[k]!, fitsRing);
      if (slope) {
        slopeDrafts.push(slope);
        slopes++;
      }
    }

    const segments = roadSegments(developed);
    const nightNow = lampsOn(nowMs);
    others.push(...lampsAlong(drng.fork('lamps'), grid, segments, fitsPoint, nightNow));
    others.push(...pipelinesAlong(drng.fork('pipes'), grid, segments, fitsPoint));
    others.push(...waterloggingAt(drng.fork('water'), grid, developed, waterTargets[d]!, fitsPoint));
  });

  // Units: per district, per street, and the city gas utility.
  const units = makeUnits(rng.fork('units'), districts, byLevel('street'));
  const unitFor = (kind: ResponsibleUnit['kind'], area: string) => `U-${area}-${kind.toUpperCase()}`;

  // Ids, codes, names and area membership.
  const seqByPrefix = new Map<string, number>();
  let nextId = 1;
  const place = (draft: { districtCode: string }, at: XY, kind: Asset['kind']) => {
    const street = locators.street.locate(at);
    const community = locators.community.locate(at);
    const grid = locators.grid.locate(at);
    const key = `${CODE_PREFIX[kind]}-${draft.districtCode}`;
    const seq = (seqByPrefix.get(key) ?? 0) + 1;
    seqByPrefix.set(key, seq);
    return {
      id: nextId++,
      code: `${key}-${String(seq).padStart(6, '0')}`,
      streetCode: street?.parentCode === draft.districtCode ? street.code : null,
      communityCode: community?.code ?? null,
      gridCode: grid?.code ?? null,
      communityName: community?.name ?? '',
    };
  };

  const perBlock = new Map<number, number>();
  const buildings: Building[] = buildingDrafts.map((b) => {
    const outer = b.ringsXY[0]!;
    const centre: XY = [
      outer.reduce((s, p) => s + p[0], 0) / outer.length,
      outer.reduce((s, p) => s + p[1], 0) / outer.length,
    ];
    const placed = place(b, centre, 'building');
    const n = (perBlock.get(b.blockId) ?? 0) + 1;
    perBlock.set(b.blockId, n);
    const blockName = blockNames.get(b.blockId) ?? '';
    const name =
      b.zone === 'public'
        ? `${blockName}${PUBLIC_NAMES[n % PUBLIC_NAMES.length]}`
        : b.zone === 'urban_village'
          ? `${blockName}${Math.ceil(n / 12)}巷${((n - 1) % 12) + 1}号`
          : `${blockName}${n}栋`;
    return {
      ...b,
      id: placed.id,
      code: placed.code,
      name,
      geometry: { type: 'Polygon', coordinates: b.ringsXY.map((r) => ringToLonLat(r)) },
      streetCode: placed.streetCode,
      communityCode: placed.communityCode,
      gridCode: placed.gridCode,
      unitCode: placed.streetCode
        ? unitFor('street_office', placed.streetCode)
        : unitFor('housing_bureau', b.districtCode),
    };
  });

  const finish = <T extends { districtCode: string; kind: Asset['kind'] }>(
    draft: T,
    at: XY,
    unitCode: string,
  ): T & Omit<AssetBase, 'name' | 'geometry' | 'districtCode'> => {
    const placed = place(draft, at, draft.kind);
    const { communityName: _, ...rest } = placed;
    const { anchor: __, ...clean } = draft as T & { anchor?: XY };
    return { ...(clean as T), ...rest, unitCode };
  };

  const siteAssets = siteDrafts.map((s) => {
    const { siteRing: _, pitRing: __, ...site } = s;
    const asset = finish(site, s.anchor, unitFor('housing_bureau', s.districtCode));
    return { asset, siteRing: s.siteRing, pitRing: s.pitRing };
  });
  const slopeAssets = slopeDrafts.map((s) => {
    const { ring: _, ...slope } = s;
    return { asset: finish(slope, s.anchor, unitFor('slope_management', s.districtCode)), ring: s.ring };
  });

  const circuits = new Map<string, { code: string; lamps: Asset[]; at: XY; districtCode: string }>();
  const rest: Asset[] = others.map((o) => {
    const anchor = o.anchor;
    if (o.kind === 'street_lamp') {
      const { circuitKey, ...lamp } = o;
      let circuit = circuits.get(circuitKey);
      if (!circuit) {
        const n = circuits.size + 1;
        circuit = {
          code: `HL-${o.districtCode}-${String(n).padStart(5, '0')}`,
          lamps: [],
          at: anchor,
          districtCode: o.districtCode,
        };
        circuits.set(circuitKey, circuit);
      }
      const asset = finish(
        { ...lamp, circuitCode: circuit.code, cabinetCode: circuit.code.replace('HL-', 'XB-') },
        anchor,
        unitFor('lighting', o.districtCode),
      ) as Asset;
      circuit.lamps.push(asset);
      return asset;
    }
    const unit = o.kind === 'gas_pipeline' ? 'U-440300-GAS_UTILITY' : unitFor('drainage', o.districtCode);
    return finish(o as never, anchor, unit) as Asset;
  });

  const assets: Asset[] = [
    ...buildings,
    ...(siteAssets.map((s) => s.asset) as Asset[]),
    ...(slopeAssets.map((s) => s.asset) as Asset[]),
    ...rest,
  ];

  // Devices.
  const devrng = rng.fork('devices');
  const drafts: DeviceDraft[] = [];
  const installed = (min: number, max: number) =>
    new Date(nowMs - devrng.int(min, max) * 86_400_000).toISOString().slice(0, 10);
  const add = (d: Omit<DeviceDraft, 'behaviour' | 'installedOn'>, silentShare?: number): void => {
    drafts.push({ ...d, behaviour: behaviour(devrng, nowMs, silentShare), installedOn: installed(20, 600) });
  };

  for (const { asset, siteRing, pitRing } of siteAssets) {
    if (pitRing) {
      aroundRing(pitRing, devrng.int(4, 10)).forEach((at, i) =>
        add({
          type: 'pit_monitor',
          assetId: asset.id,
          districtCode: asset.districtCode,
          name: `基坑监测点 JC-${i + 1}`,
          at,
        }),
      );
    }
    if (asset.stage !== 'earthwork') {
      const n = devrng.int(1, 3);
      aroundRing(pitRing ?? siteRing, n * 2)
        .filter((_, i) => i % 2 === 0)
        .forEach((at, i) =>
          add({
            type: 'crane_monitor',
            assetId: asset.id,
            districtCode: asset.districtCode,
            name: `${i + 1}号塔吊`,
            at,
          }),
        );
    }
    const corners = aroundRing(siteRing, 4);
    add(
      {
        type: 'dust_monitor',
        assetId: asset.id,
        districtCode: asset.districtCode,
        name: '扬尘监测仪',
        at: corners[0]!,
      },
      0.03,
    );
    for (let i = 0; i < devrng.int(2, 4); i++) {
      add(
        {
          type: 'camera',
          assetId: asset.id,
          districtCode: asset.districtCode,
          name: `${i + 1}号摄像头`,
          at: corners[(i + 1) % 4]!,
        },
        0.05,
      );
    }
  }
  for (const { asset, ring } of slopeAssets) {
    aroundRing(ring, devrng.int(1, 4)).forEach((at, i) =>
      add({
        type: 'slope_sensor',
        assetId: asset.id,
        districtCode: asset.districtCode,
        name: `边坡监测站 ${i + 1}`,
        at,
      }),
    );
  }
  for (const circuit of circuits.values()) {
    const faulty = circuit.lamps.filter((l) => l.kind === 'street_lamp' && l.status === 'fault').length;
    add({
      type: 'lamp_controller',
      assetId: circuit.lamps[0]!.id,
      districtCode: circuit.districtCode,
      name: `${circuit.code} 集中控制器`,
      at: circuit.at,
    });
    const last = drafts[drafts.length - 1]!;
    last.behaviour.lamps = circuit.lamps.length;
    last.behaviour.faultyLamps = faulty;
  }
  const waterAnchors = others.filter((o) => o.kind === 'waterlogging_point').map((o) => o.anchor);
  rest
    .filter((a) => a.kind === 'waterlogging_point')
    .forEach((a, i) =>
      add({
        type: 'water_gauge',
        assetId: a.id,
        districtCode: a.districtCode,
        name: '积水监测仪',
        at: waterAnchors[i]!,
      }),
    );
  for (const b of buildings) {
    // 公共建筑能耗监测: public buildings and large (> 20,000 m²) office and commercial buildings, partly rolled out
    const large = (b.use === 'office' || b.use === 'commercial') && b.floorAreaM2 > 20_000;
    if ((b.use === 'public' || large) && devrng.chance(0.4)) {
      add({
        type: 'energy_meter',
        assetId: b.id,
        districtCode: b.districtCode,
        name: '能耗监测电表',
        at: b.ringsXY[0]![0]!,
      });
    }
  }

  const seqByDistrict = new Map<string, number>();
  const devices: Device[] = drafts.map((d, i) => {
    const seq = (seqByDistrict.get(d.districtCode) ?? 0) + 1;
    seqByDistrict.set(d.districtCode, seq);
    return {
      id: i + 1,
      code: `DV-${d.districtCode}-${String(seq).padStart(6, '0')}`,
      type: d.type,
      assetId: d.assetId,
      name: d.name,
      location: pointGeometry(d.at),
      vendor: vendorFor(devrng, d.type),
      installedOn: d.installedOn,
      districtCode: d.districtCode,
      behaviour: d.behaviour,
    };
  });

  return { seed, now, spec, areas, units, buildings, assets, devices };
}

/**
 * Profiles give each zone's share of buildings; a block of urban village holds far more buildings than a
 * block of towers, so blocks are drawn in proportion to share / buildings-per-block.
 */
function blockZoneWeights(shares: Partial<Record<Zone, number>>): Partial<Record<Zone, number>> {
  const typicalBlockM2 = 200 * 200;
  const out: Partial<Record<Zone, number>> = {};
  for (const [zone, share] of Object.entries(shares) as [Zone, number][]) {
    const spec = ZONES[zone];
    out[zone] = share / (typicalBlockM2 / (spec.pitch[0] * spec.pitch[1]));
  }
  return out;
}

/** Futian and Nanshan each get at least one 100+ floor landmark tower. */
function ensureLandmark(drafts: BuildingDraft[], districtCode: string, supertalls: boolean, rng: Rng): void {
  if (!supertalls) return;
  const mine = drafts.filter((b) => b.districtCode === districtCode);
  if (mine.length === 0 || mine.some((b) => b.floors >= 100)) return;
  const tallest = mine.reduce((t, b) => (b.floors > t.floors ? b : t));
  tallest.floors = rng.int(100, 118);
  tallest.use = 'office';
  tallest.structure = 'frame_core_tube';
  tallest.heightM = Math.round(tallest.floors * ZONES.office.storeyM);
  tallest.floorAreaM2 = tallest.footprintM2 * tallest.floors;
  tallest.selfBuilt = false;
  tallest.safetyGrade = 'A';
  tallest.hazards = [];
}

function makeUnits(rng: Rng, districts: GeneratedArea[], streets: GeneratedArea[]): ResponsibleUnit[] {
  const units: ResponsibleUnit[] = [];
  const add = (kind: ResponsibleUnit['kind'], areaCode: string, name: string) =>
    units.push({
      id: units.length + 1,
      code: `U-${areaCode}-${kind.toUpperCase()}`,
      name,
      kind,
      areaCode,
      phone: phone(rng),
    });
  add('gas_utility', '440300', '深圳市燃气集团股份有限公司');
  for (const d of districts) {
    add('housing_bureau', d.code, `${d.name}住房和建设局`);
    add('urban_management', d.code, `${d.name}城市管理和综合执法局`);
    add('lighting', d.code, `${d.name}路灯管理所`);
    add('drainage', d.code, `${d.name}排水管理公司`);
    add('slope_management', d.code, `${d.name}边坡地质灾害防治中心`);
  }
  for (const s of streets) add('street_office', s.code, `${s.name}办事处`);
  return units;
}
