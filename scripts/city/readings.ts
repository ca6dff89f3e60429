// Simulated reading history: diurnal dust and site work, two rain events that raise water levels and slope
// readings together, slow pit deformation, lamps that switch at dusk and dawn, and devices that fall silent.
// Pure: (devices, weather, window) -> batches of columns ready for an unnest insert.
import { Rng } from './rng.ts';
import type { Device, DeviceType } from './types.ts';

export const METRIC_IDS = {
  wall_top_displacement: 1,
  settlement: 2,
  axial_force: 3,
  groundwater_level: 4,
  load_moment_ratio: 5,
  wind_speed: 6,
  crane_tilt: 7,
  pm10: 8,
  pm25: 9,
  noise: 10,
  online: 11,
  deep_displacement: 12,
  surface_tilt: 13,
  crack_width: 14,
  rainfall: 15,
  soil_moisture: 16,
  lamp_on_rate: 17,
  circuit_current: 18,
  lamp_faults: 19,
  water_depth: 20,
  energy: 21,
  power: 22,
} as const;

/** Simulation step per device type, minutes. */
export const STEP_MINUTES: Record<DeviceType, number> = {
  pit_monitor: 60,
  crane_monitor: 60,
  dust_monitor: 60,
  camera: 60,
  slope_sensor: 60,
  lamp_controller: 60,
  water_gauge: 30,
  energy_meter: 60,
};

export interface ReadingBatch {
  deviceIds: number[];
  metricIds: number[];
  /** Epoch seconds. */
  ts: number[];
  values: number[];
}

export interface Weather {
  startMs: number;
  /** Rainfall intensity, mm/h, per hour from startMs. */
  hourlyRain: number[];
}

const HOUR = 3_600_000;

