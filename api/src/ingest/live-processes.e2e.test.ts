// Real API processes (`npm start` on the test PostGIS): an alert raised through one process reaches a subscriber
// of another (both on the machine's Mosquitto); a process killed with SIGKILL during sustained ingest over HTTP
// and MQTT QoS 1 loses no acknowledged reading (HTTP 2xx or PUBACK) and duplicates no alert, with Mosquitto
// (MQTT_URL) and with the embedded broker (none), whose publishers reconnect and send again what was not
// acknowledged, as devices do.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiProcess,
  freePorts,
  type IngestDevice,
  killAllApis,
  killApi,
  type SigkillFigures,
  sigkillDuringIngest,
  startApi,
} from '../../../scripts/test/api-process.ts';
import { createTestToken, TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { issueMqttCredential } from '../access/mqtt-credentials.service.ts';
import { createPool } from '../store/db.ts';

const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const PREFIX = `test${Date.now()}/devices`;
const pool = createPool(testDatabaseUrl(), { max: 4 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-live-processes-'));
afterAll(async () => {
  killAllApis();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start` on the test database with Mosquitto, ingesting as one of a shared subscription's members. */
const startApiWithMosquitto = (name: string, port?: number) =>
  startApi({
    name,
    port,
    env: {
      DATABASE_URL: testDatabaseUrl(),
      DATA_DIR: dataDir,
      MQTT_URL,
      MQTT_TOPIC_PREFIX: PREFIX,
      MQTT_CLIENT_ID: `test-ingest-${name}`,
      SIMULATE: '0',
    },
  });

let token: string;
let a: ApiProcess;
let b: ApiProcess;
const devices: IngestDevice[] = [];

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
  [a, b] = await Promise.all([startApiWithMosquitto('a'), startApiWithMosquitto('b')]);
  devices.push(
    ...(
      await pool.query<{ code: string; type: string }>(
        "SELECT code, type::text FROM devices WHERE type IN ('dust_monitor', 'crane_monitor') ORDER BY id DESC LIMIT 80",
      )
    ).rows,
  );
}, 240_000);

/** Every acknowledged reading stored, everything sent stored in the end, each crane's alert raised exactly once. */
function expectNothingLost(figures: SigkillFigures): void {
  expect(figures.missing).toEqual([]);
  expect(figures.storedOfAcknowledged).toBe(figures.acknowledgedHttp + figures.acknowledgedMqtt);
  expect(figures.neverAcknowledged).toBe(0);
  expect(figures.storedOfSent).toBe(figures.sent);
  expect(figures.cranes).toBeGreaterThan(0);
  expect(figures.firedMoreThanOnce).toBe(0);
  expect(figures.firedOnce).toBe(figures.cranes);
}

const ingest = (api: ApiProcess, items: unknown[]) =>
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
    const decoder = new TextDecoder();
    // The stream's first frame (yoga's opening ping) comes once the subscription listens on the bus.
    let text = decoder.decode((await reader.read()).value);
    const reading = (async () => {
      while (!text.includes(crane.code)) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value);
      }
    })();
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
  it('keeps every acknowledged reading and raises no alert twice, over HTTP and MQTT through Mosquitto', async () => {
    // HTTP goes to b, then to a once b is killed; MQTT through Mosquitto, which PUBACKs on receipt and holds
    // what b had not acknowledged for b's persistent session, so the restarted b (same client id) stores it.
    let bKilled = false;
    const figures = await sigkillDuringIngest({
      pool,
      token,
      devices: devices.slice(0, 40),
      mqtt: { url: MQTT_URL, prefix: PREFIX, clients: 4, clientIdPrefix: `test-publisher-${Date.now()}` },
      httpUrl: () => (bKilled ? a.url : b.url),
      kill: async () => {
        bKilled = true;
        await killApi(b);
      },
      restart: async () => {
        b = await startApiWithMosquitto('b', b.port);
      },
      ticks: 60,
      tickMs: 50,
      killAt: 26,
      baseMs: Date.now() - 40 * 60_000,
    });
    expectNothingLost(figures);
  });

  it('keeps every acknowledged reading and raises no alert twice, over HTTP and MQTT through the embedded broker', async () => {
    // The embedded broker (no MQTT_URL) stores a message before its PUBACK. Publishers are real QoS 1 clients
    // with a gateway credential: killed, they see their connection drop with messages unacknowledged, keep
    // them, reconnect to the restarted process (same ports) and send them again; HTTP clients send again a
    // POST whose connection died.
    const prefix = `test${Date.now()}e/devices`;
    const { secret, row } = await issueMqttCredential(pool, TEST_ACTOR, {
      scope: 'all_devices',
      code: null,
      username: `test-gateway-${Date.now()}`,
    });
    const [port, mqttPort] = await freePorts(2);
    const start = () =>
      startApi({
        name: 'embedded broker',
        port,
        env: {
          DATABASE_URL: testDatabaseUrl(),
          DATA_DIR: dataDir,
          MQTT_URL: undefined,
          MQTT_PORT: String(mqttPort),
          MQTT_TOPIC_PREFIX: prefix,
          SIMULATE: '0',
        },
      });
    let c = await start();
    expect(c.output()).toContain(`embedded broker at mqtt://127.0.0.1:${mqttPort}`);
    const clients = 20;
    const figures = await sigkillDuringIngest({
      pool,
      token,
      devices: devices.slice(40, 80),
      mqtt: {
        url: `mqtt://127.0.0.1:${mqttPort}`,
        prefix,
        username: row.username,
        password: secret,
        clients,
        clientIdPrefix: `test-device-${Date.now()}`,
      },
      httpUrl: () => c.url,
      kill: () => killApi(c),
      restart: async () => {
        c = await start();
      },
      ticks: 200,
      tickMs: 50,
      killAt: 40,
      baseMs: Date.now() - 20 * 60_000,
    });
    // The kill came with messages unacknowledged, and every publisher noticed.
    expect(figures.mqttInFlightAtKill).toBeGreaterThan(0);
    expect(figures.publishersDisconnected).toBe(clients);
    expectNothingLost(figures);
    await killApi(c);
  });
});
