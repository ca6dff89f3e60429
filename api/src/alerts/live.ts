// The live side of one API process: the ingest service, the alert event bus and the scheduled rules.
// PostgreSQL carries events between processes (LISTEN/NOTIFY); the embedded database delivers in-process.
import type pg from 'pg';
import type { IngestConfig } from '../config.ts';
import { IngestService } from '../ingest/ingest.service.ts';
import { type AlertBus, createLocalAlertBus, createPgAlertBus } from './alert-bus.ts';
import { startAlertScheduler } from './alert-scheduler.ts';

export interface Live {
  ingest: IngestService;
  bus: AlertBus;
  close(): Promise<void>;
}

export interface LiveOptions {
  pool: pg.Pool;
  ingest: IngestConfig;
  /** PostgreSQL to LISTEN on; null: the embedded database (in-process delivery). */
  listenUrl: string | null;
  log: (line: string) => void;
  /** How often silence, escalation and monthly rules run; 0: never (tests drive them). */
  schedulerMs?: number;
}

export async function startLive(options: LiveOptions): Promise<Live> {
  const bus = options.listenUrl
    ? await createPgAlertBus(options.pool, options.listenUrl, options.log)
    : createLocalAlertBus(options.pool, options.log);
  const onEvents = (ids: number[]) => bus.published(ids);
  const ingest = new IngestService(options.pool, options.ingest, onEvents);
  const stopScheduler =
    options.schedulerMs === 0
      ? () => undefined
      : startAlertScheduler(
          { pool: options.pool, onEvents, log: options.log },
          options.schedulerMs ?? 15_000,
        );
  return {
    ingest,
    bus,
    async close() {
      stopScheduler();
      await bus.close();
    },
  };
}

/** For callers without a running process around them (tests, scripts): in-process delivery, no scheduler. */
export function localLive(pool: pg.Pool, ingest: IngestConfig, log: (line: string) => void): Live {
  const bus = createLocalAlertBus(pool, log);
  return {
    ingest: new IngestService(pool, ingest, (ids) => bus.published(ids)),
    bus,
    close: async () => undefined,
  };
}
