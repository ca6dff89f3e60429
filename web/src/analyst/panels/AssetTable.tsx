// The assets in the area as a sortable, windowed table: the server sorts (a header click asks it to), at most
// 10,000 rows arrive, and only the rows in view are in the DOM. A row click selects the asset on the map; a
// selection made on the map scrolls its row into view.
import type { KeyboardEvent } from 'react';
import { type AssetRow, assetsBody, type ExportFormat, type TablePage } from '../../data/analysis.ts';
import { isSeverity } from '../../data/codes.ts';
import type { AssetKind } from '../../data/generated/graphql.ts';
import { DASH, formatCount } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/messages.ts';
import type { AreaChoice, AssetSort } from '../contract.ts';
import { ASSET_COLUMNS, ariaSort, nextSort } from './asset-columns.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { assetKindKey, gradeKey } from './labels.ts';
import { type LoadState, PanelCard } from './PanelCard.tsx';
import { TableFooter } from './TableFooter.tsx';
import { SeverityMark, SpacerRow } from './TableParts.tsx';
import { useRevealSelected } from './useRevealSelected.ts';
import { useWindowedScroll } from './useWindowedScroll.ts';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;
const NO_ROWS: readonly AssetRow[] = [];

export interface AssetTableProps {
  area: AreaChoice;
  kinds: AssetKind[];
  /** What is on screen: the current query's answer, or the previous sort's while the new one loads. */
  page: TablePage<AssetRow> | undefined;
  /** `page` answers the current area, kinds and sort. */
  fresh: boolean;
  state: LoadState;
  sort: AssetSort;
  selected: string | null;
  onSort: (sort: AssetSort) => void;
  onSelect: (code: string, lon: number, lat: number) => void;
  onAreaError: (code: string, message: string) => void;
}

export function AssetTable(props: AssetTableProps) {
  const { t, locale } = useI18n();
  const { page, sort, selected, onSelect } = props;
  const rows = page?.rows ?? NO_ROWS;
  const scroll = useWindowedScroll(rows.length, ROW_HEIGHT, HEADER_HEIGHT);
  useRevealSelected(rows, (row) => row.code === selected, selected, scroll);
  const exportBody = (format: ExportFormat, lang: Locale) =>
    assetsBody({ area: props.area, kinds: props.kinds, sort }, format, lang);

  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, row: AssetRow) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(row.code, row.lon, row.lat);
    }
  };

  return (
    <PanelCard
      title={t('apAssetsTitle')}
      state={props.state}
      actions={
        <ExportButtons
          table="assets"
          body={exportBody}
          disabled={!props.fresh}
          onAreaError={props.onAreaError}
        />
      }
      data={{
        'data-testid': 'asset-table',
        'data-total': props.fresh && page ? page.total : '',
        'data-rows': props.fresh ? rows.length : 0,
        'data-loaded': props.fresh && !props.state.loading ? 'true' : 'false',
      }}
    >
      <div
        ref={scroll.ref}
        className={`ap-scroll${props.fresh ? '' : ' ap-stale'}`}
        onScroll={scroll.onScroll}
      >
        <table className="ap-table" aria-rowcount={rows.length + 1}>
          <colgroup>
            {ASSET_COLUMNS.map((column) => (
              <col key={column.sort} style={{ width: column.width }} />
            ))}
          </colgroup>
          <thead>
            <tr style={{ height: HEADER_HEIGHT }}>
              {ASSET_COLUMNS.map((column) => {
                const state = ariaSort(sort, column.sort);
                return (
                  <th
                    key={column.sort}
                    scope="col"
                    className={column.numeric ? 'ap-numeric' : undefined}
                    data-sort={column.sort}
                    aria-sort={state}
                  >
                    <button type="button" onClick={() => props.onSort(nextSort(sort, column.sort))}>
                      {t(column.label)}
                      <span className="ap-sort-mark" aria-hidden="true">
                        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={scroll.rows.start * ROW_HEIGHT} columns={ASSET_COLUMNS.length} />
            {rows.slice(scroll.rows.start, scroll.rows.end).map((row, offset) => {
              const index = scroll.rows.start + offset;
              const isSelected = row.code === selected;
              return (
                <tr
                  key={row.code}
                  aria-rowindex={index + 2}
                  aria-current={isSelected ? true : undefined}
                  data-selected={isSelected ? 'true' : undefined}
                  tabIndex={0}
                  className={isSelected ? 'ap-selected' : undefined}
                  data-row-code={row.code}
                  style={{ height: ROW_HEIGHT }}
                  onClick={() => onSelect(row.code, row.lon, row.lat)}
                  onKeyDown={(event) => onKey(event, row)}
                >
                  <AssetCells row={row} locale={locale} />
                </tr>
              );
            })}
            <SpacerRow height={(rows.length - scroll.rows.end) * ROW_HEIGHT} columns={ASSET_COLUMNS.length} />
          </tbody>
        </table>
        {props.fresh && rows.length === 0 && !props.state.loading && (
          <p className="ap-empty">{t('apEmptyAssets')}</p>
        )}
      </div>
      <TableFooter page={props.fresh ? page : undefined} totalKey="apTotalItems" />
    </PanelCard>
  );
}

function AssetCells({ row, locale }: { row: AssetRow; locale: Locale }) {
  const { t } = useI18n();
  const grade = row.grade === null ? null : gradeKey(row.kind, row.grade);
  const height =
    row.heightM === null
      ? DASH
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(row.heightM);
  return (
    <>
      <td className="ap-mono" title={row.code}>
        {row.code}
      </td>
      <td title={row.name}>{row.name}</td>
      <td>{t(assetKindKey(row.kind))}</td>
      <td>{row.districtName}</td>
      <td title={row.streetName ?? undefined}>{row.streetName ?? DASH}</td>
      <td>{grade ? t(grade) : (row.grade ?? DASH)}</td>
      <td className="ap-numeric">{formatCount(row.floors, locale)}</td>
      <td className="ap-numeric">{height}</td>
      <td>
        {isSeverity(row.alertSeverity) ? (
          <SeverityMark severity={row.alertSeverity} />
        ) : (
          (row.alertSeverity ?? DASH)
        )}
      </td>
    </>
  );
}
