// Street lamps (thousands to tens of thousands) as one PointPrimitiveCollection coloured by status.
import { Cartesian3, Color, NearFarScalar, PointPrimitiveCollection } from 'cesium';
import type { LampStatus, LayerGeoJson } from '../../data/layers.ts';
import type { Selection } from '../types.ts';
import { HEIGHT } from './geo.ts';
import { LAMP_STATUS_CSS } from './palette.ts';
import { useDrawn } from './useDrawn.ts';
import { useLayerData } from './useLayerData.ts';

const STYLE: Readonly<Record<LampStatus, { color: Color; pixelSize: number }>> = {
  on: { color: Color.fromCssColorString(LAMP_STATUS_CSS.on), pixelSize: 4 },
  off: { color: Color.fromCssColorString(LAMP_STATUS_CSS.off), pixelSize: 4 },
  fault: { color: Color.fromCssColorString(LAMP_STATUS_CSS.fault), pixelSize: 6 },
};
/** Points shrink when zoomed out; working lamps also fade so faults stay readable over the whole city. */
const SCALE = new NearFarScalar(2_000, 1.5, 60_000, 0.6);
const FADE = new NearFarScalar(15_000, 1, 80_000, 0.3);
const FAULT_OUTLINE = Color.fromCssColorString('#000000').withAlpha(0.6);

function drawLamps(lamps: LayerGeoJson['street_lamp']) {
  const points = new PointPrimitiveCollection();
  for (const f of lamps.features) {
    const c = f.geometry?.coordinates;
    if (!c) continue;
    const status = f.properties.status in STYLE ? f.properties.status : 'off';
    const fault = status === 'fault';
    const id: Selection = { type: 'asset', code: f.properties.code };
    points.add({
      position: Cartesian3.fromDegrees(c[0]!, c[1]!, HEIGHT.point),
      color: STYLE[status].color,
      pixelSize: STYLE[status].pixelSize,
      scaleByDistance: SCALE,
      ...(fault ? { outlineColor: FAULT_OUTLINE, outlineWidth: 1 } : { translucencyByDistance: FADE }),
      id,
    });
  }
  return [points];
}

export interface LampsLayerProps {
  visible: boolean;
  onReady?: () => void;
  /** Changing it refetches the lamps. */
  refreshKey?: number;
}

export function LampsLayer({ visible, onReady, refreshKey = 0 }: LampsLayerProps) {
  const lamps = useLayerData('street_lamp', refreshKey);
  useDrawn(lamps, drawLamps, visible, onReady);
  return null;
}
