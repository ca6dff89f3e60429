// Simulated history: rain raises water levels, lamps follow dusk and dawn, silent devices stop reporting.
import { describe, expect, it } from 'vitest';
import { generateReadings, lampsOn, METRIC_IDS, simulateWeather } from './readings.ts';
import type { Device } from './types.ts';

const END = Date.parse('2026-11-21T04:00:00Z');
const START = END - 7 * 86_400_000;
const weather = simulateWeather(1, START, 7 * 24 + 2);

const device = (type: Device['type'], extra: Partial<Device['behaviour']> = {}): Device => ({
  id: 1,
  code: 'DV-440304-000001',
  type,
  assetId: 1,
  name: 't',
  location: { type: 'Point', coordinates: [114, 22.5] },
  vendor: 'v',
  installedOn: '2026-01-01',
  districtCode: '440304',
  behaviour: { intensity: 0.9, base: 0.5, silentFromMs: null, ...extra },
});

const series = (d: Device, metric: number) => {
  const out: { ts: number; v: number }[] = [];
  for (const b of generateReadings([d], weather, START, END, 1)) {
    b.values.forEach((v, i) => {
      if (b.metricIds[i] === metric) out.push({ ts: b.ts[i]!, v });
    });
  }
  return out;
};

describe('simulated readings', () => {
  it('has two rain events, one of them a rainstorm', () => {
    expect(Math.max(...weather.hourlyRain)).toBeGreaterThan(40);
    expect(weather.hourlyRain.filter((r) => r > 0).length).toBeGreaterThan(8);
  });

  it('raises water depth only when it rains', () => {
    const depth = series(device('water_gauge'), METRIC_IDS.water_depth);
    expect(depth[0]!.v).toBe(0);
    expect(Math.max(...depth.map((d) => d.v))).toBeGreaterThan(15);
  });

  it('switches lamps at dusk and dawn (China Standard Time)', () => {
    expect(lampsOn(Date.parse('2026-11-21T12:00:00Z'))).toBe(true); // 20:00 CST
    expect(lampsOn(Date.parse('2026-11-21T04:00:00Z'))).toBe(false); // 12:00 CST
    const rate = series(device('lamp_controller', { lamps: 20, faultyLamps: 1 }), METRIC_IDS.lamp_on_rate);
    expect(rate.some((r) => r.v === 0)).toBe(true);
    expect(rate.some((r) => r.v >= 90)).toBe(true);
  });

  it('lets pit deformation accumulate and never emits NaN', () => {
    const disp = series(device('pit_monitor'), METRIC_IDS.wall_top_displacement);
    expect(disp[disp.length - 1]!.v).toBeGreaterThan(disp[0]!.v);
    for (const b of generateReadings(
      [device('slope_sensor'), device('dust_monitor')],
      weather,
      START,
      END,
      1,
    )) {
      expect(b.values.every(Number.isFinite)).toBe(true);
    }
  });

  it('stops a silent device at the time it fell silent', () => {
    const silentFrom = END - 3 * 86_400_000;
    const online = series(device('camera', { silentFromMs: silentFrom }), METRIC_IDS.online);
    expect(online[online.length - 1]!.ts * 1000).toBeLessThanOrEqual(silentFrom);
  });
});
