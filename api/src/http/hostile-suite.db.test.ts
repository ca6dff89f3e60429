// The hostile-input suite: thousands of seeded, generated bad inputs (scripts/test/hostile/) against a real
// listening server and a real MQTT broker — GraphQL (deep, wide, huge, wrong types), GeoJSON, HTTP and MQTT
// ingest, uploads, tiles and public pages. Pass: no 5xx, no INTERNAL, no input unanswered after 10 s, no row
// written by a refused input, every valid reading beside a bad one kept, and the server and the MQTT ingest
// still storing afterwards. Prints the figures per family and writes the failing inputs to a file.
// HOSTILE_SEED picks another seed; the default is 1.

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../scripts/city/rng.ts';
import { TYPED_ERROR_CODES } from '../../../scripts/test/bad-inputs.ts';
import { TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import {
  generateHostileSuite,
  hostileSeed,
  loadHostileContext,
} from '../../../scripts/test/hostile/index.ts';
import { isoMicros, ReadingMaker } from '../../../scripts/test/hostile/ingest.ts';
import type {
  HostileContext,
  HostileInput,
  HttpInput,
  MqttInput,
  RawInput,
  ReadingOracle,
  Sender,
} from '../../../scripts/test/hostile/types.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { createToken } from '../access/accounts.service.ts';
import { loadConfig } from '../config.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { startMqttIngest } from '../ingest/mqtt-ingest.ts';
import { localLive } from '../live/live.ts';
import { createServerApp } from '../main.ts';
import { createPool } from '../store/db.ts';

const HANG_MS = 10_000;
const CONCURRENCY = 4;
const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const UA = `hostile-suite/${RUN}`;
const SEED = hostileSeed();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), `hostile-${RUN}-`));
const ATTACHMENTS = path.join(TMP, 'data', 'cases', 'attachments');
const ALL_FAMILIES = ['graphql', 'geojson', 'ingest-http', 'ingest-mqtt', 'uploads', 'tiles', 'public'];
/** HOSTILE_FAMILIES=graphql,uploads runs only those (while working on them); `npm test` runs all. */
const FAMILIES = process.env.HOSTILE_FAMILIES?.trim()
  ? process.env.HOSTILE_FAMILIES.split(',').map((f) => {
      if (!ALL_FAMILIES.includes(f.trim()))
        throw new Error(`HOSTILE_FAMILIES: no family "${f}" (${ALL_FAMILIES.join(', ')})`);
      return f.trim();
    })
  : ALL_FAMILIES;
const DUMP = path.join(os.tmpdir(), `hostile-failures-seed${SEED}-${RUN}.ndjson`);

/** Error codes a refusal may carry; anything else (or none) is an untyped error. */
const TYPED = new Set([
  ...TYPED_ERROR_CODES,
  'PERSISTED_QUERY_NOT_FOUND',
  // graphql-yoga's own, for a document whose operation cannot be picked (400).
  'OPERATION_RESOLUTION_FAILURE',
]);

const url = testDatabaseUrl();
const config = loadConfig({
  DATA_DIR: path.join(TMP, 'data'),
  ATTACHMENTS_DIR: ATTACHMENTS,
  // One client IP sends everything: the per-IP limits would answer most public inputs with 429 unread.
  PUBLIC_RATE_PER_MINUTE: '100000',
  REPORTS_PER_HOUR: '100000',
  CASE_SCHEDULER_MS: '0',
});
const pool = createPool(url, { max: 10, statementTimeoutMs: config.apiStatementTimeoutMs });
const serverLog: string[] = [];
const log = (line: string) => serverLog.push(line);
const live = localLive(pool, config.ingest, log);

