// Drawing a polygon on the map: vertices from map clicks (the map draws the rubber band to the pointer);
// Enter or a double-click finishes (the ring is closed and checked), Escape cancels.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type AreaCheck, validateDrawn } from './validate-area.ts';

type LonLat = [number, number];

export interface Drawing {
  active: boolean;
  vertices: readonly LonLat[];
  start: () => void;
  add: (at: LonLat) => void;
  finish: () => void;
  cancel: () => void;
}

export function useDrawing(onDone: (check: AreaCheck) => void): Drawing {
  const [active, setActive] = useState(false);
  const [vertices, setVertices] = useState<LonLat[]>([]);
  const verticesRef = useRef(vertices);
  verticesRef.current = vertices;
  const activeRef = useRef(active);
  activeRef.current = active;
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const stop = useCallback(() => {
    setActive(false);
    setVertices([]);
  }, []);
  const start = useCallback(() => {
    setVertices([]);
    setActive(true);
  }, []);
  const add = useCallback((at: LonLat) => setVertices((v) => [...v, at]), []);
  const finish = useCallback(() => {
    if (!activeRef.current) return;
    activeRef.current = false;
    const check = validateDrawn(verticesRef.current);
    stop();
    onDoneRef.current(check);
  }, [stop]);

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        finish();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, finish, stop]);

  return useMemo(
    () => ({ active, vertices, start, add, finish, cancel: stop }),
    [active, vertices, start, add, finish, stop],
  );
}
