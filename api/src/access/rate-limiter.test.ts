import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows a burst of capacity, then refills at the rate', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60, () => now); // one a second
    expect([1, 2, 3].map(() => limiter.take('ip').allowed)).toEqual([true, true, true]);
    expect(limiter.take('ip')).toEqual({ allowed: false, retryAfterS: 1 });
    now += 1000;
    expect(limiter.take('ip').allowed).toBe(true);
    expect(limiter.take('ip').allowed).toBe(false);
  });

  it('keeps a budget per key', () => {
    const limiter = new RateLimiter(1, 1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('says how long to wait', () => {
    const limiter = new RateLimiter(1, 2, () => 0); // one per 30 s
    limiter.take('a');
    expect(limiter.take('a').retryAfterS).toBe(30);
  });

  it('forgets the oldest keys rather than growing without bound', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1, () => now, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // drops a
    now = 1;
    expect(limiter.take('a').allowed).toBe(true); // a starts afresh
    expect(limiter.take('c').allowed).toBe(false);
  });
});
