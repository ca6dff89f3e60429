// The device simulator: publishes readings for the seeded devices over MQTT (QoS 1) at a set rate, each
// device continuing from its latest stored values, with scripted incidents on a 10-minute cycle:
//   0–4 min   a pit whose wall-top displacement accelerates past 70% and then 100% of its alarm value
//   1–3 min   a tower crane lifting over its rated load moment
//   2–3 min   a dust spike at a site
//   4–8 min   a rainstorm: hourly rainfall rises with waterlogging depth at gauges and slope movement
//   6–10 min  a lamp circuit failure on a trunk road (alerts only at night: lamps are judged 19:00–06:00)
//   always    one camera stays silent (offline alerts come after its 3 days of silence)
import mqtt from 'mqtt';
import type { Queryable } from '../../api/src/store/db.ts';

export interface SimulatorOptions {
  db: Queryable;
  mqttUrl: string;
  prefix: string;
  /** Readings per second. */
  rate: number;
  log: (line: string) => void;
  cycleMs?: number;
}

interface SimDevice {
  code: string;
  type: string;
  metrics: string[];
  last: Record<string, number>;
  roadClass: string | null;
}

const CUMULATIVE = new Set(['wall_top_displacement', 'settlement', 'deep_displacement']);

async function loadDevices(db: Queryable): Promise<SimDevice[]> {
  const { rows } = await db.query<{
    id: number;
    code: string;
    type: string;
    road_class: string | null;
    metrics: string[];
  }>(
    `SELECT d.id, d.code, d.type::text AS type, l.road_class::text AS road_class,
            array_agg(m.key ORDER BY m.id) AS metrics
     FROM devices d
     JOIN device_type_metrics t ON t.device_type = d.type JOIN metrics m ON m.id = t.metric_id
     LEFT JOIN street_lamps l ON l.asset_id = d.asset_id
     GROUP BY d.id, l.road_class ORDER BY d.id`,
  );
  const { rows: latest } = await db.query<{ device_id: number; key: string; last: number }>(
    `SELECT DISTINCT ON (r.device_id, r.metric_id) r.device_id, m.key, r.last
     FROM readings_1h r JOIN metrics m ON m.id = r.metric_id
     WHERE r.bucket > now() - interval '2 days'
     ORDER BY r.device_id, r.metric_id, r.bucket DESC`,
  );
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        code: r.code,
        type: r.type,
        metrics: r.metrics,
        last: {} as Record<string, number>,
        roadClass: r.road_class,
      },
    ]),
  );
  for (const l of latest) {
    const d = byId.get(l.device_id);
    if (d) d.last[l.key] = l.last;
  }
  return [...byId.values()];
}

const jitter = (v: number, spread: number) => Math.round((v + (Math.random() - 0.5) * spread) * 100) / 100;

/** A quiet reading near the device's latest value (cumulative values creep, never jump). */
function quiet(d: SimDevice, metric: string): number {
  const last = d.last[metric] ?? 0;
  if (CUMULATIVE.has(metric)) return Math.round((last + Math.random() * 0.002) * 1000) / 1000;
  switch (metric) {
    case 'online':
      return 1;
    case 'rainfall':
    case 'water_depth':
      return 0;
    case 'load_moment_ratio':
      return Math.min(80, jitter(Math.max(last, 40), 6));
    case 'pm10':
      return Math.min(120, Math.max(20, jitter(last || 60, 10)));
    default:
      return jitter(last, Math.abs(last) * 0.02);
  }
}

