// npm run bench -- --reliability (issue 17): what a killed `npm start` loses, and what steady load does to one,
// on the bench database (the large preset).
//  1. SIGKILL during combined HTTP + MQTT QoS 1 ingest (the scenario of the live-processes e2e test, at bench
//     scale: scripts/test/api-process.ts), once with the embedded broker and once with Mosquitto at
//     BENCH_MQTT_URL (default mqtt://127.0.0.1:1883, anonymous publishers): readings acknowledged, stored
//     afterwards, alerts raised twice.
//  2. A soak of SOAK_SECONDS (default 180) into `npm start` with its embedded broker: 1,500 readings/s, half
//     in POSTs to /ingest (25 crane monitors × 3 metrics every 100 ms), half as MQTT QoS 1 device reports (25
//     dust monitors × 3 metrics every 100 ms, 50 publisher clients), sent on a fixed schedule whatever the
//     answers; SOAK_READERS (default 4) GraphQL readers looping over the big screen's and the duty console's
//     queries. Errors, ingest latency (POST → 2xx, publish → PUBACK; both are sent after the commit) and the
//     server's RSS every 10 s.
// Not a test: nothing here asserts a figure.
import fs from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import type pg from 'pg';
import { createToken } from '../../api/src/access/accounts.service.ts';
import { issueMqttCredential } from '../../api/src/access/mqtt-credentials.service.ts';
import type { Role } from '../../api/src/access/roles.ts';
import { buildBuildingTiles } from '../../tiles/3d/build-building-tiles.ts';
import {
  type ApiProcess,
  freePorts,
  type IngestDevice,
  killAllApis,
  killApi,
  rssKiB,
  type SigkillFigures,
  sigkillDuringIngest,
  startApi,
} from '../test/api-process.ts';
import { percentile } from './stats.ts';

const ACTOR = { kind: 'cli', id: null, name: 'bench', origin: { ip: null, userAgent: null } } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const n = (x: number) => Math.round(x).toLocaleString('en');

async function tokenFor(pool: pg.Pool, role: Role): Promise<string> {
  const name = `bench-reliability-${role}-${Date.now()}`;
  return (await createToken(pool, ACTOR, { name, role, areaCode: null, unitCode: null, days: 1 })).token;
}

async function devicesOf(pool: pg.Pool, type: string, offset: number, limit: number) {
  const { rows } = await pool.query<IngestDevice>(
    'SELECT code, type::text FROM devices WHERE type = $1 ORDER BY id OFFSET $2 LIMIT $3',
    [type, offset, limit],
  );
  if (rows.length < limit) throw new Error(`the bench city has fewer than ${offset + limit} ${type}s`);
  return rows;
}

