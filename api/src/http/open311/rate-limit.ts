// The per-client-IP rate limit of the public surfaces, refusing in the Open311 error shape (429, Retry-After).
import type { MiddlewareHandler } from 'hono';
import type { RateLimiter } from '../../access/rate-limiter.ts';
import type { AppEnv } from '../identify.ts';
import { errorFormat } from './format.ts';
import { open311Error } from './respond.ts';

export function open311RateLimit(limiter: RateLimiter, what = 'requests'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limit = limiter.take(c.get('origin').ip ?? 'unknown');
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterS));
      const format = errorFormat(c.req.path, c.req.header('accept'));
      return open311Error(c, format, 429, `too many ${what}; try again in ${limit.retryAfterS} s`);
    }
    await next();
  };
}
