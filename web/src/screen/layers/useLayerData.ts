// Loads one layer kind and keeps it: fetched on mount, again when `refreshKey` changes or every `everyMs`.
import { useEffect, useState } from 'react';
import { fetchLayer, type LayerGeoJson, type LayerKind } from '../../data/layers.ts';

/**
 * The latest answer for `kind` (null until the first arrives). A failed refetch keeps the previous data;
 * a newer request aborts an older one still in flight.
 */
export function useLayerData<K extends LayerKind>(
  kind: K,
  refreshKey = 0,
  everyMs?: number,
): LayerGeoJson[K] | null {
  const [data, setData] = useState<LayerGeoJson[K] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new refreshKey is a request to reload.
  useEffect(() => {
    let inFlight: AbortController | null = null;
    const load = () => {
      inFlight?.abort();
      const abort = new AbortController();
      inFlight = abort;
      fetchLayer(kind, abort.signal)
        .then((fc) => {
          if (!abort.signal.aborted) setData(fc);
        })
        .catch((error: Error) => {
          if (error.name !== 'AbortError') console.warn(`layer ${kind} failed to load`, error);
        });
    };
    load();
    const timer = everyMs ? window.setInterval(load, everyMs) : undefined;
    return () => {
      inFlight?.abort();
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [kind, refreshKey, everyMs]);
  return data;
}
