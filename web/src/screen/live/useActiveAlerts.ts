// The screen's active alerts. Live: load the active alerts of the area, then apply `alertEvents` as they
// come; every (re)connection reloads the list, and events that arrive during a load are applied again on top
// of its answer, so nothing is lost across a gap. Replay: the alerts active at the chosen instant, no SSE.
import { useEffect, useMemo, useRef, useState } from 'react';
import { gql } from '../../data/graphql.ts';
import { type LiveStatus, subscribe } from '../../data/sse.ts';
import type { ActiveAlert, Connection } from '../types.ts';
import {
  ALERT_EVENTS_SUBSCRIPTION,
  ALERT_NODE_FIELDS,
  type AlertEventData,
  type AlertNode,
  applyEvent,
  eventItem,
  pushEvent,
  type TickerItem,
  tickerItems,
  toActiveAlerts,
} from './alert-list.ts';

/** The API's page limit; the wall never shows more active alerts than this at once. */
const MAX_ALERTS = 500;
/** Without a live connection by then, load anyway (the list then comes without updates). */
const LOAD_WITHOUT_SSE_MS = 2000;
const RETRY_LOAD_MS = 5000;

const ACTIVE_QUERY = `query ScreenActiveAlerts($filter: AlertFilter, $first: Int) {
  alerts(filter: $filter, first: $first) { totalCount edges { node { ${ALERT_NODE_FIELDS} } } }
}`;

const areaInput = (areaCode: string | null) => (areaCode ? { code: areaCode } : null);

async function fetchAlerts(filter: Record<string, unknown>, signal: AbortSignal): Promise<ActiveAlert[]> {
  const data = await gql<{ alerts: { totalCount: number; edges: { node: AlertNode }[] } }>(
    ACTIVE_QUERY,
    { filter, first: MAX_ALERTS },
    signal,
  );
  return toActiveAlerts(data.alerts.edges.map((e) => e.node));
}

const activeFilter = (areaCode: string | null) => ({
  area: areaInput(areaCode),
  states: ['ACTIVE_UNACKNOWLEDGED', 'ACTIVE_ACKNOWLEDGED'],
});

export interface ActiveAlerts {
  alerts: readonly ActiveAlert[];
  /** The ticker: newest first (in replay, the alerts active then). */
  recent: TickerItem[];
  connection: Connection;
  /** Epoch ms of the last change to the list (a load or an event); 0 before any. */
  lastChangeAt: number;
}

export function useActiveAlerts({
  areaCode,
  replayAt,
}: {
  areaCode: string | null;
  replayAt: Date | null;
}): ActiveAlerts {
  const [alerts, setAlerts] = useState<readonly ActiveAlert[]>([]);
  const [events, setEvents] = useState<TickerItem[]>([]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [dataAt, setDataAt] = useState<number | null>(null);
  const [lastChangeAt, setLastChangeAt] = useState(0);
  const replayMs = replayAt ? replayAt.getTime() : null;

  // A new area starts from nothing; moving the replay time keeps the old list until the new one is in.
  const shownArea = useRef(areaCode);
  useEffect(() => {
    if (shownArea.current !== areaCode) {
      shownArea.current = areaCode;
      setAlerts([]);
      setEvents([]);
    }
    const changed = (list: readonly ActiveAlert[]) => {
      const now = Date.now();
      setAlerts(list);
      setDataAt(now);
      setLastChangeAt(now);
    };

    if (replayMs !== null) {
      // Replay: one query; a failure is retried while the instant stays chosen.
      const abort = new AbortController();
      let timer: ReturnType<typeof setTimeout> | null = null;
      const load = () => {
        fetchAlerts({ area: areaInput(areaCode), activeAt: new Date(replayMs).toISOString() }, abort.signal)
          .then((list) => {
            changed(list);
            setStatus('live');
          })
          .catch((error: Error) => {
            if (abort.signal.aborted) return;
            console.warn(`replay alerts: ${error.message}`);
            setStatus('retrying');
            timer = setTimeout(load, RETRY_LOAD_MS);
          });
      };
      load();
      return () => {
        abort.abort();
        if (timer) clearTimeout(timer);
      };
    }

    let list: readonly ActiveAlert[] = [];
    // Events received while a load is under way, to apply again on top of its answer.
    let pending: AlertEventData[] | null = null;
    let loadAbort: AbortController | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    // Until the first load is in, events only wait for it (the list shown may still be another mode's).
    let loaded = false;

    const load = () => {
      loadAbort?.abort();
      if (retryTimer) clearTimeout(retryTimer);
      const abort = new AbortController();
      loadAbort = abort;
      pending = [];
      fetchAlerts(activeFilter(areaCode), abort.signal)
        .then((fetched) => {
          if (abort.signal.aborted) return;
          list = (pending ?? []).reduce(applyEvent, fetched as readonly ActiveAlert[]);
          pending = null;
          loaded = true;
          changed(list);
        })
        .catch((error: Error) => {
          if (abort.signal.aborted) return;
          pending = null;
          console.warn(`active alerts: ${error.message}`);
          retryTimer = setTimeout(load, RETRY_LOAD_MS);
        });
    };

    const stop = subscribe<{ alertEvents: AlertEventData }>(
      ALERT_EVENTS_SUBSCRIPTION,
      { area: areaInput(areaCode) },
      {
        onOpen: () => {
          opened = true;
          load();
        },
        onStatus: setStatus,
        onError: (error) => console.warn(`alert events: ${error.message}`),
        onData: ({ alertEvents: event }) => {
          pending?.push(event);
          const item = eventItem(event);
          if (item) setEvents((current) => pushEvent(current, item));
          if (!loaded) return; // the load under way (or the next one) covers it
          list = applyEvent(list, event);
          changed(list);
        },
      },
    );
    const fallback = setTimeout(() => {
      if (!opened) load();
    }, LOAD_WITHOUT_SSE_MS);

    return () => {
      stop();
      clearTimeout(fallback);
      if (retryTimer) clearTimeout(retryTimer);
      loadAbort?.abort();
    };
  }, [areaCode, replayMs]);

  const recent = useMemo(
    () => tickerItems(replayMs === null ? events : [], alerts),
    [events, alerts, replayMs],
  );
  const connection = useMemo<Connection>(() => ({ status, dataAt }), [status, dataAt]);
  return { alerts, recent, connection, lastChangeAt };
}
