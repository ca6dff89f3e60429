// Gas pipelines as one PolylineCollection, coloured and widened by pressure class.
import { Cartesian3, Color, Material, PolylineCollection } from 'cesium';
import type { LayerGeoJson, PressureClass } from '../../data/layers.ts';
import type { Selection } from '../types.ts';
import { groupBy, HEIGHT, linesOf, ringDegreesHeights } from './geo.ts';
import { PIPELINE_PRESSURE_CSS, PIPELINE_WIDTH } from './palette.ts';
import { useDrawn } from './useDrawn.ts';
import { useLayerData } from './useLayerData.ts';

const ORDER: readonly PressureClass[] = ['low', 'medium', 'sub_high', 'high'];

function drawPipelines(pipelines: LayerGeoJson['gas_pipeline']) {
  const lines = new PolylineCollection();
  // Same-coloured lines added together share one draw command; higher pressure is drawn last, on top.
  const byClass = groupBy(pipelines.features, (f) =>
    ORDER.includes(f.properties.pressureClass) ? f.properties.pressureClass : 'low',
  );
  for (const pressure of ORDER) {
    const color = Color.fromCssColorString(PIPELINE_PRESSURE_CSS[pressure]);
    for (const f of byClass.get(pressure) ?? []) {
      const id: Selection = { type: 'asset', code: f.properties.code };
      for (const line of linesOf(f.geometry)) {
        lines.add({
          positions: Cartesian3.fromDegreesArrayHeights(ringDegreesHeights(line, HEIGHT.pipeline)),
          width: PIPELINE_WIDTH[pressure],
          // One material per line: a polyline destroys its own material with the collection.
          material: Material.fromType('Color', { color }),
          id,
        });
      }
    }
  }
  return [lines];
}

export interface PipelinesLayerProps {
  visible: boolean;
  onReady?: () => void;
  /** Changing it refetches the pipelines. */
  refreshKey?: number;
}

export function PipelinesLayer({ visible, onReady, refreshKey = 0 }: PipelinesLayerProps) {
  const pipelines = useLayerData('gas_pipeline', refreshKey);
  useDrawn(pipelines, drawPipelines, visible, onReady);
  return null;
}
