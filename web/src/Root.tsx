// Signed in → the big screen; otherwise the sign-in page. Signing out returns here.
import { useCallback, useEffect, useState } from 'react';
import { App } from './App.tsx';
import { fetchViewer, signOut, type Viewer } from './data/session.ts';
import { useI18n } from './i18n/I18nProvider.tsx';
import { LoginPage } from './ui/LoginPage/LoginPage.tsx';

export function Root() {
  const { t } = useI18n();
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    fetchViewer()
      .then(setViewer)
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  // A full reload after signing out drops everything the screen held in memory (and tears Cesium down
  // with the page rather than by unmounting, which currently throws inside Cesium).
  const onSignOut = useCallback(async () => {
    await signOut();
    window.location.reload();
  }, []);

  if (error) return <div className="status error">{`${t('loadFailed')}${error}`}</div>;
  if (viewer === undefined) return <div className="status">{t('loading')}</div>;
  if (viewer === null) return <LoginPage onSignedIn={load} />;
  return <App viewer={viewer} onSignOut={onSignOut} />;
}
