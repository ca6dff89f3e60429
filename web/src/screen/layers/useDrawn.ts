// Puts a layer's Cesium primitives in the scene while mounted: rebuilt when the data changes, shown or
// hidden without rebuilding, removed (and so destroyed) on unmount; `onReady` after the first drawing.
import type { Scene } from 'cesium';
import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';

/** What a layer adds to `scene.primitives`: a Primitive or a point/polyline/label/billboard collection. */
export interface Drawable {
  show: boolean;
  isDestroyed(): boolean;
  destroy(): void;
}

/**
 * Draws `data` with `draw` (keep it stable: a module-level function) whenever either changes. The previous
 * drawing is removed first; `scene.primitives.remove` destroys what it removes.
 */
export function useDrawn<T>(
  data: T | null,
  draw: (data: T, scene: Scene) => readonly (Drawable | null)[],
  visible: boolean,
  onReady?: () => void,
): void {
  const { scene } = useCesium();
  const drawnRef = useRef<Drawable[]>([]);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const readyRef = useRef(false);

  useEffect(() => {
    if (!scene || data === null) return;
    const drawn = draw(data, scene).filter((d): d is Drawable => d !== null);
    for (const d of drawn) {
      d.show = visibleRef.current;
      scene.primitives.add(d);
    }
    drawnRef.current = drawn;
    scene.requestRender();
    if (!readyRef.current) {
      readyRef.current = true;
      onReadyRef.current?.();
    }
    return () => {
      drawnRef.current = [];
      if (scene.isDestroyed()) return;
      for (const d of drawn) scene.primitives.remove(d);
      scene.requestRender();
    };
  }, [scene, data, draw]);

  useEffect(() => {
    if (!scene || scene.isDestroyed()) return;
    for (const d of drawnRef.current) d.show = visible;
    scene.requestRender();
  }, [scene, visible]);
}
