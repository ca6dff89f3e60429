// Loads data with a reload function; an answer that arrives after a newer request started is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  /** A request is under way. */
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (e.g. with what a mutation answered). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

export function useQuery<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  enabled = true,
): Query<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const n = ++seq.current;
    // A newer load supersedes the one in flight: its answer would be ignored, so stop fetching it.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (n !== seq.current) return;
        setData(value);
        setError(null);
      })
      .catch((e: Error) => {
        if (n === seq.current && e.name !== 'AbortError') setError(e);
      })
      .finally(() => {
        if (n === seq.current) setLoading(false);
      });
  }, []);

  // The caller names what the load depends on.
  useEffect(() => {
    if (!enabled) return;
    reload();
    return () => {
      seq.current++;
      inFlight.current?.abort();
    };
  }, [enabled, reload, ...deps]);

  return { data, error, loading, reload, setData };
}

/** A function that runs `fn` once, `ms` after the last call. */
export function useDebounced(fn: () => void, ms: number): () => void {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => fnRef.current(), ms);
  }, [ms]);
}

/** The current time, updated every `ms`. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
