// Ingest benchmarks (issue 5), in the same run and database as the API benchmarks:
//  1. sustained readings/s through POST /ingest (rules evaluated, rollups, dead letters) against a bare
//     `INSERT … unnest` of rows of the same shape from this script;
//  2. the same through MQTT (Mosquitto at BENCH_MQTT_URL, the in-process MQTT ingest);
//  3. latency from the ingest call to the alertEvents message at 5,000 readings/s.
import { Agent, request } from 'node:http';
import mqtt from 'mqtt';
import type pg from 'pg';
import { loadIngestConfig } from '../../api/src/config.ts';
import { IngestService } from '../../api/src/ingest/ingest.service.ts';
import { startMqttIngest } from '../../api/src/ingest/mqtt-ingest.ts';
import { noListeners } from '../../api/src/live/event-publisher.ts';
import { localLive } from '../../api/src/live/live.ts';
import { percentile } from './stats.ts';

const BATCH = 1000;
const SECONDS = 8;

interface Device {
  id: number;
  code: string;
  type: string;
}

export interface IngestFigures {
  bareRowsPerS: number;
  httpRowsPerS: number;
  mqttRowsPerS: number;
  latency: { n: number; p50: number; p99: number; rate: number };
}

/** Readings for dust monitors (3 metrics, 3 rules incl. dust.pm10): quiet values, distinct times per run. */
function makeRows(devices: Device[], startMs: number, count: number) {
  const metrics = ['pm10', 'pm25', 'noise'] as const;
  const rows: { device: string; id: number; metric: string; metricId: number; ts: string; value: number }[] =
    [];
  for (let k = 0; rows.length < count; k++) {
    const d = devices[k % devices.length]!;
    const ts = new Date(startMs + Math.floor(k / devices.length) * 1000).toISOString();
    metrics.forEach((metric, m) =>
      rows.push({ device: d.code, id: d.id, metric, metricId: 8 + m, ts, value: 40 + (k % 17) }),
    );
  }
  return rows.slice(0, count);
}

