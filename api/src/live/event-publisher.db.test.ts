// Every state-changing service method publishes, after its commit, exactly the alert and case events it
// wrote: each method runs against the real database with a recording publisher, and what it published is
// compared with the rows it added to alert_events and case_events. A service module's new export fails the
// last test until it is added to the table (or, writing no events, to WRITES_NO_EVENTS).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import { pointsInFutian } from '../../../scripts/test/places.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { runScheduledRules } from '../alerts/alert-scheduler.ts';
import { acknowledgeAlert, changeRule, createRule, escalateAlert } from '../alerts/alerts.service.ts';
import { loadCaseConfig, loadIngestConfig } from '../config.ts';
import {
  type CaseActor,
  type CreateCaseInput,
  createCase,
  superviseOverdueCases,
  transitionCase,
} from '../dispatch/case.service.ts';
import { filePublicReport } from '../dispatch/public-intake.ts';
import { IngestService } from '../ingest/ingest.service.ts';
import { createPool } from '../store/db.ts';
import { type EventPublisher, noListeners } from './event-publisher.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pool = createPool(testDatabaseUrl(), { max: 4 });
/** A connection of its own: whether published events are visible outside their transaction (committed). */
const outside = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => outside.connect());
afterAll(async () => {
  await outside.end();
  await pool.end();
});

const one = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows[0] as T;
const cases = loadCaseConfig({}, '/tmp/city-one-map-test');
const ingestConfig = loadIngestConfig({}, 'large');
const officer: CaseActor = { audit: TEST_ACTOR, role: 'duty_officer', unitCode: null, scope: null };
const NO_STEP = { comment: null, unitCode: null, attachments: [], extensionMinutes: null, mergeInto: null };

type Table = 'alert_events' | 'case_events';

/** Publishes nowhere; keeps what it was given and asks another connection whether those rows exist yet. */
class Recorder implements EventPublisher {
  readonly published: Record<Table, number[]> = { alert_events: [], case_events: [] };
  private readonly checks: Promise<{ table: Table; ids: readonly number[]; visible: number }>[] = [];

  alertEvents(ids: readonly number[]): void {
    this.record('alert_events', ids);
  }

  caseEvents(ids: readonly number[]): void {
    this.record('case_events', ids);
  }

