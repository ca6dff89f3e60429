// Slopes draped translucent on the ground, coloured by risk grade: one merged Primitive.
import { Color } from 'cesium';
import type { LayerGeoJson } from '../../data/layers.ts';
import type { Selection } from '../types.ts';
import { HEIGHT, polygonsOf } from './geo.ts';
import { flatPolygons, polygonInstance } from './geometry.ts';
import { SLOPE_ALPHA, SLOPE_RISK_CSS } from './palette.ts';
import { useDrawn } from './useDrawn.ts';
import { useLayerData } from './useLayerData.ts';

const RISK_COLOR = {
  high: Color.fromCssColorString(SLOPE_RISK_CSS.high).withAlpha(SLOPE_ALPHA),
  medium: Color.fromCssColorString(SLOPE_RISK_CSS.medium).withAlpha(SLOPE_ALPHA),
  low: Color.fromCssColorString(SLOPE_RISK_CSS.low).withAlpha(SLOPE_ALPHA),
};

function drawSlopes(slopes: LayerGeoJson['slope']) {
  const instances = slopes.features.flatMap((f) => {
    const id: Selection = { type: 'asset', code: f.properties.code };
    const color = RISK_COLOR[f.properties.riskGrade] ?? RISK_COLOR.low;
    return polygonsOf(f.geometry).map((rings) => polygonInstance(rings, HEIGHT.slope, color, id));
  });
  return [flatPolygons(instances)];
}

export interface SlopesLayerProps {
  visible: boolean;
  onReady?: () => void;
  /** Changing it refetches the slopes. */
  refreshKey?: number;
}

export function SlopesLayer({ visible, onReady, refreshKey = 0 }: SlopesLayerProps) {
  const slopes = useLayerData('slope', refreshKey);
  useDrawn(slopes, drawSlopes, visible, onReady);
  return null;
}
