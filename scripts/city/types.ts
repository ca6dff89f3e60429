// The records the generator produces and the loader writes. Geometry is GeoJSON in lon/lat (EPSG:4326).
import type { Geometry, LineString, Point, Polygon } from 'geojson';
import type { Zone } from './profiles.ts';
import type { Ring } from './projection.ts';

export type AssetKind =
  | 'building'
  | 'construction_site'
  | 'slope'
  | 'street_lamp'
  | 'waterlogging_point'
  | 'gas_pipeline';

export interface AssetBase {
  id: number;
  code: string;
  name: string;
  geometry: Geometry;
  districtCode: string;
  streetCode: string | null;
  communityCode: string | null;
  gridCode: string | null;
  unitCode: string | null;
}

export type SafetyGrade = 'A' | 'B' | 'C' | 'D';

export interface Building extends AssetBase {
  kind: 'building';
  geometry: Polygon;
  blockId: number;
  zone: Zone;
  /** Metric-plane footprint: outer ring first, then holes (courtyards). */
  ringsXY: Ring[];
  floors: number;
  heightM: number;
  use: 'residential' | 'mixed' | 'commercial' | 'office' | 'industrial' | 'public';
  structure: 'brick_wood' | 'brick_concrete' | 'frame' | 'shear_wall' | 'frame_core_tube' | 'steel';
  yearBuilt: number;
  selfBuilt: boolean;
  safetyGrade: SafetyGrade;
  footprintM2: number;
  floorAreaM2: number;
  lastInspectedOn: string | null;
  hazards: string[];
}

export interface ConstructionSite extends AssetBase {
  kind: 'construction_site';
  geometry: Polygon;
  projectName: string;
  builder: string;
  contractor: string;
  supervisor: string;
  monitor: string;
  stage: 'earthwork' | 'foundation' | 'main_structure' | 'finishing';
  dangerousWorks: string[];
  pitDepthM: number | null;
  pitOutline: Polygon | null;
  startedOn: string;
  plannedCompletion: string;
}

export interface Slope extends AssetBase {
  kind: 'slope';
  geometry: Polygon;
  riskGrade: 'low' | 'medium' | 'high';
  slopeType: 'natural' | 'cut' | 'fill';
  heightM: number;
  gradientDeg: number;
  hazardBufferM: number;
  protection: string;
}

export interface StreetLamp extends AssetBase {
  kind: 'street_lamp';
  geometry: Point;
  circuitCode: string;
  cabinetCode: string;
  roadName: string;
  roadClass: 'trunk' | 'secondary' | 'branch';
  lampType: 'LED' | 'HPS';
  powerW: number;
  poleHeightM: number;
  status: 'on' | 'off' | 'fault';
}

export interface WaterloggingPoint extends AssetBase {
  kind: 'waterlogging_point';
  geometry: Point;
  roadName: string;
  blueCm: number;
  yellowCm: number;
  orangeCm: number;
  redCm: number;
  historyMaxCm: number;
}

export interface GasPipeline extends AssetBase {
  kind: 'gas_pipeline';
  geometry: LineString;
  pressureClass: 'low' | 'medium' | 'sub_high' | 'high';
  diameterMm: number;
  material: 'PE' | 'steel' | 'ductile_iron';
  operator: string;
  buriedDepthM: number;
  builtYear: number;
  lengthM: number;
}

export type Asset = Building | ConstructionSite | Slope | StreetLamp | WaterloggingPoint | GasPipeline;

export type DeviceType =
  | 'pit_monitor'
  | 'crane_monitor'
  | 'dust_monitor'
  | 'camera'
  | 'slope_sensor'
  | 'lamp_controller'
  | 'water_gauge'
  | 'energy_meter';

/** How a device's history is simulated; not stored. */
export interface DeviceBehaviour {
  /** 0..1 scale of how eventful the device is (e.g. a pit heading for its alarm value). */
  intensity: number;
  /** A per-device constant (baseline, susceptibility, load). */
  base: number;
  /** Epoch ms after which the device falls silent (a fault), or null. */
  silentFromMs: number | null;
  /** For lamp controllers: lamps on the circuit. */
  lamps?: number;
  /** For lamp controllers: lamps already faulty. */
  faultyLamps?: number;
}

export interface Device {
  id: number;
  code: string;
  type: DeviceType;
  assetId: number;
  name: string;
  location: Point;
  vendor: string;
  installedOn: string;
  districtCode: string;
  behaviour: DeviceBehaviour;
}

export interface ResponsibleUnit {
  id: number;
  code: string;
  name: string;
  kind:
    | 'housing_bureau'
    | 'urban_management'
    | 'street_office'
    | 'lighting'
    | 'drainage'
    | 'gas_utility'
    | 'slope_management';
  areaCode: string;
  phone: string;
}
