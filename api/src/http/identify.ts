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

export function identify(db: Queryable, access: AccessConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    setOrigin(c, access);
    // Signing out needs only the cookie, also when its account can no longer be resolved.
    if (c.req.path === '/auth/logout') {
      c.set('viewer', null);
      return next();
    }
    const token = parseBearer(c.req.header('authorization'));
    if (token) {
      c.set('viewer', await principalFromToken(db, token));
    } else {
      const secret = parseSessionSecret(getCookie(c, SESSION_COOKIE));
      c.set('viewer', secret ? await principalFromSession(db, access, secret) : null);
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
