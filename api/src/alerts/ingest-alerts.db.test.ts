// Ingest and the alert engine on the real database: idempotency, rollups, dead letters, the alert
// lifecycle, late data, restart recovery, scheduled rules and the live SSE subscription.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { loadIngestConfig } from '../config.ts';
import { IngestService } from '../ingest/ingest.service.ts';
import { noListeners } from '../live/event-publisher.ts';
import { createPool } from '../store/db.ts';
import { runScheduledRules } from './alert-scheduler.ts';

const pool = createPool(testDatabaseUrl(), { max: 6 });
afterAll(() => pool.end());
// Alerts from an earlier run of this file would be re-triggered instead of raised (cases cite alerts).
beforeAll(() => pool.query('TRUNCATE case_events, cases, alert_events, alerts, rule_states, rule_runs'));

const sender = graphqlClient(pool, { role: 'api_client', log: () => undefined });
const officer = graphqlClient(pool, { role: 'duty_officer', log: () => undefined });
const config = loadIngestConfig({}, 'large');

const one = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows[0] as T;
const all = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows as T[];

/** Distinct devices of a type per test (the suite shares one database). */
const taken = new Set<string>();
async function device(type: string, extra = ''): Promise<{ id: number; code: string; district: string }> {
  const rows = await all(
    `SELECT d.id, d.code, a.district_code AS district FROM devices d JOIN assets a ON a.id = d.asset_id
     LEFT JOIN street_lamps l ON l.asset_id = a.id WHERE d.type = $1 ${extra} ORDER BY d.id`,
    [type],
  );
  const row = rows.find((r) => !taken.has(r.code));
  if (!row) throw new Error(`no free ${type} in the demo city`);
  taken.add(row.code);
  return row;
}

/** Minutes before now, off the full hours the seeded history uses. */
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000 + 17_000).toISOString();