  private record(table: Table, ids: readonly number[]): void {
    this.published[table].push(...ids);
    if (ids.length === 0) return;
    this.checks.push(
      outside
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY ($1)`, [ids])
        .then(({ rows }) => ({ table, ids, visible: rows[0]!.n })),
    );
  }

  /** Publications whose rows another connection could not see yet: published before the commit. */
  async uncommitted() {
    return (await Promise.all(this.checks)).filter((c) => c.visible !== c.ids.length);
  }
}

const newest = () =>
  one<Record<Table, number>>(
    `SELECT (SELECT coalesce(max(id), 0) FROM alert_events)::bigint::float8 AS alert_events,
            (SELECT coalesce(max(id), 0) FROM case_events)::bigint::float8 AS case_events`,
  );

async function writtenSince(mark: Record<Table, number>): Promise<Record<Table, number[]>> {
  const ids = async (table: Table) =>
    (await pool.query(`SELECT id FROM ${table} WHERE id > $1 ORDER BY id`, [mark[table]])).rows.map((r) =>
      Number(r.id),
    );
  return { alert_events: await ids('alert_events'), case_events: await ids('case_events') };
}

/** A crane monitor without an open alert, a different one per call (one reading over the line fires). */
const usedCranes: number[] = [];
async function crane(): Promise<{ id: number; code: string }> {
  const row = await one(
    `SELECT d.id, d.code FROM devices d WHERE d.type = 'crane_monitor' AND NOT (d.id = ANY ($1))
       AND NOT EXISTS (SELECT 1 FROM alerts al WHERE al.device_id = d.id AND al.cleared_at IS NULL)
     ORDER BY d.id DESC LIMIT 1`,
    [usedCranes],
  );
  if (!row) throw new Error('no crane monitor without an open alert in the demo city');
  usedCranes.push(row.id);
  return row;
}

const overTheLine = (code: string) => ({
  items: [{ device: code, metric: 'load_moment_ratio', ts: new Date().toISOString(), value: 101 }],
  source: 'http' as const,
  actor: 'publish-test',
  scope: null,
});

/** An open, unacknowledged alert of its own (fired through ingest, published nowhere). */
async function firedAlert(): Promise<{ id: number; ruleId: number }> {
  const device = await crane();
  await new IngestService(pool, ingestConfig, noListeners).ingest(overTheLine(device.code));
  const alert = await one(
    'SELECT id, rule_id FROM alerts WHERE device_id = $1 AND cleared_at IS NULL ORDER BY id DESC LIMIT 1',
    [device.id],
  );
  if (!alert) throw new Error(`a load moment of 101% on ${device.code} raised no alert`);
  return { id: Number(alert.id), ruleId: Number(alert.rule_id) };
}

const point = pointsInFutian(pool, { street: 0, count: 40, seed: 23 });

const hotline = (location: { lon: number; lat: number }, category = 'SJ0699'): CreateCaseInput => ({
  source: 'hotline',
  categoryCode: category,
  urgency: null,
  description: 'publish test',
  address: null,
  location,
  assetCode: null,
  alertId: null,
  reporterName: null,
  reporterPhone: null,
  attachments: [],
});

const quietly = { pool, config: cases, events: noListeners };

interface Scenario {
  /** The module, relative to api/src, and the export (or Class.method) under test. */
  module: string;
  method: string;
  what: string;
  /** Prepares what the method needs (publishing nowhere) and returns the call to watch. */
  prepare: () => Promise<(events: EventPublisher) => Promise<unknown>>;
  /** Whether the call must write at least one event (so the comparison is not empty). */
  writes: boolean;
  /** Puts back what the call changed that other tests on this database rely on. */
  restore?: () => Promise<void>;
}

let restoreRule: (() => Promise<void>) | null = null;

const SCENARIOS: Scenario[] = [
  {
    module: 'ingest/ingest.service.ts',
    method: 'IngestService.ingest',
    what: 'a reading over the line raises an alert',
    prepare: async () => {
      const device = await crane();
      return (events) => new IngestService(pool, ingestConfig, events).ingest(overTheLine(device.code));
    },
    writes: true,
  },
  {
    module: 'alerts/alerts.service.ts',
    method: 'acknowledgeAlert',
    what: 'an officer acknowledges an alert',
    prepare: async () => {
      const alert = await firedAlert();
      return (events) => acknowledgeAlert({ pool, events }, TEST_ACTOR, null, alert.id, '已处理');
    },
    writes: true,
  },
  {
    module: 'alerts/alerts.service.ts',
    method: 'escalateAlert',
    what: 'an officer escalates an alert',
    prepare: async () => {
      const alert = await firedAlert();
      return (events) => escalateAlert({ pool, events }, TEST_ACTOR, null, alert.id, '需要区里协调');
    },
    writes: true,
  },
  {
    module: 'alerts/alerts.service.ts',
    method: 'changeRule',
    what: 'disabling a rule clears its open alerts',
    prepare: async () => {
      const { ruleId } = await firedAlert();
      const { version } = await one('SELECT version FROM alert_rules WHERE id = $1', [ruleId]);
      restoreRule = async () => {
        const now = await one('SELECT version FROM alert_rules WHERE id = $1', [ruleId]);
        await changeRule({ pool, events: noListeners }, TEST_ACTOR, {
          id: ruleId,
          version: now.version,
          enabled: true,
        });
      };
      return (events) => changeRule({ pool, events }, TEST_ACTOR, { id: ruleId, version, enabled: false });
    },
    writes: true,
    restore: () => restoreRule!(),
  },
  {
    module: 'alerts/alerts.service.ts',
    method: 'createRule',
    what: 'a new (disabled) rule raises nothing',
    prepare: async () => {
      const { definition } = await one("SELECT definition FROM alert_rules WHERE code = 'crane.load-moment'");
      return () =>
        createRule(pool, TEST_ACTOR, {
          code: `publish-test.${Date.now()}`,
          nameZh: '发布测试',
          nameEn: 'publish test',
          deviceType: 'crane_monitor',
          definition,
          escalateAfterS: null,
          citation: 'test',
          enabled: false,
        });
    },
    writes: false,
  },
  {
    module: 'alerts/alert-scheduler.ts',
    method: 'runScheduledRules',
    what: 'a device silent for days raises a no-data alert',
    prepare: async () => {
      const camera = await one(
        `SELECT d.id FROM devices d WHERE d.type = 'camera'
           AND NOT EXISTS (SELECT 1 FROM alerts al WHERE al.device_id = d.id AND al.cleared_at IS NULL)
         ORDER BY d.id DESC LIMIT 1`,
      );
      await pool.query("UPDATE devices SET last_seen_at = now() - interval '4 days' WHERE id = $1", [
        camera.id,
      ]);
      return (events) => runScheduledRules({ pool, events, log: () => undefined });
    },
    writes: true,
  },
  {
    module: 'dispatch/case.service.ts',
    method: 'createCase',
    what: 'a hotline case is filed and accepted at once',
    prepare: async () => {
      const at = await point();
      return (events) => createCase({ ...quietly, events }, officer, hotline(at));
    },
    writes: true,
  },
  {
    module: 'dispatch/case.service.ts',
    method: 'transitionCase',
    what: 'a case is registered',
    prepare: async () => {
      const c = await createCase(quietly, officer, hotline(await point()));
      return (events) =>
        transitionCase({ ...quietly, events }, officer, {
          id: c.caseId,
          action: 'register',
          version: c.version,
          input: NO_STEP,
        });
    },
    writes: true,
  },
  {
    module: 'dispatch/case.service.ts',
    method: 'transitionCase',
    what: 'a repeated report is merged into the first',
    prepare: async () => {
      const at = await point();
      const first = await createCase(quietly, officer, hotline(at, 'SJ0301'));
      const again = await createCase(
        quietly,
        officer,
        hotline({ lon: at.lon + 0.0002, lat: at.lat }, 'SJ0301'),
      );
      return (events) =>
        transitionCase({ ...quietly, events }, officer, {
          id: again.caseId,
          action: 'merge',
          version: again.version,
          input: { ...NO_STEP, mergeInto: first.caseId },
        });
    },
    writes: true,
  },
  {
    module: 'dispatch/case.service.ts',
    method: 'superviseOverdueCases',
    what: 'an overdue case is urged (督办)',
    prepare: async () => {
      // SJ0401 counts natural time: 30 minutes to register.
      await createCase(
        quietly,
        officer,
        hotline(await point(), 'SJ0401'),
        new Date(Date.now() - 40 * 60_000),
      );
      return (events) => superviseOverdueCases({ pool, events });
    },
    writes: true,
  },
  {
    module: 'dispatch/public-intake.ts',
    method: 'filePublicReport',
    what: 'a citizen reports a problem',
    prepare: async () => {
      const { code } = await one('SELECT code FROM case_categories WHERE citizen ORDER BY code LIMIT 1');
      const location = await point();
      return (events) =>
        filePublicReport({ ...quietly, events }, TEST_ACTOR.origin, 'citizen', {
          categoryCode: code,
          description: '路灯不亮',
          assetCode: null,
          location,
          address: null,
          reporterName: null,
          reporterPhone: null,
          photo: null,
        });
    },
    writes: true,
  },
];

/** Exports of the service modules that write no alert or case events. */
const WRITES_NO_EVENTS: Record<string, readonly string[]> = {
  'access/accounts.service.ts': [
    'createUser',
    'changeUser',
    'resetPassword',
    'changeOwnPassword',
    'unlockAccount',
    'createToken',
    'revokeApiToken',
  ],
  'access/auth.service.ts': ['signIn', 'signOut', 'principalFromSession', 'principalFromToken'],
  'access/mqtt-credentials.service.ts': ['issueMqttCredential', 'revokeMqttCredential'],
  'geo/area.service.ts': ['findVisibleArea', 'resolveArea', 'serviceAreaReader'],
  'dispatch/case.service.ts': ['caseViewer', 'machineActor', 'duplicateCandidates'],
  // deadLetters keeps refused items; the other two are its private caches.
  'ingest/ingest.service.ts': [
    'IngestService.deadLetters',
    'IngestService.metricIds',
    'IngestService.resolveDevices',
  ],
};

describe('services publish exactly the events they commit', () => {
  it.each(SCENARIOS.map((s) => [`${s.method}: ${s.what}`, s] as const))('%s', async (_name, scenario) => {
    const call = await scenario.prepare();
    const recorder = new Recorder();
    const mark = await newest();
    try {
      await call(recorder);
    } finally {
      await scenario.restore?.();
    }
    const written = await writtenSince(mark);
    if (scenario.writes) {
      expect(written.alert_events.length + written.case_events.length, 'events written').toBeGreaterThan(0);
    }
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    expect(sorted(recorder.published.alert_events), 'alert events published').toEqual(written.alert_events);
    expect(sorted(recorder.published.case_events), 'case events published').toEqual(written.case_events);
    expect(await recorder.uncommitted(), 'published before the commit').toEqual([]);
  });

  it('covers every function a service module exports', async () => {
    const modules = fs
      .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.service.ts'))
      .concat(SCENARIOS.map((s) => s.module));
    const missing: string[] = [];
    for (const module of new Set(modules)) {
      const exports = (await import(path.join(SRC, module))) as Record<string, unknown>;
      const known = new Set([
        ...(WRITES_NO_EVENTS[module] ?? []),
        ...SCENARIOS.filter((s) => s.module === module).map((s) => s.method),
      ]);
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== 'function') continue;
        const isClass = /^class\b/.test(Function.prototype.toString.call(value));
        const methods = isClass
          ? Object.entries(Object.getOwnPropertyDescriptors(value.prototype))
              .filter(([m, d]) => m !== 'constructor' && typeof d.value === 'function')
              .map(([m]) => `${name}.${m}`)
          : [name];
        missing.push(...methods.filter((m) => !known.has(m)).map((m) => `${module}: ${m}`));
      }
    }
    expect(missing, 'add a scenario above (or list it in WRITES_NO_EVENTS)').toEqual([]);
  });
});
