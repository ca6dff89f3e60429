// A tiny GraphQL client for the signed-in web app: POST /graphql with the session cookie, the first error
// thrown as an ApiError carrying the server's extensions.code (CONFLICT, FORBIDDEN, UNAUTHENTICATED, …).
import { ApiError, announceSessionEnded, request } from './http.ts';

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The first error of a GraphQL answer as an ApiError (null when there is none). */
export function firstError(body: GraphQLBody<unknown>): ApiError | null {
  const error = body.errors?.[0];
  return error ? new ApiError(error.extensions?.code ?? 'UNKNOWN', error.message) : null;
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  const response = await request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  const body = (await response.json().catch(() => null)) as GraphQLBody<T> | null;
  if (!body) throw new ApiError(`HTTP_${response.status}`, `HTTP ${response.status}`);
  const error = firstError(body);
  if (error?.code === 'UNAUTHENTICATED') announceSessionEnded();
  if (error) throw error;
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, `HTTP ${response.status}: no data`);
  return body.data;
}