async function post(body: unknown, contentType = 'application/json') {
  const res = await sender.request('/ingest', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const openAlerts = (deviceId: number) =>
  all('SELECT id, severity::text, acknowledged_at FROM alerts WHERE device_id = $1 AND cleared_at IS NULL', [
    deviceId,
  ]);

describe('ingest', () => {
  it('stores a batch once: a re-sent batch is all duplicates, rollups count each reading once', async () => {
    const dust = await device('dust_monitor');
    const items = [0, 1, 2].map((k) => ({
      device: dust.code,
      metric: 'pm10',
      ts: ago(50 - k * 5),
      value: 40 + k,
    }));
    const first = await post(items);
    expect(first).toMatchObject({
      status: 200,
      body: { received: 3, stored: 3, duplicates: 0, rejected: [] },
    });
    const again = await post(items);
    expect(again.body).toMatchObject({ stored: 0, duplicates: 3 });
    const times = items.map((i) => new Date(i.ts));
    const rows = await one(
      'SELECT count(*)::int AS n FROM readings WHERE device_id = $1 AND metric_id = 8 AND ts = ANY ($2)',
      [dust.id, times],
    );
    expect(rows.n).toBe(3);
    const rollup = await one(
      `SELECT sum(n)::int AS n FROM readings_5m WHERE device_id = $1 AND metric_id = 8
       AND bucket >= date_bin('5 minutes', now() - interval '2 hours', TIMESTAMPTZ '2000-01-01 00:00:00+08')`,
      [dust.id],
    );
    const raw = await one(
      `SELECT count(*)::int AS n FROM readings WHERE device_id = $1 AND metric_id = 8
       AND ts >= date_bin('5 minutes', now() - interval '2 hours', TIMESTAMPTZ '2000-01-01 00:00:00+08')`,
      [dust.id],
    );
    expect(rollup.n).toBe(raw.n);
    const seen = await one('SELECT last_seen_at FROM devices WHERE id = $1', [dust.id]);
    expect(seen.last_seen_at.getTime()).toBeGreaterThanOrEqual(Date.parse(items[2]!.ts));
  });

  it('rejects bad items with a reason each, keeps them aside, and stores the valid ones next to them', async () => {
    const dust = await device('dust_monitor');
    const before = (await one('SELECT count(*)::int AS n FROM ingest_rejects')).n;
    const good = { device: dust.code, metric: 'pm25', ts: ago(30), value: 20 };
    const res = await post([
      { device: 'DV-NOPE-000001', metric: 'pm10', ts: ago(1), value: 1 },
      { device: dust.code, metric: 'water_depth', ts: ago(1), value: 1 },
      { device: dust.code, metric: 'pm10', ts: ago(1), value: 'NaN' },
      { device: dust.code, metric: 'pm10', ts: ago(1), value: null },
      { device: dust.code, metric: 'pm10', ts: '2026-02-30T10:00:00+08:00', value: 1 },
      { device: dust.code, metric: 'pm10', ts: '2026-11-20 10:00', value: 1 },
      { device: dust.code, metric: 'pm10', ts: new Date(Date.now() + 3_600_000).toISOString(), value: 1 },
      {
        device: dust.code,
        metric: 'pm10',
        ts: new Date(Date.now() - 400 * 86_400_000).toISOString(),
        value: 1,
      },
      'not an object',
      { device: dust.code, metric: 'pm10', ts: ago(1), value: 1, extra: true },
      good,
    ]);
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(1);
    expect(res.body.rejected.map((r: any) => [r.index, r.reason])).toEqual([
      [0, 'UNKNOWN_DEVICE'],
      [1, 'UNKNOWN_METRIC'],
      [2, 'BAD_VALUE'],
      [3, 'BAD_VALUE'],
      [4, 'BAD_TIME'],
      [5, 'BAD_TIME'],
      [6, 'IN_FUTURE'],
      [7, 'TOO_OLD'],
      [8, 'MALFORMED'],
      [9, 'MALFORMED'],
    ]);
    expect(res.body.rejected[4].message).toContain('not a real time');
    const after = (await one('SELECT count(*)::int AS n FROM ingest_rejects')).n;
    expect(after - before).toBe(10);
    const kept = await one('SELECT reason, item, actor, source FROM ingest_rejects ORDER BY id DESC LIMIT 1');
    expect(kept).toMatchObject({ reason: 'MALFORMED', source: 'http' });
    expect(kept.item).toContain('extra');
  });

  it('NDJSON: a broken line is rejected, the others are stored', async () => {
    const dust = await device('dust_monitor');
    const line = (k: number) =>
      JSON.stringify({ device: dust.code, metric: 'noise', ts: ago(40 - k), value: 60 + k });
    const res = await post(`${line(0)}\n{"device": oops\n${line(1)}\n`, 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 3, stored: 2, rejected: [{ index: 1, reason: 'MALFORMED' }] });
  });

  it('refuses malformed JSON, oversized batches and callers without the right, changing nothing', async () => {
    expect((await post('[{"device": ', 'application/json')).status).toBe(400);
    const big = Array.from({ length: config.maxItems + 1 }, () => ({}));
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('LIMIT_EXCEEDED');
    expect((await post('{}', 'text/plain')).status).toBe(400);
    const analyst = graphqlClient(pool, { role: 'analyst', log: () => undefined });
    const refused = await analyst.request('/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(refused.status).toBe(403);
    const anonymous = await sender.app.request('/ingest', { method: 'POST', body: '[]' });
    expect(anonymous.status).toBe(401);
    // Nothing usable at all: 422.
    expect((await post([{ device: 'DV-NOPE-000001', metric: 'x', ts: ago(1), value: 1 }])).status).toBe(422);
  });

  it('a body nested 5,000 deep is a typed 400 and a dead letter; a NDJSON line like it spoils only itself', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const before = await one('SELECT count(*)::int AS n FROM ingest_rejects');
    const res = await post(deep);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'the body nests arrays or objects more than 64 deep',
    });
    expect((await one('SELECT count(*)::int AS n FROM ingest_rejects')).n).toBe(before.n + 1);
    const dust = await device('dust_monitor', "AND a.district_code = '440305'");
    const line = JSON.stringify({ device: dust.code, metric: 'noise', ts: ago(44), value: 61 });
    const mixed = await post(`${deep}\n${line}\n`, 'application/x-ndjson');
    expect(mixed.body).toMatchObject({
      received: 2,
      stored: 1,
      rejected: [{ index: 0, reason: 'MALFORMED' }],
    });
  });

  it('readings under a millisecond apart are two readings, kept to the microsecond', async () => {
    const dust = await device('dust_monitor', "AND a.district_code = '440305'");
    const second = ago(46).replace(/\.\d+Z$/, '');
    const items = ['.123456Z', '.1237Z', '.123456789Z'].map((fraction, k) => ({
      device: dust.code,
      metric: 'pm10',
      ts: `${second}${fraction}`,
      value: 30 + k,
    }));
    const res = await post(items);
    // the third is the first to the microsecond (PostgreSQL keeps no finer): a duplicate, said so
    expect(res.body).toMatchObject({ received: 3, stored: 2, duplicates: 1 });
    const rows = await all(
      `SELECT to_char(ts AT TIME ZONE 'UTC', 'SS.US') AS s, value FROM readings
       WHERE device_id = $1 AND ts >= $2::timestamptz AND ts < $2::timestamptz + interval '1 second' ORDER BY ts`,
      [dust.id, `${second}Z`],
    );
    expect(rows.map((r) => [r.s.slice(3), r.value])).toEqual([
      ['123456', 30],
      ['123700', 31],
    ]);
  });

  it('a district-scoped token may only send readings for its district', async () => {
    const luohu = await device('dust_monitor', "AND a.district_code = '440303'");
    const futianSender = graphqlClient(pool, { role: 'api_client', area: '440304', log: () => undefined });
    const res = await futianSender.query(
      'mutation($r: [ReadingInput!]!) { ingestReadings(readings: $r) { stored rejected { reason } } }',
      { r: [{ device: luohu.code, metric: 'pm10', ts: ago(3), value: 10 }] },
    );
    expect(res.data).toEqual({ ingestReadings: { stored: 0, rejected: [{ reason: 'FORBIDDEN' }] } });
  });
});

