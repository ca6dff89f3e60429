// The duty console (/console): the live alert queue, the case list with its filters and countdowns, the case
// panel or the new-case form, and the KPI strip. A unit handler gets the same screen as their unit's inbox
// (the server limits the cases; the default filter is 待处置) without alerts or intake. Keyboard: see the
// help line in the footer.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ALERT_EVENTS,
  type AlertLiveEvent,
  type AlertRow,
  acknowledgeAlert,
  escalateAlert,
  fetchActiveAlerts,
} from '../data/alerts.ts';
import {
  CASE_EVENTS,
  type CaseDetail,
  type CaseLiveEvent,
  type CaseRef,
  type CaseRow,
  createCase,
  fetchCaseRow,
  fetchCases,
  fetchCategories,
} from '../data/cases.ts';
import type { Viewer } from '../data/session.ts';
import { useDebounced, useQuery } from '../data/useQuery.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { casePath, parseRoute } from '../route.ts';
import { AppHeader } from '../ui/AppHeader/AppHeader.tsx';
import { type AlertMode, AlertQueue } from './AlertQueue.tsx';
import { CaseFilters, type FilterValues, toCaseFilter } from './CaseFilters.tsx';
import { CaseList } from './CaseList.tsx';
import { CasePanel } from './CasePanel.tsx';
import { KpiStrip } from './KpiStrip.tsx';
import { NewCaseForm } from './NewCaseForm.tsx';
import { useLiveEvents } from './useLiveEvents.ts';
import './console.css';

type Pane = 'alerts' | 'cases';

interface Notice {
  text: string;
  duplicates: { distanceM: number; case: CaseRef }[];
}

