// The workbench map: a flat deck.gl MapView over our vector tiles (no basemap: the district layer is the
// base), tilted 45° when buildings are extruded. Clicking a feature selects its asset; while a polygon is
// drawn, clicks add vertices and the map does not pan. It renders only when something changes (no loop).
import {
  type Deck,
  FlyToInterpolator,
  MapView,
  type MapViewState,
  type PickingInfo,
  type ViewStateChangeParameters,
} from '@deck.gl/core';
import DeckGL, { type DeckGLRef } from '@deck.gl/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Drawing } from '../area/useDrawing.ts';
import type { AreaGeometry } from '../area/validate-area.ts';
import { BACKGROUND } from './colours.ts';
import { buildDataLayers, buildOverlayLayers, type MapLayerInputs } from './layers.ts';
import { installTestHooks } from './test-hooks.ts';
import { CITY_VIEW, cameraFor, EXTRUDED_PITCH, fitArea, type MapFocus } from './view.ts';

export interface ViewPoint {
  lon: number;
  lat: number;
  zoom: number;
}

export interface AnalystMapProps {
  data: Omit<MapLayerInputs, 'onAreasLoaded'>;
  studyArea: AreaGeometry | null;
  selectedAt: [number, number] | null;
  initialView: ViewPoint | null;
  focus: MapFocus | null;
  drawing: Drawing;
  /** Test mode (?lite=1): CSS pixels, no transitions, window.__analyst. */
  lite: boolean;
  onViewChange: (view: ViewPoint) => void;
  onPick: (code: string, lon: number, lat: number) => void;
  onReady: () => void;
}

const MAP_VIEW = new MapView({ id: 'map', repeat: false });
/** A second click closer than this to the last vertex (a double-click's) adds none. */
const SAME_VERTEX_PX = 5;
const FLY_MS = 800;
const ASSET_ZOOM = 15.5;

