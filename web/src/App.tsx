// The big screen shell: globe with land and districts, top bar, district panel.
import { useCallback, useEffect, useState } from 'react';
import { type Districts, fetchDistricts } from './data/districts.ts';
import type { Viewer } from './data/session.ts';
import './globe/cesium-offline.ts';
import { CityGlobe } from './globe/CityGlobe/CityGlobe.tsx';
import { DistrictOutlines } from './globe/DistrictOutlines/DistrictOutlines.tsx';
import { LandMask } from './globe/LandMask/LandMask.tsx';
import { useI18n } from './i18n/I18nProvider.tsx';
import { DistrictPanel } from './ui/DistrictPanel.tsx';
import { TopBar } from './ui/TopBar/TopBar.tsx';

export function App({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const { t, locale } = useI18n();
  const [districts, setDistricts] = useState<Districts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [landReady, setLandReady] = useState(false);
  const [outlinesReady, setOutlinesReady] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    fetchDistricts(abort.signal)
      .then(setDistricts)
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    return () => abort.abort();
  }, []);

  const onLand = useCallback(() => setLandReady(true), []);
  const onOutlines = useCallback(() => setOutlinesReady(true), []);
  const ready = landReady && outlinesReady;

  return (
    <div className="app" data-map-ready={ready ? 'true' : 'false'}>
      <CityGlobe>
        <LandMask onReady={onLand} />
        {districts && <DistrictOutlines districts={districts} locale={locale} onReady={onOutlines} />}
      </CityGlobe>
      <TopBar viewer={viewer} onSignOut={onSignOut} />
      {districts && <DistrictPanel districts={districts} />}
      {!districts && !error && <div className="status">{t('loadingDistricts')}</div>}
      {error && <div className="status error">{`${t('loadFailed')}${error}`}</div>}
      <footer className="attribution">{t('attribution')}</footer>
    </div>
  );
}
