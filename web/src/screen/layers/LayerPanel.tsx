// The layer switcher: a checkbox per map layer with its legend, and the buildings' colouring choice.
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type BuildingColouring, LAYER_IDS, type LayerId } from '../types.ts';
import './LayerPanel.css';
import { BUILDING_COLOURINGS, type LegendEntry, legendFor } from './legend.ts';

export interface LayerPanelProps {
  visible: Record<LayerId, boolean>;
  onToggle(id: LayerId): void;
  colouring: BuildingColouring;
  onColouring(c: BuildingColouring): void;
  /** Extra class, e.g. to place the panel on the screen (the panel itself sets no position). */
  className?: string;
}

function Swatch({ entry }: { entry: LegendEntry }) {
  if (entry.shape === 'none') return <span className="layer-swatch layer-swatch-none" />;
  return (
    <span
      className={`layer-swatch layer-swatch-${entry.shape}`}
      style={entry.shape === 'ring' ? { borderColor: entry.css } : { background: entry.css }}
    />
  );
}

function Legend({ entries }: { entries: LegendEntry[] }) {
  const { t } = useI18n();
  return (
    <ul className="layer-legend">
      {entries.map((e) => (
        <li key={e.label} className={e.shape === 'none' ? 'layer-legend-note' : undefined}>
          <Swatch entry={e} />
          <span>{t(e.label)}</span>
        </li>
      ))}
    </ul>
  );
}

export function LayerPanel({ visible, onToggle, colouring, onColouring, className }: LayerPanelProps) {
  const { t } = useI18n();
  return (
    <aside className={`layer-panel ${className ?? ''}`.trim()} data-testid="layer-panel">
      <h2>{t('layersTitle')}</h2>
      <ul className="layer-list">
        {LAYER_IDS.map((id) => (
          <li key={id} className={visible[id] ? 'layer-item on' : 'layer-item'}>
            <label className="layer-toggle">
              <input type="checkbox" data-layer={id} checked={visible[id]} onChange={() => onToggle(id)} />
              <span>{t(`layer_${id}`)}</span>
            </label>
            {id === 'buildings' && (
              <fieldset className="layer-colouring" data-testid="building-colouring">
                <legend>{t('layerColouring')}</legend>
                {BUILDING_COLOURINGS.map((c) => (
                  <label key={c} className={c === colouring ? 'chosen' : undefined}>
                    <input
                      type="radio"
                      name="building-colouring"
                      value={c}
                      data-colouring={c}
                      checked={c === colouring}
                      onChange={() => onColouring(c)}
                    />
                    <span>{t(`layerColouring_${c}`)}</span>
                  </label>
                ))}
              </fieldset>
            )}
            {visible[id] && <Legend entries={legendFor(id, colouring)} />}
          </li>
        ))}
      </ul>
    </aside>
  );
}
