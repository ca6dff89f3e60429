// Devices on assets: pit monitors round the pit edge, crane black boxes, dust monitors and cameras on sites,
// monitoring stations on slopes, one controller per lamp circuit, a gauge per waterlogging point and energy
// meters in public buildings. Each gets a behaviour that drives its simulated history.
import type { XY } from './projection.ts';
import type { Rng } from './rng.ts';
import type { DeviceBehaviour, DeviceType } from './types.ts';

export interface DeviceDraft {
  type: DeviceType;
  assetId: number;
  districtCode: string;
  name: string;
  at: XY;
  behaviour: DeviceBehaviour;
  installedOn: string;
}

const VENDORS: Record<DeviceType, string[]> = {
  pit_monitor: ['基康仪器', '江苏东华测试', '北京基康'],
  crane_monitor: ['建研科技', '中联重科'],
  dust_monitor: ['聚光科技', '先河环保'],
  camera: ['海康威视', '大华股份'],
  slope_sensor: ['基康仪器', '中科光电'],
  lamp_controller: ['华体科技', '洲明科技'],
  water_gauge: ['华测导航', '中海达'],
  energy_meter: ['威胜集团', '林洋能源'],
};

export const vendorFor = (rng: Rng, type: DeviceType) => rng.pick(VENDORS[type]);

/** Most devices are quiet; a few are eventful (intensity near 1) so alerts have something to find. */
export function behaviour(rng: Rng, nowMs: number, silentShare = 0.02): DeviceBehaviour {
  const eventful = rng.chance(0.06);
  return {
    intensity: eventful ? rng.range(0.8, 1) : rng.next() ** 3 * 0.6,
    base: rng.next(),
    silentFromMs: rng.chance(silentShare) ? nowMs - rng.range(0.2, 5) * 86_400_000 : null,
  };
}

/** Points spaced evenly around a ring's perimeter. */
export function aroundRing(ring: readonly XY[], n: number): XY[] {
  const edges = ring.map((p, i) => [p, ring[(i + 1) % ring.length]!] as const);
  const lengths = edges.map(([a, b]) => Math.hypot(b[0] - a[0], b[1] - a[1]));
  const total = lengths.reduce((s, l) => s + l, 0);
  const out: XY[] = [];
  for (let k = 0; k < n; k++) {
    let d = ((k + 0.5) / n) * total;
    for (let e = 0; e < edges.length; e++) {
      if (d <= lengths[e]! || e === edges.length - 1) {
        const [a, b] = edges[e]!;
        const t = Math.min(1, d / lengths[e]!);
        out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
        break;
      }
      d -= lengths[e]!;
    }
  }
  return out;
}
