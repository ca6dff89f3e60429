// Active alerts as pulsing markers in their severity colour (unacknowledged ones larger and livelier),
// kept in one PointPrimitiveCollection and updated in place as the list changes.
import { Cartesian3, Color, type PointPrimitive, PointPrimitiveCollection } from 'cesium';
import { useEffect, useRef } from 'react';
import { LITE } from '../../globe/render-mode.ts';
import type { ActiveAlert, Selection } from '../types.ts';
import { HEIGHT } from './geo.ts';
import { syncKeyed } from './keyed.ts';
import { SEVERITY_CSS } from './palette.ts';
import { markerLook, pulseIntervalMs } from './pulse.ts';
import { useCollections } from './useCollections.ts';

interface Marker {
  halo: PointPrimitive;
  core: PointPrimitive;
  color: Color;
  acknowledged: boolean;
  lon: number;
  lat: number;
}

/** Markers stay visible in front of buildings. */
const ALWAYS = Number.POSITIVE_INFINITY;
const ACKED_OUTLINE = Color.fromCssColorString('#0a1628');
const scratch = new Color();

function createCollections() {
  return [new PointPrimitiveCollection()] as const;
}

function paint(m: Marker, nowMs: number) {
  const look = markerLook(nowMs, m.acknowledged);
  m.core.pixelSize = look.coreSize;
  m.halo.pixelSize = look.haloSize;
  m.halo.color = Color.clone(m.color, scratch).withAlpha(look.haloAlpha * 0.25, scratch);
  m.halo.outlineColor = Color.clone(m.color, scratch).withAlpha(look.haloAlpha, scratch);
}

function restyle(m: Marker, alert: ActiveAlert) {
  const [lon, lat] = alert.position;
  if (lon !== m.lon || lat !== m.lat) {
    const position = Cartesian3.fromDegrees(lon, lat, HEIGHT.point);
    m.core.position = position;
    m.halo.position = position;
    m.lon = lon;
    m.lat = lat;
  }
  m.color = Color.fromCssColorString(SEVERITY_CSS[alert.severity]);
  m.acknowledged = alert.acknowledged;
  m.core.color = m.color;
  m.core.outlineColor = alert.acknowledged ? ACKED_OUTLINE : Color.WHITE;
  m.core.outlineWidth = alert.acknowledged ? 1 : 2;
  paint(m, performance.now());
}

export interface AlertMarkersProps {
  alerts: readonly ActiveAlert[];
  visible: boolean;
}

export function AlertMarkers({ alerts, visible }: AlertMarkersProps) {
  const { scene, collections } = useCollections(createCollections, visible);
  // What is drawn, by key, in which collections (new collections start empty).
  const markersRef = useRef({ owner: null as unknown, map: new Map<string, Marker>() });

  useEffect(() => {
    if (!scene || !collections || scene.isDestroyed()) return;
    const [points] = collections;
    if (markersRef.current.owner !== collections) markersRef.current = { owner: collections, map: new Map() };
    syncKeyed(markersRef.current.map, alerts, {
      key: (a) => a.id,
      add: (a) => {
        const id: Selection = { type: 'alert', id: a.id };
        const [lon, lat] = a.position;
        const position = Cartesian3.fromDegrees(lon, lat, HEIGHT.point);
        const m: Marker = {
          // The ring first so the core draws over it.
          halo: points.add({ position, outlineWidth: 2, disableDepthTestDistance: ALWAYS, id }),
          core: points.add({ position, disableDepthTestDistance: ALWAYS, id }),
          color: Color.WHITE,
          acknowledged: a.acknowledged,
          lon,
          lat,
        };
        restyle(m, a);
        return m;
      },
      update: restyle,
      remove: (m) => {
        points.remove(m.halo);
        points.remove(m.core);
      },
    });
    scene.requestRender();
  }, [scene, collections, alerts]);

  const animate = visible && alerts.length > 0;
  useEffect(() => {
    if (!scene || !collections || !animate) return;
    const timer = window.setInterval(() => {
      if (scene.isDestroyed()) return;
      const now = performance.now();
      for (const m of markersRef.current.map.values()) paint(m, now);
      scene.requestRender();
    }, pulseIntervalMs(LITE));
    return () => window.clearInterval(timer);
  }, [scene, collections, animate]);
  return null;
}
