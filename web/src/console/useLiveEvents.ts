// A GraphQL subscription for as long as the component is mounted: each event goes to `onEvent`, and every
// (re)connection to `onOpen` so the caller refetches what it may have missed while disconnected.
import { useEffect, useRef, useState } from 'react';
import { type LiveStatus, subscribe } from '../data/sse.ts';

export function useLiveEvents<T>(
  query: string,
  onEvent: (data: T) => void,
  onOpen: () => void,
  enabled = true,
): LiveStatus | 'off' {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef({ onEvent, onOpen });
  handlers.current = { onEvent, onOpen };

  useEffect(() => {
    if (!enabled) return;
    return subscribe<T>(
      query,
      {},
      {
        onData: (data) => handlers.current.onEvent(data),
        onOpen: () => handlers.current.onOpen(),
        onStatus: setStatus,
        onError: (error) => console.warn(`live events: ${error.message}`),
      },
    );
  }, [query, enabled]);

  return enabled ? status : 'off';
}
