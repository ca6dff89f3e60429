// The 3D big screen (/screen): the city on an offline globe with its buildings as 3D Tiles and the asset
// layers, live alerts pulsing on the map and in the ticker, KPI panels for the city or a focused district,
// drill-down on click, tour mode and a 24 h replay. All state lives here; the parts only draw.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { SEVERITIES } from '../data/codes.ts';
import { type Districts, fetchDistricts } from '../data/districts.ts';
import { fetchMapConfig, type ImageryConfig } from '../data/map-config.ts';
import { type Viewer, worksOnCases } from '../data/session.ts';
import '../globe/cesium-offline.ts';
import { BuildingsTileset } from '../globe/BuildingsTileset/BuildingsTileset.tsx';
import { CameraDirector } from '../globe/CameraDirector/CameraDirector.tsx';
import { type CameraTarget, districtBounds, parseView } from '../globe/CameraDirector/camera-target.ts';
import { CityGlobe } from '../globe/CityGlobe/CityGlobe.tsx';
import { DistrictOutlines } from '../globe/DistrictOutlines/DistrictOutlines.tsx';
import { ImageryLayer } from '../globe/ImageryLayer/ImageryLayer.tsx';
import { LandMask } from '../globe/LandMask/LandMask.tsx';
import { ScenePicker } from '../globe/ScenePicker/ScenePicker.tsx';
import { StreetOutlines } from '../globe/StreetOutlines/StreetOutlines.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AppHeader } from '../ui/AppHeader/AppHeader.tsx';
import { AlertMarkers } from './layers/AlertMarkers.tsx';
import { AreaTint } from './layers/AreaTint.tsx';
import { LampsLayer } from './layers/LampsLayer.tsx';
import { LayerPanel } from './layers/LayerPanel.tsx';
import { PipelinesLayer } from './layers/PipelinesLayer.tsx';
import { SitesLayer } from './layers/SitesLayer.tsx';
import { SlopesLayer } from './layers/SlopesLayer.tsx';
import { WaterloggingLayer } from './layers/WaterloggingLayer.tsx';
import { useActiveAlerts } from './live/useActiveAlerts.ts';
import { useScreenKpis } from './live/useScreenKpis.ts';
import { AlertTicker } from './panels/AlertTicker.tsx';
import { ConnectionBanner } from './panels/ConnectionBanner.tsx';
import { DistrictFocus } from './panels/DistrictFocus.tsx';
import { DrillDownPanel } from './panels/DrillDownPanel.tsx';
import { KpiLeftPanel, KpiRightPanel } from './panels/KpiPanels.tsx';
import { ReplayBar } from './panels/ReplayBar.tsx';
import { ScreenLayout } from './ScreenLayout.tsx';
import './screen.css';
import { TourControl, type TourStop } from './tour/TourControl.tsx';
import {
  type ActiveAlert,
  type BuildingColouring,
  LAYER_IDS,
  type LayerId,
  type Selection,
  type Severity,
} from './types.ts';

const ALL_VISIBLE = Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>;
const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** The worst active severity per key (an asset's code, a district's code); alerts without one are left out. */
function worstBy(
  alerts: readonly ActiveAlert[],
  key: (a: ActiveAlert) => string | null,
): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const a of alerts) {
    const k = key(a);
    if (k === null) continue;
    const prev = worst.get(k);
    if (!prev || rank(a.severity) > rank(prev)) worst.set(k, a.severity);
  }
  return worst;
}

