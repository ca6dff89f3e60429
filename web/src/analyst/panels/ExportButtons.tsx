// CSV and GeoJSON export of a table: POST the table's query with the format and language, and save the file
// the server answers under the name its Content-Disposition gives. Failures about the area go to the map side.
import { useEffect, useRef, useState } from 'react';
import { type ExportFormat, fetchExport, isAreaError, type TableName } from '../../data/analysis.ts';
import { errorCode } from '../../data/http.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/messages.ts';
import { saveFile } from './download.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'geojson'];

export function ExportButtons(props: {
  table: TableName;
  body: (format: ExportFormat, lang: Locale) => Record<string, unknown>;
  disabled: boolean;
  onAreaError: (code: string, message: string) => void;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = async (format: ExportFormat) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setBusy(format);
    setMessage(null);
    try {
      const file = await fetchExport(props.table, props.body(format, locale), format, current.signal);
      saveFile(file.blob, file.filename);
      setMessage({ error: false, text: t('apExportDone', { name: file.filename }) });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return;
      if (isAreaError(error))
        props.onAreaError(errorCode(error), error instanceof Error ? error.message : '');
      setMessage({
        error: true,
        text: t('apExportFailed', { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      if (controller.current === current) setBusy(null);
    }
  };

  return (
    <span className="ap-export">
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="ap-button"
          data-testid={`export-${props.table}-${format}`}
          title={t(format === 'csv' ? 'apExportCsvTitle' : 'apExportGeojsonTitle')}
          disabled={props.disabled || busy !== null}
          aria-busy={busy === format}
          onClick={() => void run(format)}
        >
          {busy === format ? t('apExporting') : t(format === 'csv' ? 'apExportCsv' : 'apExportGeojson')}
        </button>
      ))}
      {message && (
        <span
          className={message.error ? 'ap-export-error' : 'ap-export-done'}
          role={message.error ? 'alert' : 'status'}
          data-testid={`export-${props.table}-message`}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
