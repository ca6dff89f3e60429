// Message keys for the codes the server sends: severities, device types, asset kinds and the grade or status
// an asset row carries (safety grade, slope risk, lamp status, site stage, gas pressure class).

import { DEVICE_TYPES } from '../../data/codes.ts';
import type { AlertSeverity, AssetKind, DeviceType } from '../../data/generated/graphql.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export const SEVERITY_COLOURS: Readonly<Record<AlertSeverity, string>> = {
  BLUE: '#3b82f6',
  YELLOW: '#eab308',
  ORANGE: '#f97316',
  RED: '#dc2626',
};

/** The name of a DeviceType; null for one this build does not know (show the code). */
export function deviceTypeKey(type: string): MessageKey | null {
  return (DEVICE_TYPES as readonly string[]).includes(type) ? `apDevice_${type as DeviceType}` : null;
}

export function assetKindKey(kind: AssetKind): MessageKey {
  return `assetKind_${kind.toLowerCase() as Lowercase<AssetKind>}`;
}

const GRADE_KEYS: Partial<Record<AssetKind, Readonly<Record<string, MessageKey>>>> = {
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
export function gradeKey(kind: AssetKind, grade: string): MessageKey | null {
  return GRADE_KEYS[kind]?.[grade.toUpperCase()] ?? null;
}
