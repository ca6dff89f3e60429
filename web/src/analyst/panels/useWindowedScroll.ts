// A scroll container that draws only the rows in view: it tracks scrollTop and the viewport's height and
// gives the row window (windowing.ts) and a way to scroll a row into view.
import { type RefObject, type UIEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { type RowWindow, revealRow, visibleRows } from './windowing.ts';

export interface WindowedScroll {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  rows: RowWindow;
  /** Scroll so row `index` shows (no movement when it already does). */
  reveal: (index: number) => void;
  /** Back to the first row (for a new list). */
  toTop: () => void;
}

export function useWindowedScroll(
  rowCount: number,
  rowHeight: number,
  headerHeight: number,
  overscan = 8,
): WindowedScroll {
  const ref = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setViewportHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
  }, []);

  const reveal = useCallback(
    (index: number) => {
      const element = ref.current;
      if (!element) return;
      const top = revealRow(index, {
        scrollTop: element.scrollTop,
        viewportHeight: element.clientHeight,
        rowHeight,
        headerHeight,
      });
      if (top === null) return;
      element.scrollTop = top;
      setScrollTop(element.scrollTop);
    },
    [rowHeight, headerHeight],
  );

  const toTop = useCallback(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, []);

  const rows = visibleRows({ scrollTop, viewportHeight, rowHeight, rowCount, overscan, headerHeight });
  return { ref, onScroll, rows, reveal, toTop };
}
