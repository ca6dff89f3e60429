// Districts tinted in their worst active alert's colour while zoomed out (camera above ~25 km), fading out
// as the camera comes down so points stay readable: one Primitive, recoloured in place.
import { Color, ColorGeometryInstanceAttribute, type Primitive } from 'cesium';
import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';
import type { Districts } from '../../data/districts.ts';
import type { Severity } from '../types.ts';
import { HEIGHT, polygonsOf } from './geo.ts';
import { flatPolygons, polygonInstance } from './geometry.ts';
import { AREA_TINT_ALPHA, SEVERITY_CSS } from './palette.ts';
import { tintStrength } from './tint-fade.ts';

/** Camera changes smaller than this fraction raise no `changed` event; low enough for a smooth fade. */
const CAMERA_SENSITIVITY = 0.05;

interface TintState {
  worstByDistrict: ReadonlyMap<string, Severity>;
  visible: boolean;
  /** 0 … 1 from the camera height. */
  strength: number;
  /** The colours need repainting. */
  dirty: boolean;
}

interface Tint {
  primitive: Primitive;
  /** Instance ids per district code (one per polygon part). */
  parts: Map<string, string[]>;
}

export interface AreaTintProps {
  districts: Districts;
  worstByDistrict: ReadonlyMap<string, Severity>;
  visible: boolean;
}

function buildTint(districts: Districts): Tint | null {
  const parts = new Map<string, string[]>();
  const instances = districts.features.flatMap((f) =>
    polygonsOf(f.geometry).map((rings, i) => {
      const id = `${f.properties.code}#${i}`;
      parts.set(f.properties.code, [...(parts.get(f.properties.code) ?? []), id]);
      return polygonInstance(rings, HEIGHT.tint, Color.TRANSPARENT, id);
    }),
  );
  // Not pickable: clicks go through to what lies underneath.
  const primitive = flatPolygons(instances, false);
  return primitive ? { primitive, parts } : null;
}

export function AreaTint({ districts, worstByDistrict, visible }: AreaTintProps) {
  const { scene } = useCesium();
  const tintRef = useRef<Tint | null>(null);
  const stateRef = useRef<TintState>({ worstByDistrict, visible, strength: 1, dirty: true });

  useEffect(() => {
    if (!scene) return;
    const tint = buildTint(districts);
    if (!tint) return;
    tintRef.current = tint;
    const state = stateRef.current;
    state.strength = tintStrength(scene.camera.positionCartographic.height);
    state.dirty = true;
    tint.primitive.show = false;
    scene.primitives.add(tint.primitive);

    // Instance colours can only be set once a render has built the primitive; paint before the next frame.
    const removePreRender = scene.preRender.addEventListener(() => {
      if (state.dirty && tint.primitive.ready) paint(tint, state);
    });
    const previousSensitivity = scene.camera.percentageChanged;
    scene.camera.percentageChanged = Math.min(previousSensitivity, CAMERA_SENSITIVITY);
    const removeCameraListener = scene.camera.changed.addEventListener(() => {
      const strength = tintStrength(scene.camera.positionCartographic.height);
      if (Math.abs(strength - state.strength) < 0.01) return;
      state.strength = strength;
      state.dirty = true;
      scene.requestRender();
    });
    scene.requestRender();
    return () => {
      tintRef.current = null;
      removePreRender();
      removeCameraListener();
      if (scene.isDestroyed()) return;
      scene.camera.percentageChanged = previousSensitivity;
      scene.primitives.remove(tint.primitive);
      scene.requestRender();
    };
  }, [scene, districts]);

  useEffect(() => {
    const state = stateRef.current;
    state.worstByDistrict = worstByDistrict;
    state.visible = visible;
    state.dirty = true;
    if (scene && !scene.isDestroyed()) scene.requestRender();
  }, [scene, worstByDistrict, visible]);
  return null;
}

const scratch = new Color();

/** Recolours every district for the current severities and fade; hides the primitive when nothing shows. */
function paint(tint: Tint, state: TintState) {
  state.dirty = false;
  let any = false;
  for (const [code, ids] of tint.parts) {
    const severity = state.worstByDistrict.get(code);
    const color = severity
      ? Color.fromCssColorString(SEVERITY_CSS[severity], scratch).withAlpha(
          AREA_TINT_ALPHA * state.strength,
          scratch,
        )
      : Color.TRANSPARENT;
    if (severity) any = true;
    for (const id of ids) {
      const attributes = tint.primitive.getGeometryInstanceAttributes(id);
      if (attributes) attributes.color = ColorGeometryInstanceAttribute.toValue(color, attributes.color);
    }
  }
  tint.primitive.show = state.visible && any && state.strength > 0;
}
