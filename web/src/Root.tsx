// Picks the page by path. The citizen pages (/r/<code>, /t/<trackingNo>) are public: no session is asked
// for. The duty console (/console), the analyst workbench (/analyst) and the big screen (everything else)
// need a signed-in user; signing out returns here. The big screen answers /screen and /. Every page is
// loaded on demand, so the console, the workbench and the phone pages never download Cesium.
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { SESSION_ENDED } from './data/http.ts';
import { fetchViewer, signOut, type Viewer } from './data/session.ts';
import { useI18n } from './i18n/I18nProvider.tsx';
import { parseRoute, type Route } from './route.ts';
import { LoginPage } from './ui/LoginPage/LoginPage.tsx';

const Screen = lazy(() => import('./screen/Screen.tsx').then((m) => ({ default: m.Screen })));
const Analyst = lazy(() => import('./analyst/Analyst.tsx').then((m) => ({ default: m.Analyst })));
const DutyConsole = lazy(() => import('./console/DutyConsole.tsx').then((m) => ({ default: m.DutyConsole })));
const CitizenReport = lazy(() =>
  import('./citizen/CitizenReport.tsx').then((m) => ({ default: m.CitizenReport })),
);
const CitizenStatus = lazy(() =>
  import('./citizen/CitizenStatus.tsx').then((m) => ({ default: m.CitizenStatus })),
);

function Loading() {
  const { t } = useI18n();
  return <div className="status">{t('loading')}</div>;
}

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export function Root() {
  const [route] = useState<Route>(() => parseRoute(window.location.pathname));
  if (route.page === 'report') return page(<CitizenReport code={route.code} />);
  if (route.page === 'status') return page(<CitizenStatus trackingNo={route.trackingNo} />);
  return <SignedIn route={route} />;
}

function SignedIn({ route }: { route: Extract<Route, { page: 'screen' | 'console' | 'analyst' }> }) {
  const { t } = useI18n();
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    fetchViewer()
      .then(setViewer)
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  // A session that ended (expired, signed out elsewhere) brings back the sign-in page.
  useEffect(() => {
    window.addEventListener(SESSION_ENDED, load);
    return () => window.removeEventListener(SESSION_ENDED, load);
  }, [load]);

  // A full reload after signing out drops everything the screen held in memory (and tears Cesium down
  // with the page rather than by unmounting, which currently throws inside Cesium).
  const onSignOut = useCallback(async () => {
    await signOut();
    window.location.reload();
  }, []);

  if (error) return <div className="status error">{`${t('requestFailed')}${error}`}</div>;
  if (viewer === undefined) return <Loading />;
  if (viewer === null) return <LoginPage onSignedIn={load} />;
  if (route.page === 'console') {
    return page(<DutyConsole viewer={viewer} initialCaseId={route.caseId} onSignOut={onSignOut} />);
  }
  if (route.page === 'analyst') return page(<Analyst viewer={viewer} onSignOut={onSignOut} />);
  return page(<Screen viewer={viewer} onSignOut={onSignOut} />);
}
