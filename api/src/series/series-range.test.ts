import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import type { ErrorCode } from '../domain-error.ts';
import {
  AUTO_TARGET_POINTS,
  BUCKETS,
  type BucketName,
  bucketSeconds,
  checkRange,
  MAX_RANGE_DAYS,
  MAX_RAW_POINTS,
} from './series-range.ts';

const DAY_MS = 86_400_000;
const FROM = new Date('2025-01-01T00:00:00Z');
const fromPlus = (ms: number) => new Date(FROM.getTime() + ms);

describe('checkRange', () => {
  it.each([
    ['one millisecond', 1],
    ['one day', DAY_MS],
    ['exactly MAX_RANGE_DAYS', MAX_RANGE_DAYS * DAY_MS],
  ])('accepts a range of %s', (_name, spanMs) => {
    expect(() => checkRange(FROM, fromPlus(spanMs))).not.toThrow();
  });

  it.each<[string, Date, ErrorCode, RegExp]>([
    ['from = to', FROM, 'INVALID_INPUT', /"from" must be before "to"/],
    ['from after to', fromPlus(-DAY_MS), 'INVALID_INPUT', /"from" must be before "to"/],
    ['an invalid date', new Date(Number.NaN), 'INVALID_INPUT', /"from" must be before "to"/],
    [
      'more than MAX_RANGE_DAYS',
      fromPlus(MAX_RANGE_DAYS * DAY_MS + 1),
      'LIMIT_EXCEEDED',
      new RegExp(`at most ${MAX_RANGE_DAYS} days`),
    ],
  ])('rejects %s', (_name, to, code, message) => {
    const error = thrown(() => checkRange(FROM, to));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('bucketSeconds', () => {
  it.each([null, undefined])('is null (raw readings) for bucket %s', (bucket) => {
    expect(bucketSeconds(bucket, FROM, fromPlus(DAY_MS))).toBeNull();
  });

  it.each(Object.entries(BUCKETS) as [Exclude<BucketName, 'AUTO'>, number][])(
    'uses an explicit %s bucket (%i s) up to MAX_RAW_POINTS buckets, and refuses more',
    (bucket, seconds) => {
      expect(bucketSeconds(bucket, FROM, fromPlus(DAY_MS))).toBe(seconds);
      expect(bucketSeconds(bucket, FROM, fromPlus(MAX_RAW_POINTS * seconds * 1000))).toBe(seconds);
      const tooMany = fromPlus((MAX_RAW_POINTS + 1) * seconds * 1000);
      expect(() => bucketSeconds(bucket, FROM, tooMany)).toThrow(/coarser bucket/);
    },
  );

  it.each([
    ['1 hour', DAY_MS / 24, BUCKETS.FIVE_MINUTES],
    ['1 day', DAY_MS, BUCKETS.FIVE_MINUTES],
    ['7 days', 7 * DAY_MS, BUCKETS.HOUR],
    ['30 days', 30 * DAY_MS, BUCKETS.SIX_HOURS],
    ['400 days', 400 * DAY_MS, BUCKETS.DAY],
  ])('AUTO over %s picks the finest bucket with ≤ AUTO_TARGET_POINTS points', (_name, spanMs, expected) => {
    const seconds = bucketSeconds('AUTO', FROM, fromPlus(spanMs))!;
    expect(seconds).toBe(expected);
    expect(spanMs / 1000 / seconds).toBeLessThanOrEqual(AUTO_TARGET_POINTS);
    const finer = Object.values(BUCKETS).filter((s) => s < seconds);
    for (const s of finer) expect(spanMs / 1000 / s).toBeGreaterThan(AUTO_TARGET_POINTS);
  });

  it('AUTO stays within AUTO_TARGET_POINTS for every span checkRange allows', () => {
    for (let days = 1; days <= MAX_RANGE_DAYS; days++) {
      const spanMs = days * DAY_MS;
      expect(spanMs / 1000 / bucketSeconds('AUTO', FROM, fromPlus(spanMs))!).toBeLessThanOrEqual(
        AUTO_TARGET_POINTS,
      );
    }
  });
});
