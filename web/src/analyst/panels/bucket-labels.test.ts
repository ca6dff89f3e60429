import { describe, expect, it } from 'vitest';
import { formatBucket, formatBucketLong } from './bucket-labels.ts';

describe('trend buckets in China time', () => {
  it('labels buckets by interval', () => {
    expect(formatBucket('2026-11-21T06:00:00Z', 'HOUR', 'zh-CN')).toBe('14:00');
    expect(formatBucket('2026-11-20T16:00:00Z', 'HOUR', 'zh-CN')).toBe('11月21日');
    expect(formatBucket('2026-11-20T16:00:00Z', 'DAY', 'zh-CN')).toBe('11月21日');
    expect(formatBucket('2026-10-31T16:00:00Z', 'MONTH', 'zh-CN')).toBe('2026年11月');
    expect(formatBucketLong('2026-11-21T06:00:00Z', 'HOUR', 'zh-CN')).toBe('11月21日 14:00');
    expect(formatBucketLong('2026-11-20T16:00:00Z', 'WEEK', 'zh-CN')).toBe('2026年11月21日');
  });
});
