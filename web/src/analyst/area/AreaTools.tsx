// The sidebar's area section: what is chosen, drawing, picking, importing, clearing, and any error
// about the area (the client's checks or the server's answer) in words.
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AreaChoice } from '../contract.ts';
import { AreaFileInput } from './AreaDropZone.tsx';
import { AreaPicker } from './AreaPicker.tsx';
import type { Drawing } from './useDrawing.ts';
import { vertexCount } from './validate-area.ts';

export interface AreaToolsProps {
  area: AreaChoice | null;
  areaName: string | null;
  error: string | null;
  drawing: Drawing;
  onPick: (area: AreaChoice) => void;
  onFile: (file: File) => void;
  onClear: () => void;
}

function AreaLabel({ area, name }: { area: AreaChoice | null; name: string | null }) {
  const { t } = useI18n();
  if (!area) return <>{t('amAreaNone')}</>;
  if (area.kind === 'code') return <>{name ?? area.code}</>;
  const n = vertexCount(area.geometry);
  return <>{area.source === 'file' ? t('amAreaFromFile', { n }) : t('amAreaDrawn', { n })}</>;
}

export function AreaTools({ area, areaName, error, drawing, onPick, onFile, onClear }: AreaToolsProps) {
  const { t } = useI18n();
  return (
    <section className="am-section am-area" aria-labelledby="am-area-title">
      <h2 id="am-area-title">{t('amArea')}</h2>
      <p className="am-area-current" data-testid="area-current">
        <AreaLabel area={area} name={areaName} />
      </p>
      <div className="am-row">
        {drawing.active ? (
          <>
            <button
              type="button"
              className="am-primary"
              data-testid="area-draw-finish"
              onClick={drawing.finish}
            >
              {t('amAreaDrawFinish')}
            </button>
            <button type="button" data-testid="area-draw-cancel" onClick={drawing.cancel}>
              {t('amAreaDrawCancel')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="area-draw" onClick={drawing.start}>
            {t('amAreaDraw')}
          </button>
        )}
        <button type="button" data-testid="area-clear" onClick={onClear} disabled={!area}>
          {t('amAreaClear')}
        </button>
      </div>
      {drawing.active ? (
        <p className="am-hint" data-testid="area-draw-hint" data-vertices={drawing.vertices.length}>
          {t('amAreaDrawHint', { n: drawing.vertices.length })}
        </p>
      ) : null}
      <AreaPicker area={area} onPick={onPick} />
      <AreaFileInput onFile={onFile} />
      {error ? (
        <p className="am-error" role="alert" data-testid="area-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