export async function benchReliability(pool: pg.Pool, databaseUrl: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-bench-reliability-'));
  try {
    // `npm start` builds the buildings tileset when it starts; built here first, its build only compares digests.
    console.log('buildings tileset (so that `npm start` only checks it)…');
    await buildBuildingTiles(pool);
    const ingestToken = await tokenFor(pool, 'api_client');
    const common = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SIMULATE: 'false',
    };

    // --soak-only, --kill-only: one half.
    if (!process.argv.includes('--soak-only')) await killRuns(pool, ingestToken, common);
    if (!process.argv.includes('--kill-only')) await soak(pool, ingestToken, common);
  } finally {
    killAllApis();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** SIGKILL during HTTP + MQTT ingest, with the embedded broker and then with Mosquitto. */
async function killRuns(pool: pg.Pool, ingestToken: string, common: Record<string, string>): Promise<void> {
  const run = Date.now();
  const embeddedPrefix = `rel${run}e/devices`;
  const { secret, row } = await issueMqttCredential(pool, ACTOR, {
    scope: 'all_devices',
    code: null,
    username: `bench-gateway-${run}`,
  });
  const [port, mqttPort] = await freePorts(2);
  const startEmbedded = (name: string) =>
    startApi({
      name,
      port,
      env: {
        ...common,
        MQTT_URL: undefined,
        MQTT_PORT: String(mqttPort),
        MQTT_TOPIC_PREFIX: embeddedPrefix,
      },
    });
  const mosquittoUrl = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
  const mosquittoPrefix = `rel${run}m/devices`;
  const startWithMosquitto = (name: string) =>
    startApi({
      name,
      port,
      env: {
        ...common,
        MQTT_URL: mosquittoUrl,
        MQTT_TOPIC_PREFIX: mosquittoPrefix,
        MQTT_CLIENT_ID: `bench-reliability-${run}`,
      },
    });
  const scenario = {
    ticks: 300,
    tickMs: 100,
    killAt: 100,
    clients: 50,
  };
  const killFigures: [string, SigkillFigures][] = [];
  for (const [k, [label, startOne, mqttSettings]] of (
    [
      [
        'embedded broker',
        startEmbedded,
        {
          url: `mqtt://127.0.0.1:${mqttPort}`,
          prefix: embeddedPrefix,
          username: row.username,
          password: secret,
        },
      ],
      ['Mosquitto', startWithMosquitto, { url: mosquittoUrl, prefix: mosquittoPrefix }],
    ] as const
  ).entries()) {
    const devices = [
      ...(await devicesOf(pool, 'crane_monitor', k * 50, 50)),
      ...(await devicesOf(pool, 'dust_monitor', k * 50, 50)),
    ];
    console.log(
      `\nSIGKILL during ingest, ${label}: ${devices.length} devices, one reading each every ${scenario.tickMs} ms ` +
        `(half over HTTP, half over MQTT QoS 1 from ${scenario.clients} clients), killed after ${(scenario.killAt * scenario.tickMs) / 1000} s of ${(scenario.ticks * scenario.tickMs) / 1000} s…`,
    );
    let api: ApiProcess = await startOne(`${label}`);
    const figures = await sigkillDuringIngest({
      pool,
      token: ingestToken,
      devices,
      mqtt: { ...mqttSettings, clients: scenario.clients, clientIdPrefix: `bench-device-${run}-${k}` },
      httpUrl: () => api.url,
      kill: () => killApi(api),
      restart: async () => {
        api = await startOne(`${label} again`);
      },
      ticks: scenario.ticks,
      tickMs: scenario.tickMs,
      killAt: scenario.killAt,
      // An hour-wide window of reading times per broker, three hours back, new on every run.
      baseMs: run - 3 * 3_600_000 + k * 3_600_000,
      settleMs: 120_000,
    });
    await killApi(api);
    killFigures.push([label, figures]);
    printKill(label, figures);
  }
  console.log('\n| SIGKILL during HTTP + MQTT QoS 1 ingest | embedded broker | Mosquitto |');
  console.log('|---|---|---|');
  const both = (label: string, f: (x: SigkillFigures) => string) =>
    console.log(`| ${label} | ${killFigures.map(([, x]) => f(x)).join(' | ')} |`);
  both('readings acknowledged (HTTP 2xx + PUBACK)', (x) => n(x.acknowledgedHttp + x.acknowledgedMqtt));
  both('of those stored afterwards (goal: all)', (x) => {
    const lost = x.acknowledgedHttp + x.acknowledgedMqtt - x.storedOfAcknowledged;
    return `${n(x.storedOfAcknowledged)}${lost ? ` (**${n(lost)} lost**)` : ''}`;
  });
  both('readings sent / stored', (x) => `${n(x.sent)} / ${n(x.storedOfSent)}`);
  both('MQTT messages unacknowledged when killed', (x) => n(x.mqttInFlightAtKill));
  both('cranes crossing their red line at the kill: fired once / twice or more (goal 0) / never', (x) =>
    [x.firedOnce, x.firedMoreThanOnce, x.neverFired].join(' / '),
  );
  both('kill → restarted process serving', (x) => `${(x.downMs / 1000).toFixed(1)} s`);
}

function printKill(label: string, f: SigkillFigures): void {
  console.log(
    `  ${label}: sent ${n(f.sent)} readings; acknowledged ${n(f.acknowledgedHttp)} over HTTP and ${n(f.acknowledgedMqtt)} over MQTT; ` +
      `stored afterwards: ${n(f.storedOfAcknowledged)} of those acknowledged, ${n(f.storedOfSent)} of those sent`,
  );
  console.log(
    `  at the kill: ${n(f.mqttInFlightAtKill)} MQTT messages and ${f.httpInFlightAtKill} POSTs unacknowledged; ` +
      `${f.publishersDisconnected} publishers saw the connection drop; ${n(f.httpRetries)} POSTs sent again ` +
      `(${f.httpErrors} non-2xx); never acknowledged: ${f.neverAcknowledged}; restarted and serving ${(f.downMs / 1000).toFixed(1)} s after the kill`,
  );
  console.log(
    `  alerts: ${f.cranes} cranes crossed their red line; fired once ${f.firedOnce}, more than once ${f.firedMoreThanOnce}, never ${f.neverFired}`,
  );
  if (f.missing.length) console.log(`  LOST (first ${f.missing.length}): ${JSON.stringify(f.missing)}`);
}

const SCREEN_STATS = `query ScreenStats($area: AreaInput!) {
  areaStats(area: $area) {
    assets buildings byKind { key count } buildingsBySafetyGrade { key count } selfBuiltBuildings
    devicesTotal devicesOnline deviceOnlineRate openAlerts openAlertsBySeverity { key count }
    openCases overdueCases caseClosureRate caseOnTimeRate
  }
}`;
const SCREEN_ALERTS = `query ScreenActiveAlerts($filter: AlertFilter, $first: Int) {
  alerts(filter: $filter, first: $first) { totalCount edges { node { id severity acknowledged startedAt raisedAt
    clearedAt lastValue rule { name nameEn deviceType } device { location } asset { code kind district { code } } } } }
}`;
const SCREEN_TREND = `query ScreenAlertTrend($filter: AlertFilter, $first: Int) {
  alerts(filter: $filter, first: $first) { pageInfo { hasNextPage endCursor } edges { node { startedAt } } }
}`;
const CONSOLE_CASES = `query ConsoleCases($filter: CaseFilter) {
  cases(filter: $filter, first: 100) { totalCount edges { node { id trackingNo version state source urgency
    description address unitCode unitName createdAt stageStartedAt stageDueAt dueAt overdue escalationLevel
    reworkCount category { code name nameEn requiresEvidence } } } }
}`;
const CONSOLE_KPIS = `query ConsoleKpis($from: DateTime!, $to: DateTime!) {
  caseKpis(from: $from, to: $to) { due closed closedOnTime handled reworked open overdue closureRate onTimeRate reworkRate }
}`;
const DISTRICTS = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];