// ---------------------------------------------------------------------------------------------------------
// The MQTT side under test, behind one small interface so it can follow the broker's changes. Today:
// Mosquitto (TEST_MQTT_URL, default 127.0.0.1:1883) and the ingest subscriber (startMqttIngest) on a topic
// prefix of this run, as `npm start` runs with MQTT_URL. When the embedded broker stores readings itself
// before PUBACK and asks devices for credentials, start it here (startEmbeddedBroker) and publish with a
// device's credentials; `reset` then restarts the broker, and the rest of the suite stays as it is.
// ---------------------------------------------------------------------------------------------------------
interface MqttUnderTest {
  /** Topics are `${prefix}/${topic}`. */
  prefix: string;
  /** Resolves when the broker acknowledged (QoS 1) or took (QoS 0) the message. */
  publish(topic: string, payload: Uint8Array, qos: 0 | 1): Promise<void>;
  /** Gives up on whatever the ingest holds (a message it can never store) and starts clean. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

async function startMqttUnderTest(
  ingest: IngestService,
  logLine: (line: string) => void,
): Promise<MqttUnderTest> {
  const prefix = `hostile${RUN}/devices`;
  let generation = 0;
  const clientId = () => `hostile-ingest-${RUN}-${generation}`;
  const start = async () => {
    const sub = startMqttIngest({
      url: MQTT_URL,
      prefix,
      shared: false,
      clientId: clientId(),
      ingest,
      log: logLine,
    });
    await withTimeout(sub.ready, HANG_MS, `the MQTT ingest did not subscribe at ${MQTT_URL}`);
    return sub;
  };
  /** Ends a persistent session at the broker (else it keeps queueing this prefix's messages for it). */
  const forget = async (id: string) => {
    const c = await mqtt.connectAsync(MQTT_URL, { clientId: id, clean: true, reconnectPeriod: 0 });
    await c.endAsync();
  };
  let ingestClient = await start();
  let publisher: mqtt.MqttClient | null = null;
  const connected = async () => {
    if (!publisher?.connected) {
      publisher?.end(true);
      publisher = await mqtt.connectAsync(MQTT_URL, {
        clientId: `hostile-pub-${RUN}`,
        clean: true,
        reconnectPeriod: 0,
      });
    }
    return publisher;
  };
  return {
    prefix,
    async publish(topic, payload, qos) {
      const client = await connected();
      await withTimeout(
        client.publishAsync(`${prefix}/${topic}`, Buffer.from(payload), { qos }),
        HANG_MS,
        'the broker did not acknowledge',
      );
    },
    async reset() {
      const old = clientId();
      await withTimeout(ingestClient.close(), 5000, 'closing the MQTT ingest').catch(() => undefined);
      await forget(old).catch(() => undefined);
      generation++;
      ingestClient = await start();
    },
    async close() {
      await withTimeout(ingestClient.close(), 5000, 'closing the MQTT ingest').catch(() => undefined);
      await forget(clientId()).catch(() => undefined);
      await (publisher as mqtt.MqttClient | null)?.endAsync();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Sending.
// ---------------------------------------------------------------------------------------------------------
interface Outcome {
  status: number;
  ms: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  hang: boolean;
  /** A socket error without an answer (the connection was closed or reset). */
  closed?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const quieted = new WeakSet<net.Socket>();
let port = 0;
const tokens = new Map<Sender, string>();
const BODY_CAP = 256 * 1024;

/** Characters Node will not put on a request line are sent percent-encoded (as a browser would). */
const sendablePath = (p: string) => p.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));

function sendHttp(input: HttpInput, retried = false): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (o: Omit<Outcome, 'ms'>) => resolve({ ...o, ms: performance.now() - started });
    const headers: Record<string, string> = { 'user-agent': UA, ...input.headers };
    const as = input.as ?? 'analyst';
    if (as !== 'anonymous' && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
      headers.authorization = `Bearer ${tokens.get(as)}`;
    }
    const body =
      input.body === undefined
        ? undefined
        : typeof input.body === 'string'
          ? Buffer.from(input.body)
          : Buffer.from(input.body);
    if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length'))
      headers['content-length'] = String(body.length);
    let req: http.ClientRequest;
    try {
      req = http.request({
        host: '127.0.0.1',
        port,
        method: input.method,
        path: sendablePath(input.path),
        headers,
        agent,
        signal: AbortSignal.timeout(HANG_MS),
      });
    } catch (error) {
      throw new Error(
        `the generator made an input Node cannot send (${input.label}): ${(error as Error).message}`,
      );
    }
    let answered = false;
    // A kept-alive socket can fail after its request is done (the server closed it while the body was still
    // being written): that is the input's doing, not a test failure.
    req.on('socket', (socket) => {
      if (quieted.has(socket)) return;
      quieted.add(socket);
      socket.on('error', () => undefined);
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < BODY_CAP) chunks.push(c);
        size += c.length;
      });
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
          hang: false,
        }),
      );
      res.on('error', (e: NodeJS.ErrnoException) =>
        done({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
          hang: e.name === 'AbortError',
        }),
      );
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (answered) return;
      // A kept-alive socket the server closed as idle just as it was reused: send again on a fresh one, as
      // Node's documentation advises (req.reusedSocket).
      if (req.reusedSocket && !retried && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) {
        resolve(sendHttp(input, true));
        return;
      }
      done({ status: 0, body: '', headers: {}, hang: e.name === 'AbortError', closed: e.code ?? e.message });
    });
    req.end(body);
  });
}

