// Who sent a request and from where. A bearer token wins over a session cookie; a malformed, unknown,
// expired or revoked token is an error rather than a silent fall back to the cookie.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { principalFromSession, principalFromToken } from '../access/auth.service.ts';
import { parseBearer, parseSessionSecret } from '../access/credentials.ts';
import type { Principal, RequestOrigin } from '../access/principal.ts';
import type { AccessConfig } from '../config.ts';
import type { Queryable } from '../store/db.ts';
import { errorResponse } from './http-error.ts';

export const SESSION_COOKIE = 'com_session';
/** A session's absolute lifetime (see session_principal.sql). */
export const SESSION_MAX_SECONDS = 30 * 24 * 3600;

export function isJson(contentType: string | undefined): boolean {
  return /^application\/(graphql-response\+)?json\b/i.test(contentType ?? '');
}

export interface AppEnv {
  Variables: {
    origin: RequestOrigin;
    viewer: Principal | null;
  };
}

function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The entry the trusted proxy appended is the last; earlier ones are whatever the client sent.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // no socket (in-process requests in tests)
  }
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

function setOrigin(c: Context<AppEnv>, access: AccessConfig): void {
  c.set('origin', {
    ip: clientIp(c, access.trustProxy),
    userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
  });
}

/** Where a request came from, for routes that serve everyone (public pages): nobody is signed in there. */
export function anonymous(access: AccessConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    setOrigin(c, access);
    c.set('viewer', null);
    await next();
  };
}

export interface IdentifyOptions {
  /**
   * How long a resolved credential is remembered (0: looked up on every request). Used for tiles, where a
   * map view asks for dozens at once: a sign-out or revocation reaches them within this time.
   */
  cacheMs?: number;
}

const MAX_REMEMBERED = 10_000;

export function identify(
  db: Queryable,
  access: AccessConfig,
  options: IdentifyOptions = {},
): MiddlewareHandler<AppEnv> {
  const cacheMs = options.cacheMs ?? 0;
  const remembered = new Map<string, { viewer: Principal | null; until: number }>();
  const resolve = async (token: string | null, secret: string | null): Promise<Principal | null> => {
    if (token) return principalFromToken(db, token);
    return secret ? principalFromSession(db, access, secret) : null;
  };
  return async (c, next) => {
    setOrigin(c, access);
    // Signing out needs only the cookie, also when its account can no longer be resolved.
    if (c.req.path === '/auth/logout') {
      c.set('viewer', null);
      return next();
    }
    const token = parseBearer(c.req.header('authorization'));
    const secret = token ? null : parseSessionSecret(getCookie(c, SESSION_COOKIE));
    if (cacheMs === 0) {
      c.set('viewer', await resolve(token, secret));
      return next();
    }
    const key = token ? `t:${token}` : `s:${secret ?? ''}`;
    const now = Date.now();
    const hit = remembered.get(key);
    if (hit && hit.until > now) {
      c.set('viewer', hit.viewer);
    } else {
      const viewer = await resolve(token, secret);
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(key, { viewer, until: now + cacheMs });
      c.set('viewer', viewer);
    }
    await next();
  };
}

/** After identify(): refuses a request without a signed-in user or a valid token. */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('viewer')) {
    return errorResponse(c, 'UNAUTHENTICATED', 'sign in first (POST /auth/login) or send a bearer token');
  }
  await next();
};