/** The readers' queries, in the order a reader loops over them; i picks the district. */
function readerQueries(i: number): { name: string; query: string; variables: Record<string, unknown> }[] {
  const area = { code: DISTRICTS[i % DISTRICTS.length] };
  const now = Date.now();
  return [
    { name: 'areaStats (district)', query: SCREEN_STATS, variables: { area } },
    {
      name: 'active alerts (district)',
      query: SCREEN_ALERTS,
      variables: { filter: { area, states: ['ACTIVE_UNACKNOWLEDGED', 'ACTIVE_ACKNOWLEDGED'] }, first: 500 },
    },
    {
      name: 'alert trend (district, 24 h)',
      query: SCREEN_TREND,
      variables: { filter: { area, from: new Date(now - 86_400_000).toISOString() }, first: 500 },
    },
    { name: 'open cases', query: CONSOLE_CASES, variables: { filter: { overdue: false } } },
    {
      name: 'case KPIs (30 days)',
      query: CONSOLE_KPIS,
      variables: { from: new Date(now - 30 * 86_400_000).toISOString(), to: new Date(now).toISOString() },
    },
  ];
}

const body = ({ query, variables }: { query: string; variables: Record<string, unknown> }) => ({
  query,
  variables,
});

interface Answer {
  status: number;
  text: string;
}

