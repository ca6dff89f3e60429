// The analyst workbench (/analyst): area tools, layers and time range on the left, the map in the centre,
// the panels (figures, tables, exports) on the right. Everything that makes the view lives in the URL
// (url-state.ts), rewritten in place on each change, so a shared link reproduces it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Viewer } from '../data/session.ts';
import { useDebounced } from '../data/useQuery.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AppHeader } from '../ui/AppHeader/AppHeader.tsx';
import { AreaDropZone } from './area/AreaDropZone.tsx';
import { AreaTools } from './area/AreaTools.tsx';
import { areaErrorText } from './area/area-error.ts';
import { useAreaOutline } from './area/useAreaOutline.ts';
import { useDrawing } from './area/useDrawing.ts';
import { type AreaCheck, validateAreaFile, vertexCount } from './area/validate-area.ts';
import type { AnalystState, AreaChoice, AssetSort } from './contract.ts';
import { AnalystMap, type ViewPoint } from './map/AnalystMap.tsx';
import { KindFilter } from './map/KindFilter.tsx';
import { LayerToggles } from './map/LayerToggles.tsx';
import { Legend } from './map/Legend.tsx';
import { RangeControl } from './map/RangeControl.tsx';
import { useAlertDensity } from './map/useAlertDensity.ts';
import type { MapFocus } from './map/view.ts';
import { Panels } from './panels/Panels.tsx';
import { decodeState, encodeState, formatView, type Preset, presetRange } from './url-state.ts';
import './analyst.css';

const VIEW_URL_DELAY_MS = 300;

/** A short key of the area for tests and logs: code:<code> or poly:<vertices>. */
const areaKey = (area: AreaChoice | null) =>
  !area ? undefined : area.kind === 'code' ? `code:${area.code}` : `poly:${vertexCount(area.geometry)}`;

/** The page state, read from the URL once and written back to it (the view debounced). */
function useUrlState() {
  const [state, setState] = useState<AnalystState>(() => decodeState(window.location.search, new Date()));
  const view = useRef(state.view);
  const write = useCallback((s: AnalystState) => {
    const { pathname, search, hash } = window.location;
    const next = `${pathname}${encodeState({ ...s, view: view.current }, search)}${hash}`;
    if (next !== `${pathname}${search}${hash}`) window.history.replaceState(window.history.state, '', next);
  }, []);
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => write(state), [state, write]);
  const writeViewSoon = useDebounced(() => write(stateRef.current), VIEW_URL_DELAY_MS);
  const setView = useCallback(
    (v: ViewPoint) => {
      view.current = v;
      writeViewSoon();
    },
    [writeViewSoon],
  );
  const update = useCallback((patch: Partial<AnalystState>) => setState((s) => ({ ...s, ...patch })), []);
  return { state, update, setView };
}

interface AreaError {
  code: string;
  message: string;
}

