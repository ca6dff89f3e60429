// The files for an external Mosquitto, end to end: credentials issued, exported and revoked with
// `npm run mqtt-credential`, a real Mosquitto 2 started by deploy/mosquitto/run.sh with the shipped
// mosquitto.conf (on a free loopback port), the API's own ingest subscriber reading through it with an ingest
// credential, and an observer seeing exactly what Mosquitto lets through.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/test/api-process.ts';
import { TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import { testClientOptions } from '../../../scripts/test/mqtt-clients.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { issueMqttCredential, revokeMqttCredential } from '../access/mqtt-credentials.service.ts';
import { loadIngestConfig, ROOT_DIR } from '../config.ts';
import { noListeners } from '../live/event-publisher.ts';
import { createPool } from '../store/db.ts';
import { IngestService } from './ingest.service.ts';
import { keepMosquittoFilesExported } from './mosquitto-export.ts';
import { type MqttIngest, startMqttIngest } from './mqtt-ingest.ts';

const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) =>
  fs.existsSync(p),
);
const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');
const pool = createPool(testDatabaseUrl(), { max: 4 });
const run = Date.now().toString(36);
const PREFIX = `mosq${run}/devices`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'city-mosquitto-'));
const exported = path.join(work, 'export');
const installed = path.join(work, 'installed');
const children: ChildProcess[] = [];
const clients: MqttClient[] = [];
let port = 0;
let ingest: MqttIngest | null = null;

let futianDust: string;
let nanshanCrane: string;
let device: { username: string; password: string };
let gateway: { username: string; password: string };
const INGEST_USER = `t${run}.ingest`;
let ingestPassword: string;
/** Everything Mosquitto delivered to a subscriber with the ingest credential. */
const seen: { topic: string; payload: string }[] = [];

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [path.join(ROOT_DIR, 'scripts/mqtt-credential.ts'), ...args], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), MQTT_TOPIC_PREFIX: PREFIX, MQTT_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

const url = () => `mqtt://127.0.0.1:${port}`;
const options = (username?: string, password?: string) => testClientOptions(run, username, password);

async function connect(username: string, password: string): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url(), options(username, password));
  clients.push(client);
  return client;
}

async function refusedWith(opts: IClientOptions): Promise<number | null> {
  return mqtt.connectAsync(url(), opts).then(
    async (c) => {
      await c.endAsync(true);
      return null;
    },
    (e: { code?: number }) => e.code ?? -1,
  );
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stored = async (code: string, ts: string) =>
  (
    await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM readings r JOIN devices d ON d.id = r.device_id WHERE d.code = $1 AND r.ts = $2',
      [code, ts],
    )
  ).rows[0]!.n;

let tick = 0;
const fresh = () =>
  new Date(Date.now() - 3_600_000 - (Number.parseInt(run, 36) % 600_000) - ++tick * 10).toISOString();

/** Publishes a forbidden message, then an allowed marker after it: once the marker is seen, Mosquitto has decided. */
async function forbiddenThenMarker(client: MqttClient, topic: string, payload: string) {
  await client.publishAsync(topic, payload, { qos: 1 }); // Mosquitto 2 acknowledges a denied publish, and drops it
  const marker = JSON.stringify({ ts: fresh(), values: { pm10: 1 } });
  const markerClient = await connect(device.username, device.password);
  await markerClient.publishAsync(`${PREFIX}/${futianDust}`, marker, { qos: 1 });
  await until('the marker', () => seen.some((m) => m.payload === marker));
}

