// Message keys for the codes the server sends: severities, device types, asset kinds and the grade or status
// an asset row carries (safety grade, slope risk, lamp status, site stage, gas pressure class).
import type { MessageKey } from '../../i18n/messages.ts';
import type { AssetKindName } from '../contract.ts';

/** Least severe first (the stacking order, bottom up). */
export const SEVERITIES = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  BLUE: '#3b82f6',
  YELLOW: '#eab308',
  ORANGE: '#f97316',
  RED: '#dc2626',
};

export function isSeverity(value: string | null | undefined): value is Severity {
  return value !== null && value !== undefined && (SEVERITIES as readonly string[]).includes(value);
}

export const DEVICE_TYPES = [
  'CAMERA',
  'CRANE_MONITOR',
  'DUST_MONITOR',
  'ENERGY_METER',
  'LAMP_CONTROLLER',
  'PIT_MONITOR',
  'SLOPE_SENSOR',
  'WATER_GAUGE',
] as const;
type DeviceType = (typeof DEVICE_TYPES)[number];

/** The name of a DeviceType; null for one this build does not know (show the code). */
export function deviceTypeKey(type: string): MessageKey | null {
  return (DEVICE_TYPES as readonly string[]).includes(type) ? `apDevice_${type as DeviceType}` : null;
}

export function assetKindKey(kind: AssetKindName): MessageKey {
  return `assetKind_${kind.toLowerCase() as Lowercase<AssetKindName>}`;
}

const GRADE_KEYS: Partial<Record<AssetKindName, Readonly<Record<string, MessageKey>>>> = {
  BUILDING: { A: 'apGrade_A', B: 'apGrade_B', C: 'apGrade_C', D: 'apGrade_D' },
  SLOPE: { HIGH: 'apRisk_HIGH', MEDIUM: 'apRisk_MEDIUM', LOW: 'apRisk_LOW' },
  STREET_LAMP: { ON: 'apLamp_ON', OFF: 'apLamp_OFF', FAULT: 'apLamp_FAULT' },
  CONSTRUCTION_SITE: {
    EARTHWORK: 'apStage_EARTHWORK',
    FOUNDATION: 'apStage_FOUNDATION',
    MAIN_STRUCTURE: 'apStage_MAIN_STRUCTURE',
    FINISHING: 'apStage_FINISHING',
  },
  GAS_PIPELINE: {
    LOW: 'apPressure_LOW',
    MEDIUM: 'apPressure_MEDIUM',
    SUB_HIGH: 'apPressure_SUB_HIGH',
    HIGH: 'apPressure_HIGH',
  },
};

/** The name of an asset row's grade or status (upper or lower case); null when unknown (show it as sent). */
export function gradeKey(kind: AssetKindName, grade: string): MessageKey | null {
  return GRADE_KEYS[kind]?.[grade.toUpperCase()] ?? null;
}
