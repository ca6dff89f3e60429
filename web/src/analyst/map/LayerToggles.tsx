// Which map layers show, and whether buildings stand up by their height.
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MapLayerId } from '../contract.ts';
import { MAP_LAYER_IDS } from '../url-state.ts';
import { isTileLayer, TILE_MIN_ZOOM } from './tile-sources.ts';

export interface LayerTogglesProps {
  layers: readonly MapLayerId[];
  extrude: boolean;
  zoom: number | null;
  onLayers: (layers: MapLayerId[]) => void;
  onExtrude: (extrude: boolean) => void;
}

export function LayerToggles({ layers, extrude, zoom, onLayers, onExtrude }: LayerTogglesProps) {
  const { t } = useI18n();
  const toggle = (id: MapLayerId, on: boolean) =>
    onLayers(MAP_LAYER_IDS.filter((l) => (l === id ? on : layers.includes(l))));
  return (
    <section className="am-section am-layers" aria-labelledby="am-layers-title">
      <h2 id="am-layers-title">{t('amLayers')}</h2>
      <ul>
        {MAP_LAYER_IDS.map((id) => {
          const minZoom = isTileLayer(id) ? TILE_MIN_ZOOM[id] : 0;
          const tooFar = zoom !== null && minZoom > 0 && zoom < minZoom - 0.5;
          return (
            <li key={id}>
              <label className="am-check">
                <input
                  type="checkbox"
                  data-layer={id}
                  checked={layers.includes(id)}
                  onChange={(e) => toggle(id, e.target.checked)}
                />
                {t(`amLayer_${id}`)}
                {tooFar && layers.includes(id) ? (
                  <span className="am-muted"> · {t('amLayerMinZoom', { z: minZoom })}</span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
      <label className="am-check am-extrude">
        <input
          type="checkbox"
          data-testid="extrude"
          checked={extrude}
          onChange={(e) => onExtrude(e.target.checked)}
        />
        {t('amExtrude')}
      </label>
    </section>
  );
}