/** The asset code a picked tile feature stands for (alerts point at their asset). */
function pickedCode(info: PickingInfo): string | null {
  const layer = /^tiles-([a-z]+)/.exec(info.layer?.id ?? '')?.[1];
  const object: unknown = info.object;
  if (!layer || layer === 'areas' || typeof object !== 'object' || object === null) return null;
  const props = (object as { properties?: Record<string, unknown> }).properties;
  const code = layer === 'alerts' ? props?.assetCode : props?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

export function AnalystMap(props: AnalystMapProps) {
  const { data, studyArea, selectedAt, initialView, focus, drawing, lite, onViewChange, onPick, onReady } =
    props;
  const { t } = useI18n();
  const deckRef = useRef<DeckGLRef>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [viewState, setViewState] = useState<MapViewState>(() =>
    cameraFor(initialView ?? CITY_VIEW, data.extrude),
  );
  const [failure, setFailure] = useState<string | null>(null);

  // Ready once deck.gl has drawn and the first district tiles are in (or the district layer is off).
  const ready = useRef({ rendered: false, areasLoaded: false, sent: false });
  const areasOn = data.layers.includes('areas');
  const checkReady = useCallback(() => {
    const r = ready.current;
    if (!r.sent && r.rendered && (r.areasLoaded || !areasOn)) {
      r.sent = true;
      onReady();
    }
  }, [areasOn, onReady]);
  const onAreasLoaded = useCallback(() => {
    ready.current.areasLoaded = true;
    requestAnimationFrame(checkReady);
  }, [checkReady]);
  const onAfterRender = useCallback(() => {
    ready.current.rendered = true;
    checkReady();
  }, [checkReady]);

  const getDeck = useCallback((): Deck | undefined => deckRef.current?.deck as Deck | undefined, []);
  useEffect(() => (lite ? installTestHooks(getDeck) : undefined), [lite, getDeck]);

  const report = useCallback(
    (v: MapViewState) => onViewChange({ lon: v.longitude, lat: v.latitude, zoom: v.zoom }),
    [onViewChange],
  );
  const viewRef = useRef(viewState);
  viewRef.current = viewState;
  const moveTo = useCallback(
    (target: ViewPoint) => {
      const next: MapViewState = {
        ...viewRef.current,
        longitude: target.lon,
        latitude: target.lat,
        zoom: target.zoom,
        ...(lite ? {} : { transitionDuration: FLY_MS, transitionInterpolator: new FlyToInterpolator() }),
      };
      setViewState(next);
      report(next);
    },
    [lite, report],
  );

  // The opening view, once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    report(viewRef.current);
  }, [report]);

  // Fly to what the page asks for: an area (fit) or an asset picked in the table.
  useEffect(() => {
    if (!focus) return;
    if (focus.kind === 'area') {
      const box = boxRef.current;
      moveTo(fitArea(focus.geometry, { width: box?.clientWidth ?? 800, height: box?.clientHeight ?? 600 }));
    } else {
      moveTo({ lon: focus.lon, lat: focus.lat, zoom: Math.max(viewRef.current.zoom, ASSET_ZOOM) });
    }
  }, [focus, moveTo]);

  // Extruded buildings are seen at 45°; flat ones from above.
  useEffect(() => {
    // Only the camera: a flight still under way is not replayed.
    setViewState((v) => ({
      longitude: v.longitude,
      latitude: v.latitude,
      zoom: v.zoom,
      pitch: data.extrude ? EXTRUDED_PITCH : 0,
      bearing: data.extrude ? (v.bearing ?? 0) : 0,
    }));
  }, [data.extrude]);

  const dataLayers = useMemo(() => buildDataLayers({ ...data, onAreasLoaded }), [data, onAreasLoaded]);
  const { active: drawingActive, vertices } = drawing;
  // The rubber band's end: local, so moving the pointer redraws the map and not the page.
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  useEffect(() => {
    if (!drawingActive) setPointer(null);
  }, [drawingActive]);
  const overlayLayers = useMemo(
    () => buildOverlayLayers({ studyArea, selectedAt, sketch: drawingActive ? { vertices, pointer } : null }),
    [studyArea, selectedAt, drawingActive, vertices, pointer],
  );
  const layers = useMemo(() => [...dataLayers, ...overlayLayers], [dataLayers, overlayLayers]);

  const controller = useMemo(
    () => ({
      dragPan: !drawingActive,
      doubleClickZoom: !drawingActive,
      dragRotate: data.extrude && !drawingActive,
      touchRotate: data.extrude,
    }),
    [drawingActive, data.extrude],
  );

  const onClick = useCallback(
    (info: PickingInfo) => {
      const at = info.coordinate;
      if (drawing.active) {
        if (!at) return;
        const last = drawing.vertices[drawing.vertices.length - 1];
        const viewport = info.viewport;
        if (last && viewport) {
          const [x, y] = viewport.project(last);
          if (Math.hypot(x! - info.x, y! - info.y) < SAME_VERTEX_PX) return;
        }
        drawing.add([at[0]!, at[1]!]);
        return;
      }
      const code = pickedCode(info);
      if (code && at) onPick(code, at[0]!, at[1]!);
    },
    [drawing, onPick],
  );
  const onHover = useCallback((info: PickingInfo) => {
    const at = info.coordinate;
    setPointer(at ? [at[0]!, at[1]!] : null);
  }, []);
  const onViewStateChange = useCallback(
    ({ viewState: next }: ViewStateChangeParameters<MapViewState>) => {
      setViewState(next);
      report(next);
    },
    [report],
  );
  // A layer that fails is skipped by deck.gl; the user gets a notice in their language, the console the
  // library's own (English) words.
  const onError = useCallback((error: Error) => {
    console.warn('analyst map:', error);
    setFailure((current) => current ?? error.message);
  }, []);

  return (
    <div
      ref={boxRef}
      className="am-map"
      role="application"
      aria-label={t('amMap')}
      style={{ background: BACKGROUND }}
      data-drawing={drawing.active ? 'true' : undefined}
      onDoubleClick={drawing.active ? drawing.finish : undefined}
    >
      <DeckGL
        ref={deckRef}
        views={MAP_VIEW}
        viewState={viewState}
        onViewStateChange={onViewStateChange}
        controller={controller}
        layers={layers}
        useDevicePixels={!lite}
        onClick={onClick}
        {...(drawing.active ? { onHover } : {})}
        onAfterRender={onAfterRender}
        onError={onError}
        getCursor={({ isDragging, isHovering }) =>
          drawing.active ? 'crosshair' : isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'
        }
      />
      {failure ? (
        <div className="am-map-failure" role="alert" data-testid="map-failure">
          {t('amMapFailed')}{' '}
          <button type="button" onClick={() => setFailure(null)}>
            {t('amMapFailedClose')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
