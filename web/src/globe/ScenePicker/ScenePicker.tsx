// One click handler for the whole map: a building resolves through its 3D Tiles feature's `code`, every
// other layer's objects carry a Selection as their pick id (see layers/). Clicking empty ground clears.
import { Cesium3DTileFeature, ScreenSpaceEventHandler, ScreenSpaceEventType } from 'cesium';
import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';
import type { Selection } from '../../screen/types.ts';

function isSelection(v: unknown): v is Selection {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { type?: unknown; code?: unknown; id?: unknown };
  return (
    (s.type === 'asset' && typeof s.code === 'string') || (s.type === 'alert' && typeof s.id === 'string')
  );
}

/** What a pick result points at, if anything we know. */
export function selectionOf(picked: unknown): Selection | null {
  if (picked instanceof Cesium3DTileFeature) {
    const code = picked.getProperty('code') as unknown;
    return typeof code === 'string' ? { type: 'asset', code } : null;
  }
  const id = (picked as { id?: unknown } | undefined)?.id;
  return isSelection(id) ? id : null;
}

export function ScenePicker({ onSelect }: { onSelect: (selection: Selection | null) => void }) {
  const { scene } = useCesium();
  const handler = useRef(onSelect);
  handler.current = onSelect;
  useEffect(() => {
    if (!scene) return;
    const events = new ScreenSpaceEventHandler(scene.canvas);
    events.setInputAction((click: { position: { x: number; y: number } }) => {
      handler.current(selectionOf(scene.pick(click.position as never)));
    }, ScreenSpaceEventType.LEFT_CLICK);
    return () => {
      if (!events.isDestroyed()) events.destroy();
    };
  }, [scene]);
  return null;
}