describe('the alert lifecycle', () => {
  it('fires, moves up and down in place, is acknowledged with a comment and clears, keeping its history', async () => {
    const crane = await device('crane_monitor');
    const send = (minutes: number, value: number) =>
      post([{ device: crane.code, metric: 'load_moment_ratio', ts: ago(minutes), value }]);
    await send(50, 60);
    expect(await openAlerts(crane.id)).toEqual([]);
    expect((await send(45, 92)).body.alertEvents).toBe(1);
    expect(await openAlerts(crane.id)).toMatchObject([{ severity: 'orange' }]);
    await send(40, 93); // re-trigger: same alert, no event
    await send(35, 104);
    const [alert] = await openAlerts(crane.id);
    expect(alert).toMatchObject({ severity: 'red' });
    await send(30, 88); // inside the hysteresis band: down to the lowest level, still open
    expect(await openAlerts(crane.id)).toMatchObject([{ id: alert.id, severity: 'orange' }]);

    const ack = await officer.query(
      'mutation($id: ID!) { acknowledgeAlert(id: $id, comment: "已通知司机停止吊装") { state acknowledgedBy acknowledgeComment } }',
      { id: String(alert.id) },
    );
    expect(ack.data).toMatchObject({
      acknowledgeAlert: { state: 'ACTIVE_ACKNOWLEDGED', acknowledgeComment: '已通知司机停止吊装' },
    });
    const twice = await officer.query(
      'mutation { acknowledgeAlert(id: "' + alert.id + '", comment: "again") { id } }',
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await send(25, 80); // below the clear threshold (85)
    expect(await openAlerts(crane.id)).toEqual([]);
    const history = await all(
      'SELECT kind::text, severity::text FROM alert_events WHERE alert_id = $1 ORDER BY id',
      [alert.id],
    );
    expect(history).toEqual([
      { kind: 'fired', severity: 'orange' },
      { kind: 'updated', severity: 'red' },
      { kind: 'updated', severity: 'orange' },
      { kind: 'acknowledged', severity: 'orange' },
      { kind: 'cleared', severity: 'orange' },
    ]);
    const audited = await one(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'acknowledgeAlert' AND outcome = 'ok' AND target_id = $1 AND at > now() - interval '5 seconds'",
      [String(alert.id)],
    );
    expect(audited).toEqual({ n: 1 });
    await send(20, 95);
    expect((await all('SELECT id FROM alerts WHERE device_id = $1', [crane.id])).length).toBe(2);
  });

  it('late and out-of-order readings are stored but raise no false alert', async () => {
    const crane = await device('crane_monitor');
    await post([{ device: crane.code, metric: 'load_moment_ratio', ts: ago(10), value: 50 }]);
    const late = await post([{ device: crane.code, metric: 'load_moment_ratio', ts: ago(40), value: 120 }]);
    expect(late.body).toMatchObject({ stored: 1, late: 1, alertEvents: 0 });
    expect(await openAlerts(crane.id)).toEqual([]);
  });

  it('rule state survives a restart: a pending window continues in a new process', async () => {
    const pit = await device('pit_monitor');
    const rule = await one("SELECT id FROM alert_rules WHERE code = 'pit.wall-top-displacement'");
    const send = (service: IngestService, minutes: number, value: number) =>
      service.ingest({
        items: [{ device: pit.code, metric: 'wall_top_displacement', ts: ago(minutes), value }],
        source: 'http',
        actor: 'test',
        scope: null,
      });
    // Two consecutive readings over the line are needed: the first goes through one service…
    await send(new IngestService(pool, config, noListeners), 30, 31);
    expect(await openAlerts(pit.id)).toEqual([]);
    const state = await one('SELECT state FROM rule_states WHERE rule_id = $1 AND device_id = $2', [
      rule.id,
      pit.id,
    ]);
    expect(state.state.pending).toMatchObject({ count: 1 });
    // …and the second through a fresh one (a restarted process): it fires, not restarting the count.
    const result = await send(new IngestService(pool, config, noListeners), 20, 31.5);
    expect(result.alertEvents).toBe(1);
    expect(await openAlerts(pit.id)).toMatchObject([{ severity: 'red' }]);
  });

  it('scheduled rules: no data raises and a reading clears; unacknowledged alerts escalate; monthly figures run once', async () => {
    const camera = await device('camera');
    await pool.query("UPDATE devices SET last_seen_at = now() - interval '4 days' WHERE id = $1", [
      camera.id,
    ]);
    await runScheduledRules({ pool, events: noListeners, log: () => undefined });
    expect(await openAlerts(camera.id)).toMatchObject([{ severity: 'yellow' }]);
    await runScheduledRules({ pool, events: noListeners, log: () => undefined });
    expect(await openAlerts(camera.id)).toHaveLength(1);
    await post([{ device: camera.code, metric: 'online', ts: ago(1), value: 1 }]);
    expect(await openAlerts(camera.id)).toEqual([]);

    const crane = await device('crane_monitor');
    await post([{ device: crane.code, metric: 'load_moment_ratio', ts: ago(5), value: 101 }]);
    await pool.query("UPDATE alerts SET created_at = now() - interval '31 minutes' WHERE device_id = $1", [
      crane.id,
    ]);
    await runScheduledRules({ pool, events: noListeners, log: () => undefined });
    expect(
      await one('SELECT escalation_level FROM alerts WHERE device_id = $1 AND cleared_at IS NULL', [
        crane.id,
      ]),
    ).toEqual({ escalation_level: 1 });

    const meter = await device('energy_meter');
    const now = Date.now();
    const lastMonth = new Date(now + 8 * 3_600_000);
    const from = Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() - 1, 3) - 8 * 3_600_000;
    await pool.query(
      `INSERT INTO readings_1h (device_id, metric_id, bucket, n, sum, min, max, last_ts, last)
       VALUES ($1, 21, $2, 1, 250000, 250000, 250000, $2, 250000)
       ON CONFLICT (device_id, metric_id, bucket) DO UPDATE SET sum = 250000`,
      [meter.id, new Date(from)],
    );
    await pool.query(
      "DELETE FROM rule_runs WHERE rule_id = (SELECT id FROM alert_rules WHERE code = 'energy.monthly-use')",
    );
    await runScheduledRules({ pool, events: noListeners, log: () => undefined });
    await runScheduledRules({ pool, events: noListeners, log: () => undefined });
    const monthly = await all(
      "SELECT severity::text, details FROM alerts al JOIN alert_rules r ON r.id = al.rule_id WHERE r.code = 'energy.monthly-use' AND device_id = $1",
      [meter.id],
    );
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatchObject({ severity: 'orange' });
  });
});

