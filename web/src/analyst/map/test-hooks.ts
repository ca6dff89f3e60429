// A window hook for browser tests (only with ?lite=1): where a lon/lat is on the map canvas and back, from
// the deck.gl viewport, so a test can click at known coordinates.
import type { Deck } from '@deck.gl/core';

export interface AnalystTestHooks {
  /** CSS pixels relative to the map canvas' client rect. */
  project: (lon: number, lat: number) => [number, number];
  unproject: (x: number, y: number) => [number, number];
}

declare global {
  interface Window {
    __analyst?: AnalystTestHooks;
  }
}

export function installTestHooks(getDeck: () => Deck | null | undefined): () => void {
  const viewport = () => {
    const v = getDeck()?.getViewports()[0];
    if (!v) throw new Error('the map has no viewport yet');
    return v;
  };
  window.__analyst = {
    project: (lon, lat) => {
      const [x, y] = viewport().project([lon, lat]);
      return [x!, y!];
    },
    unproject: (x, y) => {
      const [lon, lat] = viewport().unproject([x, y]);
      return [lon!, lat!];
    },
  };
  return () => {
    delete window.__analyst;
  };
}
