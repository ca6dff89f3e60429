// Plain-HTTP answers (REST routes): the JSON body, or an ApiError with the server's {error: {code, message}}.

/** An answer from the server with its error code (e.g. UNAUTHENTICATED, RATE_LIMITED). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The ApiError a failed response carries. */
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
