// The embedded broker with MQTT credentials, real MQTT clients and the test PostGIS: who may connect, who may
// publish which device's readings, what happens to the rest, and revocation. Credentials are issued and
// revoked through GraphQL as an administrator would.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import { testClientOptions } from '../../../scripts/test/mqtt-clients.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { issueMqttCredential } from '../access/mqtt-credentials.service.ts';
import { loadIngestConfig } from '../config.ts';
import { noListeners } from '../live/event-publisher.ts';
import { createPool } from '../store/db.ts';
import { IngestService } from './ingest.service.ts';
import { createMqttAuth, localMqttCredential, type MqttAuth } from './mqtt-auth.ts';
import { type MqttBatcher, mqttBatcher } from './mqtt-batch.ts';
import { type EmbeddedBroker, startEmbeddedBroker } from './mqtt-broker.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
const run = Date.now().toString(36);
const PREFIX = `auth${run}/devices`;
const config = loadIngestConfig({ MQTT_TOPIC_PREFIX: PREFIX }, 'demo');
const logged: string[] = [];
const log = (line: string) => logged.push(line);
const admin = graphqlClient(pool, { role: 'admin', log: () => undefined });
const GATEWAY = localMqttCredential('test-gateway', `gw-${run}-secret`);

let broker: EmbeddedBroker;
let auth: MqttAuth;
/** A Futian dust monitor, and a tower crane on a Nanshan construction site. */
let futianDust: string;
let nanshanCrane: { code: string; site: string };
let futian: { username: string; password: string };

/** A time no other test writes: an hour and a bit ago, by this run and a counter. */
let tick = 0;
const fresh = () =>
  new Date(Date.now() - 3_600_000 - (Number.parseInt(run, 36) % 600_000) - ++tick * 10).toISOString();

const stored = async (device: string, ts: string) =>
  (
    await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM readings r JOIN devices d ON d.id = r.device_id WHERE d.code = $1 AND r.ts = $2',
      [device, ts],
    )
  ).rows[0]!.n;

const refusals = async (actor: string) => {
  await auth.flush();
  return (
    await pool.query<{ reason: string; message: string; item: string }>(
      "SELECT reason, message, item FROM ingest_rejects WHERE source = 'mqtt' AND actor = $1 ORDER BY id",
      [actor],
    )
  ).rows;
};

const options = (username?: string, password?: string) => testClientOptions(run, username, password);

/** The CONNACK code of a refused connection. */
async function refusedWith(opts: IClientOptions): Promise<number> {
  const error = await mqtt.connectAsync(broker.url, opts).then(
    async (client) => {
      await client.endAsync(true);
      return null;
    },
    (e: { code?: number }) => e,
  );
  expect(error, 'the broker accepted the connection').not.toBeNull();
  return error!.code!;
}

/** Publishes at QoS 1: 'acked' on PUBACK, 'closed' when the broker drops the connection instead. */
function publish(client: MqttClient, topic: string, payload: string): Promise<'acked' | 'closed'> {
  return new Promise((resolve) => {
    client.once('close', () => resolve('closed'));
    client.publish(topic, payload, { qos: 1 }, (error) => {
      if (!error) resolve('acked');
    });
  });
}

let readings: MqttBatcher;

