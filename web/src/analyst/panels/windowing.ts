// Windowing for long lists with a fixed row height: which rows to put in the DOM for a scroll position, and
// where to scroll so a row shows.

export interface WindowInput {
  /** The scroll container's scrollTop. */
  scrollTop: number;
  /** The scroll container's clientHeight. */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows drawn beyond each edge of the viewport. */
  overscan: number;
  /** Height of a sticky header inside the container, above the first row. */
  headerHeight?: number;
}

export interface RowWindow {
  /** First row to draw (inclusive). */
  start: number;
  /** Row after the last one to draw (exclusive). */
  end: number;
  /** Height of all rows: the spacer's height. */
  totalHeight: number;
}

export function visibleRows(input: WindowInput): RowWindow {
  const { rowHeight, rowCount, overscan } = input;
  const totalHeight = Math.max(0, rowCount) * rowHeight;
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight };
  // Rows start below the header, which sticks over the top of the viewport: the rows in view are those
  // between scrollTop and scrollTop + viewport − header (in row coordinates).
  const top = Math.max(0, input.scrollTop);
  const height = Math.max(0, input.viewportHeight - (input.headerHeight ?? 0));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + height) / rowHeight);
  const start = Math.min(rowCount, Math.max(0, first - overscan));
  const end = Math.min(rowCount, Math.max(start, last + overscan));
  return { start, end, totalHeight };
}

/**
 * The scrollTop that brings row `index` fully into view with as little movement as possible; null when it is
 * already in view (or there is no such row).
 */
export function revealRow(
  index: number,
  view: { scrollTop: number; viewportHeight: number; rowHeight: number; headerHeight?: number },
): number | null {
  if (index < 0) return null;
  const header = view.headerHeight ?? 0;
  const rowTop = index * view.rowHeight;
  const visibleTop = view.scrollTop;
  const visibleBottom = view.scrollTop + Math.max(0, view.viewportHeight - header);
  if (rowTop < visibleTop) return rowTop;
  if (rowTop + view.rowHeight > visibleBottom) {
    return Math.max(0, rowTop + view.rowHeight - (view.viewportHeight - header));
  }
  return null;
}
