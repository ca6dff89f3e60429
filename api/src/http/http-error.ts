// How a DomainError reads over plain HTTP (routes outside GraphQL): one status per code, one body shape.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../domain-error.ts';

const STATUS: Record<ErrorCode | 'BAD_REQUEST' | 'INTERNAL', ContentfulStatusCode> = {
  INVALID_INPUT: 400,
  INVALID_GEOMETRY: 400,
  OUT_OF_SERVICE_AREA: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  LIMIT_EXCEEDED: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

type Code = keyof typeof STATUS;

export function errorResponse(c: Context, code: Code, message: string): Response {
  if (code === 'UNAUTHENTICATED') c.header('WWW-Authenticate', 'Bearer realm="city-one-map"');
  return c.json({ error: { code, message } }, STATUS[code]);
}

/** The same, in GraphQL's response shape, for /graphql requests refused before GraphQL runs. */
export function graphqlErrorResponse(
  c: Context,
  code: Code,
  message: string,
  status: ContentfulStatusCode = STATUS[code],
): Response {
  if (code === 'UNAUTHENTICATED') c.header('WWW-Authenticate', 'Bearer realm="city-one-map"');
  return c.json({ errors: [{ message, extensions: { code } }] }, status);
}
