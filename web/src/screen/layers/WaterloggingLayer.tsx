// Waterlogging points coloured by the band their live water level is in, each with a "NN cm" label;
// refetched every 30 s and on `refreshKey`, updated in place.
import {
  Cartesian2,
  Cartesian3,
  Color,
  DistanceDisplayCondition,
  type Label,
  LabelCollection,
  LabelStyle,
  NearFarScalar,
  type PointPrimitive,
  PointPrimitiveCollection,
  type Scene,
  VerticalOrigin,
} from 'cesium';
import { useEffect, useRef } from 'react';
import type { LayerFeature } from '../../data/layers.ts';
import type { Selection } from '../types.ts';
import { HEIGHT } from './geo.ts';
import { syncKeyed } from './keyed.ts';
import { useCollections } from './useCollections.ts';
import { useLayerData } from './useLayerData.ts';
import { waterBand, waterBandCss, waterLevelText } from './water-band.ts';

type Point = LayerFeature<'waterlogging_point'>;
interface Drawn {
  point: PointPrimitive;
  label: Label;
}

const REFRESH_MS = 30_000;
const SCALE = new NearFarScalar(2_000, 1.3, 80_000, 0.7);
/** Labels only where they are readable. */
const LABEL_RANGE = new DistanceDisplayCondition(0, 40_000);
const LABEL_OFFSET = new Cartesian2(0, -9);

function createCollections(scene: Scene) {
  return [new PointPrimitiveCollection(), new LabelCollection({ scene })] as const;
}

function place(f: Point): Cartesian3 | null {
  const c = f.geometry?.coordinates;
  return c ? Cartesian3.fromDegrees(c[0]!, c[1]!, HEIGHT.point) : null;
}

function style(drawn: Drawn, f: Point, position: Cartesian3) {
  const { levelCm } = f.properties;
  const band = waterBand(levelCm, f.properties);
  const text = waterLevelText(levelCm);
  drawn.point.position = position;
  drawn.point.color = Color.fromCssColorString(waterBandCss(band));
  drawn.point.pixelSize = band === 'none' || band === 'normal' ? 7 : 10;
  drawn.label.position = position;
  drawn.label.text = text;
  drawn.label.show = text !== '';
}

export interface WaterloggingLayerProps {
  visible: boolean;
  onReady?: () => void;
  /** Changing it refetches at once (the screen bumps it when an alert event arrives). */
  refreshKey?: number;
}

export function WaterloggingLayer({ visible, onReady, refreshKey = 0 }: WaterloggingLayerProps) {
  const data = useLayerData('waterlogging_point', refreshKey, REFRESH_MS);
  const { scene, collections } = useCollections(createCollections, visible);
  // What is drawn, by key, in which collections (new collections start empty).
  const drawnRef = useRef({ owner: null as unknown, map: new Map<string, Drawn>() });
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const readyRef = useRef(false);

  useEffect(() => {
    if (!scene || !collections || !data || scene.isDestroyed()) return;
    const [points, labels] = collections;
    const features = data.features.filter((f) => f.geometry?.coordinates);
    if (drawnRef.current.owner !== collections) drawnRef.current = { owner: collections, map: new Map() };
    syncKeyed(drawnRef.current.map, features, {
      key: (f) => f.properties.code,
      add: (f) => {
        const id: Selection = { type: 'asset', code: f.properties.code };
        const position = place(f)!;
        const drawn: Drawn = {
          point: points.add({
            position,
            outlineColor: Color.WHITE,
            outlineWidth: 1,
            scaleByDistance: SCALE,
            id,
          }),
          label: labels.add({
            position,
            font: '12px sans-serif',
            fillColor: Color.WHITE,
            outlineColor: Color.BLACK,
            outlineWidth: 3,
            style: LabelStyle.FILL_AND_OUTLINE,
            verticalOrigin: VerticalOrigin.BOTTOM,
            pixelOffset: LABEL_OFFSET,
            distanceDisplayCondition: LABEL_RANGE,
            id,
          }),
        };
        style(drawn, f, position);
        return drawn;
      },
      update: (drawn, f) => style(drawn, f, place(f)!),
      remove: (drawn) => {
        points.remove(drawn.point);
        labels.remove(drawn.label);
      },
    });
    scene.requestRender();
    if (!readyRef.current) {
      readyRef.current = true;
      onReadyRef.current?.();
    }
  }, [scene, collections, data]);
  return null;
}
