// A token bucket per key (e.g. client IP): `capacity` requests at once, refilled at `perMinute`. Pure apart
// from the clock it is given. In-process: behind several API processes each keeps its own budget.

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  retryAfterS: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Keys kept at most; the oldest are dropped first, so a flood of keys cannot exhaust memory. */
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string): RateLimitResult {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key);
    let tokens = this.capacity;
    if (bucket) {
      tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * ratePerMs);
      this.buckets.delete(key); // re-inserted below: Map order is then least recently used first
    } else if (this.buckets.size >= this.maxKeys) {
      this.buckets.delete(this.buckets.keys().next().value as string);
    }
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true, retryAfterS: 0 };
    }
    this.buckets.set(key, { tokens, at: now });
    return { allowed: false, retryAfterS: Math.ceil((1 - tokens) / ratePerMs / 1000) };
  }
}
