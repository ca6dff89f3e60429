// How a globe component reports a failure: to its `onError` prop, else to the console; never thrown into
// React, so one failed layer cannot take down a wall screen that runs for days.
import { useCallback, useRef } from 'react';

export type OnGlobeError = (error: Error) => void;

/** A stable `report(doing, cause)` that always reaches the latest `onError`. */
export function useReportError(onError: OnGlobeError | undefined): (doing: string, cause: unknown) => void {
  const latest = useRef(onError);
  latest.current = onError;
  return useCallback((doing: string, cause: unknown) => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const error = new Error(`${doing}: ${reason}`, { cause });
    if (latest.current) latest.current(error);
    else console.error(error);
  }, []);
}

/** Whether a failure is only the effect's own cleanup aborting a request. */
export const isAbort = (cause: unknown) => cause instanceof Error && cause.name === 'AbortError';
