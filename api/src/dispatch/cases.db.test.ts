// Cases on the real database: intake from every source, the closed loop with rework through GraphQL,
// optimistic conflicts, deadlines across a weekend and a holiday, automatic 督办, duplicates, KPIs,
// attachments, the citizen page's endpoints and Open311.
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { pointsInFutian } from '../../../scripts/test/places.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import type { Actor } from '../access/principal.ts';
import { loadCaseConfig, loadIngestConfig } from '../config.ts';
import { noListeners } from '../live/event-publisher.ts';
import { localLive } from '../live/live.ts';
import { createPool } from '../store/db.ts';
import { type CaseActor, createCase, superviseOverdueCases, transitionCase } from './case.service.ts';

const pool = createPool(testDatabaseUrl(), { max: 6 });
afterAll(() => pool.end());
const config = loadCaseConfig({}, '/tmp/city-one-map-test');
const deps = { pool, config, events: noListeners };

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

const point = pointsInFutian(pool, { street: 0, count: 40, seed: 11 });

const hotline = async (category: string, at: Date, extra: Partial<Parameters<typeof createCase>[2]> = {}) =>
  createCase(
    deps,
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
          deps,
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
    const ids = await superviseOverdueCases(deps, later);
    const mine = await all('SELECT * FROM case_events WHERE case_id = $1 AND action = $2', [
      c.caseId,
      'supervise',
    ]);
    expect(mine).toHaveLength(1);
    expect(ids).toContain(Number(mine[0].id));
    expect(mine[0].comment).toContain('超期督办');
    expect((await caseRow(c.caseId)).escalation_level).toBe(1);
    await superviseOverdueCases(deps, new Date(later.getTime() + 3_600_000));
    expect((await caseRow(c.caseId)).escalation_level).toBe(1);
    await transitionCase(
      deps,
      officer,
      {
        id: c.caseId,
        action: 'register',
        version: c.version,
        input: { comment: null, unitCode: null, attachments: [], extensionMinutes: null, mergeInto: null },
      },
      later,
    );
    await superviseOverdueCases(deps, new Date(later.getTime() + 16 * 60_000)); // dispatch: 15 minutes
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
    // What the case scheduler does each tick (live/live.ts).
    await superviseOverdueCases({ pool, events: live.events });
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

/** A tiny valid PNG (1×1). */
const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const q = async (
  client: ReturnType<typeof graphqlClient>,
  query: string,
  variables: Record<string, unknown> = {},
) => {
  const res = await client.query<any>(query, variables);
  if (res.errors)
    throw Object.assign(new Error(res.errors[0]!.message), { code: res.errors[0]!.extensions?.code });
  return res.data;
};

const CASE_FIELDS =
  'id number trackingNo version state allowedActions unitCode reworkCount events { action toState attachments { id } }';

describe('the closed loop through GraphQL', () => {
  const live = localLive(pool, loadIngestConfig({}, 'large'), () => undefined);
  const duty = graphqlClient(pool, { role: 'duty_officer', live, cases: config, log: () => undefined });
  const sender = graphqlClient(pool, { role: 'api_client', live, log: () => undefined });

  async function raiseCraneAlert(): Promise<{ alertId: string; device: string }> {
    const crane = await one(
      `SELECT d.id, d.code FROM devices d WHERE d.type = 'crane_monitor'
         AND NOT EXISTS (SELECT 1 FROM alerts al WHERE al.device_id = d.id) ORDER BY d.id LIMIT 1`,
    );
    const ts = new Date(Date.now() - 3 * 60_000 + 7_000).toISOString();
    const sent = await sender.request('/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ device: crane.code, metric: 'load_moment_ratio', ts, value: 104 }]),
    });
    expect(sent.status).toBe(200);
    const alert = await one('SELECT id FROM alerts WHERE device_id = $1 AND cleared_at IS NULL', [crane.id]);
    return { alertId: String(alert.id), device: crane.code };
  }

  it('alert → case → dispatch → handled with a photo → rework → handled → verified → closed; KPIs follow', async () => {
    const { alertId } = await raiseCraneAlert();
    const kpiQuery = `{ caseKpis(from: "${new Date(Date.now() - 86_400_000).toISOString()}", to: "${new Date(Date.now() + 7 * 86_400_000).toISOString()}") { due closed closedOnTime reworked handled closureRate reworkRate stageMinutes } }`;
    const before = (await q(duty, kpiQuery)).caseKpis[0] ?? { due: 0, closed: 0, reworked: 0 };

    await q(duty, `mutation { acknowledgeAlert(id: "${alertId}", comment: "已电话通知项目部") { id } }`);
    const created = (
      await q(
        duty,
        `mutation { createCase(input: { source: ALERT, alertId: "${alertId}", description: "塔吊力矩超限" }) { case { ${CASE_FIELDS} category { code } suggestedUnits { code kind } nearestPatrolOfficers { code distanceM } alert { id } asset { code } } duplicates { distanceM } } }`,
      )
    ).createCase.case;
    expect(created.state).toBe('REGISTERED');
    expect(created.category.code).toBe('SJ0304');
    expect(created.events.map((e: any) => e.action)).toEqual(['report', 'accept', 'register']);
    expect(created.alert.id).toBeTruthy();
    expect(created.suggestedUnits[0].kind).toBe('housing_bureau');
    expect(created.nearestPatrolOfficers).toHaveLength(3);
    expect(created.nearestPatrolOfficers[0].distanceM).toBeLessThanOrEqual(
      created.nearestPatrolOfficers[2].distanceM,
    );
    // The same alert cannot open a second case.
    await expect(
      q(
        duty,
        `mutation { createCase(input: { source: ALERT, alertId: "${alertId}", description: "again" }) { case { id } } }`,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const unit = created.suggestedUnits[0].code;
    const handler = graphqlClient(pool, {
      role: 'unit_handler',
      unitCode: unit,
      live,
      cases: config,
      log: () => undefined,
    });
    const step = async (client: typeof duty, c: any, action: string, extra = '') =>
      (
        await q(
          client,
          `mutation { transitionCase(id: "${c.id}", action: ${action}, version: ${c.version}${extra}) { ${CASE_FIELDS} } }`,
        )
      ).transitionCase;

    let c = await step(duty, created, 'DISPATCH', `, unitCode: "${unit}"`);
    expect([c.state, c.unitCode]).toEqual(['DISPATCHED', unit]);
    expect(
      (await q(handler, `{ node(id: "${c.id}") { ... on Case { allowedActions } } }`)).node.allowedActions,
    ).toEqual(['START', 'REPORT_HANDLED', 'REQUEST_EXTENSION']);
    c = await step(handler, c, 'START');
    // Handled needs a photo for this category.
    await expect(step(handler, c, 'REPORT_HANDLED', ', comment: "已卸载"')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const upload = await handler.request('/attachments', {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: PNG_BYTES,
    });
    expect(upload.status).toBe(201);
    const photo = ((await upload.json()) as any).id;
    c = await step(handler, c, 'REPORT_HANDLED', `, comment: "已卸载超载构件", attachments: ["${photo}"]`);
    expect(c.state).toBe('HANDLED');
    c = await step(duty, c, 'VERIFY_FAIL', ', comment: "现场仍有超载"');
    expect([c.state, c.reworkCount]).toEqual(['DISPATCHED', 1]);
    c = await step(handler, c, 'REPORT_HANDLED', `, comment: "已整改", attachments: ["${photo}"]`);
    c = await step(duty, c, 'VERIFY_PASS');
    c = await step(duty, c, 'CLOSE');
    expect(c.state).toBe('CLOSED');
    expect(c.events.map((e: any) => e.action)).toEqual([
      'report',
      'accept',
      'register',
      'dispatch',
      'start',
      'report_handled',
      'verify_fail',
      'report_handled',
      'verify_pass',
      'close',
    ]);
    expect(c.events[5].attachments[0].id).toBe(photo);
    // The photo is served to those who can see the case.
    const image = await duty.request(`/attachments/${photo}`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);

    const after = (await q(duty, kpiQuery)).caseKpis[0];
    expect(after.due).toBe(before.due + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.reworked).toBe(before.reworked + 1);
    expect(after.stageMinutes).toHaveProperty('dispatched');
  });

  it('caseEvents subscribers see each case as it is when its event arrives (no stale cache in a long request)', async () => {
    const c = await hotline('SJ0699', new Date());
    const res = await duty.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription { caseEvents { action trackingNo case { state version } } }',
      }),
    });
    const reader = res.body!.getReader();
    const unit = (
      await one("SELECT code FROM responsible_units WHERE kind = 'street_office' ORDER BY code LIMIT 1")
    ).code;
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${needle}`);
        text += decoder.decode(value);
      }
    };
    await q(
      duty,
      `mutation { transitionCase(id: "${c.caseId}", action: REGISTER, version: ${c.version}) { id } }`,
    );
    await until('"action":"register"');
    // That event was resolved, and its case loaded, before the next step.
    expect(text).toContain(`"case":{"state":"REGISTERED","version":${c.version + 1}`);
    await q(
      duty,
      `mutation { transitionCase(id: "${c.caseId}", action: DISPATCH, version: ${c.version + 1}, unitCode: "${unit}") { id } }`,
    );
    await until('"action":"dispatch"');
    await reader.cancel();
    expect(text).toContain(`"case":{"state":"DISPATCHED","version":${c.version + 2}`);
  });

  it('two officers acting on one case at once: exactly one wins, the other gets CONFLICT, nothing half-written', async () => {
    const c = await hotline('SJ0699', new Date());
    const other = graphqlClient(pool, { role: 'duty_officer', live, cases: config, log: () => undefined });
    const results = await Promise.allSettled([
      q(
        duty,
        `mutation { transitionCase(id: "${c.caseId}", action: REGISTER, version: ${c.version}) { version } }`,
      ),
      q(
        other,
        `mutation { transitionCase(id: "${c.caseId}", action: REGISTER, version: ${c.version}) { version } }`,
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('CONFLICT');
    const events = await all('SELECT action FROM case_events WHERE case_id = $1 ORDER BY id', [c.caseId]);
    expect(events.map((e) => e.action)).toEqual(['report', 'accept', 'register']);
    expect((await caseRow(c.caseId)).version).toBe(c.version + 1);
  });

  it('refuses illegal steps, wrong people and bad input with typed errors and changes nothing', async () => {
    const c = await hotline('SJ0699', new Date());
    const tries: [string, string][] = [
      [`transitionCase(id: "${c.caseId}", action: CLOSE, version: ${c.version})`, 'ILLEGAL_TRANSITION'],
      [`transitionCase(id: "${c.caseId}", action: REGISTER, version: ${c.version + 5})`, 'CONFLICT'],
      [`transitionCase(id: "nonsense", action: REGISTER, version: 1)`, 'INVALID_INPUT'],
      [`transitionCase(id: "999999999", action: REGISTER, version: 1)`, 'NOT_FOUND'],
      [`transitionCase(id: "${c.caseId}", action: SUPERVISE, version: ${c.version})`, 'INVALID_INPUT'],
      [
        `createCase(input: { source: HOTLINE, category: "SJ9999", description: "x", location: { lon: 114.05, lat: 22.54 } }) { case { id } }`,
        'INVALID_INPUT',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "x", location: { lon: 22.54, lat: 114.05 } }) { case { id } }`,
        'INVALID_INPUT',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "x", location: { lon: 113.0, lat: 23.5 } }) { case { id } }`,
        'OUT_OF_SERVICE_AREA',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "  ", location: { lon: 114.05, lat: 22.54 } }) { case { id } }`,
        'INVALID_INPUT',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "${'长'.repeat(2001)}", location: { lon: 114.05, lat: 22.54 } }) { case { id } }`,
        'LIMIT_EXCEEDED',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "x", assetCode: "BD-000000-0000" }) { case { id } }`,
        'NOT_FOUND',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "x", location: { lon: 114.05, lat: 22.54 }, attachments: ["${'0'.repeat(64)}"] }) { case { id } }`,
        'NOT_FOUND',
      ],
      [
        `createCase(input: { source: HOTLINE, category: "SJ0699", description: "x", location: { lon: 114.05, lat: 22.54 }, reporterPhone: "<script>" }) { case { id } }`,
        'INVALID_INPUT',
      ],
      [`createCase(input: { source: ALERT, description: "x" }) { case { id } }`, 'INVALID_INPUT'],
    ];
    const casesBefore = (await one('SELECT count(*)::int AS n FROM cases')).n;
    for (const [mutation, code] of tries) {
      const text = mutation.startsWith('transitionCase')
        ? `mutation { ${mutation} { id } }`
        : `mutation { ${mutation} }`;
      await expect(q(duty, text), mutation.slice(0, 80)).rejects.toMatchObject({ code });
    }
    expect((await one('SELECT count(*)::int AS n FROM cases')).n).toBe(casesBefore);
    expect((await caseRow(c.caseId)).version).toBe(c.version);
    // A handler cannot take an officer's step; the same person cannot handle and verify.
    const handler = graphqlClient(pool, {
      role: 'unit_handler',
      unitCode: 'U-NONE',
      live,
      log: () => undefined,
    });
    await expect(
      q(
        handler,
        `mutation { transitionCase(id: "${c.caseId}", action: REGISTER, version: ${c.version}) { id } }`,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('offers a new report within 50 m of an open case of the same category as a duplicate, and merges it', async () => {
    const at = await point();
    const first = await hotline('SJ0301', new Date(), { location: at });
    const near = { lon: at.lon + 0.0002, lat: at.lat }; // about 20 m east
    const made = (
      await q(
        duty,
        `mutation($loc: LonLatInput!) { createCase(input: { source: PATROL, category: "SJ0301", description: "夜间施工噪音", location: $loc }) { case { id version } duplicates { distanceM case { trackingNo } } } }`,
        { loc: near },
      )
    ).createCase;
    expect(made.duplicates.map((d: any) => d.case.trackingNo)).toContain(first.trackingNo);
    expect(made.duplicates[0].distanceM).toBeLessThan(50);
    const merged = (
      await q(
        duty,
        `mutation { transitionCase(id: "${made.case.id}", action: MERGE, version: ${made.case.version}, mergeInto: "${first.caseId}") { state mergedInto { trackingNo } } }`,
      )
    ).transitionCase;
    expect(merged).toEqual({ state: 'REJECTED', mergedInto: { trackingNo: first.trackingNo } });
    const far = { lon: at.lon + 0.002, lat: at.lat }; // about 200 m
    const alone = (
      await q(
        duty,
        `mutation($loc: LonLatInput!) { createCase(input: { source: PATROL, category: "SJ0301", description: "x", location: $loc }) { duplicates { distanceM } } }`,
        { loc: far },
      )
    ).createCase;
    expect(alone.duplicates.filter((d: any) => d.distanceM < 50)).toEqual([]);
  });
});

describe('citizens and Open311', () => {
  const live = localLive(pool, loadIngestConfig({}, 'large'), () => undefined);
  const site = graphqlClient(pool, {
    role: 'duty_officer',
    live,
    cases: { ...config, reportsPerHour: 3 },
    log: () => undefined,
  });
  const anonymous = (path: string, init: RequestInit = {}) => site.app.request(path, init);

  it('a citizen reports by plate code with a photo, gets a tracking number and follows it; reports are rate limited', async () => {
    const building = await one(
      `SELECT code FROM assets WHERE kind = 'building' ORDER BY id LIMIT 1 OFFSET 7`,
    );
    const form = () => {
      const f = new FormData();
      f.set('assetCode', building.code);
      f.set('categoryCode', 'SJ0501');
      f.set('description', '外墙开裂，有掉落风险');
      f.set('phone', '13900001111');
      f.set('photo', new File([PNG_BYTES], 'crack.png', { type: 'image/png' }));
      return f;
    };
    const res = await anonymous('/public/reports', { method: 'POST', body: form() });
    expect(res.status).toBe(201);
    const { trackingNo } = (await res.json()) as any;
    expect(trackingNo).toMatch(/^\d{16}$/);
    const status = (await (await anonymous(`/public/reports/${trackingNo}`)).json()) as any;
    expect(status.state).toBe('reported');
    expect(JSON.stringify(status)).not.toContain('13900001111');
    const row = await one(
      'SELECT c.*, e.attachments FROM cases c JOIN case_events e ON e.case_id = c.id WHERE tracking_no = $1',
      [trackingNo],
    );
    expect([row.source, row.reporter_phone, row.attachments.length]).toEqual(['citizen', '13900001111', 1]);
    // Not an image: refused, nothing filed.
    const bad = form();
    bad.set('photo', new File([Buffer.from('MZ\x90\x00 not an image')], 'x.exe'));
    expect((await anonymous('/public/reports', { method: 'POST', body: bad })).status).toBe(400);
    expect((await anonymous('/public/reports', { method: 'POST', body: form() })).status).toBe(201);
    const limited = await anonymous('/public/reports', { method: 'POST', body: form() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await anonymous('/public/categories')).status).toBe(200);
  });

  it('a plate offers and accepts only the categories about its kind of asset', async () => {
    const fresh = graphqlClient(pool, { role: 'duty_officer', live, cases: config, log: () => undefined });
    const codes = async (kind: string) => {
      const res = await fresh.app.request(`/public/categories?assetKind=${kind}`);
      expect(res.status).toBe(200);
      const rows = (await res.json()) as { code: string; assetKinds: string[] }[];
      for (const r of rows) expect(r.assetKinds).toContain(kind);
      return rows.map((r) => r.code);
    };
    const building = await codes('building');
    expect(building).toEqual(expect.arrayContaining(['BJ0501', 'SJ0501', 'SJ0502', 'SJ0503', 'SJ0699']));
    expect(building).not.toContain('BJ0103'); // 井盖
    expect(building).not.toContain('BJ0107'); // 路灯
    expect(building).not.toContain('SJ0601'); // not open to citizens
    expect(await codes('street_lamp')).toEqual(['BJ0107', 'SJ0699']);
    expect(await codes('slope')).toEqual(['BJ0502', 'SJ0402', 'SJ0699']);
    expect(await codes('construction_site')).toEqual(['SJ0301', 'SJ0302', 'SJ0699']);
    const all = (await (await fresh.app.request('/public/categories')).json()) as { code: string }[];
    expect(all.map((c) => c.code)).toContain('BJ0103'); // reported by place (Open311), still listed
    expect((await fresh.app.request('/public/categories?assetKind=castle')).status).toBe(400);

    const plate = await one(`SELECT code FROM assets WHERE kind = 'building' ORDER BY id LIMIT 1 OFFSET 9`);
    const report = (category: string) => {
      const f = new FormData();
      f.set('assetCode', plate.code);
      f.set('categoryCode', category);
      f.set('description', '路灯不亮');
      return fresh.app.request('/public/reports', { method: 'POST', body: f });
    };
    const refused = await report('BJ0107');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await report('SJ0502')).status).toBe(201);
  });

  it('Open311 GeoReport v2: services, file a request (form-encoded) and read it back', async () => {
    const services = (await (await anonymous('/open311/v2/services.json')).json()) as any[];
    expect(services.map((s) => s.service_code)).toContain('SJ0401');
    expect(services[0]).toMatchObject({ metadata: false, type: 'realtime' });
    const at = await point();
    const body = new URLSearchParams({
      service_code: 'SJ0401',
      lat: String(at.lat),
      long: String(at.lon),
      address_string: '深南大道与彩田路交叉口',
      description: '路口积水约20厘米',
      phone: '13700002222',
    });
    const filed = await anonymous('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(filed.status).toBe(201);
    const [{ service_request_id: id }] = (await filed.json()) as any[];
    const [request] = (await (await anonymous(`/open311/v2/requests/${id}.json`)).json()) as any[];
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'SJ0401' });
    expect(request.lat).toBeCloseTo(at.lat, 6);
    const list = (await (
      await anonymous(`/open311/v2/requests.json?service_code=SJ0401&status=open`)
    ).json()) as any[];
    expect(list.map((r) => r.service_request_id)).toContain(id);
    const refused = await anonymous('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'SJ0401', lat: 'north', long: '114', description: 'x' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any[])[0]).toHaveProperty('description');
    expect((await anonymous('/open311/v2/requests/123.json')).status).toBe(404);
  });
});
