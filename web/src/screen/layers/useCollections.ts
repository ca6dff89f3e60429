// Long-lived Cesium collections for layers that update in place: created once per scene, shown or hidden,
// removed (and so destroyed) on unmount.
import type { Scene } from 'cesium';
import { useEffect, useRef, useState } from 'react';
import { useCesium } from 'resium';
import type { Drawable } from './useDrawn.ts';

/** The collections `create` (keep it stable: a module-level function) made for the scene, null before. */
export function useCollections<T extends readonly Drawable[]>(
  create: (scene: Scene) => T,
  visible: boolean,
): { scene: Scene | undefined; collections: T | null } {
  const { scene } = useCesium();
  const [collections, setCollections] = useState<T | null>(null);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;

  useEffect(() => {
    if (!scene) return;
    const created = create(scene);
    for (const c of created) {
      c.show = visibleRef.current;
      scene.primitives.add(c);
    }
    setCollections(created);
    return () => {
      setCollections(null);
      if (scene.isDestroyed()) return;
      for (const c of created) scene.primitives.remove(c);
      scene.requestRender();
    };
  }, [scene, create]);

  useEffect(() => {
    if (!scene || !collections || scene.isDestroyed()) return;
    for (const c of collections) c.show = visible;
    scene.requestRender();
  }, [scene, collections, visible]);

  return { scene, collections };
}
