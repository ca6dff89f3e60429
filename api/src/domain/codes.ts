// The shared vocabulary of the domain: the codes every layer speaks (asset kinds, device types, alert
// severities, case states, actions, sources and urgencies, area levels). Imports nothing, so the store, the
// services, GraphQL, the tiles and the scripts can all depend on it without depending on each other.
// Their words for people are in ./words.ts.

export const ASSET_KINDS = [
  'building',
  'construction_site',
  'slope',
  'street_lamp',
  'waterlogging_point',
  'gas_pipeline',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** The device_type enum, in its declared order. */
export const DEVICE_TYPES = [
  'pit_monitor',
  'crane_monitor',
  'dust_monitor',
  'camera',
  'slope_sensor',
  'lamp_controller',
  'water_gauge',
  'energy_meter',
] as const;

export const AREA_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

// Alert severities, lowest first: 蓝 blue < 黄 yellow < 橙 orange < 红 red.
export const SEVERITIES = ['blue', 'yellow', 'orange', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export const isSeverity = (value: unknown): value is Severity =>
  typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);

export function worst(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function least(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

export const CASE_STATES = [
  'reported',
  'accepted',
  'rejected',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'verified',
  'closed',
  'suspended',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const TERMINAL_STATES: readonly CaseState[] = ['rejected', 'closed'];

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'register',
  'dispatch',
  'start',
  'report_handled',
  'verify_pass',
  'verify_fail',
  'close',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'suspend',
  'resume',
  'supervise',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_SOURCES = ['alert', 'citizen', 'patrol', 'hotline', 'open311'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