describe('GraphQL', () => {
  let pit: { id: number; code: string; district: string };
  beforeAll(async () => {
    pit = await device('pit_monitor');
    await post([
      { device: pit.code, metric: 'wall_top_displacement', ts: ago(20), value: 26 },
      { device: pit.code, metric: 'wall_top_displacement', ts: ago(10), value: 26.5 },
    ]);
  });

  it('alerts: filters by state, severity, kind and area, links rule, device, asset, trigger and window', async () => {
    const res = await officer.query<any>(
      `query($area: AreaInput!) {
        alerts(filter: { area: $area, states: [ACTIVE_UNACKNOWLEDGED], severities: [ORANGE], kinds: [PIT_MONITOR] }, first: 100) {
          totalCount
          edges { node { id severity state rule { code citation } device { code } asset { code alertSeverity }
            trigger { metric value } history { kind } window { points { value } } } }
        }
        areaStats(area: $area) { openAlerts openAlertsBySeverity { key count } worstAlertSeverity }
      }`,
      { area: { code: pit.district } },
    );
    expect(res.errors).toBeUndefined();
    const node = res.data.alerts.edges.map((e: any) => e.node).find((n: any) => n.device.code === pit.code);
    expect(node).toMatchObject({
      severity: 'ORANGE',
      state: 'ACTIVE_UNACKNOWLEDGED',
      rule: { code: 'pit.wall-top-displacement', citation: expect.stringContaining('GB 50497-2019') },
      trigger: { metric: 'wall_top_displacement', value: 26.5 },
      history: [{ kind: 'FIRED' }],
    });
    expect(node.window.points.length).toBeGreaterThan(0);
    expect(['ORANGE', 'RED']).toContain(node.asset.alertSeverity);
    expect(res.data.areaStats.openAlerts).toBeGreaterThan(0);
    expect(res.data.areaStats.worstAlertSeverity).toMatch(/ORANGE|RED/);
  });

  it('alert rules: an admin edits one (versioned); bad definitions are refused with the path', async () => {
    const admin = graphqlClient(pool, { role: 'admin', log: () => undefined });
    const { data } = await admin.query<any>('{ alertRules { id code version definition } }');
    const dust = data.alertRules.find((r: any) => r.code === 'dust.pm10');
    const bad = await admin.query(
      'mutation($i: UpdateAlertRuleInput!) { updateAlertRule(input: $i) { version } }',
      { i: { id: dust.id, version: dust.version, definition: { ...dust.definition, consecutive: 0 } } },
    );
    expect(bad.errors?.[0]).toMatchObject({
      extensions: { code: 'INVALID_INPUT' },
      message: expect.stringContaining('definition.consecutive'),
    });
    const ok = await admin.query<any>(
      'mutation($i: UpdateAlertRuleInput!) { updateAlertRule(input: $i) { version escalateAfterS } }',
      { i: { id: dust.id, version: dust.version, escalateAfterS: 7200 } },
    );
    expect(ok.data).toEqual({ updateAlertRule: { version: dust.version + 1, escalateAfterS: 7200 } });
    const stale = await admin.query(
      'mutation($i: UpdateAlertRuleInput!) { updateAlertRule(input: $i) { version } }',
      { i: { id: dust.id, version: dust.version, escalateAfterS: 3600 } },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const created = await admin.query<any>(
      `mutation($i: CreateAlertRuleInput!) { createAlertRule(input: $i) { code kind enabled } }`,
      {
        i: {
          code: `test.noise-night-${Date.now()}`,
          name: '夜间施工噪声',
          nameEn: 'Night construction noise',
          deviceType: 'DUST_MONITOR',
          definition: {
            kind: 'reading',
            active_hours: { from: '22:00', to: '06:00' },
            condition: {
              type: 'threshold',
              signal: { metric: 'noise', kind: 'value' },
              direction: 'above',
              levels: [{ severity: 'yellow', value: 55 }],
            },
          },
          citation: 'GB 12523-2011: 55 dB(A) at night',
        },
      },
    );
    expect(created.data).toMatchObject({ createAlertRule: { kind: 'reading', enabled: true } });
    const officerTry = await officer.query('{ alertRules { code } }');
    expect(officerTry.errors).toBeUndefined();
  });

  it('alertEvents over SSE: a subscriber sees an alert raised by another request within a second', async () => {
    const crane = await device('crane_monitor', "AND a.district_code = '440304'");
    const watcher = graphqlClient(pool, { role: 'leader', area: '440304', log: () => undefined });
    const res = await watcher.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query:
          'subscription { alertEvents(minSeverity: ORANGE) { kind severity deviceType alert { device { code } } } }',
      }),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const started = Date.now();
    // The app in graphqlClient shares one in-process bus per client; send through the watcher's own app.
    await watcher.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    const sent = await watcher.app.request('/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await sender.token()}` },
      body: JSON.stringify([{ device: crane.code, metric: 'load_moment_ratio', ts: ago(2), value: 99 }]),
    });
    expect(sent.status).toBe(200);
    let text = '';
    const deadline = setTimeout(() => void reader.cancel(), 5000);
    while (!text.includes(crane.code)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    clearTimeout(deadline);
    await reader.cancel();
    expect(text).toContain('"kind":"FIRED"');
    expect(text).toContain('"severity":"ORANGE"');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