beforeAll(async () => {
  readings = mqttBatcher({ ingest: new IngestService(pool, config, noListeners), prefix: PREFIX, log });
  auth = createMqttAuth(pool, {
    prefix: PREFIX,
    log,
    local: [GATEWAY],
    revocationPollMs: 200,
    refusalFlushMs: 50,
    logEveryMs: 60_000,
  });
  broker = await startEmbeddedBroker({
    host: '127.0.0.1',
    port: 0,
    readings: { prefix: PREFIX, store: readings.store },
    auth,
  });
  futianDust = (
    await pool.query<{ code: string }>(
      `SELECT d.code FROM devices d JOIN assets a ON a.id = d.asset_id
       WHERE a.district_code = '440304' AND d.type = 'dust_monitor' ORDER BY d.id LIMIT 1`,
    )
  ).rows[0]!.code;
  nanshanCrane = (
    await pool.query<{ code: string; site: string }>(
      `SELECT d.code, a.code AS site FROM devices d JOIN assets a ON a.id = d.asset_id
       WHERE a.district_code = '440305' AND a.kind = 'construction_site' AND d.type = 'crane_monitor'
       ORDER BY d.id LIMIT 1`,
    )
  ).rows[0]!;
  const issued = await admin.query<any>(
    'mutation($code: String!) { issueMqttCredential(input: { scope: DEVICE, code: $code }) { password credential { username scope deviceCode } } }',
    { code: futianDust },
  );
  expect(issued.errors).toBeUndefined();
  futian = {
    username: issued.data.issueMqttCredential.credential.username,
    password: issued.data.issueMqttCredential.password,
  };
  expect(issued.data.issueMqttCredential.credential).toMatchObject({
    scope: 'DEVICE',
    deviceCode: futianDust,
  });
});

afterAll(async () => {
  await broker?.close();
  await auth?.close();
  await pool.end();
}, 20_000);

describe('connecting to the embedded broker', () => {
  it('refuses an anonymous client, and counts and keeps the refusal', async () => {
    const before = auth.refusals().UNAUTHENTICATED;
    const opts = options();
    expect(await refusedWith(opts)).toBe(4);
    expect(auth.refusals().UNAUTHENTICATED).toBe(before + 1);
    expect(await refusals(`client:${opts.clientId}`)).toEqual([
      {
        reason: 'UNAUTHENTICATED',
        message: 'no username and password',
        item: `CONNECT client:${opts.clientId}`,
      },
    ]);
  });

  it('refuses junk credentials: a wrong secret, an unknown user, a username alone', async () => {
    expect(await refusedWith(options(futian.username, 'comq_junk'))).toBe(4);
    expect(await refusedWith(options(futian.username, futian.password.slice(0, -1)))).toBe(4);
    expect(await refusedWith(options(`nobody-${run}`, futian.password))).toBe(4);
    expect(await refusedWith(options(futian.username))).toBe(4);
    expect((await refusals(futian.username)).map((r) => r.message)).toEqual([
      'wrong secret',
      'wrong secret',
      'no username and password',
    ]);
    expect((await refusals(`nobody-${run}`)).map((r) => r.message)).toEqual(['unknown username']);
  });

  it('refuses a process credential with the wrong secret', async () => {
    expect(await refusedWith(options(GATEWAY.username, futian.password))).toBe(4);
  });
});

