// Real API processes (`npm start` on the test PostGIS with the machine's Mosquitto): an alert raised through
// one process reaches a subscriber of another; a process killed with SIGKILL during sustained ingest loses
// no acknowledged reading (HTTP 2xx or MQTT PUBACK) and duplicates no alert.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestToken } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { ROOT_DIR } from '../config.ts';
import { createPool } from '../store/db.ts';

const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');
const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const PREFIX = `test${Date.now()}/devices`;
const pool = createPool(testDatabaseUrl(), { max: 4 });
const children: ChildProcess[] = [];
/** tsx runs node as a child: kill the whole process group. */
const kill = (c: ChildProcess) => {
  try {
    process.kill(-c.pid!, 'SIGKILL');
  } catch {}
};
afterAll(async () => {
  for (const c of children) kill(c);
  await pool.end();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Api {
  url: string;
  child: ChildProcess;
  port: number;
}

async function startApi(name: string, port?: number): Promise<Api> {
  const p = port ?? (await freePort());
  const child = spawn(TSX, [path.join(ROOT_DIR, 'scripts/start.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(),
      MQTT_URL,
      MQTT_TOPIC_PREFIX: PREFIX,
      MQTT_CLIENT_ID: `test-ingest-${name}`,
      SIMULATE: '0',
      PORT: String(p),
    },
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  while (!output.includes('is running at')) {
    if (child.exitCode !== null) throw new Error(`API ${name} exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`API ${name} did not come up: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${p}`, child, port: p };
}

let token: string;
let a: Api;
let b: Api;
const devices: { code: string; type: string }[] = [];

beforeAll(async () => {
  const brokerUp = await new Promise<boolean>((resolve) => {
    const url = new URL(MQTT_URL);
    const socket = net.connect(Number(url.port || 1883), url.hostname);
    socket.on('connect', () => resolve(true)).on('error', () => resolve(false));
    socket.unref();
  });
  if (!brokerUp)
    throw new Error(
      `no MQTT broker at ${MQTT_URL}: these tests need Mosquitto (apt-get install -y mosquitto)`,
    );
  token = await createTestToken('api_client');
  [a, b] = await Promise.all([startApi('a'), startApi('b')]);
  devices.push(
    ...(
      await pool.query<{ code: string; type: string }>(
        "SELECT code, type::text FROM devices WHERE type IN ('dust_monitor', 'crane_monitor') ORDER BY id DESC LIMIT 40",
      )
    ).rows,
  );
}, 240_000);

const ingest = (api: Api, items: unknown[]) =>
  fetch(`${api.url}/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(items),
  });

describe('two API processes', () => {
  it('an alert raised through one reaches a subscriber of the other (LISTEN/NOTIFY)', async () => {
    const crane = devices.find((d) => d.type === 'crane_monitor')!;
    await pool.query(
      'UPDATE alerts SET cleared_at = now() WHERE cleared_at IS NULL AND device_id = (SELECT id FROM devices WHERE code = $1)',
      [crane.code],
    );
    await pool.query('DELETE FROM rule_states WHERE device_id = (SELECT id FROM devices WHERE code = $1)', [
      crane.code,
    ]);
    const res = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({
        query: 'subscription { alertEvents { kind severity alert { device { code } } } }',
      }),
    });
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      while (!text.includes(crane.code)) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const sent = await ingest(b, [
      {
        device: crane.code,
        metric: 'load_moment_ratio',
        ts: new Date(Date.now() - 1000).toISOString(),
        value: 101,
      },
    ]);
    expect(sent.status).toBe(200);
    await Promise.race([reading, new Promise((r) => setTimeout(r, 5000))]);
    await reader.cancel();
    expect(text).toContain(crane.code);
    expect(text).toContain('"kind":"FIRED"');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('SIGKILL during sustained ingest', () => {
  it('keeps every acknowledged reading and raises no alert twice, over HTTP and MQTT', async () => {
    const codes = devices.map((d) => d.code);
    await pool.query(
      'UPDATE alerts SET cleared_at = now() WHERE cleared_at IS NULL AND device_id IN (SELECT id FROM devices WHERE code = ANY ($1))',
      [codes],
    );
    await pool.query(
      'DELETE FROM rule_states WHERE device_id IN (SELECT id FROM devices WHERE code = ANY ($1))',
      [codes],
    );
    const base = Date.now() - 30 * 60_000;
    const batches = Array.from({ length: 60 }, (_, k) =>
      devices.map((d, i) => ({
        device: d.code,
        metric: d.type === 'crane_monitor' ? 'load_moment_ratio' : 'pm10',
        ts: new Date(base + k * 1000 + i).toISOString(),
        // Cranes go over their limit once, half-way, and stay there: one alert each, ever.
        value: d.type === 'crane_monitor' ? (k < 30 ? 50 : 102) : 50,
      })),
    );
    const acknowledged: typeof batches = [];
    let killed = false;
    const client = await mqtt.connectAsync(MQTT_URL, { clientId: `test-publisher-${Date.now()}` });
    const mqttAcked: { device: string; ts: string }[] = [];
    const sender = (async () => {
      for (const [k, batch] of batches.entries()) {
        if (k === 25) {
          kill(b.child);
          killed = true;
        }
        // Every other batch over MQTT (PUBACK from the broker; the broker holds it for the killed subscriber's
        // persistent session), the rest over HTTP to b (2xx only after commit).
        if (k % 2 === 0) {
          await Promise.all(
            batch.map(async (item) => {
              await client.publishAsync(`${PREFIX}/${item.device}`, JSON.stringify(item), { qos: 1 });
              mqttAcked.push({ device: item.device, ts: item.ts });
            }),
          );
          continue;
        }
        try {
          const res = await ingest(killed ? a : b, batch);
          if (res.status === 200) acknowledged.push(batch);
        } catch {
          // the connection died with the process: not acknowledged, so the client sends it again below
          await ingest(a, batch);
        }
      }
    })();
    await sender;
    await client.endAsync();
    while (b.child.exitCode === null && b.child.signalCode === null)
      await new Promise((r) => setTimeout(r, 100));
    // b comes back with the same MQTT client id: the broker re-sends what b had not acknowledged.
    b = await startApi('b', b.port);
    const expected = [...acknowledged.flat(), ...mqttAcked];
    const deadline = Date.now() + 30_000;
    let missing = expected.length;
    while (Date.now() < deadline) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM readings r JOIN devices d ON d.id = r.device_id
         JOIN unnest($1::text[], $2::timestamptz[]) AS x(code, ts) ON x.code = d.code AND x.ts = r.ts`,
        [expected.map((e) => e.device), expected.map((e) => e.ts)],
      );
      missing = expected.length - rows[0]!.n;
      if (missing === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(missing).toBe(0);
    const cranes = devices.filter((d) => d.type === 'crane_monitor').map((d) => d.code);
    const { rows: fired } = await pool.query(
      `SELECT d.code, count(*)::int AS n FROM alert_events e JOIN alerts al ON al.id = e.alert_id
       JOIN devices d ON d.id = al.device_id
       WHERE e.kind = 'fired' AND d.code = ANY ($1) AND al.started_at >= $2 AND al.started_at < $3
       GROUP BY d.code`,
      [cranes, new Date(base), new Date(base + 120_000)],
    );
    expect(fired).toHaveLength(cranes.length);
    for (const row of fired) expect(row.n, row.code).toBe(1);
  });
});
