// Surfaces for citizens, without sign-in and rate limited per client IP: the QR plate lookup
// (GET /public/assets/:code). They answer only what a citizen standing at the plate needs.
import { Hono } from 'hono';
import { RateLimiter } from '../access/rate-limiter.ts';
import type { AccessConfig } from '../config.ts';
import type { Queryable } from '../store/db.ts';
import { findPublicAsset } from '../store/public.repo.ts';
import { errorResponse } from './http-error.ts';
import type { AppEnv } from './identify.ts';

const CODE = /^[A-Za-z]{2}-[0-9A-Za-z]{6,16}-[0-9]{4,8}$/;

export function publicRoutes(db: Queryable, access: AccessConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(access.publicPerMinute, access.publicPerMinute);

  app.use('*', async (c, next) => {
    const limit = limiter.take(c.get('origin').ip ?? 'unknown');
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterS));
      return errorResponse(c, 'RATE_LIMITED', `too many requests; try again in ${limit.retryAfterS} s`);
    }
    await next();
  });

  app.get('/assets/:code', async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code))
      return errorResponse(c, 'INVALID_INPUT', 'a plate code looks like BD-440304-000123');
    const row = await findPublicAsset(db, code.toUpperCase());
    if (!row) return errorResponse(c, 'NOT_FOUND', `no asset has the code ${code}`);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      code: row.code,
      kind: row.kind,
      name: row.name,
      district: row.district_name,
      street: row.street_name,
      ...(row.kind === 'building' && { floors: row.floors, use: row.use, safetyGrade: row.safety_grade }),
      synthetic: row.synthetic,
      note: row.synthetic ? '演示数据：虚构城市，位于真实行政区边界内 (synthetic demo city)' : undefined,
    });
  });
  return app;
}
