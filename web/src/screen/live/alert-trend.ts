// The 24-hour alert trend: alerts raised (by start time) per whole hour, the current hour last.
import { floorHour, HOUR_MS } from '../../format/time.ts';

export interface TrendBucket {
  /** Start of the hour (epoch ms). */
  start: number;
  count: number;
}

/** `hours` buckets ending with the hour that contains `now`; times outside them are not counted. */
export function hourBuckets(times: readonly number[], now: number, hours = 24): TrendBucket[] {
  const first = floorHour(now) - (hours - 1) * HOUR_MS;
  const buckets = Array.from({ length: hours }, (_, i) => ({ start: first + i * HOUR_MS, count: 0 }));
  for (const t of times) {
    const i = Math.floor((t - first) / HOUR_MS);
    const bucket = buckets[i];
    if (bucket && t <= now) bucket.count++;
  }
  return buckets;
}

/** Where the trend's query starts: the first bucket's hour. */
export const trendStart = (now: number, hours = 24) => floorHour(now) - (hours - 1) * HOUR_MS;