export function Screen({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const { t, locale } = useI18n();
  const [districts, setDistricts] = useState<Districts | null>(null);
  const [imagery, setImagery] = useState<ImageryConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A district-scoped officer's screen starts on (and stays within) their district.
  const [focus, setFocus] = useState<string | null>(
    viewer.area?.level === 'district' ? viewer.area.code : null,
  );
  const [camera, setCamera] = useState<CameraTarget | null>(() => parseView(window.location.search));
  const [visible, setVisible] = useState(ALL_VISIBLE);
  const [colouring, setColouring] = useState<BuildingColouring>('safety_grade');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [replayAt, setReplayAt] = useState<Date | null>(null);
  const [ready, setReady] = useState({ land: false, outlines: false, buildings: false });

  useEffect(() => {
    const abort = new AbortController();
    fetchDistricts(abort.signal)
      .then(setDistricts)
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    fetchMapConfig(abort.signal)
      .then((c) => setImagery(c.imagery))
      .catch(() => undefined); // the offline basemap needs nothing
    return () => abort.abort();
  }, []);

  const { alerts, recent, connection, lastChangeAt } = useActiveAlerts({ areaCode: focus, replayAt });
  const kpis = useScreenKpis({ areaCode: focus, lastChangeAt });

  const alertByAsset = useMemo(() => worstBy(alerts, (a) => a.assetCode), [alerts]);
  const worstByDistrict = useMemo(() => worstBy(alerts, (a) => a.districtCode), [alerts]);

  const focusOn = useCallback(
    (code: string | null) => {
      setFocus(code);
      const target = code && districts ? districtBounds(districts, code) : null;
      setCamera(target ?? { kind: 'city' });
    },
    [districts],
  );
  const onTourStop = useCallback(
    (stop: TourStop) => {
      if (stop.type === 'alert') {
        const [lon, lat] = stop.alert.position;
        setCamera({ kind: 'point', lon, lat, heightM: 1500 });
        setSelection({ type: 'alert', id: stop.alert.id });
      } else {
        setSelection(null);
        const target = districts ? districtBounds(districts, stop.code) : null;
        if (target) setCamera(target);
      }
    },
    [districts],
  );
  const onToggle = useCallback((id: LayerId) => setVisible((v) => ({ ...v, [id]: !v[id] })), []);
  const onLand = useCallback(() => setReady((r) => ({ ...r, land: true })), []);
  const onOutlines = useCallback(() => setReady((r) => ({ ...r, outlines: true })), []);
  const onBuildings = useCallback(() => setReady((r) => (r.buildings ? r : { ...r, buildings: true })), []);

  return (
    <div
      className="screen-root"
      data-map-ready={ready.land && ready.outlines ? 'true' : 'false'}
      data-buildings-loaded={ready.buildings ? 'true' : 'false'}
      data-focus={focus ?? ''}
      data-alerts={alerts.length}
      data-live={connection.status}
    >
      <ScreenLayout
        header={
          <AppHeader
            title={t('screenTitle')}
            subtitle={t('subtitle')}
            noteTestId="synthetic-badge"
            clock
            viewer={`${viewer.displayName} · ${viewer.area?.name ?? t('wholeCity')}`}
            links={
              worksOnCases(viewer)
                ? [{ href: '/console', label: t('screenToConsole'), testId: 'console-link' }]
                : []
            }
            onSignOut={onSignOut}
          >
            <TourControl alerts={alerts} districts={districts} onStop={onTourStop} />
          </AppHeader>
        }
        banner={<ConnectionBanner connection={connection} />}
        left={
          <>
            <KpiLeftPanel kpis={kpis} areaCode={focus} districts={districts} />
            {viewer.area === null && (
              <DistrictFocus districts={districts} focus={focus} onFocus={focusOn} alerts={alerts} />
            )}
          </>
        }
        right={
          <>
            <KpiRightPanel kpis={kpis} areaCode={focus} districts={districts} replayAt={replayAt} />
            <LayerPanel
              visible={visible}
              onToggle={onToggle}
              colouring={colouring}
              onColouring={setColouring}
            />
          </>
        }
        overlay={
          selection && (
            <DrillDownPanel
              selection={selection}
              onClose={() => setSelection(null)}
              onSelect={setSelection}
            />
          )
        }
        bottom={
          <>
            <AlertTicker items={recent} replayAt={replayAt} districts={districts} onSelect={setSelection} />
            <ReplayBar replayAt={replayAt} onChange={setReplayAt} />
          </>
        }
      >
        <CityGlobe>
          {imagery ? <ImageryLayer imagery={imagery} /> : <LandMask onReady={onLand} />}
          <StreetOutlines />
          {districts && <DistrictOutlines districts={districts} locale={locale} onReady={onOutlines} />}
          <AreaTint
            districts={districts ?? EMPTY}
            worstByDistrict={worstByDistrict}
            visible={visible.alerts}
          />
          <BuildingsTileset
            visible={visible.buildings}
            colouring={colouring}
            alertByAsset={alertByAsset}
            onLoaded={onBuildings}
          />
          <SitesLayer visible={visible.construction_site} refreshKey={lastChangeAt} />
          <SlopesLayer visible={visible.slope} />
          <LampsLayer visible={visible.street_lamp} />
          <WaterloggingLayer visible={visible.waterlogging_point} refreshKey={lastChangeAt} />
          <PipelinesLayer visible={visible.gas_pipeline} />
          <AlertMarkers alerts={alerts} visible={visible.alerts} />
          <ScenePicker onSelect={setSelection} />
          <CameraDirector target={camera} />
        </CityGlobe>
      </ScreenLayout>
      {error && <div className="status error">{`${t('loadFailed')}${error}`}</div>}
    </div>
  );
}

const EMPTY: Districts = { type: 'FeatureCollection', features: [] };
