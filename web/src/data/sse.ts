// GraphQL subscriptions over SSE (graphql-yoga's "distinct connections" mode): POST /graphql with
// Accept: text/event-stream, read the body stream and parse `data:` lines. When the stream ends or fails it
// reconnects with backoff (1 s doubling to 30 s); `onOpen` fires on every (re)connection so the caller can
// refetch what it may have missed.
import { firstError } from './graphql.ts';
import { type ApiError, request } from './http.ts';

export type LiveStatus = 'connecting' | 'live' | 'retrying';

export interface SubscribeOptions<T> {
  onData: (data: T) => void;
  onOpen?: () => void;
  onStatus?: (status: LiveStatus) => void;
  onError?: (error: ApiError | Error) => void;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** Splits SSE text into complete events; returns them and the unfinished rest. */
export function parseSseChunk(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const events: { event: string; data: string }[] = [];
  const blocks = buffer.replace(/\r\n|\r(?!$)/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // keep-alive comment
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/** Starts a subscription; call the returned function to stop it for good. */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  options: SubscribeOptions<T>,
): () => void {
  let stopped = false;
  let abort: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let delay = FIRST_RETRY_MS;

  const retry = () => {
    if (stopped) return;
    options.onStatus?.('retrying');
    timer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  };

  async function connect() {
    if (stopped) return;
    options.onStatus?.('connecting');
    abort = new AbortController();
    try {
      const response = await request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query, variables }),
        signal: abort.signal,
      });
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !response.body || !type.includes('text/event-stream')) {
        const body = await response.json().catch(() => null);
        throw firstError(body ?? {}) ?? new Error(`HTTP ${response.status}`);
      }
      options.onStatus?.('live');
      delay = FIRST_RETRY_MS;
      options.onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSseChunk(buffer + value);
        buffer = parsed.rest;
        for (const e of parsed.events) {
          if (e.event === 'complete') continue;
          if (!e.data) continue;
          const body = JSON.parse(e.data) as { data?: T; errors?: [] };
          const error = firstError(body);
          if (error) options.onError?.(error);
          else if (body.data) options.onData(body.data);
        }
      }
    } catch (error) {
      if (stopped) return;
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
    retry();
  }

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    abort?.abort();
  };
}