export async function benchIngest(pool: pg.Pool, apiPort: number, token: string): Promise<IngestFigures> {
  await pool.query('SELECT ensure_readings_partitions(current_date - 2, current_date + 1)');
  const devices = (
    await pool.query<Device>(
      "SELECT id, code, type::text FROM devices WHERE type = 'dust_monitor' ORDER BY id",
    )
  ).rows;
  // Each run writes new times (an hour-wide window per phase, two days back), so nothing is a duplicate.
  let clock = Date.now() - 2 * 86_400_000 + (Date.now() % 3_600_000) * 10;
  const nextWindow = () => {
    clock += 3_600_000;
    return clock;
  };

  // 1a. Bare SQL: the same rows, INSERT … unnest, 2 connections.
  let start = nextWindow();
  let sent = 0;
  const bareEnd = performance.now() + SECONDS * 1000;
  await Promise.all(
    [0, 1].map(async () => {
      while (performance.now() < bareEnd) {
        const rows = makeRows(devices, start + sent * 7, BATCH);
        sent += BATCH;
        await pool.query(
          `INSERT INTO readings (device_id, metric_id, ts, value)
           SELECT * FROM unnest($1::int[], $2::smallint[], $3::timestamptz[], $4::float8[]) ON CONFLICT DO NOTHING`,
          [
            rows.map((r) => r.id),
            rows.map((r) => r.metricId),
            rows.map((r) => r.ts),
            rows.map((r) => r.value),
          ],
        );
      }
    }),
  );
  const bareRowsPerS = sent / SECONDS;

  // 1b. POST /ingest over loopback HTTP, 2 requests in flight.
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: apiPort,
          path: '/ingest',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  start = nextWindow();
  sent = 0;
  const httpEnd = performance.now() + SECONDS * 1000;
  await Promise.all(
    [0, 1].map(async () => {
      while (performance.now() < httpEnd) {
        const rows = makeRows(devices, start + sent * 7, BATCH);
        sent += BATCH;
        const status = await post(
          JSON.stringify(rows.map(({ device, metric, ts, value }) => ({ device, metric, ts, value }))),
        );
        if (status !== 200) throw new Error(`POST /ingest answered ${status}`);
      }
    }),
  );
  const httpRowsPerS = sent / SECONDS;
  agent.destroy();

  // 2. MQTT: publish device reports (3 metrics each) at QoS 1 as fast as the broker takes them; the rate is
  //    the readings stored per second from first publish to the last one stored.
  const mqttUrl = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
  const prefix = `bench${Date.now()}/devices`;
  const service = new IngestService(pool, loadIngestConfig({}, 'large'), noListeners);
  const ingest = startMqttIngest({
    url: mqttUrl,
    prefix,
    shared: false,
    clientId: `bench-ingest-${process.pid}`,
    ingest: service,
    log: (line) => console.log(line),
    batchMs: 10,
  });
  await ingest.ready;
  const publisher = await mqtt.connectAsync(mqttUrl, { clientId: `bench-publisher-${process.pid}` });
  start = nextWindow();
  const reports = 20_000;
  const mqttStart = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let k = 0; k < reports; k++) {
    const d = devices[k % devices.length]!;
    const ts = new Date(start + Math.floor(k / devices.length) * 1000).toISOString();
    pending.push(
      publisher.publishAsync(
        `${prefix}/${d.code}`,
        JSON.stringify({ ts, values: { pm10: 50, pm25: 25, noise: 60 } }),
        {
          qos: 1,
        },
      ),
    );
    if (pending.length >= 500) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  const expected = reports * 3;
  const window = [new Date(start), new Date(start + 3_600_000)];
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM readings WHERE ts >= $1 AND ts < $2 AND device_id IN (SELECT id FROM devices WHERE type = 'dust_monitor')",
      window,
    );
    if (rows[0]!.n >= expected) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const mqttRowsPerS = expected / ((performance.now() - mqttStart) / 1000);
  await publisher.endAsync();
  await ingest.close();

  // 3. Latency at 5,000 readings/s: batches of 500 every 100 ms; each batch moves one crane across its
  //    load-moment lines (orange, red, cleared in turn), and the time from the ingest call to the event is kept.
  const { bus, ingest: live } = localLive(pool, loadIngestConfig({}, 'large'), () => undefined);
  const cranes = (
    await pool.query<Device>(
      "SELECT id, code, type::text FROM devices WHERE type = 'crane_monitor' ORDER BY id LIMIT 20",
    )
  ).rows;
  await pool.query('DELETE FROM rule_states WHERE device_id = ANY ($1)', [cranes.map((c) => c.id)]);
  await pool.query('UPDATE alerts SET cleared_at = now() WHERE cleared_at IS NULL AND device_id = ANY ($1)', [
    cranes.map((c) => c.id),
  ]);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  bus.subscribe((events) => {
    const now = performance.now();
    for (const e of events) {
      const key = `${e.device_id}`;
      const t = sentAt.get(key);
      if (t !== undefined) {
        latencies.push(now - t);
        sentAt.delete(key);
      }
    }
  });
  start = nextWindow();
  const ticks = 100; // 10 s
  const loadValues = [50, 95, 50, 105];
  const inFlight: Promise<unknown>[] = [];
  const t0 = performance.now();
  for (let tick = 0; tick < ticks; tick++) {
    const ts = new Date(start + tick * 1000).toISOString();
    const crane = cranes[tick % cranes.length]!;
    const items: unknown[] = makeRows(devices, start + tick * 1000, 499).map(({ device, metric, value }) => ({
      device,
      metric,
      ts,
      value,
    }));
    const round = Math.floor(tick / cranes.length);
    items.push({
      device: crane.code,
      metric: 'load_moment_ratio',
      ts,
      value: loadValues[round % loadValues.length],
    });
    // Round 0 is quiet; from then on every value crosses a line (fire, clear, fire red, clear…).
    if (round >= 1) sentAt.set(String(crane.id), performance.now());
    inFlight.push(live.ingest({ items, source: 'http', actor: 'bench', scope: null }));
    const wait = t0 + (tick + 1) * 100 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(inFlight);
  await new Promise((r) => setTimeout(r, 500));
  const rate = (ticks * 500) / ((performance.now() - t0 - 500) / 1000);
  latencies.sort((a, b) => a - b);
  return {
    bareRowsPerS,
    httpRowsPerS,
    mqttRowsPerS,
    latency: { n: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rate },
  };
}
