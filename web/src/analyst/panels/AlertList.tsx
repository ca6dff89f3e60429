// The alerts raised in the area during the range, newest first, as a compact windowed list: when, level,
// device type, asset, district and state. A row click selects the alert's asset on the map.
import type { KeyboardEvent } from 'react';
import { type AlertRow, alertsBody, type ExportFormat, type TablePage } from '../../data/analysis.ts';
import { isSeverity } from '../../data/codes.ts';
import { DASH } from '../../format/number.ts';
import { formatDayTime } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/messages.ts';
import type { AreaChoice } from '../contract.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { deviceTypeKey } from './labels.ts';
import { type LoadState, PanelCard } from './PanelCard.tsx';
import { TableFooter } from './TableFooter.tsx';
import { SeverityMark, SpacerRow } from './TableParts.tsx';
import { useRevealSelected } from './useRevealSelected.ts';
import { useWindowedScroll } from './useWindowedScroll.ts';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 28;
const NO_ROWS: readonly AlertRow[] = [];
const COLUMNS = [
  { label: 'apAlertCol_time', width: '96px' },
  { label: 'apAlertCol_severity', width: '48px' },
  { label: 'apAlertCol_kind', width: '104px' },
  { label: 'apAlertCol_asset', width: 'auto' },
  { label: 'apAlertCol_district', width: '60px' },
  { label: 'apAlertCol_state', width: '64px' },
] as const;

export function AlertList(props: {
  area: AreaChoice;
  range: { from: string; to: string };
  page: TablePage<AlertRow> | undefined;
  state: LoadState;
  selected: string | null;
  onSelect: (code: string, lon: number, lat: number) => void;
  onAreaError: (code: string, message: string) => void;
}) {
  const { t, locale } = useI18n();
  const { page, selected, onSelect } = props;
  const rows = page?.rows ?? NO_ROWS;
  const scroll = useWindowedScroll(rows.length, ROW_HEIGHT, HEADER_HEIGHT);
  useRevealSelected(rows, (row) => row.assetCode === selected, selected, scroll);
  const exportBody = (format: ExportFormat, lang: Locale) =>
    alertsBody({ area: props.area, from: props.range.from, to: props.range.to }, format, lang);
  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, row: AlertRow) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(row.assetCode, row.lon, row.lat);
    }
  };

  return (
    <PanelCard
      title={t('apAlertsTitle')}
      state={props.state}
      actions={
        <ExportButtons table="alerts" body={exportBody} disabled={!page} onAreaError={props.onAreaError} />
      }
      data={{
        'data-testid': 'alert-list',
        'data-total': page?.total ?? '',
        'data-rows': rows.length,
        'data-loaded': page && !props.state.loading ? 'true' : 'false',
      }}
    >
      <div ref={scroll.ref} className="ap-scroll ap-scroll-compact" onScroll={scroll.onScroll}>
        <table className="ap-table" aria-rowcount={rows.length + 1}>
          <colgroup>
            {COLUMNS.map((column) => (
              <col key={column.label} style={{ width: column.width }} />
            ))}
          </colgroup>
          <thead>
            <tr style={{ height: HEADER_HEIGHT }}>
              {COLUMNS.map((column) => (
                <th key={column.label} scope="col">
                  {t(column.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={scroll.rows.start * ROW_HEIGHT} columns={COLUMNS.length} />
            {rows.slice(scroll.rows.start, scroll.rows.end).map((row, offset) => {
              const index = scroll.rows.start + offset;
              const isSelected = row.assetCode === selected;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={index + 2}
                  aria-current={isSelected ? true : undefined}
                  data-selected={isSelected ? 'true' : undefined}
                  tabIndex={0}
                  className={isSelected ? 'ap-selected' : undefined}
                  data-alert-id={row.id}
                  data-asset-code={row.assetCode}
                  style={{ height: ROW_HEIGHT }}
                  onClick={() => onSelect(row.assetCode, row.lon, row.lat)}
                  onKeyDown={(event) => onKey(event, row)}
                >
                  <AlertCells row={row} locale={locale} />
                </tr>
              );
            })}
            <SpacerRow height={(rows.length - scroll.rows.end) * ROW_HEIGHT} columns={COLUMNS.length} />
          </tbody>
        </table>
        {page && rows.length === 0 && !props.state.loading && (
          <p className="ap-empty">{t('apEmptyAlerts')}</p>
        )}
      </div>
      <TableFooter page={page} totalKey="apTotalAlerts" />
    </PanelCard>
  );
}

function AlertCells({ row, locale }: { row: AlertRow; locale: Locale }) {
  const { t } = useI18n();
  const kind = deviceTypeKey(row.kind);
  const started = Date.parse(row.startedAt);
  const state = row.clearedAt ? 'apAlertCleared' : row.acknowledgedAt ? 'apAlertAcked' : 'apAlertActive';
  return (
    <>
      <td className="ap-mono">{Number.isNaN(started) ? DASH : formatDayTime(started, locale)}</td>
      <td>{isSeverity(row.severity) ? <SeverityMark severity={row.severity} /> : row.severity}</td>
      <td title={row.deviceCode}>{kind ? t(kind) : row.kind}</td>
      <td title={`${row.assetName} ${row.assetCode}`}>{row.assetName}</td>
      <td>{row.districtName}</td>
      <td className={row.clearedAt ? 'ap-muted' : undefined}>{t(state)}</td>
    </>
  );
}
