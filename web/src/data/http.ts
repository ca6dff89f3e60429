// Every request of the web app goes through `request`: the session cookie sent, a failed connection and a
// refusal by the server both thrown as the one ApiError with a code (the server's, e.g. UNAUTHENTICATED,
// RATE_LIMITED, CONFLICT, or HTTP_<status> / NETWORK when it gave none), and an ended session announced.

/** A request that failed: the server's error code (GraphQL extensions.code or REST error.code) and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server's code of an error, or UNKNOWN when it is not an ApiError. */
export const errorCode = (error: unknown): string => (error instanceof ApiError ? error.code : 'UNKNOWN');

/** Fired on window when the server no longer knows the session (the app then shows the sign-in page). */
export const SESSION_ENDED = 'cityone:session-ended';

export const announceSessionEnded = () => window.dispatchEvent(new Event(SESSION_ENDED));

export interface RequestOptions extends RequestInit {
  /** A 401 answer means the session ended (announced); not for signing in or the public pages. */
  signedIn?: boolean;
}

/** The server's response (any status); a connection that failed throws ApiError NETWORK, an abort AbortError. */
export async function request(
  path: string,
  { signedIn = false, ...init }: RequestOptions = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (signedIn && response.status === 401) announceSessionEnded();
  return response;
}

/** The ApiError a failed response carries (REST routes answer {error: {code, message}}). */
export async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  return new ApiError(
    body?.error?.code ?? `HTTP_${response.status}`,
    body?.error?.message ?? `HTTP ${response.status}`,
  );
}

/** The JSON body, or an ApiError with the server's code and message. */
export async function answer<T>(response: Response): Promise<T> {
  if (!response.ok) throw await failure(response);
  const body: unknown = await response.json().catch(() => null);
  if (body === null) throw new ApiError(`HTTP_${response.status}`, `HTTP ${response.status}: no body`);
  return body as T;
}

/** GET a JSON answer. */
export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return answer<T>(await request(path, options));
}

/** POST a JSON body (the response is the caller's to read). */
export function postJson(path: string, body: unknown, options: RequestOptions = {}): Promise<Response> {
  return request(path, {
    ...options,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
