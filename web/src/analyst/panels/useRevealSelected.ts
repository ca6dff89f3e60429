// Keeps the selected row in view: when the selection changes (e.g. picked on the map) or a new list arrives
// that holds it, scroll to it; a new list without it starts at the top.
import { useEffect, useRef } from 'react';

export function useRevealSelected<Row>(
  rows: readonly Row[],
  isSelected: (row: Row) => boolean,
  selected: string | null,
  scroll: { reveal: (index: number) => void; toTop: () => void },
): void {
  const previousRows = useRef<readonly Row[] | null>(null);
  const match = useRef(isSelected);
  match.current = isSelected;
  const { reveal, toTop } = scroll;
  useEffect(() => {
    const newList = previousRows.current !== rows;
    previousRows.current = rows;
    const index = selected === null ? -1 : rows.findIndex((row) => match.current(row));
    if (index >= 0) reveal(index);
    else if (newList) toTop();
  }, [rows, selected, reveal, toTop]);
}