function sendRaw(input: RawInput): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      finish(true);
    }, HANG_MS);
    let finished = false;
    const finish = (hang: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      // Several answers (pipelining): the worst one counts.
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
      const worst = statuses.length ? Math.max(...statuses) : status;
      resolve({
        status: worst,
        ms: performance.now() - started,
        body: text.slice(0, BODY_CAP),
        headers: {},
        hang,
        ...(worst === 0 && { closed: 'closed without an answer' }),
      });
    };
    socket.on('connect', () => {
      socket.write(Buffer.from(input.bytes));
      socket.end();
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Judging one answer.
// ---------------------------------------------------------------------------------------------------------
type FailureKind =
  | 'hang'
  | '5xx'
  | 'INTERNAL'
  | 'untyped error'
  | 'leaked internals'
  | 'valid reading lost'
  | 'refused reading stored'
  | 'row written by a refused input'
  | 'MQTT ingest stopped'
  | 'unsafe file'
  | 'server log';

interface Failure {
  family: string;
  kind: FailureKind;
  entry: string;
  label: string;
  detail: string;
  input?: HostileInput;
}

const entryOf = (input: HostileInput) =>
  input.kind === 'http'
    ? `${input.method} ${input.path.split('?')[0]!.slice(0, 60)}`
    : input.kind === 'mqtt'
      ? `MQTT <prefix>/${input.topic.slice(0, 40)} (QoS ${input.qos})`
      : 'raw HTTP on a socket';

const excerpt = (text: string, n = 220) => text.replace(/\s+/g, ' ').slice(0, n);

function errorCodes(body: string): string[] | null {
  try {
    const parsed = JSON.parse(body) as {
      errors?: { extensions?: { code?: string } }[];
      error?: { code?: string };
    };
    const codes = (Array.isArray(parsed.errors) ? parsed.errors : []).map(
      (e) => e?.extensions?.code ?? '(none)',
    );
    if (parsed.error?.code) codes.push(parsed.error.code);
    return codes;
  } catch {
    return null;
  }
}

interface Judged {
  accepted: boolean;
  failures: Omit<Failure, 'family' | 'entry' | 'label' | 'input'>[];
}

function judge(o: Outcome): Judged {
  const failures: Judged['failures'] = [];
  if (o.hang) failures.push({ kind: 'hang', detail: `no answer within ${HANG_MS / 1000} s` });
  if (o.status >= 500) failures.push({ kind: '5xx', detail: `${o.status}: ${excerpt(o.body)}` });
  const codes = errorCodes(o.body) ?? [];
  if (
    codes.includes('INTERNAL') ||
    /internal error|Unexpected error; it has been logged/i.test(o.body.slice(0, 4096))
  ) {
    if (o.status < 500) failures.push({ kind: 'INTERNAL', detail: `${o.status}: ${excerpt(o.body)}` });
  }
  const untyped = codes.filter((c) => c !== 'INTERNAL' && !TYPED.has(c));
  if (untyped.length)
    failures.push({
      kind: 'untyped error',
      detail: `${o.status} with codes ${untyped.join(', ')}: ${excerpt(o.body)}`,
    });
  if (
    /\n\s+at .+:\d+:\d+\)?|\.ts:\d+:\d+|\/node_modules\/[^"\s]+\.[cm]?js:\d+/.test(o.body.slice(0, 65_536))
  ) {
    failures.push({ kind: 'leaked internals', detail: excerpt(o.body) });
  }
  const accepted = o.status >= 200 && o.status < 400 && codes.length === 0;
  return { accepted, failures };
}

// ---------------------------------------------------------------------------------------------------------
// What refused inputs may have written: rows of this run (by its token names, user agent, file hashes and
// reading window) that no accepted input explains. The audit log and the dead letters (ingest_rejects) are
// the record of refusals, counted but not judged.
// ---------------------------------------------------------------------------------------------------------
interface Snapshot {
  at: Date;
  maxCase: number;
  maxCaseEvent: number;
  maxAudit: number;
  maxReject: number;
  areas: number;
  assets: number;
  readings: Map<string, number[]>;
}

/** What accepted inputs wrote, so it is not counted against refused ones. */
const explained = {
  trackingNos: new Set<string>(),
  hashes: new Set<string>(),
  users: new Set<number>(),
  tokens: 0,
  rules: 0,
};

let ctx: HostileContext;
let deviceCodes: string[] = [];

async function windowReadings(): Promise<Map<string, number[]>> {
  const { rows } = await pool.query<{ code: string; key: string; us: string }>(
    `SELECT d.code, m.key, (extract(epoch FROM r.ts) * 1000000)::bigint::text AS us
     FROM readings r JOIN devices d ON d.id = r.device_id JOIN metrics m ON m.id = r.metric_id
     WHERE d.code = ANY ($1) AND r.ts >= $2 AND r.ts < $3`,
    [deviceCodes, new Date(ctx.windowStartMs - 1000), new Date(ctx.windowEndMs + 1000)],
  );
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.code}/${r.key}`;
    map.set(key, [...(map.get(key) ?? []), Number(r.us)]);
  }
  return map;
}

async function snapshot(): Promise<Snapshot> {
  const { rows } = await pool.query(
    `SELECT now() AS at, (SELECT coalesce(max(id), 0) FROM cases)::bigint AS "maxCase",
            (SELECT coalesce(max(id), 0) FROM case_events)::bigint AS "maxCaseEvent",
            (SELECT coalesce(max(id), 0) FROM audit_log)::bigint AS "maxAudit",
            (SELECT coalesce(max(id), 0) FROM ingest_rejects)::bigint AS "maxReject",
            (SELECT count(*) FROM areas)::int AS areas, (SELECT count(*) FROM assets)::int AS assets`,
  );
  return { ...rows[0], readings: await windowReadings() };
}

interface RowFindings {
  written: string[];
  /** The input that sent what a written row holds, where that is known (a file, by its hash). */
  senders: Map<string, HostileInput>;
  trail: { audit: number; rejects: number };
}

/** `mqttLetters`: count the MQTT ingest's dead letters too (they name no sender; only the MQTT family sends). */
async function rowsWrittenSince(
  before: Snapshot,
  sentHashes: Set<string>,
  mqttLetters: boolean,
): Promise<RowFindings> {
  const written: string[] = [];
  const senders = new Map<string, HostileInput>();
  const mine = (text: string | null) => text?.includes(RUN);
  const { rows: cases } = await pool.query<{
    id: number;
    tracking_no: string;
    created_by: string;
    ua: string | null;
    audited: boolean;
  }>(
    `SELECT c.id, c.tracking_no, c.created_by,
            (SELECT a.user_agent FROM audit_log a WHERE a.target_type = 'case' AND a.target_id = c.id::text AND a.action = 'createCase' LIMIT 1) AS ua,
            EXISTS (SELECT 1 FROM audit_log a WHERE a.target_type = 'case' AND a.target_id = c.id::text AND a.action = 'createCase') AS audited
     FROM cases c WHERE c.id > $1`,
    [before.maxCase],
  );
  const myCases = new Set<number>();
  const explainedCases = new Set<number>();
  for (const c of cases) {
    if (explained.trackingNos.has(c.tracking_no)) explainedCases.add(c.id);
    // Unaudited public reports cannot be told apart: they count as this run's (a filed case is always audited).
    else if (mine(c.created_by) || c.ua === UA || (!c.audited && /^(citizen|open311)$/.test(c.created_by))) {
      myCases.add(c.id);
      written.push(`cases: #${c.id} (${c.tracking_no}, by ${c.created_by})`);
    }
  }
  const { rows: events } = await pool.query<{
    id: number;
    case_id: number;
    actor: string;
    action: string;
    attachments: string[];
  }>('SELECT id, case_id, actor, action, attachments FROM case_events WHERE id > $1', [before.maxCaseEvent]);
  for (const e of events) {
    if (explainedCases.has(e.case_id)) {
      for (const h of e.attachments) explained.hashes.add(h);
      continue;
    }
    if (myCases.has(e.case_id) || mine(e.actor))
      written.push(`case_events: #${e.id} (${e.action} on case ${e.case_id} by ${e.actor})`);
  }
  const { rows: files } = await pool.query<{ hash: string; created_by: string; size_bytes: number }>(
    'SELECT hash, created_by, size_bytes FROM attachments WHERE created_at >= $1',
    [before.at],
  );
  for (const f of files) {
    if (explained.hashes.has(f.hash)) continue;
    if (mine(f.created_by) || sentHashes.has(f.hash)) {
      const row = `attachments: ${f.hash.slice(0, 16)}… (${f.size_bytes} bytes, by ${f.created_by})`;
      written.push(row);
      const sender = fileSenders.get(f.hash);
      if (sender) senders.set(row, sender);
    }
  }
  const { rows: users } = await pool.query<{ id: number; username: string; by: string | null }>(
    `SELECT u.id, u.username, (SELECT a.actor_name FROM audit_log a WHERE a.action = 'createUser' AND a.outcome = 'ok' AND a.target_id = u.id::text LIMIT 1) AS by
     FROM users u WHERE u.created_at >= $1`,
    [before.at],
  );
  for (const u of users)
    if (!explained.users.has(u.id) && (mine(u.by) || u.username.includes(RUN.slice(0, 10))))
      written.push(`users: #${u.id} ${u.username}`);
  const { rows: tokenRows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM api_tokens WHERE created_at >= $1 AND position($2 in created_by) > 0',
    [before.at, RUN],
  );
  if (tokenRows[0]!.n > explained.tokens)
    written.push(`api_tokens: ${tokenRows[0]!.n - explained.tokens} created`);
  const { rows: sessions } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sessions WHERE created_at >= $1 AND user_agent = $2',
    [before.at, UA],
  );
  if (sessions[0]!.n > 0) written.push(`sessions: ${sessions[0]!.n} opened`);
  const { rows: rules } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM alert_rules WHERE updated_at >= $1 AND position($2 in updated_by) > 0',
    [before.at, RUN],
  );
  if (rules[0]!.n > explained.rules)
    written.push(`alert_rules: ${rules[0]!.n - explained.rules} created or changed`);
  const { rows: counts } = await pool.query<{ areas: number; assets: number }>(
    'SELECT (SELECT count(*) FROM areas)::int AS areas, (SELECT count(*) FROM assets)::int AS assets',
  );
  if (counts[0]!.areas !== before.areas) written.push(`areas: ${before.areas} → ${counts[0]!.areas}`);
  if (counts[0]!.assets !== before.assets) written.push(`assets: ${before.assets} → ${counts[0]!.assets}`);
  const { rows: trail } = await pool.query<{ audit: number; rejects: number }>(
    `SELECT (SELECT count(*) FROM audit_log WHERE id > $1 AND (user_agent = $3 OR position($4 in actor_name) > 0))::int AS audit,
            (SELECT count(*) FROM ingest_rejects WHERE id > $2 AND (position($4 in actor) > 0 OR (actor = 'mqtt' AND $5)))::int AS rejects`,
    [before.maxAudit, before.maxReject, UA, RUN, mqttLetters],
  );
  return { written, senders, trail: trail[0]! };
}

