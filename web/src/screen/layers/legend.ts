// What each layer's legend shows: a swatch (colour and shape) and a message key per entry.
import { SAFETY_GRADES, SEVERITIES } from '../../data/codes.ts';
import type { LAYER_MESSAGES } from '../../i18n/layer-messages.ts';
import type { BuildingColouring, LayerId } from '../types.ts';
import {
  CRANE_OFFLINE_CSS,
  CRANE_ONLINE_CSS,
  LAMP_STATUS_CSS,
  NEUTRAL_BUILDING_CSS,
  PIPELINE_PRESSURE_CSS,
  PIT_CSS,
  SAFETY_GRADE_CSS,
  SELF_BUILT_CSS,
  SEVERITY_CSS,
  SITE_STAGE_CSS,
  SLOPE_RISK_CSS,
  WATER_NO_DATA_CSS,
  WATER_NORMAL_CSS,
} from './palette.ts';

export type LayerMessageKey = keyof (typeof LAYER_MESSAGES)['zh-CN'];

export interface LegendEntry {
  css: string;
  /** fill: an area; line: a line; dot: a point; ring: a pulsing marker; none: a note without a swatch. */
  shape: 'fill' | 'line' | 'dot' | 'ring' | 'none';
  label: LayerMessageKey;
}

export const BUILDING_COLOURINGS: readonly BuildingColouring[] = [
  'safety_grade',
  'self_built',
  'alert_state',
];

const severities = (shape: LegendEntry['shape'], prefix: 'layerSeverity_' | 'layerWater_') =>
  [...SEVERITIES]
    .reverse()
    .map((s): LegendEntry => ({ css: SEVERITY_CSS[s], shape, label: `${prefix}${s}` }));

function buildingLegend(colouring: BuildingColouring): LegendEntry[] {
  switch (colouring) {
    case 'safety_grade':
      return SAFETY_GRADES.map((g) => ({
        css: SAFETY_GRADE_CSS[g],
        shape: 'fill',
        label: `layerGrade_${g}`,
      }));
    case 'self_built':
      return [
        { css: SELF_BUILT_CSS, shape: 'fill', label: 'layerSelfBuilt' },
        { css: NEUTRAL_BUILDING_CSS, shape: 'fill', label: 'layerOtherBuilding' },
      ];
    case 'alert_state':
      return [
        ...severities('fill', 'layerSeverity_'),
        { css: NEUTRAL_BUILDING_CSS, shape: 'fill', label: 'layerNoAlert' },
      ];
  }
}

/** The legend of one layer (buildings: of the chosen colouring). */
export function legendFor(id: LayerId, colouring: BuildingColouring): LegendEntry[] {
  switch (id) {
    case 'buildings':
      return buildingLegend(colouring);
    case 'construction_site':
      return [
        ...(['earthwork', 'foundation', 'main_structure', 'finishing'] as const).map(
          (s): LegendEntry => ({ css: SITE_STAGE_CSS[s], shape: 'fill', label: `layerStage_${s}` }),
        ),
        { css: PIT_CSS, shape: 'fill', label: 'layerPit' },
        { css: SEVERITY_CSS.RED, shape: 'line', label: 'layerSiteAlert' },
        { css: CRANE_ONLINE_CSS, shape: 'dot', label: 'layerCraneOnline' },
        { css: CRANE_OFFLINE_CSS, shape: 'dot', label: 'layerCraneOffline' },
      ];
    case 'slope':
      return (['high', 'medium', 'low'] as const).map((r) => ({
        css: SLOPE_RISK_CSS[r],
        shape: 'fill',
        label: `layerRisk_${r}`,
      }));
    case 'street_lamp':
      return (['on', 'off', 'fault'] as const).map((s) => ({
        css: LAMP_STATUS_CSS[s],
        shape: 'dot',
        label: `layerLamp_${s}`,
      }));
    case 'waterlogging_point':
      return [
        ...severities('dot', 'layerWater_'),
        { css: WATER_NORMAL_CSS, shape: 'dot', label: 'layerWater_normal' },
        { css: WATER_NO_DATA_CSS, shape: 'dot', label: 'layerWater_none' },
        { css: '', shape: 'none', label: 'layerWaterLabel' },
      ];
    case 'gas_pipeline':
      return (['high', 'sub_high', 'medium', 'low'] as const).map((p) => ({
        css: PIPELINE_PRESSURE_CSS[p],
        shape: 'line',
        label: `layerPressure_${p}`,
      }));
    case 'alerts':
      return [
        ...severities('ring', 'layerSeverity_'),
        { css: SEVERITY_CSS.RED, shape: 'ring', label: 'layerAlertUnacked' },
        { css: SEVERITY_CSS.RED, shape: 'dot', label: 'layerAlertAcked' },
        { css: '', shape: 'none', label: 'layerAreaTint' },
      ];
  }
}
