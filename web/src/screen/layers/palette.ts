// Every map layer's colours in one place, shared by the drawing code, the legend and the buildings tileset.

import type { LampStatus, PressureClass, RiskGrade, SiteStage } from '../../data/layers.ts';
import { SEVERITY_CSS, type Severity } from '../types.ts';

export type SafetyGrade = 'A' | 'B' | 'C' | 'D';

/** Buildings by safety grade: A safe (green) … D dangerous (red). */
export const SAFETY_GRADE_CSS: Readonly<Record<SafetyGrade, string>> = {
  A: '#2fcf7a',
  B: '#b5d936',
  C: '#ffa928',
  D: '#ff3b3b',
};
/** Self-built houses stand out in orange … */
export const SELF_BUILT_CSS = '#ff8f3a';
/** … against every other building (also the colour of buildings without an alert or a grade). */
export const NEUTRAL_BUILDING_CSS = '#8a9bb4';

/** Buildings by alert state: their worst active alert's colour, else neutral. */
export function buildingAlertCss(severity: Severity | null): string {
  return severity ? SEVERITY_CSS[severity] : NEUTRAL_BUILDING_CSS;
}

/** Construction sites: outline and (translucent) fill by stage. */
export const SITE_STAGE_CSS: Readonly<Record<SiteStage, string>> = {
  earthwork: '#c98a4b',
  foundation: '#e0c040',
  main_structure: '#3fa9ff',
  finishing: '#47d6a0',
};
export const SITE_FILL_ALPHA = 0.22;
/** Deep foundation pits: dark and translucent. */
export const PIT_CSS = '#05080f';
export const PIT_ALPHA = 0.7;
/** Tower cranes: online monitors bright yellow, offline ones grey (an alert overrides with its colour). */
export const CRANE_ONLINE_CSS = '#ffe14d';
export const CRANE_OFFLINE_CSS = '#7c8797';

/** Slopes by risk grade, draped translucent. */
export const SLOPE_RISK_CSS: Readonly<Record<RiskGrade, string>> = {
  high: '#ff3b3b',
  medium: '#ff9a2e',
  low: '#b6e05a',
};
export const SLOPE_ALPHA = 0.45;

/** Street lamps by status. */
export const LAMP_STATUS_CSS: Readonly<Record<LampStatus, string>> = {
  on: '#ffd36b',
  off: '#6b7687',
  fault: '#ff3040',
};

/** Waterlogging points: below the blue threshold, no reading, or the severity band the level is in. */
export const WATER_NORMAL_CSS = '#38e1ff';
export const WATER_NO_DATA_CSS = '#7c8797';

/** Gas pipelines by pressure class (higher pressure: hotter colour, wider line). */
export const PIPELINE_PRESSURE_CSS: Readonly<Record<PressureClass, string>> = {
  low: '#4cc3ff',
  medium: '#9b7bff',
  sub_high: '#ff7ad9',
  high: '#ff4d4d',
};
export const PIPELINE_WIDTH: Readonly<Record<PressureClass, number>> = {
  low: 1.5,
  medium: 2,
  sub_high: 2.5,
  high: 3,
};

/** District tint when zoomed out: the worst severity's colour at this alpha. */
export const AREA_TINT_ALPHA = 0.3;

export { SEVERITY_CSS };