describe('publishing', () => {
  it("a Futian device's credential cannot write a Nanshan crane's readings: refused, nothing stored, counted", async () => {
    const client = await mqtt.connectAsync(broker.url, options(futian.username, futian.password));
    const ts = fresh();
    const alertsBefore = await pool.query(
      'SELECT count(*)::int AS n FROM alerts a JOIN devices d ON d.id = a.device_id WHERE d.code = $1',
      [nanshanCrane.code],
    );
    const forbidden = auth.refusals().FORBIDDEN;
    const overload = JSON.stringify({ ts, values: { load_moment_ratio: 130 } });
    expect(await publish(client, `${PREFIX}/${nanshanCrane.code}`, overload)).toBe('closed');
    await client.endAsync(true);
    await readings.drain(); // every batch under way is committed
    expect(await stored(nanshanCrane.code, ts)).toBe(0);
    const alertsAfter = await pool.query(
      'SELECT count(*)::int AS n FROM alerts a JOIN devices d ON d.id = a.device_id WHERE d.code = $1',
      [nanshanCrane.code],
    );
    expect(alertsAfter.rows[0].n).toBe(alertsBefore.rows[0].n);
    expect(auth.refusals().FORBIDDEN).toBe(forbidden + 1);
    const kept = (await refusals(futian.username)).filter((r) => r.reason === 'FORBIDDEN');
    expect(kept).toEqual([
      {
        reason: 'FORBIDDEN',
        message: `not one of its devices (${nanshanCrane.code})`,
        item: expect.stringContaining(`PUBLISH ${PREFIX}/${nanshanCrane.code} client:t-${run}`),
      },
    ]);
    // Nor may it write outside the readings topics.
    const again = await mqtt.connectAsync(broker.url, options(futian.username, futian.password));
    expect(await publish(again, `auth${run}/commands/${futianDust}`, '{}')).toBe('closed');
    await again.endAsync(true);
  });

  it('its own topics at QoS 1: PUBACK, and the reading is stored', async () => {
    const client = await mqtt.connectAsync(broker.url, options(futian.username, futian.password));
    const [a, b] = [fresh(), fresh()];
    expect(
      await publish(client, `${PREFIX}/${futianDust}`, JSON.stringify({ ts: a, values: { pm10: 41 } })),
    ).toBe('acked');
    expect(await stored(futianDust, a)).toBe(1);
    expect(await publish(client, `${PREFIX}/${futianDust}/pm10`, JSON.stringify({ ts: b, value: 42 }))).toBe(
      'acked',
    );
    expect(await stored(futianDust, b)).toBe(1);
    await client.endAsync();
    const used = await pool.query('SELECT last_used_at FROM mqtt_credentials WHERE username = $1', [
      futian.username,
    ]);
    expect(used.rows[0].last_used_at).not.toBeNull();
  });

  it("a construction site's credential writes for the site's devices only", async () => {
    const { secret, row } = await issueMqttCredential(pool, TEST_ACTOR, {
      scope: 'project',
      code: nanshanCrane.site,
      username: null,
    });
    expect(row.username.startsWith(`${nanshanCrane.site.toLowerCase()}.`)).toBe(true);
    const client = await mqtt.connectAsync(broker.url, options(row.username, secret));
    const ts = fresh();
    const payload = JSON.stringify({ ts, values: { load_moment_ratio: 50 } });
    expect(await publish(client, `${PREFIX}/${nanshanCrane.code}`, payload)).toBe('acked');
    expect(await stored(nanshanCrane.code, ts)).toBe(1);
    const other = fresh();
    expect(
      await publish(client, `${PREFIX}/${futianDust}`, JSON.stringify({ ts: other, values: { pm10: 1 } })),
    ).toBe('closed');
    expect(await stored(futianDust, other)).toBe(0);
    await client.endAsync(true);
  });

  it('a gateway credential of the process writes for any device; nobody subscribes', async () => {
    const client = await mqtt.connectAsync(broker.url, options(GATEWAY.username, GATEWAY.password));
    const ts = fresh();
    expect(await publish(client, `${PREFIX}/${futianDust}/pm10`, JSON.stringify({ ts, value: 43 }))).toBe(
      'acked',
    );
    expect(await stored(futianDust, ts)).toBe(1);
    // SUBACK 0x80: mqtt.js reports it as an error
    await expect(client.subscribeAsync(`${PREFIX}/#`, { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await client.endAsync();
    expect((await refusals(GATEWAY.username)).at(-1)).toMatchObject({
      reason: 'FORBIDDEN',
      item: expect.stringContaining(`SUBSCRIBE ${PREFIX}/#`),
    });
  });
});

describe('revoking', () => {
  it('refuses the next message of a connected client within seconds, then every connection', async () => {
    const { secret, row } = await issueMqttCredential(pool, TEST_ACTOR, {
      scope: 'device',
      code: futianDust,
      username: `t${run}.revoked`,
    });
    const client = await mqtt.connectAsync(broker.url, options(row.username, secret));
    expect(
      await publish(client, `${PREFIX}/${futianDust}/pm10`, JSON.stringify({ ts: fresh(), value: 40 })),
    ).toBe('acked');
    const revoked = await admin.query<any>(
      'mutation($u: String!) { revokeMqttCredential(username: $u) { username revokedAt } }',
      { u: row.username },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeMqttCredential.revokedAt).not.toBeNull();
    // The broker notices at its next revocation poll: publish until it refuses, for at most 10 s.
    let ts = fresh();
    const deadline = Date.now() + 10_000;
    while (
      (await publish(client, `${PREFIX}/${futianDust}/pm10`, JSON.stringify({ ts, value: 40 }))) !== 'closed'
    ) {
      expect(Date.now()).toBeLessThan(deadline);
      ts = fresh();
    }
    await client.endAsync(true);
    expect(await stored(futianDust, ts)).toBe(0);
    expect(await refusedWith(options(row.username, secret))).toBe(4);
    expect((await refusals(row.username)).map((r) => [r.reason, r.message])).toEqual([
      ['FORBIDDEN', 'the credential is revoked'],
      ['UNAUTHENTICATED', 'the credential is revoked'],
    ]);
    const audit = await pool.query(
      "SELECT action, outcome, after FROM audit_log WHERE target_type = 'mqtt_credential' AND target_id = $1 ORDER BY id",
      [String(row.id)],
    );
    expect(audit.rows.map((r) => [r.action, r.outcome])).toEqual([
      ['issueMqttCredential', 'ok'],
      ['revokeMqttCredential', 'ok'],
    ]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/\$7\$|comq_/);
  });
});

describe('what operators see', () => {
  it('admins count the refusals through GraphQL; the log has one line for them all', async () => {
    const res = await admin.query<any>(
      '{ mqttRefusals(recent: 200) { total byReason { reason count } recent { actor reason item } } }',
    );
    expect(res.errors).toBeUndefined();
    const mine = res.data.mqttRefusals.recent.filter((r: any) => r.item.includes(`t-${run}-`));
    expect(mine.length).toBe(auth.refusals().UNAUTHENTICATED + auth.refusals().FORBIDDEN);
    const byReason = Object.fromEntries(res.data.mqttRefusals.byReason.map((r: any) => [r.reason, r.count]));
    expect(byReason.UNAUTHENTICATED).toBeGreaterThanOrEqual(auth.refusals().UNAUTHENTICATED);
    expect(byReason.FORBIDDEN).toBeGreaterThanOrEqual(auth.refusals().FORBIDDEN);
    expect(logged.filter((l) => l.startsWith('MQTT: refused'))).toHaveLength(1);
    const list = await admin.query<any>(
      'query($code: String) { mqttCredentials(code: $code, includeRevoked: true) { username scope revokedAt } }',
      { code: futianDust },
    );
    expect(list.data.mqttCredentials.map((c: any) => c.username)).toEqual(
      expect.arrayContaining([futian.username, `t${run}.revoked`]),
    );
    expect(JSON.stringify(list.data)).not.toMatch(/comq_|\$7\$/);
  });

  it('refuses the MQTT administration to other roles', async () => {
    const leader = graphqlClient(pool, { role: 'leader', log: () => undefined });
    for (const q of [
      `mutation { issueMqttCredential(input: { scope: DEVICE, code: "${futianDust}" }) { password } }`,
      `mutation { revokeMqttCredential(username: "${futian.username}") { username } }`,
      '{ mqttCredentials { username } }',
      '{ mqttRefusals { total } }',
    ]) {
      const res = await leader.query(q);
      expect(res.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
    }
    const still = await pool.query('SELECT revoked_at FROM mqtt_credentials WHERE username = $1', [
      futian.username,
    ]);
    expect(still.rows[0].revoked_at).toBeNull();
  });

  it('checks what a credential is for', async () => {
    const bad = [
      ['DEVICE', 'DV-440304-999999', 'NOT_FOUND'],
      ['PROJECT', futianDust, 'NOT_FOUND'],
      ['DEVICE', null, 'INVALID_INPUT'],
      ['ALL_DEVICES', futianDust, 'INVALID_INPUT'],
    ] as const;
    for (const [scope, code, expected] of bad) {
      const res = await admin.query<any>(
        'mutation($scope: MqttCredentialScope!, $code: String) { issueMqttCredential(input: { scope: $scope, code: $code }) { password } }',
        { scope, code },
      );
      expect(res.errors?.[0]?.extensions?.code, `${scope} ${code}`).toBe(expected);
    }
    const taken = await admin.query<any>(
      'mutation($u: String!) { issueMqttCredential(input: { scope: INGEST, username: $u }) { password } }',
      { u: futian.username },
    );
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