export function simulateWeather(seed: number, startMs: number, hours: number): Weather {
  const rng = new Rng(seed, 'weather');
  const events = [
    { start: 24 * 2 + rng.int(8, 16), dur: rng.int(8, 12), peak: rng.range(12, 22) }, // 中雨 to 大雨
    { start: 24 * 5 + rng.int(12, 17), dur: rng.int(3, 5), peak: rng.range(45, 65) }, // 暴雨 (rainstorm)
  ];
  const hourlyRain = Array.from({ length: hours }, (_, h) => {
    let r = 0;
    for (const e of events) {
      if (h >= e.start && h < e.start + e.dur)
        r += e.peak * Math.sin((Math.PI * (h - e.start + 0.5)) / e.dur);
    }
    return Math.round(r * 10) / 10;
  });
  return { startMs, hourlyRain };
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
const cstHour = (ms: number) => (new Date(ms).getUTCHours() + 8) % 24;
const cstWeekday = (ms: number) => new Date(ms + 8 * HOUR).getUTCDay();
const isWorkHour = (ms: number) => {
  const h = cstHour(ms);
  return h >= 7 && h < 19;
};
/** Street lamps are on from 18:45 to 06:15 China Standard Time. */
export function lampsOn(ms: number): boolean {
  const d = new Date(ms + 8 * HOUR);
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  return minutes >= 18 * 60 + 45 || minutes < 6 * 60 + 15;
}

type Emit = (metric: number, value: number) => void;
type Stepper = (ms: number, emit: Emit) => void;

/** Builds the per-device stepper; state (cumulative values) lives in its closure. */
function stepper(device: Device, weather: Weather, rng: Rng): Stepper {
  const b = device.behaviour;
  const rain = (ms: number) => weather.hourlyRain[Math.floor((ms - weather.startMs) / HOUR)] ?? 0;
  const recentRain = (ms: number, hours: number) => {
    const h = Math.floor((ms - weather.startMs) / HOUR);
    let s = 0;
    for (let k = Math.max(0, h - hours); k <= h; k++) s += weather.hourlyRain[k] ?? 0;
    return s;
  };
  switch (device.type) {
    case 'pit_monitor': {
      // GB 50497-2019: alarm typically ~30 mm cumulative or 2–3 mm/day; eventful pits head towards it.
      let disp = b.intensity * 16 + b.base * 3;
      const ratePerHour = (0.15 + b.intensity * 2.2) / 24;
      return (ms, emit) => {
        disp += ratePerHour * (1 + recentRain(ms, 12) / 60) + rng.normal(0, 0.03);
        emit(METRIC_IDS.wall_top_displacement, round(disp));
        emit(METRIC_IDS.settlement, round(disp * 0.6 + rng.normal(0, 0.1)));
        emit(METRIC_IDS.axial_force, round(900 + 500 * b.base + 8 * disp + rng.normal(0, 10), 1));
        emit(
          METRIC_IDS.groundwater_level,
          round(-4 - 3 * b.base + recentRain(ms, 24) / 100 + rng.normal(0, 0.02)),
        );
      };
    }
    case 'crane_monitor':
      return (ms, emit) => {
        const working = isWorkHour(ms) && cstWeekday(ms) !== 0;
        const load = working ? 35 + 50 * b.intensity * rng.next() + 15 * rng.next() : 0;
        emit(METRIC_IDS.load_moment_ratio, round(Math.min(load, 105), 1));
        emit(METRIC_IDS.wind_speed, round(Math.max(0, 2 + 3 * rng.next() + rain(ms) / 5), 1));
        emit(METRIC_IDS.crane_tilt, round(0.1 + 0.1 * b.base + rng.normal(0, 0.02), 3));
      };
    case 'dust_monitor':
      return (ms, emit) => {
        const work = isWorkHour(ms) ? 1 : 0;
        const wash = rain(ms) > 2 ? 0.35 : 1;
        const pm10 = Math.max(
          8,
          (40 + 25 * b.base + work * (30 + 110 * b.intensity) * rng.next()) * wash + rng.normal(0, 6),
        );
        emit(METRIC_IDS.pm10, round(pm10, 1));
        emit(METRIC_IDS.pm25, round(pm10 * (0.5 + 0.1 * rng.next()), 1));
        emit(METRIC_IDS.noise, round((work ? 66 : 50) + 6 * b.intensity + rng.normal(0, 2.5), 1));
      };
    case 'camera':
      return (_ms, emit) => emit(METRIC_IDS.online, 1);
    case 'slope_sensor': {
      let disp = b.base * 5;
      return (ms, emit) => {
        const moisture = 18 + 22 * (1 - Math.exp(-recentRain(ms, 48) / 60)) + rng.normal(0, 0.5);
        const wet = Math.max(0, moisture - 30) / 10;
        disp += (0.004 + b.intensity * 0.02) * (1 + 6 * wet) + Math.abs(rng.normal(0, 0.002));
        emit(METRIC_IDS.deep_displacement, round(disp));
        emit(METRIC_IDS.surface_tilt, round(0.05 + disp * 0.02, 3));
        emit(METRIC_IDS.crack_width, round(0.3 + disp * 0.04, 2));
        emit(METRIC_IDS.rainfall, round(rain(ms) * (0.85 + 0.3 * b.base), 1));
        emit(METRIC_IDS.soil_moisture, round(moisture, 1));
      };
    }
    case 'lamp_controller': {
      const lamps = b.lamps ?? 20;
      let faulty = b.faultyLamps ?? 0;
      return (ms, emit) => {
        if (rng.chance(0.002 + b.intensity * 0.004)) faulty = Math.min(lamps, faulty + 1);
        const on = lampsOn(ms);
        const rate = on ? (100 * (lamps - faulty)) / lamps : 0;
        emit(METRIC_IDS.lamp_on_rate, round(rate, 1));
        emit(
          METRIC_IDS.circuit_current,
          round(on ? ((lamps - faulty) * 120) / 220 + rng.normal(0, 0.2) : 0.05, 2),
        );
        emit(METRIC_IDS.lamp_faults, faulty);
      };
    }
    case 'water_gauge': {
      let depth = 0;
      const k = 0.05 + 0.35 * b.intensity + 0.1 * b.base; // how badly this spot floods
      return (ms, emit) => {
        depth = depth * 0.6 + k * rain(ms);
        emit(METRIC_IDS.water_depth, round(depth < 0.5 ? 0 : depth, 1));
      };
    }
    case 'energy_meter': {
      const peakKw = 60 + 500 * b.base;
      return (ms, emit) => {
        const busy = isWorkHour(ms) && cstWeekday(ms) !== 0 && cstWeekday(ms) !== 6 ? 1 : 0.3;
        const kw = peakKw * busy * (0.85 + 0.3 * rng.next());
        emit(METRIC_IDS.energy, round(kw, 1));
        emit(METRIC_IDS.power, round(kw * (0.9 + 0.2 * rng.next()), 1));
      };
    }
  }
}

/** Yields the history of every device from `startMs` to `endMs` in batches of about `batchSize` rows. */
export function* generateReadings(
  devices: readonly Device[],
  weather: Weather,
  startMs: number,
  endMs: number,
  seed: number,
  batchSize = 50_000,
): Generator<ReadingBatch> {
  let batch: ReadingBatch = { deviceIds: [], metricIds: [], ts: [], values: [] };
  for (const device of devices) {
    const rng = new Rng(seed, `readings/${device.code}`);
    const step = stepper(device, weather, rng);
    const stepMs = STEP_MINUTES[device.type] * 60_000;
    const stopMs = device.behaviour.silentFromMs ?? endMs;
    for (let ms = startMs; ms <= stopMs; ms += stepMs) {
      const ts = ms / 1000;
      step(ms, (metric, value) => {
        batch.deviceIds.push(device.id);
        batch.metricIds.push(metric);
        batch.ts.push(ts);
        batch.values.push(value);
      });
    }
    if (batch.values.length >= batchSize) {
      yield batch;
      batch = { deviceIds: [], metricIds: [], ts: [], values: [] };
    }
  }
  if (batch.values.length > 0) yield batch;
}

/** The readings of a generated city's whole history window, as the load stores them. */
export function historyReadings(city: {
  seed: number;
  now: Date;
  spec: { historyDays: number };
  devices: readonly Device[];
}): { startMs: number; endMs: number; batches: Generator<ReadingBatch> } {
  const endMs = city.now.getTime();
  const startMs = endMs - city.spec.historyDays * 86_400_000;
  const weather = simulateWeather(city.seed, startMs, city.spec.historyDays * 24 + 2);
  return { startMs, endMs, batches: generateReadings(city.devices, weather, startMs, endMs, city.seed) };
}

/** The time of a device's last simulated reading (its last_seen_at). */
export function lastSeenMs(device: Device, startMs: number, endMs: number): number {
  const stepMs = STEP_MINUTES[device.type] * 60_000;
  const stopMs = device.behaviour.silentFromMs ?? endMs;
  return startMs + Math.floor((stopMs - startMs) / stepMs) * stepMs;
}
