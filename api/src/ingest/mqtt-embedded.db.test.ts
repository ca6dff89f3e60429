// The embedded broker with real QoS 1 clients on the test PostGIS: a PUBACK means the reading is committed;
// a message that cannot be read or stored becomes a dead letter and blocks nothing; a database that cannot
// be reached leaves messages unacknowledged.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { loadIngestConfig } from '../config.ts';
import { noListeners } from '../live/event-publisher.ts';
import { createPool } from '../store/db.ts';
import { IngestService } from './ingest.service.ts';
import { mqttBatcher } from './mqtt-batch.ts';
import { type EmbeddedBroker, startEmbeddedBroker } from './mqtt-broker.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
const PREFIX = `embedded${Date.now()}/devices`;
const config = loadIngestConfig({ MQTT_TOPIC_PREFIX: PREFIX }, 'demo');
const logged: string[] = [];
const log = (line: string) => logged.push(line);

async function brokerOn(db = pool): Promise<EmbeddedBroker> {
  const readings = mqttBatcher({ ingest: new IngestService(db, config, noListeners), prefix: PREFIX, log });
  return startEmbeddedBroker({
    host: '127.0.0.1',
    port: 0,
    readings: { prefix: PREFIX, store: readings.store },
  });
}

let broker: EmbeddedBroker;
let devices: string[] = [];
/** A time no other test writes: this run's minute, two hours ago, plus an offset. */
const base = Date.now() - 2 * 3_600_000;
const at = (ms: number) => new Date(base + ms).toISOString();

const stored = async (device: string, ts: string) =>
  (
    await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM readings r JOIN devices d ON d.id = r.device_id
       WHERE d.code = $1 AND r.ts = $2::timestamptz`,
      [device, ts],
    )
  ).rows[0]!.n;

const deadLetters = async (like: string) =>
  (
    await pool.query<{ reason: string; message: string }>(
      `SELECT reason, message FROM ingest_rejects WHERE source = 'mqtt' AND item LIKE $1 ORDER BY id`,
      [`%${like}%`],
    )
  ).rows;

beforeAll(async () => {
  broker = await brokerOn();
  devices = (
    await pool.query<{ code: string }>(
      "SELECT code FROM devices WHERE type = 'dust_monitor' ORDER BY id LIMIT 5",
    )
  ).rows.map((r) => r.code);
});
afterAll(async () => {
  await broker?.close();
  await pool.query('DROP TRIGGER IF EXISTS refuse_424242 ON readings');
  await pool.query('DROP FUNCTION IF EXISTS refuse_424242()');
  await pool.end();
});

const reading = (k: number, value = 40) => JSON.stringify({ metric: 'pm10', ts: at(k), value });

describe('the embedded broker acknowledges after the commit', () => {
  it('a QoS 1 PUBACK arrives only once the reading is stored', async () => {
    const client = await mqtt.connectAsync(broker.url, { clientId: `t-puback-${Date.now()}` });
    for (let k = 0; k < 40; k++) {
      const device = devices[k % devices.length]!;
      await client.publishAsync(`${PREFIX}/${device}`, reading(k), { qos: 1 });
      // In memory, aedes would have answered before anything was written.
      expect(await stored(device, at(k)), `reading ${k}`).toBe(1);
    }
    await client.endAsync();
  });
});

describe('one bad message stops nothing', () => {
  it('5,000 nested brackets become a dead letter; the readings beside it are stored', async () => {
    const client = await mqtt.connectAsync(broker.url, { clientId: `t-nested-${Date.now()}` });
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await Promise.all([
      client.publishAsync(`${PREFIX}/${devices[0]}`, reading(1000), { qos: 1 }),
      client.publishAsync(`${PREFIX}/${devices[1]}`, nested, { qos: 1 }),
      client.publishAsync(`${PREFIX}/${devices[2]}`, reading(1001), { qos: 1 }),
    ]);
    expect(await stored(devices[0]!, at(1000))).toBe(1);
    expect(await stored(devices[2]!, at(1001))).toBe(1);
    const letters = await deadLetters(`${PREFIX}/${devices[1]} [[[[`);
    expect(letters).toEqual([
      { reason: 'MALFORMED', message: 'the payload nests arrays or objects more than 64 deep' },
    ]);
    // and the broker goes on storing
    await client.publishAsync(`${PREFIX}/${devices[3]}`, reading(1002), { qos: 1 });
    expect(await stored(devices[3]!, at(1002))).toBe(1);
    await client.endAsync();
  });

  it('a message the database refuses is a dead letter alone; the rest of its batch is stored', async () => {
    await pool.query(`CREATE OR REPLACE FUNCTION refuse_424242() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.value = 424242 THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$`);
    await pool.query(
      'CREATE OR REPLACE TRIGGER refuse_424242 BEFORE INSERT ON readings FOR EACH ROW EXECUTE FUNCTION refuse_424242()',
    );
    try {
      const client = await mqtt.connectAsync(broker.url, { clientId: `t-refused-${Date.now()}` });
      await Promise.all([
        client.publishAsync(`${PREFIX}/${devices[0]}`, reading(2000), { qos: 1 }),
        client.publishAsync(`${PREFIX}/${devices[1]}`, reading(2001, 424242), { qos: 1 }),
        client.publishAsync(`${PREFIX}/${devices[2]}`, reading(2002), { qos: 1 }),
      ]);
      expect(await stored(devices[0]!, at(2000))).toBe(1);
      expect(await stored(devices[1]!, at(2001))).toBe(0);
      expect(await stored(devices[2]!, at(2002))).toBe(1);
      const letters = await deadLetters(`"ts":"${at(2001)}","value":424242`);
      expect(letters.map((l) => l.reason)).toEqual(['UNSTORABLE']);
      expect(letters[0]!.message).toContain('refused by the test trigger');
      await client.endAsync();
    } finally {
      await pool.query('DROP TRIGGER IF EXISTS refuse_424242 ON readings');
    }
  });

  it('with the database unreachable nothing is acknowledged and the publisher is disconnected', async () => {
    const down = createPool('postgresql://postgres@127.0.0.1:1/nowhere', { max: 1 });
    const unreachable = await brokerOn(down);
    try {
      const client = await mqtt.connectAsync(unreachable.url, {
        clientId: `t-down-${Date.now()}`,
        reconnectPeriod: 0,
      });
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      let acked = false;
      client.publish(`${PREFIX}/${devices[0]}`, reading(3000), { qos: 1 }, (error) => {
        if (!error) acked = true;
      });
      await closed;
      expect(acked).toBe(false);
      expect(await stored(devices[0]!, at(3000))).toBe(0);
      client.end(true);
    } finally {
      await unreachable.close();
      await down.end();
    }
  });
});
