// Web sign-in: POST /auth/login {username, password} sets an httpOnly, SameSite=Lax session cookie;
// POST /auth/logout ends it; GET /auth/me says who is signed in. Sign-in attempts are rate limited per IP.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type pg from 'pg';
import { signIn, signOut } from '../access/auth.service.ts';
import { parseSessionSecret } from '../access/credentials.ts';
import { RateLimiter } from '../access/rate-limiter.ts';
import { permissionsOf, ROLE_LABELS } from '../access/roles.ts';
import type { AccessConfig } from '../config.ts';
import { DomainError } from '../domain-error.ts';
import { errorResponse } from './http-error.ts';
import { type AppEnv, isHttps, isJson, SESSION_COOKIE, SESSION_MAX_SECONDS } from './identify.ts';
import { readJsonBody } from './request-helpers.ts';

const MAX_FIELD = 200;

export function authRoutes(pool: pg.Pool, access: AccessConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(access.loginPerMinute, access.loginPerMinute);

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.post('/login', async (c) => {
    const origin = c.get('origin');
    const limit = limiter.take(origin.ip ?? 'unknown');
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterS));
      return errorResponse(
        c,
        'RATE_LIMITED',
        `too many sign-in attempts; try again in ${limit.retryAfterS} s`,
      );
    }
    // JSON only: a cross-site form cannot send it without a CORS preflight, which this route never allows.
    if (!isJson(c.req.header('content-type'))) {
      return errorResponse(c, 'INVALID_INPUT', 'send the credentials as application/json');
    }
    const body: unknown = await readJsonBody(c).catch(() => undefined);
    const { username, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string') {
      return errorResponse(c, 'INVALID_INPUT', 'send JSON {"username": "…", "password": "…"}');
    }
    if (username.length > MAX_FIELD || password.length > MAX_FIELD) {
      return errorResponse(c, 'INVALID_INPUT', `username and password have at most ${MAX_FIELD} characters`);
    }
    const session = await signIn(pool, access, { username, password }, origin);
    setCookie(c, SESSION_COOKIE, session.secret, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c, access.trustProxy),
      path: '/',
      // The server ends the session after SESSION_IDLE_HOURS unused and 30 days at most.
      maxAge: SESSION_MAX_SECONDS,
    });
    return c.json({ ok: true, expiresAt: session.expiresAt.toISOString() });
  });

  app.post('/logout', async (c) => {
    // As every cookie request that changes something: JSON only, which a cross-site form cannot send.
    if (!isJson(c.req.header('content-type'))) {
      return errorResponse(c, 'BAD_REQUEST', 'send the sign-out as JSON (content-type: application/json)');
    }
    const secret = parseSessionSecret(getCookie(c, SESSION_COOKIE));
    if (secret) await signOut(pool, secret, c.get('origin'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/me', (c) => {
    const viewer = c.get('viewer');
    if (!viewer) throw new DomainError('UNAUTHENTICATED', 'not signed in');
    return c.json({
      kind: viewer.kind,
      name: viewer.name,
      displayName: viewer.displayName,
      role: viewer.role,
      roleName: ROLE_LABELS[viewer.role],
      permissions: permissionsOf(viewer.role),
      area: viewer.scope && { code: viewer.scope.code, level: viewer.scope.level, name: viewer.scope.name },
      unitCode: viewer.unitCode,
      expiresAt: viewer.expiresAt.toISOString(),
    });
  });
  return app;
}
