// Dropping a GeoJSON file on the map (the whole map is the drop zone) makes it the study area once it
// passes the checks. The hidden file input (the sidebar's "choose a file") does the same.
import { type DragEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function AreaDropZone({ onFile, children }: { onFile: (file: File) => void; children: ReactNode }) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  return (
    <section
      className="am-drop"
      aria-label={t('amAreaDrop')}
      data-testid="area-drop"
      data-over={over ? 'true' : undefined}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {over ? <div className="am-drop-hint">{t('amAreaDrop')}</div> : null}
    </section>
  );
}

/** "Choose a file": a label over the hidden input. */
export function AreaFileInput({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useI18n();
  return (
    <label className="am-file">
      {t('amAreaDrop')} <span className="am-link">{t('amAreaFile')}</span>
      <input
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        data-testid="area-file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
