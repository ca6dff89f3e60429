// Live events (alert events, case events) to subscribers of every API process. With PostgreSQL, each process
// LISTENs on the table's channel (its trigger NOTIFYs the new ids at commit), so an event written through one
// process reaches subscribers of all. The embedded PGlite does not carry NOTIFY between connections, so there
// (one process) events are delivered in-process after each commit.
import pg from 'pg';
import type { Queryable } from '../store/db.ts';

export type EventListener<T> = (events: readonly T[]) => void;
export type EventLoader<T> = (db: Queryable, ids: readonly number[]) => Promise<T[]>;

export interface EventBus<T> {
  /** After a commit that wrote events: the in-process bus delivers them; with NOTIFY this is a no-op. */
  published(eventIds: readonly number[]): void;
  subscribe(listener: EventListener<T>): () => void;
  close(): Promise<void>;
}

/** Loads announced events once per process and hands them to every listener, in order. */
class Fanout<T> {
  private readonly listeners = new Set<EventListener<T>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly channel: string,
    private readonly db: Queryable,
    private readonly load: EventLoader<T>,
    private readonly log: (line: string) => void,
  ) {}

  subscribe(listener: EventListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(ids: readonly number[]): void {
    if (ids.length === 0 || this.listeners.size === 0) return;
    this.queue = this.queue.then(async () => {
      try {
        const events = await this.load(this.db, ids);
        for (const listener of this.listeners) listener(events);
      } catch (error) {
        this.log(
          `warning: could not deliver ${this.channel} ${ids.slice(0, 5).join(',')}…: ${(error as Error).message}`,
        );
      }
    });
  }
}

export function createLocalBus<T>(
  channel: string,
  db: Queryable,
  load: EventLoader<T>,
  log: (line: string) => void,
): EventBus<T> {
  const fanout = new Fanout(channel, db, load, log);
  return {
    published: (ids) => fanout.deliver(ids),
    subscribe: (listener) => fanout.subscribe(listener),
    close: async () => undefined,
  };
}

/** LISTENs on its own connection and reconnects after a loss (events in the gap are in the tables to catch up). */
export async function createPgBus<T>(
  channel: string,
  db: Queryable,
  load: EventLoader<T>,
  connectionString: string,
  log: (line: string) => void,
): Promise<EventBus<T>> {
  const fanout = new Fanout(channel, db, load, log);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      fanout.deliver(message.payload.split(',').map(Number).filter(Number.isSafeInteger));
    });
    c.on('error', (error) => {
      log(`warning: the ${channel} listener lost its connection (${error.message}); reconnecting`);
      scheduleReconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
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
        log(`warning: the ${channel} listener cannot reconnect (${error.message})`);
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
