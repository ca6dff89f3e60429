// Small pieces the plain-HTTP routes share: a per-IP rate limit, a JSON body with bounded nesting, and reading
// fields of a parsed form.
import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimiter } from '../access/rate-limiter.ts';
import { parseJson } from '../bounded-json.ts';
import { DomainError } from '../domain-error.ts';
import { errorResponse } from './http-error.ts';
import type { AppEnv } from './identify.ts';

export function rateLimit(limiter: RateLimiter, what = 'requests'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limit = limiter.take(c.get('origin').ip ?? 'unknown');
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterS));
      return errorResponse(c, 'RATE_LIMITED', `too many ${what}; try again in ${limit.retryAfterS} s`);
    }
    await next();
  };
}

type Form = Record<string, string | File | (string | File)[]>;

export function formText(form: Form, name: string): string | null {
  const value = form[name];
  return typeof value === 'string' ? value : null;
}

export async function formFile(form: Form, name: string): Promise<Uint8Array | null> {
  const value = form[name];
  if (!(value instanceof File) || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}

/** The request's JSON body (nesting bounded, bounded-json.ts); INVALID_INPUT when it is not JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const parsed = parseJson(await c.req.text(), 'the request body');
  if ('error' in parsed) throw new DomainError('INVALID_INPUT', parsed.error);
  return parsed.value;
}
