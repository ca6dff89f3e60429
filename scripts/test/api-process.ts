// Real API processes for the end-to-end tests and the reliability bench: `npm start` (scripts/start.ts) spawned
// in its own process group, killed with SIGKILL and started again on the same ports; and the scenario both
// use: steady ingest over HTTP and MQTT QoS 1 while the process is killed, then what was acknowledged is
// checked against what is stored, and the alerts against what should have fired once.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mqtt from 'mqtt';
import type pg from 'pg';
import { ROOT_DIR } from '../../api/src/config.ts';

const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Loopback ports nobody listens on now, all different (held together while they are picked). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const s = net.createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** A loopback port nobody listens on now. */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

export interface ApiProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** The node process that serves (tsx runs node as its child), for its memory; null if not found. */
  serverPid: number | null;
  /** What the process printed so far. */
  output(): string;
}

export interface StartApiOptions {
  name: string;
  /** Laid over this process's environment; undefined removes a variable (e.g. MQTT_URL). */
  env: Record<string, string | undefined>;
  /** Default: a free port. */
  port?: number;
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();

/**
 * The last line of the banner `npm start` prints once it serves (after its URL, the database, MQTT and the
 * sign-in help): when it is out, so is everything a test reads from the banner.
 */
export const STARTED_LINE = '  accounts and API tokens:';

/** What a child prints on stdout and stderr, gathered from now on. */
export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return () => output;
}

/**
 * Resolves once the child has printed `text` (its readiness line); rejects, with what it printed, when it
 * exits first or `timeoutMs` pass.
 */
export function untilPrinted(
  child: ChildProcess,
  printed: () => string,
  text: string,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (printed().includes(text)) done();
    };
    const exited = () => done(new Error(`exited before printing "${text}": ${printed()}`));
    const timer = setTimeout(
      () => done(new Error(`did not print "${text}" within ${timeoutMs} ms: ${printed()}`)),
      timeoutMs,
    );
    // Listeners added after collectOutput's, so `printed()` already holds the chunk being checked.
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', exited);
    if (child.exitCode !== null || child.signalCode !== null) exited();
    else check();
  });
}

/** `npm start` (tsx scripts/start.ts) with these settings, resolved once it has printed its banner. */
export async function startApi(options: StartApiOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const [key, value] of Object.entries(options.env)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(TSX, [path.join(ROOT_DIR, 'scripts/start.ts')], { env, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const printed = collectOutput(child);
  try {
    await untilPrinted(child, printed, STARTED_LINE, options.timeoutMs ?? 120_000);
  } catch (error) {
    killGroup(child);
    throw new Error(`API ${options.name}: ${(error as Error).message}`);
  }
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    serverPid: childrenOf(child.pid!)[0] ?? null,
    output: printed,
  };
}

/** SIGKILL to the process group (tsx and the node it runs). */
export function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {}
}

/** Kills the API's process group with SIGKILL and resolves once neither tsx nor its node runs any more. */
export async function killApi(api: ApiProcess): Promise<void> {
  const exited =
    api.child.exitCode !== null || api.child.signalCode !== null
      ? Promise.resolve()
      : new Promise((r) => api.child.once('exit', r));
  killGroup(api.child);
  await exited;
  while (api.serverPid !== null && isAlive(api.serverPid)) await sleep(20);
}

/** Kills every API process started here that still runs (for afterAll and the bench's end). */
export function killAllApis(): void {
  for (const child of running) killGroup(child);
}