export function Analyst({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const { t } = useI18n();
  const lite = useMemo(() => new URLSearchParams(window.location.search).get('lite') === '1', []);
  const { state, update, setView } = useUrlState();
  const rootRef = useRef<HTMLDivElement>(null);
  const [mapReady, setMapReady] = useState(false);
  const [zoom, setZoom] = useState<number | null>(state.view?.zoom ?? null);
  const [areaError, setAreaError] = useState<AreaError | null>(null);
  const [selectedAt, setSelectedAt] = useState<[number, number] | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const focusN = useRef(0);
  // A shared link with an area but no view frames the area once its outline is known.
  const [fitPending, setFitPending] = useState(state.area !== null && state.view === null);

  const onAreaError = useCallback((code: string, message: string) => setAreaError({ code, message }), []);
  const outline = useAreaOutline(state.area, onAreaError);

  useEffect(() => {
    if (!fitPending || !outline.geometry) return;
    setFitPending(false);
    setFocus({ kind: 'area', geometry: outline.geometry, n: ++focusN.current });
  }, [fitPending, outline.geometry]);

  const chooseArea = useCallback(
    (area: AreaChoice | null) => {
      setAreaError(null);
      update({ area });
      setFitPending(area !== null);
    },
    [update],
  );
  const onChecked = useCallback(
    (check: AreaCheck, source: 'drawn' | 'file') => {
      if (check.ok) chooseArea({ kind: 'polygon', geometry: check.geometry, source });
      else setAreaError({ code: check.code, message: check.message });
    },
    [chooseArea],
  );
  const drawing = useDrawing(useCallback((check: AreaCheck) => onChecked(check, 'drawn'), [onChecked]));
  const startDrawing = drawing.start;
  const drawingTools = useMemo(
    () => ({
      ...drawing,
      start: () => {
        setAreaError(null);
        startDrawing();
      },
    }),
    [drawing, startDrawing],
  );
  const onFile = useCallback(
    (file: File) => {
      validateAreaFile(file).then((check) => onChecked(check, 'file'));
    },
    [onChecked],
  );

  const zoomRef = useRef<number | null>(null);
  const applyZoom = useDebounced(() => setZoom(zoomRef.current), VIEW_URL_DELAY_MS);
  const onViewChange = useCallback(
    (view: ViewPoint) => {
      rootRef.current?.setAttribute('data-view', formatView(view));
      setView(view);
      zoomRef.current = view.zoom;
      applyZoom();
    },
    [setView, applyZoom],
  );
  const onReady = useCallback(() => setMapReady(true), []);

  const onPick = useCallback(
    (code: string, lon: number, lat: number) => {
      update({ selected: code });
      setSelectedAt([lon, lat]);
    },
    [update],
  );
  const onSelect = useCallback(
    (code: string | null, lon?: number, lat?: number) => {
      update({ selected: code });
      if (code && lon !== undefined && lat !== undefined && Number.isFinite(lon) && Number.isFinite(lat)) {
        setSelectedAt([lon, lat]);
        setFocus({ kind: 'point', lon, lat, n: ++focusN.current });
      } else {
        setSelectedAt(null);
      }
    },
    [update],
  );
  const onSort = useCallback((sort: AssetSort) => update({ sort }), [update]);
  const onPreset = useCallback(
    (preset: Preset) => update({ range: presetRange(preset, new Date()) }),
    [update],
  );

  const density = useAlertDensity(state.layers.includes('density'), state.area, state.range, onAreaError);
  const mapData = useMemo(
    () => ({
      layers: state.layers,
      extrude: state.extrude,
      area: state.area,
      range: state.range,
      selected: state.selected,
      density: density.cells,
    }),
    [state.layers, state.extrude, state.area, state.range, state.selected, density.cells],
  );
  const densityMax = (density.cells ?? []).reduce((m, c) => Math.max(m, c.count), 0);

  return (
    <div
      ref={rootRef}
      className="analyst-root"
      data-testid="analyst"
      data-map-ready={mapReady ? 'true' : 'false'}
      data-area={areaKey(state.area)}
    >
      <AppHeader
        title={t('amTitle')}
        noteTestId="synthetic-notice"
        viewer={viewer.displayName}
        links={[
          { href: '/screen', label: t('bigScreen') },
          { href: '/console', label: t('openConsole') },
        ]}
        onSignOut={onSignOut}
      />
      <div className="am-body">
        <aside className="am-side" aria-label={t('amSidebar')}>
          <AreaTools
            area={state.area}
            areaName={outline.name}
            error={areaError ? areaErrorText(areaError.code, areaError.message, t) : null}
            drawing={drawingTools}
            onPick={chooseArea}
            onFile={onFile}
            onClear={() => chooseArea(null)}
          />
          <RangeControl range={state.range} onPreset={onPreset} onRange={(range) => update({ range })} />
          <LayerToggles
            layers={state.layers}
            extrude={state.extrude}
            zoom={zoom}
            onLayers={(layers) => update({ layers })}
            onExtrude={(extrude) => update({ extrude })}
          />
          <KindFilter kinds={state.kinds} onKinds={(kinds) => update({ kinds })} />
        </aside>
        <main className="am-centre" aria-label={t('amMap')}>
          <AreaDropZone onFile={onFile}>
            <AnalystMap
              data={mapData}
              studyArea={outline.geometry}
              selectedAt={selectedAt}
              initialView={state.view}
              focus={focus}
              drawing={drawingTools}
              lite={lite}
              onViewChange={onViewChange}
              onPick={onPick}
              onReady={onReady}
            />
            <Legend layers={state.layers} densityMax={densityMax} />
            {!mapReady ? <div className="am-map-loading">{t('amMapLoading')}</div> : null}
          </AreaDropZone>
        </main>
        <section className="am-panels">
          <Panels
            area={state.area}
            range={state.range}
            kinds={state.kinds}
            sort={state.sort}
            selected={state.selected}
            onSort={onSort}
            onSelect={onSelect}
            onAreaError={onAreaError}
          />
        </section>
      </div>
    </div>
  );
}
