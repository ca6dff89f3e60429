// Cases on the real database: intake from every source, the closed loop with rework through GraphQL,
// optimistic conflicts, deadlines across a weekend and a holiday, automatic 督办, duplicates, KPIs,
// attachments, the citizen page's endpoints and Open311.
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import type { Actor } from '../access/principal.ts';
import { loadCaseConfig, loadIngestConfig } from '../config.ts';
import { localLive } from '../live/live.ts';
import { createPool } from '../store/db.ts';
import { type CaseActor, createCase, superviseOverdueCases, transitionCase } from './case.service.ts';

const pool = createPool(testDatabaseUrl(), { max: 6 });
afterAll(() => pool.end());
const config = loadCaseConfig({}, '/tmp/city-one-map-test');

const one = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows[0] as T;
const all = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows as T[];

const audit: Actor = { kind: 'cli', id: null, name: 'duty-test', origin: { ip: null, userAgent: null } };
const officer: CaseActor = { audit, role: 'duty_officer', unitCode: null, scope: null };
const handlerOf = (unitCode: string): CaseActor => ({
  audit: { ...audit, name: 'handler-test' },
  role: 'unit_handler',
  unitCode,
  scope: null,
});

/** A point inside a street of Futian, a different one per call so duplicate checks do not interfere. */
let spot = 0;
async function point(): Promise<{ lon: number; lat: number }> {
  spot += 1;
  return one(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
       SELECT (ST_Dump(ST_GeneratePoints(boundary, 40, 11))).geom AS p FROM areas WHERE code = (
         SELECT code FROM areas WHERE level = 'street' AND parent_code = '440304' ORDER BY code LIMIT 1)
     ) x OFFSET $1 LIMIT 1`,
    [spot],
  );
}

const hotline = async (category: string, at: Date, extra: Partial<Parameters<typeof createCase>[3]> = {}) =>
  createCase(
    pool,
    config,
    officer,
    {
      source: 'hotline',
      categoryCode: category,
      urgency: null,
      description: '热线：工地夜间施工扬尘',
      address: null,
      location: await point(),
      assetCode: null,
      alertId: null,
      reporterName: '张先生',
      reporterPhone: '13800000000',
      attachments: [],
      ...extra,
    },
    at,
  );

const caseRow = (id: number) => one('SELECT * FROM cases WHERE id = $1', [id]);
const cst = (iso: string) => new Date(iso);

describe('deadlines', () => {
  it('count working time across a weekend: Friday 17:30 + 60 working minutes is Monday 09:00', async () => {
    const friday = cst('2026-11-20T17:30:00+08:00');
    const created = await hotline('SJ0302', friday);
    const row = await caseRow(created.caseId);
    expect(row.state).toBe('accepted');
    expect(row.stage_due_at.toISOString()).toBe(cst('2026-11-23T09:00:00+08:00').toISOString());
  });

  it('skip the National Day holiday: 30 September 17:30 + 60 minutes is 8 October 09:00', async () => {
    const created = await hotline('SJ0302', cst('2026-09-30T17:30:00+08:00'));
    const row = await caseRow(created.caseId);
    expect(row.stage_due_at.toISOString()).toBe(cst('2026-10-08T09:00:00+08:00').toISOString());
  });

  it('count natural time for urgent categories (waterlogging: 30 minutes to register)', async () => {
    const created = await hotline('SJ0401', cst('2026-09-30T17:30:00+08:00'));
    const row = await caseRow(created.caseId);
    expect(row.stage_due_at.toISOString()).toBe(cst('2026-09-30T18:00:00+08:00').toISOString());
  });

  it('an approved extension moves the stage and case deadlines; suspension keeps the remaining time', async () => {
    const start = cst('2026-11-16T09:00:00+08:00'); // a Monday
    const c = await hotline('SJ0302', start);
    const unit = (
      await all('SELECT code FROM responsible_units WHERE kind = $1 ORDER BY code', ['housing_bureau'])
    )[0].code;
    let v = c.version;
    const step = async (who: CaseActor, action: any, input: any = {}, at = start) =>
      (v = (
        await transitionCase(
          pool,
          config,
          who,
          {
            id: c.caseId,
            action,
            version: v,
            input: {
              comment: null,
              unitCode: null,
              attachments: [],
              extensionMinutes: null,
              mergeInto: null,
              ...input,
            },
          },
          at,
        )
      ).version);
    await step(officer, 'register');
    await step(officer, 'dispatch', { unitCode: unit });
    const before = await caseRow(c.caseId);
    // Handle: one working day (450 minutes) from Monday 09:00 is Tuesday 09:00.
    expect(before.stage_due_at.toISOString()).toBe(cst('2026-11-17T09:00:00+08:00').toISOString());
    await step(handlerOf(unit), 'request_extension', { comment: '需要协调', extensionMinutes: 60 });
    await expect(
      step(handlerOf(unit), 'request_extension', { comment: 'again', extensionMinutes: 60 }),
    ).rejects.toThrow(/already waiting/);
    await step(officer, 'approve_extension');
    const after = await caseRow(c.caseId);
    expect(after.stage_due_at.toISOString()).toBe(cst('2026-11-17T10:00:00+08:00').toISOString());
    expect(after.due_at.getTime()).toBeGreaterThan(before.due_at.getTime());
    await step(officer, 'suspend', { comment: '等待产权人' }, cst('2026-11-16T10:00:00+08:00'));
    const suspended = await caseRow(c.caseId);
    expect([suspended.state, suspended.stage_due_at, suspended.suspended_from]).toEqual([
      'suspended',
      null,
      'dispatched',
    ]);
    // Resumed a week later: the 450 working minutes that were left start again.
    await step(officer, 'resume', {}, cst('2026-11-23T10:00:00+08:00'));
    const resumed = await caseRow(c.caseId);
    expect(resumed.state).toBe('dispatched');
    expect(resumed.stage_due_at.toISOString()).toBe(cst('2026-11-24T10:00:00+08:00').toISOString());
  });
});

describe('escalation (督办)', () => {
  it('urges a case once per overdue stage, one level up each time, and says so as an event', async () => {
    const t0 = cst('2026-11-19T10:00:00+08:00');
    const c = await hotline('SJ0401', t0); // natural time: 30 minutes to register
    const later = new Date(t0.getTime() + 31 * 60_000);
    const ids = await superviseOverdueCases(pool, later);
    const mine = await all('SELECT * FROM case_events WHERE case_id = $1 AND action = $2', [
      c.caseId,
      'supervise',
    ]);
    expect(mine).toHaveLength(1);
    expect(ids).toContain(Number(mine[0].id));
    expect(mine[0].comment).toContain('超期督办');
    expect((await caseRow(c.caseId)).escalation_level).toBe(1);
    await superviseOverdueCases(pool, new Date(later.getTime() + 3_600_000));
    expect((await caseRow(c.caseId)).escalation_level).toBe(1);
    await transitionCase(
      pool,
      config,
      officer,
      {
        id: c.caseId,
        action: 'register',
        version: c.version,
        input: { comment: null, unitCode: null, attachments: [], extensionMinutes: null, mergeInto: null },
      },
      later,
    );
    await superviseOverdueCases(pool, new Date(later.getTime() + 16 * 60_000)); // dispatch: 15 minutes
    expect((await caseRow(c.caseId)).escalation_level).toBe(2);
  });

  it('announces 督办 on the caseEvents subscription', async () => {
    const live = localLive(pool, loadIngestConfig({}, 'large'), () => undefined);
    const watcher = graphqlClient(pool, { role: 'duty_officer', live, log: () => undefined });
    const res = await watcher.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription { caseEvents { action trackingNo escalationLevel comment } }',
      }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const c = await hotline('SJ0401', new Date(Date.now() - 40 * 60_000));
    // What the case scheduler does each tick (dispatch/case-scheduler.ts).
    live.cases.published(await superviseOverdueCases(pool));
    const text = await readUntil(reader, c.trackingNo);
    expect(text).toContain('"action":"supervise"');
    expect(text).toContain('"escalationLevel":1');
  });
});

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = setTimeout(() => void reader.cancel(), 5000);
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  clearTimeout(deadline);
  await reader.cancel();
  return text;
}
