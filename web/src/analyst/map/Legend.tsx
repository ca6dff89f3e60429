// The colours of the visible layers, over the map's corner.
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MapLayerId } from '../contract.ts';
import { MAP_LAYER_IDS } from '../url-state.ts';
import { cssColour, densityColour, LEGEND } from './colours.ts';

export function Legend({ layers, densityMax }: { layers: readonly MapLayerId[]; densityMax: number }) {
  const { t } = useI18n();
  const shown = MAP_LAYER_IDS.filter((id) => layers.includes(id));
  if (shown.length === 0) return null;
  return (
    <aside className="am-legend" data-testid="legend" aria-label={t('amLegend')}>
      {shown.map((id) => (
        <div key={id} className="am-legend-group" data-legend={id}>
          <div className="am-legend-title">{t(`amLayer_${id}`)}</div>
          {id === 'density' ? (
            <div className="am-legend-scale">
              <span>{t('amDensityFew')}</span>
              <span
                className="am-legend-ramp"
                style={{
                  background: `linear-gradient(to right, ${cssColour(densityColour(1, 2))}, ${cssColour(densityColour(2, 2))})`,
                }}
              />
              <span>{t('amDensityMany', { n: densityMax })}</span>
            </div>
          ) : (
            <ul>
              {(LEGEND[id] ?? []).map((entry) => (
                <li key={entry.label}>
                  <span className="am-swatch" style={{ background: cssColour(entry.colour) }} />
                  {t(entry.label)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </aside>
  );
}
