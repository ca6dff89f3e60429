// Hands a failure that is about the area (bad geometry, outside the service area, too large, not allowed…)
// to the map side once per area and failure; the panels show other failures themselves.
import { useEffect, useRef } from 'react';
import { isAreaError } from '../../data/analysis.ts';
import { errorCode } from '../../data/http.ts';

export function useAreaErrorReport(
  errors: readonly (Error | null)[],
  areaKey: string,
  onAreaError: (code: string, message: string) => void,
): void {
  const first = errors.find((e): e is Error => e !== null && isAreaError(e)) ?? null;
  const code = first ? errorCode(first) : null;
  const message = first?.message ?? '';
  const reported = useRef<string | null>(null);
  const callback = useRef(onAreaError);
  callback.current = onAreaError;
  useEffect(() => {
    if (code === null) return;
    const id = `${areaKey}\n${code}\n${message}`;
    if (reported.current === id) return;
    reported.current = id;
    callback.current(code, message);
  }, [areaKey, code, message]);
}
