// A tiny GraphQL client for the signed-in web app: POST /graphql with the session cookie, the first error
// thrown as a GraphQLError carrying the server's extensions.code (CONFLICT, FORBIDDEN, UNAUTHENTICATED, …).

export class GraphQLError extends Error {
  constructor(
    /** extensions.code from the server, or HTTP_<status> / NETWORK when there was no GraphQL answer. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphQLError';
  }
}

/** Fired on window when the server no longer knows the session (the app then shows the sign-in page). */
export const SESSION_ENDED = 'cityone:session-ended';

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The first error of a GraphQL answer as a GraphQLError (null when there is none). */
export function firstError(body: GraphQLBody<unknown>): GraphQLError | null {
  const error = body.errors?.[0];
  return error ? new GraphQLError(error.extensions?.code ?? 'UNKNOWN', error.message) : null;
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new GraphQLError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body = (await response.json().catch(() => null)) as GraphQLBody<T> | null;
  if (!body) throw new GraphQLError(`HTTP_${response.status}`, `HTTP ${response.status}`);
  const error = firstError(body);
  if (error?.code === 'UNAUTHENTICATED') window.dispatchEvent(new Event(SESSION_ENDED));
  if (error) throw error;
  if (!body.data) throw new GraphQLError(`HTTP_${response.status}`, `HTTP ${response.status}: no data`);
  return body.data;
}
