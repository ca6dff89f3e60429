// Which band a waterlogging point's water level falls in, from the point's own thresholds.

import type { WaterloggingProps } from '../../data/layers.ts';
import type { Severity } from '../types.ts';
import { SEVERITY_CSS, WATER_NO_DATA_CSS, WATER_NORMAL_CSS } from './palette.ts';

/** 'none': no reading yet; 'normal': below the blue threshold; else the highest threshold reached. */
export type WaterBand = 'none' | 'normal' | Severity;

type Thresholds = Pick<WaterloggingProps, 'blueCm' | 'yellowCm' | 'orangeCm' | 'redCm'>;

export function waterBand(levelCm: number | null, t: Thresholds): WaterBand {
  if (levelCm === null || !Number.isFinite(levelCm)) return 'none';
  if (levelCm >= t.redCm) return 'RED';
  if (levelCm >= t.orangeCm) return 'ORANGE';
  if (levelCm >= t.yellowCm) return 'YELLOW';
  if (levelCm >= t.blueCm) return 'BLUE';
  return 'normal';
}

export function waterBandCss(band: WaterBand): string {
  if (band === 'none') return WATER_NO_DATA_CSS;
  if (band === 'normal') return WATER_NORMAL_CSS;
  return SEVERITY_CSS[band];
}

/** The label under a point: whole centimetres, empty without a reading. */
export function waterLevelText(levelCm: number | null): string {
  return levelCm === null || !Number.isFinite(levelCm) ? '' : `${Math.round(levelCm)} cm`;
}