/** Valid readings kept, refused ones not stored: the window compared before and after, plus a direct look. */
async function checkReadings(before: Snapshot, oracles: { oracle: ReadingOracle; input: HostileInput }[]) {
  const after = await windowReadings();
  const lost: { oracle: ReadingOracle; input: HostileInput; why: string }[] = [];
  const stored: { oracle?: ReadingOracle; input?: HostileInput; row: string }[] = [];
  let kept = 0;
  let foreign = 0;
  let expected = 0;
  const groups = new Map<string, { oracle: ReadingOracle; input: HostileInput; us: number }[]>();
  for (const o of oracles) {
    const us = isoMicros(o.oracle.ts);
    if (us === null) continue;
    const key = `${o.oracle.device}/${o.oracle.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...o, us }]);
  }
  const keys = new Set([...groups.keys(), ...after.keys()]);
  for (const key of keys) {
    const old = new Set(before.readings.get(key) ?? []);
    const rows = (after.get(key) ?? []).map((us) => ({ us, used: false, fresh: !old.has(us) }));
    const want = (groups.get(key) ?? []).sort((a, b) => a.us - b.us);
    // Stored oracles first (exact match preferred), then either, then refused ones.
    for (const pass of ['stored', 'either', 'refused'] as const) {
      for (const w of want.filter((x) => x.oracle.expect === pass)) {
        const inWindow = w.us >= (ctx.windowStartMs - 1000) * 1000 && w.us < (ctx.windowEndMs + 1000) * 1000;
        if (pass === 'stored') expected++;
        const exact = rows.find((r) => !r.used && r.us === w.us);
        const near = exact ?? rows.find((r) => !r.used && Math.abs(r.us - w.us) < 1000);
        if (near) {
          near.used = true;
          if (pass === 'stored') kept++;
          if (pass === 'refused' && near.fresh)
            stored.push({
              oracle: w.oracle,
              input: w.input,
              row: `${key} @ ${new Date(near.us / 1000).toISOString()}`,
            });
        } else if (pass === 'stored') {
          const collapsed = rows.some((r) => Math.abs(r.us - w.us) < 1000);
          lost.push({
            oracle: w.oracle,
            input: w.input,
            why: collapsed
              ? `another reading under 1 ms away took its place (stored once for two)`
              : inWindow
                ? 'not stored'
                : 'not stored (outside the window)',
          });
        }
      }
    }
    // New rows no input of this family names: another writer's (e.g. another run of this suite at the same
    // time), counted but not judged; a refused reading of this run is caught by the oracle it names.
    for (const r of rows) if (r.fresh && !r.used) foreign++;
  }
  // Refused readings stamped outside the window: looked up directly.
  const outside = oracles.filter((o) => {
    const us = isoMicros(o.oracle.ts);
    return (
      o.oracle.expect === 'refused' &&
      us !== null &&
      (us < ctx.windowStartMs * 1000 || us >= ctx.windowEndMs * 1000) &&
      Math.abs(us / 1000 - ctx.nowMs) < 400 * 86_400_000
    );
  });
  if (outside.length) {
    const { rows } = await pool.query<{ i: string }>(
      `SELECT x.i::text FROM unnest($1::text[], $2::text[], $3::float8[]) WITH ORDINALITY AS x(code, metric, us, i)
       JOIN devices d ON d.code = x.code JOIN metrics m ON m.key = x.metric
       JOIN readings r ON r.device_id = d.id AND r.metric_id = m.id
        AND r.ts BETWEEN to_timestamp(x.us / 1e6) - interval '1 ms' AND to_timestamp(x.us / 1e6) + interval '1 ms'`,
      [
        outside.map((o) => o.oracle.device),
        outside.map((o) => o.oracle.metric),
        outside.map((o) => isoMicros(o.oracle.ts)!),
      ],
    );
    for (const r of rows) {
      const o = outside[Number(r.i) - 1]!;
      stored.push({
        oracle: o.oracle,
        input: o.input,
        row: `${o.oracle.device}/${o.oracle.metric} @ ${o.oracle.ts}`,
      });
    }
  }
  return { lost, stored, kept, expected, foreign };
}

// ---------------------------------------------------------------------------------------------------------
// Running a family and keeping the figures.
// ---------------------------------------------------------------------------------------------------------
interface Figures {
  family: string;
  inputs: number;
  refused: number;
  accepted: number;
  closed: number;
  /** Hung while others ran, answered in time when sent alone. */
  waited: number;
  /** New readings in the window that no input of the family sent (another writer's). */
  foreignRows: number;
  counts: Partial<Record<FailureKind, number>>;
  rowsWritten: number;
  validKept: number;
  validExpected: number;
  trail: { audit: number; rejects: number };
  slowest: { ms: number; label: string };
  seconds: number;
  subs: Map<string, number>;
}

const figures: Figures[] = [];
const allFailures: Failure[] = [];
let mqttUnderTest: MqttUnderTest;
let sentinels: ReadingMaker;
let server: ReturnType<typeof serve>;
let families: Map<string, HostileInput[]>;
let suiteStarted = 0;

function record(
  family: string,
  input: HostileInput | undefined,
  kind: FailureKind,
  detail: string,
  label?: string,
) {
  allFailures.push({
    family,
    kind,
    entry: input ? entryOf(input) : '',
    label: label ?? input?.label ?? '',
    detail,
    ...(input && { input }),
  });
}

/** Runs `work` over the items, `n` at a time. */
async function pooled<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** The readings the server answered about (HTTP): accepted uploads, filed reports and created things. */
function noteAccepted(input: HttpInput, o: Outcome) {
  for (const m of o.body.matchAll(/"trackingNo"\s*:\s*"(\d{16})"/g)) explained.trackingNos.add(m[1]!);
  if (input.path.startsWith('/open311') && o.status === 201) {
    for (const m of o.body.matchAll(/(\d{16})/g)) explained.trackingNos.add(m[1]!);
  }
  if (input.path === '/attachments' && o.status === 201) {
    const id = /"id"\s*:\s*"([0-9a-f]{64})"/.exec(o.body)?.[1];
    if (id) explained.hashes.add(id);
  }
  const user = /"createUser"\s*:\s*\{\s*"id"\s*:\s*(\d+)/.exec(o.body)?.[1];
  if (user) explained.users.add(Number(user));
  if (/"createApiToken"\s*:\s*\{/.test(o.body)) explained.tokens++;
  if (/"(createAlertRule|updateAlertRule)"\s*:\s*\{/.test(o.body)) explained.rules++;
}

const accepted201: { input: HttpInput; id: string; bytes: Uint8Array }[] = [];
/** Every answer, to say what came back for an input whose readings or rows went astray. */
const answers = new Map<HostileInput, Outcome>();
/** Which input sent a file, by its SHA-256. */
const fileSenders = new Map<string, HostileInput>();
const answerOf = (input: HostileInput | undefined) => {
  const o = input && answers.get(input);
  if (!o) return '';
  return `; the answer was ${o.hang ? 'none (hang)' : o.status || o.closed}${o.body ? `: ${excerpt(o.body, 160)}` : ''}`;
};

async function runFamily(name: string): Promise<Figures> {
  const inputs = families.get(name)!;
  const started = performance.now();
  const logFrom = serverLog.length;
  const before = await snapshot();
  const fig: Figures = {
    family: name,
    inputs: inputs.length,
    refused: 0,
    accepted: 0,
    closed: 0,
    waited: 0,
    foreignRows: 0,
    counts: {},
    rowsWritten: 0,
    validKept: 0,
    validExpected: 0,
    trail: { audit: 0, rejects: 0 },
    slowest: { ms: 0, label: '' },
    seconds: 0,
    subs: new Map(),
  };
  const failuresBefore = allFailures.length;
  const oracles: { oracle: ReadingOracle; input: HostileInput }[] = [];
  const sentHashes = new Set<string>();
  const refusedHashes = new Set<string>();
  const take = (input: HostileInput, o: Outcome) => {
    answers.set(input, o);
    const { accepted, failures } = judge(o);
    if (accepted) fig.accepted++;
    else fig.refused++;
    if (o.closed && !o.hang) fig.closed++;
    if (o.ms > fig.slowest.ms)
      fig.slowest = { ms: o.ms, label: `${entryOf(input)}: ${input.label.slice(0, 70)}` };
    for (const f of failures) record(name, input, f.kind, f.detail);
    if (input.kind === 'http') {
      if (o.status >= 200 && o.status < 300) noteAccepted(input, o);
      for (const file of input.files ?? []) {
        const hash = createHash('sha256').update(file).digest('hex');
        sentHashes.add(hash);
        fileSenders.set(hash, input);
        if (!accepted) refusedHashes.add(hash);
        if (accepted && input.path === '/attachments' && /"id"\s*:\s*"([0-9a-f]{64})"/.test(o.body)) {
          accepted201.push({ input, id: /"id"\s*:\s*"([0-9a-f]{64})"/.exec(o.body)![1]!, bytes: file });
        }
      }
    }
  };
  for (const input of inputs) {
    fig.subs.set(input.sub, (fig.subs.get(input.sub) ?? 0) + 1);
    for (const oracle of (input as HttpInput | MqttInput).readings ?? []) oracles.push({ oracle, input });
  }

  if (name === 'ingest-mqtt') {
    // One message at a time, each followed by a valid sentinel reading: when the sentinel is stored, the
    // message before it has been dealt with. A sentinel not stored within 10 s means the ingest stopped.
    const sentinelDevice = ctx.devices.find((d) => d.type === 'dust_monitor') ?? ctx.devices[0]!;
    for (const input of inputs as MqttInput[]) {
      const t = performance.now();
      const logAt = serverLog.length;
      let published = true;
      try {
        await mqttUnderTest.publish(input.topic, input.payload, input.qos);
      } catch (error) {
        published = false;
        record(name, input, 'hang', `publishing it: ${(error as Error).message}`);
      }
      const s = sentinels.valid(sentinelDevice, 'pm25');
      const sentinel = s.oracle!;
      let stored = false;
      try {
        await mqttUnderTest.publish(sentinelDevice.code, Buffer.from(JSON.stringify(s.item)), 1);
        stored = await waitStored(sentinel, HANG_MS);
      } catch {}
      const ms = performance.now() - t;
      if (ms > fig.slowest.ms) fig.slowest = { ms, label: `${entryOf(input)}: ${input.label.slice(0, 70)}` };
      // MQTT has no answer to read: a message with valid readings counts as accepted, and its readings are
      // judged below.
      if (input.readings?.some((r) => r.expect === 'stored')) fig.accepted++;
      else fig.refused++;
      oracles.push({ oracle: stored ? sentinel : { ...sentinel, expect: 'either' }, input });
      // The ingest saying it will not acknowledge a message (it reconnects, so the broker sends it again):
      // that message comes back for ever and holds up the ones after it.
      const unacknowledged = serverLog.slice(logAt).filter((l) => /MQTT/.test(l) && /reconnect/i.test(l));
      if (stored && unacknowledged.length) {
        record(
          name,
          input,
          'MQTT ingest stopped',
          `the ingest did not acknowledge it, so the broker sends it again and again: ${unacknowledged.map((l) => excerpt(l, 300)).join(' | ')}`,
        );
        await mqttUnderTest.reset();
      }
      if (!stored) {
        const logged = serverLog
          .slice(logFrom)
          .filter((l) => /MQTT/.test(l))
          .slice(-2)
          .map((l) => excerpt(l, 300));
        record(
          name,
          input,
          published ? 'MQTT ingest stopped' : 'hang',
          `a valid reading published after it was not stored within ${HANG_MS / 1000} s${logged.length ? `; ingest log: ${logged.join(' | ')}` : ''}`,
        );
        await mqttUnderTest.reset();
        // Its own valid readings went down with the poisoned session; they are counted as lost below.
      }
    }
  } else {
    const send = (input: HostileInput) =>
      input.kind === 'raw' ? sendRaw(input) : sendHttp(input as HttpInput);
    const hung: HostileInput[] = [];
    await pooled(inputs, CONCURRENCY, async (input) => {
      const o = await send(input);
      if (o.hang) hung.push(input);
      else take(input, o);
    });
    // An input that only waited behind another one holding the server up did not hang by itself: each one
    // that hung is sent again alone, once the server answers promptly again, and that answer counts.
    for (const input of hung) {
      await settle();
      const o = await send(input);
      if (!o.hang) fig.waited++;
      take(input, o);
    }
    if (hung.length) await settle();
  }

  // Readings.
  const readings = await checkReadings(before, oracles);
  fig.validKept = readings.kept;
  fig.validExpected = readings.expected;
  fig.foreignRows = readings.foreign;
  for (const l of readings.lost)
    record(
      name,
      l.input,
      'valid reading lost',
      `${l.oracle.device}/${l.oracle.metric} @ ${l.oracle.ts}: ${l.why}${answerOf(l.input)}`,
    );
  for (const s of readings.stored)
    record(name, s.input, 'refused reading stored', `${s.row}${answerOf(s.input)}`);
  // Rows.
  const rows = await rowsWrittenSince(before, refusedHashes, name === 'ingest-mqtt');
  fig.rowsWritten = rows.written.length + readings.stored.length;
  fig.trail = rows.trail;
  for (const w of rows.written) {
    const sender = rows.senders.get(w);
    record(name, sender, 'row written by a refused input', `${w}${answerOf(sender)}`, sender?.label ?? w);
  }
  // Uploads: nothing outside the attachments folder, and what was kept is served as what it is.
  if (name === 'uploads') await checkUploads(name);
  // Unexpected errors the server logged.
  const logged = new Map<string, number>();
  for (const line of serverLog.slice(logFrom)) {
    if (!/^(error serving|graphql: unexpected|warning: MQTT batch|graphql: )/.test(line)) continue;
    const head = line
      .split('\n')
      .slice(0, 3)
      .map((l) => l.trim())
      .join(' ⏎ ');
    logged.set(head.slice(0, 400), (logged.get(head.slice(0, 400)) ?? 0) + 1);
  }
  for (const [head, n] of logged) record(name, undefined, 'server log', `${n}× ${head}`, head.slice(0, 80));
  for (const f of allFailures.slice(failuresBefore)) fig.counts[f.kind] = (fig.counts[f.kind] ?? 0) + 1;
  fig.seconds = (performance.now() - started) / 1000;
  figures.push(fig);
  printFamily(fig, allFailures.slice(failuresBefore));
  return fig;
}

/** Waits until the server answers a health check within a second again (after an input held it up). */
async function settle() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const o = await sendHttp({
      kind: 'http',
      family: 'settle',
      sub: 'settle',
      label: 'health',
      method: 'GET',
      path: '/health',
      as: 'anonymous',
    });
    if (o.status === 200 && o.ms < 1000) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function waitStored(o: ReadingOracle, ms: number): Promise<boolean> {
  const us = isoMicros(o.ts)!;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const { rows } = await pool.query(
      `SELECT 1 FROM readings r JOIN devices d ON d.id = r.device_id JOIN metrics m ON m.id = r.metric_id
       WHERE d.code = $1 AND m.key = $2 AND r.ts BETWEEN $3::timestamptz - interval '1 ms' AND $3::timestamptz + interval '1 ms'`,
      [o.device, o.metric, new Date(us / 1000)],
    );
    if (rows.length) return true;
    await new Promise((r) => setTimeout(r, 8));
  }
  return false;
}

/** What the bytes are, read as a careful server would (the server's own sniffing is under test). */
function sniff(b: Uint8Array): string | null {
  const ascii = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

async function checkUploads(family: string) {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      : [];
  for (const file of walk(TMP)) {
    const rel = path.relative(ATTACHMENTS, file);
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(rel))
      record(
        family,
        undefined,
        'unsafe file',
        `a file outside the attachment store's layout: ${path.relative(TMP, file)}`,
        'file on disk',
      );
  }
  for (const escaped of ['/tmp/hostile-escape.jpg']) {
    if (fs.existsSync(escaped) && fs.statSync(escaped).mtimeMs >= suiteStarted)
      record(family, undefined, 'unsafe file', `${escaped} was written`, escaped);
  }
  for (const a of accepted201) {
    const o = await sendHttp({
      kind: 'http',
      family,
      sub: 'check',
      label: 'fetch an accepted upload',
      method: 'GET',
      path: `/attachments/${a.id}`,
      as: 'duty_officer',
    });
    const sniffed = sniff(a.bytes);
    const type = String(o.headers['content-type'] ?? '');
    const problems: string[] = [];
    if (o.status !== 200) problems.push(`GET answered ${o.status}`);
    if (!['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].includes(type))
      problems.push(`served as ${type}`);
    if (type !== sniffed) problems.push(`served as ${type}, its bytes are ${sniffed ?? 'no image or PDF'}`);
    if (o.headers['x-content-type-options'] !== 'nosniff')
      problems.push('without X-Content-Type-Options: nosniff');
    if (
      type === 'application/pdf' &&
      !String(o.headers['content-disposition'] ?? '').startsWith('attachment')
    )
      problems.push('a PDF served inline');
    if (problems.length) record(family, a.input, 'unsafe file', problems.join('; '));
  }
}

function printFamily(f: Figures, failures: Failure[]) {
  const counts = Object.entries(f.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `hostile ${f.family}: ${f.inputs} inputs (${[...f.subs].map(([s, n]) => `${s} ${n}`).join(', ')}) in ${f.seconds.toFixed(1)} s`,
    `  refused ${f.refused}, accepted ${f.accepted}, closed without an answer ${f.closed}, answered in time only when sent alone ${f.waited}; valid readings kept ${f.validKept}/${f.validExpected}${f.foreignRows ? ` (and ${f.foreignRows} readings from another writer in the window)` : ''}; rows written by refused inputs ${f.rowsWritten}; audit entries ${f.trail.audit}, dead letters ${f.trail.rejects}`,
    `  slowest ${(f.slowest.ms / 1000).toFixed(2)} s: ${f.slowest.label}`,
    `  failures: ${failures.length ? counts : 'none'}`,
    ...summarise(failures, 25).map((l) => `    ${l}`),
  ];
  console.log(lines.join('\n'));
}

/** Failures grouped by kind, entry point and what was sent, with one example's answer each. */
function summarise(failures: Failure[], limit: number): string[] {
  const groups = new Map<string, { n: number; example: Failure }>();
  for (const f of failures) {
    const key = `${f.kind} | ${f.entry} | ${f.input ? `${f.input.sub}: ${f.label.replace(/\d+/g, '#').slice(0, 60)}` : f.label.slice(0, 60)}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, example: f });
  }
  const sorted = [...groups].sort((a, b) => b[1].n - a[1].n);
  const out = sorted.slice(0, limit).map(([key, g]) => `${g.n}× ${key} → ${excerpt(g.example.detail, 260)}`);
  if (sorted.length > limit) out.push(`… and ${sorted.length - limit} more groups (see ${DUMP})`);
  return out;
}

function dumpFailures() {
  const lines = allFailures.map((f) => {
    const i = f.input;
    const body =
      i && i.kind === 'http'
        ? i.body
        : i && i.kind === 'mqtt'
          ? i.payload
          : i && i.kind === 'raw'
            ? i.bytes
            : undefined;
    const text =
      body === undefined ? undefined : typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
    return JSON.stringify({
      family: f.family,
      kind: f.kind,
      entry: f.entry,
      label: f.label,
      detail: f.detail,
      ...(i?.kind === 'http' && {
        method: i.method,
        path: i.path,
        headers: i.headers,
        as: i.as ?? 'analyst',
      }),
      ...(i?.kind === 'mqtt' && { topic: i.topic, qos: i.qos }),
      ...(text !== undefined && {
        body: text.length > 300_000 ? `${text.slice(0, 300_000)}… (${text.length} characters)` : text,
      }),
    });
  });
  fs.writeFileSync(DUMP, `${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------------------
beforeAll(async () => {
  suiteStarted = Date.now();
  // The services, loudly: this suite never skips.
  await pool.query('SELECT 1').catch((error: Error) => {
    throw new Error(`no PostgreSQL at TEST_DATABASE_URL (${error.message})`);
  });
  const brokerUp = await new Promise<boolean>((resolve) => {
    const u = new URL(MQTT_URL);
    const socket = net.connect(Number(u.port || 1883), u.hostname);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  if (!brokerUp)
    throw new Error(
      `no MQTT broker at ${MQTT_URL}: this suite needs Mosquitto (apt-get install -y mosquitto) or TEST_MQTT_URL`,
    );

  for (const role of ['analyst', 'admin', 'api_client', 'duty_officer'] as const) {
    const { token } = await createToken(pool, TEST_ACTOR, {
      name: `hostile-${role}-${RUN}`,
      role,
      areaCode: null,
      unitCode: null,
      days: 1,
    });
    tokens.set(role, token);
  }
  const app = createServerApp({
    pool,
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    ingest: config.ingest,
    live,
    cases: config.cases,
    map: config.map,
    log,
  });
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  if (!server.listening) await once(server, 'listening');
  port = (server.address() as net.AddressInfo).port;
  mqttUnderTest = await startMqttUnderTest(live.ingest, log);

  ctx = await loadHostileContext(pool, SEED, Date.now(), RUN);
  deviceCodes = ctx.devices.map((d) => d.code);
  // Sentinels and the final readings live in the window's last hour, apart from the generated ones.
  sentinels = new ReadingMaker(
    ctx,
    new Rng(SEED, 'hostile/sentinels'),
    ctx.windowEndMs - 3_600_000,
    ctx.windowEndMs,
  );
  const t = performance.now();
  families = generateHostileSuite(ctx).families;
  const total = [...families.values()].reduce((n, f) => n + f.length, 0);
  console.log(
    `hostile suite: seed ${SEED} (HOSTILE_SEED to change), ${total} inputs generated in ${((performance.now() - t) / 1000).toFixed(1)} s — ${[...families].map(([f, l]) => `${f} ${l.length}`).join(', ')}; server on 127.0.0.1:${port}, MQTT ${MQTT_URL} under ${mqttUnderTest.prefix}`,
  );
}, 120_000);

afterAll(async () => {
  if (figures.length) {
    const total = figures.reduce((n, f) => n + f.inputs, 0);
    const sum = (k: FailureKind) => figures.reduce((n, f) => n + (f.counts[k] ?? 0), 0);
    console.log(
      [
        `hostile suite, seed ${SEED}: ${total} inputs in ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s`,
        `  5xx ${sum('5xx')}, INTERNAL ${sum('INTERNAL')}, hangs over ${HANG_MS / 1000} s ${sum('hang')}, rows written by refused inputs ${figures.reduce((n, f) => n + f.rowsWritten, 0)}, valid readings kept ${figures.reduce((n, f) => n + f.validKept, 0)}/${figures.reduce((n, f) => n + f.validExpected, 0)}, MQTT ingest stops ${sum('MQTT ingest stopped')}, untyped errors ${sum('untyped error')}, leaks ${sum('leaked internals')}, unsafe files ${sum('unsafe file')}, server log lines ${sum('server log')}`,
        allFailures.length ? `  failing inputs written to ${DUMP}` : '  no failures',
      ].join('\n'),
    );
    if (allFailures.length) dumpFailures();
  }
  await mqttUnderTest?.close().catch(() => undefined);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  agent.destroy();
  await live.close();
  await pool.end();
  fs.rmSync(TMP, { recursive: true, force: true });
}, 60_000);

const failuresOf = (family: string) =>
  allFailures
    .filter((f) => f.family === family)
    .map((f) => `${f.kind} | ${f.entry} | ${f.label.slice(0, 100)} → ${excerpt(f.detail, 200)}`);

describe(`hostile inputs (seed ${SEED})`, () => {
  for (const family of FAMILIES) {
    it(`${family}: no 5xx, no INTERNAL, no hang, nothing written by refused inputs, valid readings kept`, async () => {
      await runFamily(family);
      expect(failuresOf(family)).toEqual([]);
    }, 200_000);
  }

  it('the server and the MQTT ingest still store readings afterwards', async () => {
    const problems: string[] = [];
    const health = await sendHttp({
      kind: 'http',
      family: 'after',
      sub: 'after',
      label: 'health',
      method: 'GET',
      path: '/health',
      as: 'anonymous',
    });
    if (health.status !== 200)
      problems.push(`GET /health answered ${health.status}: ${excerpt(health.body)}`);
    const area = await sendHttp({
      kind: 'http',
      family: 'after',
      sub: 'after',
      label: 'a query',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ area(code: "440304") { name } }' }),
    });
    if (!area.body.includes('福田区'))
      problems.push(`a GraphQL query answered ${area.status}: ${excerpt(area.body)}`);
    const device = ctx.devices[0]!;
    const viaHttp = sentinels.valid(device, device.metrics[0]);
    const res = await sendHttp({
      kind: 'http',
      family: 'after',
      sub: 'after',
      label: 'a valid reading',
      method: 'POST',
      path: '/ingest',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([viaHttp.item]),
      as: 'api_client',
    });
    if (res.status !== 200 || !(await waitStored(viaHttp.oracle!, 2000)))
      problems.push(`a valid reading over HTTP was not stored (${res.status}: ${excerpt(res.body)})`);
    const viaMqtt = sentinels.valid(device, device.metrics[0]);
    await mqttUnderTest.publish(device.code, Buffer.from(JSON.stringify(viaMqtt.item)), 1);
    if (!(await waitStored(viaMqtt.oracle!, HANG_MS)))
      problems.push(`a valid reading over MQTT was not stored within ${HANG_MS / 1000} s`);
    const resets = allFailures.filter((f) => f.kind === 'MQTT ingest stopped').length;
    if (resets)
      problems.push(`the MQTT ingest stopped storing ${resets} times during the run and had to be restarted`);
    expect(problems).toEqual([]);
  }, 60_000);
});
