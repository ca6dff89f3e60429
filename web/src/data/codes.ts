// The schema's enums as lists, in the order people read them (the generated types list them alphabetically).
// Each list is checked against its generated type: a value the schema adds fails `tsc` until it is placed.
import type {
  AlertSeverity,
  AssetKind,
  CaseSource,
  CaseState,
  DeviceType,
  SafetyGrade,
} from './generated/graphql.ts';

/** `list`, checked at compile time to name every value of T. */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ) =>
    list as L;

/** Least severe first. */
export const SEVERITIES = every<AlertSeverity>()(['BLUE', 'YELLOW', 'ORANGE', 'RED']);

export const isSeverity = (value: string | null | undefined): value is AlertSeverity =>
  (SEVERITIES as readonly (string | null | undefined)[]).includes(value);

/** A case's life, first to last. */
export const CASE_STATES = every<CaseState>()([
  'REPORTED',
  'ACCEPTED',
  'REGISTERED',
  'DISPATCHED',
  'HANDLING',
  'HANDLED',
  'VERIFIED',
  'CLOSED',
  'REJECTED',
  'SUSPENDED',
]);
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter(
  (s) => s !== 'CLOSED' && s !== 'REJECTED',
);

export const CASE_SOURCES = every<CaseSource>()(['ALERT', 'CITIZEN', 'HOTLINE', 'PATROL', 'OPEN311']);

export const ASSET_KINDS = every<AssetKind>()([
  'BUILDING',
  'CONSTRUCTION_SITE',
  'SLOPE',
  'STREET_LAMP',
  'WATERLOGGING_POINT',
  'GAS_PIPELINE',
]);

/** A building's safety grade, best first. */
export const SAFETY_GRADES = every<SafetyGrade>()(['A', 'B', 'C', 'D']);

export const DEVICE_TYPES = every<DeviceType>()([
  'CAMERA',
  'CRANE_MONITOR',
  'DUST_MONITOR',
  'ENERGY_METER',
  'LAMP_CONTROLLER',
  'PIT_MONITOR',
  'SLOPE_SENSOR',
  'WATER_GAUGE',
]);