export interface Simulator {
  stop(): Promise<void>;
  published(): number;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const devices = await loadDevices(options.db);
  if (devices.length === 0) throw new Error('no devices to simulate: seed a city first (npm run seed)');
  const pick = (type: string, k = 0, where: (d: SimDevice) => boolean = () => true) =>
    devices.filter((d) => d.type === type && where(d))[k] ?? null;
  const incident = {
    pit: pick('pit_monitor', 3),
    crane: pick('crane_monitor', 2),
    dust: pick('dust_monitor', 1),
    slope: pick('slope_sensor', 0),
    gauges: devices.filter((d) => d.type === 'water_gauge').slice(0, 5),
    lamp: pick('lamp_controller', 0, (d) => d.roadClass === 'trunk'),
    camera: pick('camera', 0),
  };
  const cycleMs = options.cycleMs ?? 600_000;
  const started = Date.now();
  const minute = () => ((Date.now() - started) % cycleMs) / (cycleMs / 10); // 0–10 "minutes" of the cycle
  const pitBase = incident.pit?.last.wall_top_displacement ?? 15;

  const scripted = (d: SimDevice, metric: string): number | null => {
    const m = minute();
    if (d === incident.pit && metric === 'wall_top_displacement' && m < 4)
      return Math.round((pitBase + 5 + m * 3.5) * 100) / 100;
    if (d === incident.crane && metric === 'load_moment_ratio' && m >= 1 && m < 3) return m < 2 ? 93 : 104;
    if (d === incident.dust && metric === 'pm10' && m >= 2 && m < 3) return 280;
    const storm = m >= 4 && m < 8 ? Math.sin(((m - 4) / 4) * Math.PI) : 0;
    if (storm > 0 && metric === 'rainfall') return Math.round(storm * 60 * 10) / 10;
    if (storm > 0 && incident.gauges.includes(d) && metric === 'water_depth') {
      return Math.round(storm * (20 + 10 * incident.gauges.indexOf(d)) * 10) / 10;
    }
    if (storm > 0 && d === incident.slope && metric === 'deep_displacement') {
      d.last.deep_displacement = (d.last.deep_displacement ?? 0) + storm * 0.4;
      return Math.round(d.last.deep_displacement * 1000) / 1000;
    }
    if (d === incident.lamp && m >= 6) {
      if (metric === 'circuit_current') return 0;
      if (metric === 'lamp_on_rate') return 0;
    }
    return null;
  };

  const client = await mqtt.connectAsync(options.mqttUrl, {
    clientId: `city-simulator-${process.pid}`,
    reconnectPeriod: 2000,
  });
  let published = 0;
  let cursor = 0;
  const live = devices.filter((d) => d !== incident.camera);
  const perDevice = live.reduce((s, d) => s + d.metrics.length, 0) / live.length;
  const reportsPerSecond = Math.max(1, options.rate / perDevice);
  const tickMs = 200;
  let budget = 0;
  let ticks = 0;
  const report = (d: SimDevice, ts: string) => {
    const values: Record<string, number> = {};
    for (const metric of d.metrics) values[metric] = scripted(d, metric) ?? quiet(d, metric);
    published += d.metrics.length;
    client.publish(`${options.prefix}/${d.code}`, JSON.stringify({ ts, values }), { qos: 1 }, (error) => {
      if (error) options.log(`simulator: publish failed (${error.message})`);
    });
  };
  // The devices in an incident report every 5 s, so it unfolds on screen; the rest take turns.
  const featured = [
    incident.pit,
    incident.crane,
    incident.dust,
    incident.slope,
    incident.lamp,
    ...incident.gauges,
  ].filter((d): d is SimDevice => d !== null);
  const timer = setInterval(() => {
    budget += (reportsPerSecond * tickMs) / 1000;
    const ts = new Date().toISOString();
    if (ticks++ % 25 === 0) for (const d of featured) report(d, ts);
    while (budget >= 1) {
      budget -= 1;
      const d = live[cursor++ % live.length]!;
      if (!featured.includes(d)) report(d, ts);
    }
  }, tickMs);
  options.log(
    `  simulator: ${live.length.toLocaleString('en-US')} devices over MQTT, ~${options.rate} readings/s; incidents every ${Math.round(cycleMs / 60_000)} min`,
  );
  return {
    published: () => published,
    async stop() {
      clearInterval(timer);
      await client.endAsync();
    },
  };
}