export function DutyConsole({
  viewer,
  initialCaseId,
  onSignOut,
}: {
  viewer: Viewer;
  initialCaseId: string | null;
  onSignOut: () => void;
}) {
  const { t, locale } = useI18n();
  const dispatcher = viewer.permissions.includes('cases:dispatch');
  const alertsOn = viewer.permissions.includes('alerts:handle');
  const unitView = !dispatcher && viewer.permissions.includes('cases:handle');

  const [caseId, setCaseId] = useState<string | null>(initialCaseId);
  const [creating, setCreating] = useState(false);
  const [pane, setPane] = useState<Pane>(alertsOn ? 'alerts' : 'cases');
  const [alertId, setAlertId] = useState<string | null>(null);
  const [alertMode, setAlertMode] = useState<AlertMode | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [filters, setFilters] = useState<FilterValues>({
    state: unitView ? 'todo' : 'open',
    category: '',
    source: '',
    overdue: false,
    text: '',
  });
  const [applied, setApplied] = useState(filters);
  const [kpiSignal, setKpiSignal] = useState(0);
  const [panelSignal, setPanelSignal] = useState(0);

  // Typing in the search box waits for a pause; the other filters apply at once.
  useEffect(() => {
    const timer = setTimeout(() => setApplied(filters), 300);
    return () => clearTimeout(timer);
  }, [filters]);
  const filter = useMemo(() => toCaseFilter(applied), [applied]);
  const filterKey = JSON.stringify(filter);

  const categories = useQuery(fetchCategories, []);
  const alerts = useQuery(fetchActiveAlerts, [], alertsOn);
  const cases = useQuery((s) => fetchCases(filter, s), [filterKey]);

  const openCase = useCallback((id: string | null) => {
    setCaseId(id);
    setCreating(false);
    if (window.location.pathname !== casePath(id)) window.history.pushState(null, '', casePath(id));
  }, []);
  useEffect(() => {
    const onPop = () => {
      const route = parseRoute(window.location.pathname);
      if (route.page === 'console') setCaseId(route.caseId);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const replaceRow = useCallback(
    (row: CaseRow) =>
      cases.setData((d) => d && { ...d, rows: d.rows.map((r) => (r.id === row.id ? { ...r, ...row } : r)) }),
    [cases.setData],
  );

  // Live: a case step refetches that case (its row and, when open, the panel) and refreshes the KPIs; the
  // list is reloaded when the case may have entered or left it. Alerts: the queue is reloaded.
  const selected = useRef(caseId);
  selected.current = caseId;
  const rows = useRef(cases.data?.rows);
  rows.current = cases.data?.rows;
  const reloadCasesSoon = useDebounced(cases.reload, 300);
  const reloadAlertsSoon = useDebounced(alerts.reload, 200);
  const caseLive = useLiveEvents<CaseLiveEvent>(
    CASE_EVENTS,
    ({ caseEvents: e }) => {
      const id = e.case?.id ?? null;
      if (id && id === selected.current) setPanelSignal((n) => n + 1);
      const row = id ? rows.current?.find((r) => r.id === id) : undefined;
      if (id && row && row.state === e.toState) {
        fetchCaseRow(id)
          .then((updated) => updated && replaceRow(updated))
          .catch(() => reloadCasesSoon());
      } else {
        reloadCasesSoon();
      }
      setKpiSignal((n) => n + 1);
    },
    () => {
      cases.reload();
      setKpiSignal((n) => n + 1);
      if (selected.current) setPanelSignal((n) => n + 1);
    },
  );
  const alertLive = useLiveEvents<AlertLiveEvent>(
    ALERT_EVENTS,
    ({ alertEvents: e }) => {
      const id = e.alert?.id;
      if (e.kind === 'FIRED' && id) setFresh((s) => new Set(s).add(id));
      reloadAlertsSoon();
    },
    alerts.reload,
    alertsOn,
  );
  const live = [caseLive, alertLive].filter((s) => s !== 'off');
  const liveState = live.every((s) => s === 'live')
    ? 'live'
    : live.includes('retrying')
      ? 'retrying'
      : 'connecting';

  const selectAlert = useCallback((id: string | null) => {
    setAlertId(id);
    setAlertMode(null);
    if (id)
      setFresh((s) => {
        if (!s.has(id)) return s;
        const next = new Set(s);
        next.delete(id);
        return next;
      });
  }, []);

  async function submitAlert(alert: AlertRow, mode: AlertMode, text: string) {
    if (mode === 'case') {
      const created = await createCase({
        source: 'ALERT',
        alertId: alert.id,
        description: text,
        urgency: alert.severity === 'RED' ? 'URGENT' : 'NORMAL',
      });
      setNotice({ text: t('caseOpened', { no: created.case.trackingNo }), duplicates: created.duplicates });
      openCase(created.case.id);
      setPane('cases');
      cases.reload();
    } else {
      const updated = await (mode === 'ack' ? acknowledgeAlert : escalateAlert)(alert.id, text);
      alerts.setData((d) => d && { ...d, rows: d.rows.map((r) => (r.id === updated.id ? updated : r)) });
    }
    setAlertMode(null);
    alerts.reload();
  }

  const onCaseChanged = useCallback(
    (detail: CaseDetail) => {
      if (rows.current?.some((r) => r.id === detail.id)) replaceRow(detail);
      reloadCasesSoon();
      setKpiSignal((n) => n + 1);
    },
    [replaceRow, reloadCasesSoon],
  );

  // Keyboard shortcuts, anywhere but in a field.
  const focusRow = (where: Pane, id: string | null | undefined) => {
    if (!id) return;
    document.querySelector<HTMLElement>(`[data-pane="${where}"] [data-row-id="${CSS.escape(id)}"]`)?.focus();
  };
  const keys = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if ((e.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')) return;
    const alertRows = alerts.data?.rows ?? [];
    const caseRows = cases.data?.rows ?? [];
    const currentAlert = alertRows.find((a) => a.id === alertId);
    switch (e.key) {
      case 'j':
      case 'k': {
        const step = e.key === 'j' ? 1 : -1;
        if (pane === 'alerts' && alertsOn) {
          const i = alertRows.findIndex((a) => a.id === alertId);
          const next = alertRows[Math.min(Math.max(i + step, 0), alertRows.length - 1)];
          if (next) {
            selectAlert(next.id);
            focusRow('alerts', next.id);
          }
        } else {
          const focused = (document.activeElement as HTMLElement | null)?.dataset.rowId;
          const i = caseRows.findIndex((c) => c.id === (focused ?? caseId));
          focusRow('cases', caseRows[Math.min(Math.max(i + step, 0), caseRows.length - 1)]?.id);
        }
        break;
      }
      case '1':
        if (!alertsOn) return;
        setPane('alerts');
        focusRow('alerts', alertId ?? alertRows[0]?.id);
        break;
      case '2':
        setPane('cases');
        focusRow('cases', caseId ?? caseRows[0]?.id);
        break;
      case 'a':
      case 'e':
      case 'c':
        if (!alertsOn || !currentAlert) return;
        if (e.key === 'a' && currentAlert.acknowledged) return;
        setAlertMode(e.key === 'a' ? 'ack' : e.key === 'e' ? 'escalate' : 'case');
        break;
      case 'n':
        if (!dispatcher) return;
        setCreating(true);
        break;
      case '/':
        document.querySelector<HTMLInputElement>('[data-testid=case-search]')?.focus();
        break;
      case 'Escape':
        if (alertMode) setAlertMode(null);
        else if (creating) setCreating(false);
        else if (caseId) openCase(null);
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keysRef.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="console" data-testid="console" data-live={liveState === 'live'}>
      <AppHeader
        title={`${t('title')} · ${unitView ? t('unitInboxTitle') : t('consoleTitle')}`}
        viewer={
          <>
            <span className="viewer-name">{viewer.displayName}</span>
            <span className="viewer-role">
              {viewer.roleName[locale === 'en' ? 'en' : 'zh']} · {viewer.area?.name ?? t('wholeCity')}
              {viewer.unitCode ? ` · ${viewer.unitCode}` : ''}
            </span>
          </>
        }
        links={[{ href: '/', label: t('bigScreen') }]}
        onSignOut={onSignOut}
      >
        <span className={`live live-${liveState}`} data-testid="live-status" role="status">
          {liveState === 'live'
            ? t('liveOn')
            : liveState === 'retrying'
              ? t('liveRetrying')
              : t('liveConnecting')}
        </span>
      </AppHeader>
      <KpiStrip signal={kpiSignal} />
      {notice && (
        <div className="notice toast" role="status" data-testid="console-notice">
          <span>{notice.text}</span>
          {notice.duplicates.length > 0 && (
            <span className="dups">
              {t('duplicatesFound')}
              {notice.duplicates.map((d) => (
                <button key={d.case.id} type="button" className="link" onClick={() => openCase(d.case.id)}>
                  {d.case.trackingNo}（{t('distanceM', { n: Math.round(d.distanceM) })}）
                </button>
              ))}
            </span>
          )}
          <button type="button" className="icon" aria-label={t('close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <main className={`console-main${alertsOn ? '' : ' no-alerts'}`}>
        {alertsOn && (
          <div data-pane="alerts" className={`pane-wrap${pane === 'alerts' ? ' active' : ''}`}>
            <AlertQueue
              rows={alerts.data?.rows}
              total={alerts.data?.total ?? 0}
              error={alerts.error}
              fresh={fresh}
              selectedId={alertId}
              mode={alertMode}
              onSelect={selectAlert}
              onMode={setAlertMode}
              onSubmit={submitAlert}
              onFocusPane={() => setPane('alerts')}
            />
          </div>
        )}
        <div data-pane="cases" className={`pane-wrap${pane === 'cases' ? ' active' : ''}`}>
          <section className="pane case-pane" aria-label={t('cases')}>
            <header className="pane-head">
              <h2>{unitView ? t('unitInboxTitle') : t('cases')}</h2>
              {cases.data && (
                <span className="pane-count" data-testid="case-count">
                  {t('casesTotal', { n: cases.data.total })}
                </span>
              )}
              {dispatcher && (
                <button
                  type="button"
                  className="primary small"
                  data-testid="new-case"
                  onClick={() => setCreating(true)}
                >
                  {t('newCase')} <kbd>n</kbd>
                </button>
              )}
            </header>
            <CaseFilters values={filters} categories={categories.data} onChange={setFilters} />
            <CaseList
              rows={cases.data?.rows}
              total={cases.data?.total ?? 0}
              error={cases.error}
              selectedId={caseId}
              onOpen={openCase}
              onFocusPane={() => setPane('cases')}
            />
          </section>
        </div>
        {creating ? (
          <NewCaseForm
            categories={categories.data}
            onCancel={() => setCreating(false)}
            onCreated={(created, duplicates) => {
              setNotice({ text: t('caseOpened', { no: created.trackingNo }), duplicates });
              openCase(created.id);
              cases.reload();
            }}
          />
        ) : caseId ? (
          <CasePanel
            key={caseId}
            caseId={caseId}
            signal={panelSignal}
            onClose={() => openCase(null)}
            onChanged={onCaseChanged}
          />
        ) : (
          <section className="pane case-panel placeholder">
            <p>{t('selectCase')}</p>
          </section>
        )}
      </main>
      <footer className="console-foot">
        <span className="shortcuts" data-testid="shortcuts">
          {dispatcher ? t('shortcuts') : t('unitShortcuts')}
        </span>
        <span className="synthetic-note" data-testid="synthetic-notice">
          {t('synthetic')}
        </span>
      </footer>
    </div>
  );
}