function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Child process ids of `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    const found: number[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pid) found.push(Number(entry));
      } catch {}
    }
    return found;
  }
}

/** Resident memory of a process in KiB (VmRSS), or null when it is gone. */
export function rssKiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface IngestDevice {
  code: string;
  type: string;
}

export interface SigkillScenarioOptions {
  pool: pg.Pool;
  /** A bearer token with readings:ingest. */
  token: string;
  /** Dust monitors (pm10, quiet) and crane monitors (load_moment_ratio, crossing their red line once). */
  devices: readonly IngestDevice[];
  mqtt: {
    url: string;
    prefix: string;
    username?: string;
    password?: string;
    /** Publisher clients; the devices are dealt out among them (each resends its own unacknowledged). */
    clients: number;
    clientIdPrefix: string;
  };
  /** Where HTTP ingest goes now: the killed process's URL (retried until it is back) or another one's. */
  httpUrl(): string;
  /** SIGKILLs the process under test; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same ports; resolves once it serves. */
  restart(): Promise<void>;
  /**
   * Each tick sends one reading per device: half the devices a message each over MQTT, the other half in one
   * POST (the halves swap every tick, so each device alternates).
   */
  ticks: number;
  tickMs: number;
  /**
   * The process is killed right after this tick's readings are sent (before they can be acknowledged); the
   * cranes cross their red line on this tick.
   */
  killAt: number;
  /** Reading time of tick 0 (ticks are a second apart in reading time). */
  baseMs: number;
  /** How long to wait for every publish and POST to be acknowledged after the last tick. */
  settleMs?: number;
}

export interface SigkillFigures {
  sent: number;
  /** Readings in 2xx answers to POST /ingest. */
  acknowledgedHttp: number;
  /** Readings whose message got a PUBACK. */
  acknowledgedMqtt: number;
  /** Of those acknowledged, how many are stored, and the first few that are not. */
  storedOfAcknowledged: number;
  missing: { device: string; ts: string }[];
  /** Every reading sent that is stored (all are acknowledged in the end, when nothing is lost). */
  storedOfSent: number;
  /** MQTT messages sent without a PUBACK yet when the process was killed; POSTs in flight then. */
  mqttInFlightAtKill: number;
  httpInFlightAtKill: number;
  /** POSTs that failed (connection lost or refused, or a non-2xx answer) and were sent again. */
  httpRetries: number;
  /** Non-2xx answers seen (each was sent again). */
  httpErrors: number;
  /** Publisher clients whose connection dropped after the kill. */
  publishersDisconnected: number;
  /** Publishes or POSTs never acknowledged within settleMs. */
  neverAcknowledged: number;
  /** Cranes: how many there are, how many fired once, more than once, never. */
  cranes: number;
  firedOnce: number;
  firedMoreThanOnce: number;
  neverFired: number;
  /** From the kill to the restarted process serving. */
  downMs: number;
}

type Item = { device: string; metric: string; ts: string; value: number };

/**
 * Steady ingest over HTTP and MQTT QoS 1 while the process under test is SIGKILLed at `killAt` and started
 * again; publishers and HTTP clients behave as devices do (an unacknowledged message is sent again, over the
 * same client once it reconnects; a failed POST is sent again). Then: is every acknowledged reading stored,
 * and did each crane's alert fire exactly once?
 */
export async function sigkillDuringIngest(options: SigkillScenarioOptions): Promise<SigkillFigures> {
  const { pool, devices, ticks, tickMs, killAt, baseMs } = options;
  const codes = devices.map((d) => d.code);
  const cranes = devices.filter((d) => d.type === 'crane_monitor').map((d) => d.code);
  const windowEnd = baseMs + (ticks + 1) * 1000;
  // Start from no open alert and no rule state on these devices, so each crane fires once on crossing.
  await pool.query(
    'UPDATE alerts SET cleared_at = now() WHERE cleared_at IS NULL AND device_id IN (SELECT id FROM devices WHERE code = ANY ($1))',
    [codes],
  );
  await pool.query(
    'DELETE FROM rule_states WHERE device_id IN (SELECT id FROM devices WHERE code = ANY ($1))',
    [codes],
  );
  const crossAt = killAt;
  const tickItems = (k: number): Item[] =>
    devices.map((d, i) => ({
      device: d.code,
      metric: d.type === 'crane_monitor' ? 'load_moment_ratio' : 'pm10',
      ts: new Date(baseMs + k * 1000 + i).toISOString(),
      // Cranes go over their red line (100) once and stay there: one alert each, ever.
      value: d.type === 'crane_monitor' ? (k < crossAt ? 50 : 102) : 50,
    }));

  const { mqtt: m } = options;
  let killed = false;
  let ending = false;
  let disconnected = 0;
  const publishers = await Promise.all(
    Array.from({ length: m.clients }, async (_, i) => {
      const client = await mqtt.connectAsync(m.url, {
        clientId: `${m.clientIdPrefix}-${i}`,
        username: m.username,
        password: m.password,
        reconnectPeriod: 250,
        connectTimeout: 5000,
      });
      let counted = false;
      client.on('close', () => {
        if (killed && !ending && !counted) {
          counted = true;
          disconnected++;
        }
      });
      client.on('error', () => undefined); // refused reconnects while the process is down; it keeps trying
      return client;
    }),
  );

  const acked: Item[] = [];
  let ackedHttp = 0;
  let ackedMqtt = 0;
  let mqttInFlight = 0;
  let httpInFlight = 0;
  let httpRetries = 0;
  let httpErrors = 0;
  const pending: Promise<void>[] = [];
  const post = async (items: Item[]) => {
    httpInFlight++;
    try {
      for (;;) {
        try {
          const res = await fetch(`${options.httpUrl()}/ingest`, {
            method: 'POST',
            headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(items),
          });
          await res.arrayBuffer();
          if (res.status === 200) {
            acked.push(...items);
            ackedHttp += items.length;
            return;
          }
          httpErrors++;
        } catch {
          // the connection died with the process, or it is not back yet: not acknowledged, send it again
        }
        httpRetries++;
        await sleep(200);
      }
    } finally {
      httpInFlight--;
    }
  };
  const publish = async (client: mqtt.MqttClient, item: Item) => {
    mqttInFlight++;
    try {
      await client.publishAsync(`${m.prefix}/${item.device}`, JSON.stringify(item), { qos: 1 });
      acked.push(item);
      ackedMqtt++;
    } finally {
      mqttInFlight--;
    }
  };

  let mqttInFlightAtKill = 0;
  let httpInFlightAtKill = 0;
  let downMs = 0;
  let restarted: Promise<void> = Promise.resolve();
  const t0 = performance.now();
  for (let k = 0; k < ticks; k++) {
    const items = tickItems(k);
    const overHttp: Item[] = [];
    for (const [i, item] of items.entries()) {
      if ((i + k) % 2 === 0) pending.push(publish(publishers[i % publishers.length]!, item));
      else overHttp.push(item);
    }
    pending.push(post(overHttp));
    if (k === killAt) {
      // One turn of the event loop: the messages are written, and cannot be stored yet (the broker gathers
      // them for 15 ms before it stores a batch), so they are in flight when the process dies.
      await new Promise((r) => setImmediate(r));
      mqttInFlightAtKill = mqttInFlight;
      httpInFlightAtKill = httpInFlight;
      killed = true;
      const killedAt = performance.now();
      await options.kill();
      restarted = options.restart().then(() => {
        downMs = performance.now() - killedAt;
      });
    }
    const wait = t0 + (k + 1) * tickMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await restarted;
  const settled = Promise.allSettled(pending);
  await Promise.race([settled, sleep(options.settleMs ?? 60_000)]);
  const neverAcknowledged = mqttInFlight + httpInFlight;
  ending = true;
  await Promise.all(publishers.map((c) => c.endAsync(true)));

  const countStored = async (items: readonly Item[]) => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM readings r JOIN devices d ON d.id = r.device_id
       JOIN unnest($1::text[], $2::timestamptz[]) AS x(code, ts) ON x.code = d.code AND x.ts = r.ts`,
      [items.map((e) => e.device), items.map((e) => e.ts)],
    );
    return rows[0]!.n;
  };
  // An external broker acknowledged on receipt; the restarted subscriber stores what it holds shortly after.
  let storedOfAcknowledged = 0;
  const deadline = Date.now() + 30_000;
  for (;;) {
    storedOfAcknowledged = await countStored(acked);
    if (storedOfAcknowledged === acked.length || Date.now() > deadline) break;
    await sleep(250);
  }
  const allSent = Array.from({ length: ticks }, (_, k) => tickItems(k)).flat();
  const storedOfSent = await countStored(allSent);
  const missing: { device: string; ts: string }[] = [];
  if (storedOfAcknowledged < acked.length) {
    const { rows } = await pool.query<{ device: string; ts: string }>(
      `SELECT x.code AS device, x.ts FROM unnest($1::text[], $2::text[]) AS x(code, ts)
       WHERE NOT EXISTS (SELECT 1 FROM readings r JOIN devices d ON d.id = r.device_id
                         WHERE d.code = x.code AND r.ts = x.ts::timestamptz)
       LIMIT 10`,
      [acked.map((e) => e.device), acked.map((e) => e.ts)],
    );
    missing.push(...rows);
  }
  const { rows: fired } = await pool.query<{ code: string; n: number }>(
    `SELECT d.code, count(*)::int AS n FROM alert_events e JOIN alerts al ON al.id = e.alert_id
     JOIN devices d ON d.id = al.device_id
     WHERE e.kind = 'fired' AND d.code = ANY ($1) AND al.started_at >= $2 AND al.started_at < $3
     GROUP BY d.code`,
    [cranes, new Date(baseMs), new Date(windowEnd)],
  );
  return {
    sent: allSent.length,
    acknowledgedHttp: ackedHttp,
    acknowledgedMqtt: ackedMqtt,
    storedOfAcknowledged,
    missing,
    storedOfSent,
    mqttInFlightAtKill,
    httpInFlightAtKill,
    httpRetries,
    httpErrors,
    publishersDisconnected: disconnected,
    neverAcknowledged,
    cranes: cranes.length,
    firedOnce: fired.filter((r) => r.n === 1).length,
    firedMoreThanOnce: fired.filter((r) => r.n > 1).length,
    neverFired: cranes.length - fired.length,
    downMs,
  };
}
