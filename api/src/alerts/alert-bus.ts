// Live alert events to subscribers of every API process. With PostgreSQL, each process LISTENs on
// 'alert_events' (the alert_events trigger NOTIFYs at commit), so an alert raised through one process
// reaches subscribers of all. The embedded PGlite does not carry NOTIFY between connections, so there (one
// process) events are delivered in-process after each commit.
import pg from 'pg';
import { type AlertEventRow, findAlertEventsByIds } from '../store/alerts.repo.ts';
import type { Queryable } from '../store/db.ts';

export type AlertListener = (events: readonly AlertEventRow[]) => void;

export interface AlertBus {
  /** After a commit that wrote alert events: the in-process bus delivers them; with NOTIFY this is a no-op. */
  published(eventIds: readonly number[]): void;
  subscribe(listener: AlertListener): () => void;
  close(): Promise<void>;
}

/** Loads announced events once per process and hands them to every listener, in order. */
class Fanout {
  private readonly listeners = new Set<AlertListener>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    private readonly log: (line: string) => void,
  ) {}

  subscribe(listener: AlertListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(ids: readonly number[]): void {
    if (ids.length === 0 || this.listeners.size === 0) return;
    this.queue = this.queue.then(async () => {
      try {
        const events = await findAlertEventsByIds(this.db, ids);
        for (const listener of this.listeners) listener(events);
      } catch (error) {
        this.log(
          `warning: could not deliver alert events ${ids.slice(0, 5).join(',')}…: ${(error as Error).message}`,
        );
      }
    });
  }
}

export function createLocalAlertBus(db: Queryable, log: (line: string) => void): AlertBus {
  const fanout = new Fanout(db, log);
  return {
    published: (ids) => fanout.deliver(ids),
    subscribe: (listener) => fanout.subscribe(listener),
    close: async () => undefined,
  };
}

/** LISTENs on its own connection and reconnects after a loss (events in the gap are in `alerts` to catch up). */
export async function createPgAlertBus(
  db: Queryable,
  connectionString: string,
  log: (line: string) => void,
): Promise<AlertBus> {
  const fanout = new Fanout(db, log);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (message) => {
      if (message.channel !== 'alert_events' || !message.payload) return;
      fanout.deliver(message.payload.split(',').map(Number).filter(Number.isSafeInteger));
    });
    c.on('error', (error) => {
      log(`warning: alert event listener lost its connection (${error.message}); reconnecting`);
      scheduleReconnect();
    });
    await c.connect();
    await c.query('LISTEN alert_events');
    client = c;
  };
  const scheduleReconnect = (delayMs = 1000) => {
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((error: Error) => {
        log(`warning: alert event listener cannot reconnect (${error.message})`);
        scheduleReconnect(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs);
    retry.unref();
  };
  await connect();
  return {
    published: () => undefined,
    subscribe: (listener) => fanout.subscribe(listener),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
