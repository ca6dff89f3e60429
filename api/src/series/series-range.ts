// Time-series requests: range checks and bucket choice, so a month's chart is a few hundred points.
import { DomainError } from '../domain-error.ts';

export const BUCKETS = {
  FIVE_MINUTES: 300,
  FIFTEEN_MINUTES: 900,
  HOUR: 3_600,
  SIX_HOURS: 21_600,
  DAY: 86_400,
} as const;
export type BucketName = keyof typeof BUCKETS | 'AUTO';

export const MAX_RANGE_DAYS = 400;
export const MAX_RAW_POINTS = 10_000;
/** AUTO picks the finest bucket that keeps a series at or under this many points. */
export const AUTO_TARGET_POINTS = 500;

export function checkRange(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime())) throw new DomainError('INVALID_INPUT', '"from" must be before "to"');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new DomainError('LIMIT_EXCEEDED', `a series may span at most ${MAX_RANGE_DAYS} days`);
  }
}

/** Bucket length in seconds, or null for raw readings. */
export function bucketSeconds(bucket: BucketName | null | undefined, from: Date, to: Date): number | null {
  if (bucket == null) return null;
  if (bucket !== 'AUTO') {
    if ((to.getTime() - from.getTime()) / 1000 / BUCKETS[bucket] > MAX_RAW_POINTS) {
      throw new DomainError(
        'LIMIT_EXCEEDED',
        `more than ${MAX_RAW_POINTS} ${bucket} buckets; use a coarser bucket or AUTO`,
      );
    }
    return BUCKETS[bucket];
  }
  const spanS = (to.getTime() - from.getTime()) / 1000;
  const sizes = Object.values(BUCKETS);
  return sizes.find((s) => spanS / s <= AUTO_TARGET_POINTS) ?? sizes.at(-1)!;
}