beforeAll(async () => {
  if (!MOSQUITTO) throw new Error('these tests need Mosquitto 2: apt-get install -y mosquitto');
  const codes = await Promise.all(
    [
      "a.district_code = '440304' AND d.type = 'dust_monitor'",
      "a.district_code = '440305' AND a.kind = 'construction_site' AND d.type = 'crane_monitor'",
    ].map(
      async (where) =>
        (
          await pool.query<{ code: string }>(
            `SELECT d.code FROM devices d JOIN assets a ON a.id = d.asset_id WHERE ${where} ORDER BY d.id LIMIT 1`,
          )
        ).rows[0]!.code,
    ),
  );
  [futianDust, nanshanCrane] = [codes[0]!, codes[1]!];
  const issue = (args: string[]) => {
    const out = cli(['issue', ...args]);
    const username = /username (\S+);/.exec(out.stderr)![1]!;
    return { username, password: out.stdout.trim() };
  };
  device = issue(['--device', futianDust]);
  gateway = issue(['--all-devices']);
  ingestPassword = issue(['--ingest', '--username', INGEST_USER]).password;
  const revokedEarlier = issue(['--device', nanshanCrane]);
  cli(['revoke', revokedEarlier.username]);
  const exportRun = cli(['export-mosquitto', exported], {
    MQTT_URL: `mqtt://${INGEST_USER}:${ingestPassword}@127.0.0.1:1`,
  });
  expect(exportRun.stdout).toMatch(/^wrote /);
  expect(exportRun.stderr).toBe('');
  const passwords = fs.readFileSync(path.join(exported, 'password_file'), 'utf8');
  expect(passwords).toContain(`${device.username}:$7$101$`);
  expect(passwords).not.toContain(`${revokedEarlier.username}:`);
  expect(fs.statSync(path.join(exported, 'password_file')).mode & 0o777).toBe(0o600);

  // The shipped config, on a free loopback port, with the files where run.sh installs them (Mosquitto, run as
  // root, reads them as its own user: the folder above must let it through).
  fs.chmodSync(work, 0o755);
  port = await freePort();
  const shipped = fs.readFileSync(path.join(ROOT_DIR, 'deploy/mosquitto/mosquitto.conf'), 'utf8');
  expect(shipped).toMatch(/^allow_anonymous false$/m);
  const conf = shipped
    .replace(/^listener 1883$/m, `listener ${port} 127.0.0.1`)
    .replaceAll('/mosquitto/auth/', `${installed}/`)
    .replace(/^persistence true$/m, 'persistence false')
    .replace(/^persistence_location .*$/m, `persistence_location ${work}/`);
  expect(conf).toContain(`listener ${port} 127.0.0.1`);
  fs.writeFileSync(path.join(work, 'mosquitto.conf'), conf);
  const mosquitto = spawn('sh', [path.join(ROOT_DIR, 'deploy/mosquitto/run.sh')], {
    env: {
      ...process.env,
      PATH: `${path.dirname(MOSQUITTO)}:${process.env.PATH}`,
      MQTT_AUTH_SRC: exported,
      MQTT_AUTH_DST: installed,
      MOSQUITTO_CONF: path.join(work, 'mosquitto.conf'),
      MQTT_AUTH_CHECK_S: '1',
    },
    detached: true,
  });
  children.push(mosquitto);
  let output = '';
  mosquitto.stdout!.on('data', (d) => (output += d));
  mosquitto.stderr!.on('data', (d) => (output += d));
  await until(
    `Mosquitto on ${port}`,
    () =>
      new Promise<boolean>((resolve) => {
        if (mosquitto.exitCode !== null) throw new Error(`Mosquitto exited: ${output}`);
        const s = net.connect(port, '127.0.0.1');
        s.on('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      }),
  );

  // The API's ingest, with its shared subscription, and an observer, both with the ingest credential.
  const config = loadIngestConfig({ MQTT_TOPIC_PREFIX: PREFIX }, 'demo');
  ingest = startMqttIngest({
    url: `mqtt://${INGEST_USER}:${ingestPassword}@127.0.0.1:${port}`,
    prefix: PREFIX,
    shared: true,
    clientId: `t-${run}-ingest`,
    ingest: new IngestService(pool, config, noListeners),
    log: () => undefined,
  });
  await ingest.ready;
  const observer = await connect(INGEST_USER, ingestPassword);
  observer.on('message', (topic, payload) => seen.push({ topic, payload: payload.toString() }));
  await observer.subscribeAsync(`${PREFIX}/#`, { qos: 1 });
}, 240_000);

afterAll(async () => {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await ingest?.close();
  for (const c of children) {
    try {
      process.kill(-c.pid!, 'SIGTERM');
    } catch {}
  }
  await pool.end();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('an external Mosquitto with the exported files', () => {
  it('refuses anonymous clients and junk credentials', async () => {
    expect(await refusedWith(options())).toBe(5);
    expect(await refusedWith(options(device.username, 'comq_junk'))).toBe(5);
    expect(await refusedWith(options(`nobody-${run}`, device.password))).toBe(5);
  });

  it("lets a device publish its own readings, which the API's ingest stores", async () => {
    const client = await connect(device.username, device.password);
    const [a, b] = [fresh(), fresh()];
    await client.publishAsync(`${PREFIX}/${futianDust}`, JSON.stringify({ ts: a, values: { pm10: 44 } }), {
      qos: 1,
    });
    await client.publishAsync(`${PREFIX}/${futianDust}/pm10`, JSON.stringify({ ts: b, value: 45 }), {
      qos: 1,
    });
    await until(
      'both readings stored',
      async () => (await stored(futianDust, a)) + (await stored(futianDust, b)) === 2,
    );
    expect(seen.map((m) => m.topic)).toEqual(expect.arrayContaining([`${PREFIX}/${futianDust}/pm10`]));
  });

  it("drops a Futian device's message to a Nanshan crane's topic: never delivered, nothing stored", async () => {
    const client = await connect(device.username, device.password);
    const ts = fresh();
    const overload = JSON.stringify({ ts, values: { load_moment_ratio: 130 } });
    await forbiddenThenMarker(client, `${PREFIX}/${nanshanCrane}`, overload);
    expect(seen.filter((m) => m.topic.includes(nanshanCrane))).toEqual([]);
    expect(await stored(nanshanCrane, ts)).toBe(0);
  });

  it('drops what the ingest credential publishes, and what a device subscribes to stays empty', async () => {
    const ingestClient = await connect(INGEST_USER, ingestPassword);
    const ts = fresh();
    await forbiddenThenMarker(
      ingestClient,
      `${PREFIX}/${futianDust}`,
      JSON.stringify({ ts, values: { pm10: 9 } }),
    );
    expect(await stored(futianDust, ts)).toBe(0);
    const nosy = await connect(device.username, device.password);
    const heard: string[] = [];
    nosy.on('message', (topic) => heard.push(topic));
    await nosy.subscribeAsync(`${PREFIX}/#`, { qos: 1 }).catch(() => undefined);
    const gw = await connect(gateway.username, gateway.password);
    const other = JSON.stringify({ ts: fresh(), values: { load_moment_ratio: 40 } });
    await gw.publishAsync(`${PREFIX}/${nanshanCrane}`, other, { qos: 1 }); // a gateway writes for any device
    await until('the gateway message', () => seen.some((m) => m.payload === other));
    expect(heard).toEqual([]);
  });

  it('disconnects and refuses a revoked credential once the files are exported again', async () => {
    const client = await connect(device.username, device.password);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    cli(['revoke', device.username]);
    const again = cli(['export-mosquitto', exported]);
    expect(again.stdout).toMatch(/^wrote /);
    expect(fs.readFileSync(path.join(exported, 'password_file'), 'utf8')).not.toContain(
      `${device.username}:`,
    );
    expect(fs.readFileSync(path.join(exported, 'acl_file'), 'utf8')).not.toContain(
      `user ${device.username}\n`,
    );
    await closed; // run.sh saw the change within a second and sent SIGHUP; Mosquitto dropped the client
    expect(await refusedWith(options(device.username, device.password))).toBe(5);
    const unchanged = cli(['export-mosquitto', exported]);
    expect(unchanged.stdout).toMatch(/^unchanged: /);
  });

  it('with MQTT_AUTH_DIR the API keeps the files current by itself', async () => {
    const dir = path.join(work, 'kept');
    const lines: string[] = [];
    const stop = keepMosquittoFilesExported(pool, {
      dir,
      prefix: PREFIX,
      log: (l) => lines.push(l),
      everyMs: 200,
    });
    try {
      const passwords = () => fs.readFileSync(path.join(dir, 'password_file'), 'utf8');
      await until('the first export', () => fs.existsSync(path.join(dir, 'password_file')));
      const { row } = await issueMqttCredential(pool, TEST_ACTOR, {
        scope: 'all_devices',
        code: null,
        username: null,
      });
      await until('the new credential in the files', () => passwords().includes(`${row.username}:$7$`));
      await revokeMqttCredential(pool, TEST_ACTOR, row.username);
      await until('the revoked credential gone', () => !passwords().includes(`${row.username}:`));
      expect(lines.filter((l) => l.startsWith('MQTT: wrote')).length).toBeGreaterThanOrEqual(3);
    } finally {
      stop();
    }
  });
});