function poster(port: number, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const post = (urlPath: string, authorization: string, body: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: urlPath,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', authorization },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const summary = (sorted: number[]) =>
  sorted.length
    ? `p50 ${ms(percentile(sorted, 50))} / p99 ${ms(percentile(sorted, 99))} / max ${ms(sorted.at(-1)!)} ms (n=${n(sorted.length)})`
    : 'none';

async function soak(pool: pg.Pool, ingestToken: string, common: Record<string, string>): Promise<void> {
  const seconds = Number(process.env.SOAK_SECONDS ?? '180');
  const readerCount = Number(process.env.SOAK_READERS ?? '4');
  const run = Date.now();
  const prefix = `soak${run}/devices`;
  const { secret, row } = await issueMqttCredential(pool, ACTOR, {
    scope: 'all_devices',
    code: null,
    username: `bench-soak-${run}`,
  });
  const [port, mqttPort] = await freePorts(2);
  const api = await startApi({
    name: 'soak',
    port,
    env: { ...common, MQTT_URL: undefined, MQTT_PORT: String(mqttPort), MQTT_TOPIC_PREFIX: prefix },
  });
  const pid = api.serverPid;
  console.log(
    `\nsoak: ${seconds} s into npm start (pid ${pid}, embedded broker), 1,500 readings/s: 750/s in POSTs ` +
      '(25 crane monitors × 3 metrics every 100 ms), 750/s as MQTT QoS 1 device reports (25 dust monitors × 3 ' +
      `metrics every 100 ms, 50 clients); ${readerCount} GraphQL readers looping over screen and console queries…`,
  );
  const cranes = await devicesOf(pool, 'crane_monitor', 200, 250);
  const dust = await devicesOf(pool, 'dust_monitor', 200, 250);
  const readerToken = await tokenFor(pool, 'duty_officer');
  const ingestAuth = `Bearer ${ingestToken}`;
  const readerAuth = `Bearer ${readerToken}`;
  const http = poster(api.port, 64);
  const readersHttp = poster(api.port, Math.max(1, readerCount));
  const errors = { http: 0, httpFailed: 0, mqtt: 0, mqttDisconnects: 0, graphql: 0 };
  const firstErrors: string[] = [];
  let t0 = performance.now(); // the soak's start, set again when it starts
  const noteError = (what: string) => {
    const at = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
    if (firstErrors.length < 10) firstErrors.push(`${at}: ${what.slice(0, 300)}`);
  };

  // Every reader query once, so a broken one stops the bench before the soak.
  for (const q of readerQueries(0)) {
    const res = await readersHttp.post('/graphql', readerAuth, JSON.stringify(body(q)));
    if (res.status !== 200 || res.text.includes('"errors"'))
      throw new Error(`${q.name}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  }

  let ending = false;
  const clients = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, {
        clientId: `bench-soak-${run}-${i}`,
        username: row.username,
        password: secret,
        reconnectPeriod: 1000,
      });
      client.on('close', () => {
        if (!ending) errors.mqttDisconnects++;
      });
      client.on('error', (error) => noteError(`MQTT: ${error.message}`));
      return client;
    }),
  );

  const httpMs: number[] = [];
  const mqttMs: number[] = [];
  const readerMs: number[] = [];
  /** Per 10 s of the soak (by when it was sent): ingest and reader latencies, for the series. */
  const windows: { ingest: number[]; reader: number[] }[] = [];
  const inWindow = (t: number) => {
    const w = Math.floor((t - t0) / 10_000);
    while (windows.length <= w) windows.push({ ingest: [], reader: [] });
    return windows[w]!;
  };
  let readerQueriesDone = 0;
  let ackedReadings = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const rss: { s: number; mib: number }[] = [];
  const startedAt = Date.now();
  t0 = performance.now();
  const end = t0 + seconds * 1000;
  const sampleRss = () => {
    const kib = pid === null ? null : rssKiB(pid);
    if (kib !== null) rss.push({ s: Math.round((performance.now() - t0) / 1000), mib: kib / 1024 });
  };
  sampleRss();
  const rssTimer = setInterval(sampleRss, 10_000);

  const readers = Array.from({ length: readerCount }, async (_, r) => {
    for (let i = r; performance.now() < end; i++) {
      for (const q of readerQueries(i)) {
        if (performance.now() >= end) break;
        const t = performance.now();
        try {
          const res = await readersHttp.post('/graphql', readerAuth, JSON.stringify(body(q)));
          if (res.status !== 200 || res.text.includes('"errors"')) {
            errors.graphql++;
            noteError(`GraphQL ${q.name}: HTTP ${res.status} ${res.text}`);
          } else {
            readerMs.push(performance.now() - t);
            inWindow(t).reader.push(performance.now() - t);
          }
        } catch (error) {
          errors.graphql++;
          noteError(`GraphQL ${q.name}: ${(error as Error).message}`);
        }
        readerQueriesDone++;
      }
    }
  });

  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pending.add(p);
    p.finally(() => {
      inFlight--;
      pending.delete(p);
    });
  };
  let tick = 0;
  while (performance.now() < end) {
    const ts = new Date().toISOString();
    // Each device reports once a second: ten groups of 25, one group per tick.
    const group = tick % 10;
    const items = cranes.slice(group * 25, group * 25 + 25).flatMap((d) => [
      { device: d.code, metric: 'load_moment_ratio', ts, value: 40 + (tick % 20) },
      { device: d.code, metric: 'wind_speed', ts, value: 3 },
      { device: d.code, metric: 'crane_tilt', ts, value: 0.1 },
    ]);
    const t = performance.now();
    track(
      http.post('/ingest', ingestAuth, JSON.stringify(items)).then(
        (res) => {
          if (res.status === 200) {
            httpMs.push(performance.now() - t);
            inWindow(t).ingest.push(performance.now() - t);
            ackedReadings += items.length;
          } else {
            errors.http++;
            noteError(`POST /ingest: HTTP ${res.status} ${res.text}`);
          }
        },
        (error: Error) => {
          errors.httpFailed++;
          noteError(`POST /ingest: ${error.message}`);
        },
      ),
    );
    for (const [i, d] of dust.slice(group * 25, group * 25 + 25).entries()) {
      const report = JSON.stringify({ ts, values: { pm10: 50 + (tick % 20), pm25: 25, noise: 45 } });
      track(
        clients[(group * 25 + i) % clients.length]!.publishAsync(`${prefix}/${d.code}`, report, {
          qos: 1,
        }).then(
          () => {
            mqttMs.push(performance.now() - t);
            inWindow(t).ingest.push(performance.now() - t);
            ackedReadings += 3;
          },
          (error: Error) => {
            errors.mqtt++;
            noteError(`MQTT publish: ${error.message}`);
          },
        ),
      );
    }
    tick++;
    const wait = t0 + tick * 100 - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const sentReadings = tick * 150;
  await Promise.all(readers);
  await Promise.race([Promise.allSettled([...pending]), sleep(30_000)]);
  clearInterval(rssTimer);
  sampleRss();
  const unanswered = inFlight;
  ending = true;
  await Promise.all(clients.map((c) => c.endAsync(true)));
  http.close();
  readersHttp.close();
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM readings r JOIN devices d ON d.id = r.device_id
     WHERE d.code = ANY ($1) AND r.ts >= $2 AND r.ts <= $3`,
    [[...cranes, ...dust].map((d) => d.code), new Date(startedAt - 1000), new Date()],
  );

  // Stopped as an operator would; how long that takes is reported (issue 26).
  const stopping = performance.now();
  const exited = new Promise((r) => api.child.once('exit', r));
  process.kill(-api.child.pid!, 'SIGTERM');
  const stoppedInTime = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  const stopSeconds = (performance.now() - stopping) / 1000;
  if (!stoppedInTime) await killApi(api);

  httpMs.sort((a, b) => a - b);
  mqttMs.sort((a, b) => a - b);
  readerMs.sort((a, b) => a - b);
  const both = [...httpMs, ...mqttMs].sort((a, b) => a - b);
  const elapsed = seconds;
  console.log(
    `  sent ${n(sentReadings)} readings in ${n(tick)} ticks (${n(sentReadings / elapsed)}/s); acknowledged ${n(ackedReadings)}; stored ${n(rows[0]!.n)}; unanswered at the end ${unanswered}`,
  );
  console.log(
    `  errors: POST non-2xx ${errors.http}, POST failed ${errors.httpFailed}, MQTT publish ${errors.mqtt}, MQTT disconnects ${errors.mqttDisconnects}, GraphQL ${errors.graphql}`,
  );
  for (const e of firstErrors) console.log(`    ${e}`);
  console.log(`  ingest latency, POST → 2xx (75 readings each): ${summary(httpMs)}`);
  console.log(`  ingest latency, publish → PUBACK (3 readings each): ${summary(mqttMs)}`);
  console.log(`  ingest latency, both: ${summary(both)}; most requests in flight at once: ${maxInFlight}`);
  console.log(`  GraphQL readers: ${n(readerQueriesDone / elapsed)} queries/s, ${summary(readerMs)}`);
  const later = windows
    .slice(3)
    .flatMap((w) => w.ingest)
    .sort((a, b) => a - b);
  console.log(`  ingest latency, both, sent after the first 30 s: ${summary(later)}`);
  console.log('  per 10 s (by when sent): ingest p50 / p99 ms; readers p50 / p99 ms');
  for (const [i, w] of windows.entries()) {
    w.ingest.sort((a, b) => a - b);
    w.reader.sort((a, b) => a - b);
    const pp = (x: number[]) => (x.length ? `${ms(percentile(x, 50))} / ${ms(percentile(x, 99))}` : '–');
    console.log(`    ${String(i * 10).padStart(4)} s  ingest ${pp(w.ingest)}; readers ${pp(w.reader)}`);
  }
  console.log(`  server RSS (MiB) every 10 s: ${rss.map((x) => `${x.s}s ${x.mib.toFixed(0)}`).join(', ')}`);
  const warm = rss.filter((x) => x.s >= Math.min(60, elapsed / 3));
  if (warm.length >= 3) {
    // Least-squares slope after warm-up, in MiB per minute.
    const mx = warm.reduce((s, x) => s + x.s, 0) / warm.length;
    const my = warm.reduce((s, x) => s + x.mib, 0) / warm.length;
    const slope =
      (warm.reduce((s, x) => s + (x.s - mx) * (x.mib - my), 0) /
        warm.reduce((s, x) => s + (x.s - mx) ** 2, 0)) *
      60;
    const lo = Math.min(...warm.map((x) => x.mib));
    const hi = Math.max(...warm.map((x) => x.mib));
    console.log(
      `  after warm-up (from ${warm[0]!.s} s): ${lo.toFixed(0)}–${hi.toFixed(0)} MiB, trend ${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MiB/min`,
    );
  }
  console.log(
    `  SIGTERM → exit: ${stoppedInTime ? `${stopSeconds.toFixed(1)} s` : `not within 30 s (killed)`}`,
  );
  const log = api.output().split('\n');
  const after = log.slice(log.findIndex((l) => l.includes('accounts and API tokens')) + 1).filter(Boolean);
  if (after.length)
    console.log(
      `  the server's log (last 20 lines):\n${after
        .slice(-20)
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
}
