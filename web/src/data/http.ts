// Plain-HTTP answers (REST routes): the JSON body, or an ApiError with the server's {error: {code, message}}.
import { ApiError } from './session.ts';

/** The JSON body, or an ApiError with the server's code and message. */
export async function answer<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok || body === null) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(error?.code ?? `HTTP_${response.status}`, error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}
