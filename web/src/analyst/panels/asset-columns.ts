// The asset table's columns (header key, width, sort key) and what a click on a header asks the server for.
import type { MessageKey } from '../../i18n/messages.ts';
import type { AssetSort, AssetSortKey } from '../contract.ts';

export interface Column {
  sort: AssetSortKey;
  label: MessageKey;
  /** CSS width of the column (auto takes what is left). */
  width: string;
  numeric?: boolean;
}

export const ASSET_COLUMNS: readonly Column[] = [
  { sort: 'code', label: 'apCol_code', width: '104px' },
  { sort: 'name', label: 'apCol_name', width: 'auto' },
  { sort: 'kind', label: 'apCol_kind', width: '60px' },
  { sort: 'district', label: 'apCol_district', width: '58px' },
  { sort: 'street', label: 'apCol_street', width: '70px' },
  { sort: 'grade', label: 'apCol_grade', width: '64px' },
  { sort: 'floors', label: 'apCol_floors', width: '40px', numeric: true },
  { sort: 'heightM', label: 'apCol_heightM', width: '56px', numeric: true },
  { sort: 'alertSeverity', label: 'apCol_alertSeverity', width: '44px' },
];

/** Columns where the first click should show the largest or worst first. */
const DESC_FIRST: ReadonlySet<AssetSortKey> = new Set(['alertSeverity', 'floors', 'heightM']);

/** A click on a header: the same column turns round; another column starts in its natural direction. */
export function nextSort(current: AssetSort, by: AssetSortKey): AssetSort {
  if (current.by === by) return { by, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by, dir: DESC_FIRST.has(by) ? 'desc' : 'asc' };
}

export function ariaSort(current: AssetSort, by: AssetSortKey): 'ascending' | 'descending' | 'none' {
  if (current.by !== by) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}
