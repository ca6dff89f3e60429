// The live side of one API process: the ingest service, the alert and case event buses, and the scheduled
// work (silence, escalation and monthly alert rules; 督办 of overdue cases). Services publish the events they
// commit through `events`; PostgreSQL carries them between processes (LISTEN/NOTIFY), the embedded database
// delivers in-process.
import type pg from 'pg';
import { runScheduledRules } from '../alerts/alert-scheduler.ts';
import type { IngestConfig } from '../config.ts';
import { superviseOverdueCases } from '../dispatch/case.service.ts';
import { IngestService } from '../ingest/ingest.service.ts';
import { type AlertEventRow, findAlertEventsByIds } from '../store/alerts.repo.ts';
import { type CaseLiveEventRow, findCaseLiveEvents } from '../store/case-events.repo.ts';
import { createLocalBus, createPgBus, type EventBus } from './event-bus.ts';
import type { EventPublisher } from './event-publisher.ts';
import { runPeriodically } from './periodic.ts';

export interface Live {
  ingest: IngestService;
  bus: EventBus<AlertEventRow>;
  cases: EventBus<CaseLiveEventRow>;
  /** Where services announce what they committed: onto the two buses above. */
  events: EventPublisher;
  close(): Promise<void>;
}

function publisherOf(bus: Live['bus'], cases: Live['cases']): EventPublisher {
  return { alertEvents: (ids) => bus.published(ids), caseEvents: (ids) => cases.published(ids) };
}

export interface LiveOptions {
  pool: pg.Pool;
  ingest: IngestConfig;
  /** PostgreSQL to LISTEN on; null: the embedded database (in-process delivery). */
  listenUrl: string | null;
  log: (line: string) => void;
  /** How often silence, escalation and monthly rules run; 0: never (tests drive them). */
  schedulerMs?: number;
  /** How often overdue cases are looked for; 0: never. */
  caseSchedulerMs?: number;
}

export async function startLive(options: LiveOptions): Promise<Live> {
  const { pool, log, listenUrl } = options;
  const bus = listenUrl
    ? await createPgBus('alert_events', pool, findAlertEventsByIds, listenUrl, log)
    : createLocalBus('alert_events', pool, findAlertEventsByIds, log);
  const cases = listenUrl
    ? await createPgBus('case_events', pool, findCaseLiveEvents, listenUrl, log)
    : createLocalBus('case_events', pool, findCaseLiveEvents, log);
  const events = publisherOf(bus, cases);
  const ingest = new IngestService(pool, options.ingest, events);
  const every = (ms: number | undefined) => ms ?? 15_000;
  const stops = [
    options.schedulerMs === 0
      ? null
      : runPeriodically(
          'scheduled alert rules',
          () => runScheduledRules({ pool, events, log }),
          log,
          every(options.schedulerMs),
        ),
    options.caseSchedulerMs === 0
      ? null
      : runPeriodically(
          'looking for overdue cases',
          () => superviseOverdueCases({ pool, events }),
          log,
          every(options.caseSchedulerMs),
        ),
  ];
  return {
    ingest,
    bus,
    cases,
    events,
    async close() {
      for (const stop of stops) stop?.();
      await Promise.all([bus.close(), cases.close()]);
    },
  };
}

/** For callers without a running process around them (tests, scripts): in-process delivery, no scheduler. */
export function localLive(pool: pg.Pool, ingest: IngestConfig, log: (line: string) => void): Live {
  const bus = createLocalBus('alert_events', pool, findAlertEventsByIds, log);
  const cases = createLocalBus('case_events', pool, findCaseLiveEvents, log);
  const events = publisherOf(bus, cases);
  return {
    ingest: new IngestService(pool, ingest, events),
    bus,
    cases,
    events,
    close: async () => undefined,
  };
}
