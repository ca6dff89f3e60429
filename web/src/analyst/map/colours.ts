// Map colours as deck.gl RGBA arrays, and the legend entries that explain them. Pure.
import { SAFETY_GRADES, SEVERITIES } from '../../data/codes.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { MapLayerId } from '../contract.ts';

export type Rgba = [number, number, number, number];

export const BACKGROUND = '#0b1526';
export const AREA_FILL: Rgba = [170, 190, 220, 34];
export const AREA_LINE: Rgba = [190, 210, 240, 170];
export const STUDY_AREA_FILL: Rgba = [56, 225, 255, 36];
export const STUDY_AREA_LINE: Rgba = [56, 225, 255, 255];
export const DRAW_COLOUR: Rgba = [255, 214, 10, 255];
export const SELECTED_COLOUR: Rgba = [0, 255, 255, 255];
const FALLBACK: Rgba = [150, 160, 175, 200];

export const SEVERITY: Readonly<Record<string, Rgba>> = {
  BLUE: [59, 130, 246, 235],
  YELLOW: [234, 179, 8, 235],
  ORANGE: [249, 115, 22, 235],
  RED: [239, 68, 68, 235],
};
const GRADE: Readonly<Record<string, Rgba>> = {
  A: [53, 196, 138, 200],
  B: [163, 201, 58, 200],
  C: [245, 179, 66, 210],
  D: [255, 93, 93, 220],
};
const STAGE: Readonly<Record<string, Rgba>> = {
  earthwork: [176, 137, 104, 170],
  foundation: [245, 158, 11, 170],
  main_structure: [56, 189, 248, 170],
  finishing: [167, 139, 250, 170],
};
const RISK: Readonly<Record<string, Rgba>> = {
  low: [132, 204, 22, 160],
  medium: [245, 158, 11, 180],
  high: [239, 68, 68, 200],
};
const LAMP: Readonly<Record<string, Rgba>> = {
  on: [253, 224, 71, 230],
  off: [100, 116, 139, 230],
  fault: [239, 68, 68, 240],
};
const PRESSURE: Readonly<Record<string, Rgba>> = {
  low: [34, 197, 94, 230],
  medium: [234, 179, 8, 230],
  sub_high: [249, 115, 22, 230],
  high: [239, 68, 68, 240],
};
const WATERLOGGING: Rgba = [34, 211, 238, 230];

type Props = Record<string, unknown> | null | undefined;
const pick = (table: Readonly<Record<string, Rgba>>, value: unknown): Rgba =>
  (typeof value === 'string' ? table[value] : undefined) ?? FALLBACK;

/** A tile feature's colour, by layer. */
export function featureColour(layer: MapLayerId, p: Props): Rgba {
  switch (layer) {
    case 'buildings':
      return pick(GRADE, p?.safetyGrade);
    case 'sites':
      return pick(STAGE, p?.stage);
    case 'slopes':
      return pick(RISK, p?.riskGrade);
    case 'lamps':
      return pick(LAMP, p?.status);
    case 'waterlogging':
      return WATERLOGGING;
    case 'pipelines':
      return pick(PRESSURE, p?.pressureClass);
    case 'alerts':
      return pick(SEVERITY, p?.severity);
    default:
      return AREA_FILL;
  }
}

const DENSITY_LOW: Rgba = [254, 240, 138, 150];
const DENSITY_HIGH: Rgba = [220, 38, 38, 220];

/** Pale yellow (one alert) to red (the busiest cell), on a square-root scale so sparse cells still show. */
export function densityColour(count: number, max: number): Rgba {
  const t = max <= 1 ? 1 : Math.sqrt(Math.max(0, count - 1) / (max - 1));
  const k = Math.min(1, Math.max(0, t));
  return DENSITY_LOW.map((lo, i) => Math.round(lo + (DENSITY_HIGH[i]! - lo) * k)) as Rgba;
}

export const cssColour = ([r, g, b, a]: Rgba) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;

export interface LegendEntry {
  colour: Rgba;
  label: MessageKey;
}

/** What each layer's colours mean (the density layer's scale is drawn separately). */
export const LEGEND: Readonly<Partial<Record<MapLayerId, readonly LegendEntry[]>>> = {
  areas: [{ colour: AREA_LINE, label: 'amLayer_areas' }],
  buildings: SAFETY_GRADES.map((g) => ({
    colour: GRADE[g]!,
    label: `layerGrade_${g}` as const,
  })),
  sites: (['earthwork', 'foundation', 'main_structure', 'finishing'] as const).map((s) => ({
    colour: STAGE[s]!,
    label: `layerStage_${s}` as const,
  })),
  slopes: (['high', 'medium', 'low'] as const).map((r) => ({
    colour: RISK[r]!,
    label: `layerRisk_${r}` as const,
  })),
  lamps: (['on', 'off', 'fault'] as const).map((s) => ({
    colour: LAMP[s]!,
    label: `layerLamp_${s}` as const,
  })),
  waterlogging: [{ colour: WATERLOGGING, label: 'amLayer_waterlogging' }],
  pipelines: (['low', 'medium', 'sub_high', 'high'] as const).map((c) => ({
    colour: PRESSURE[c]!,
    label: `layerPressure_${c}` as const,
  })),
  alerts: [...SEVERITIES].reverse().map((s) => ({
    colour: SEVERITY[s]!,
    label: `layerSeverity_${s}` as const,
  })),
};
