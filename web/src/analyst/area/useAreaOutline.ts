// The study area's outline to draw and fit: a polygon as it is, an area code's boundary from the API
// (with its name). A server error about the code (NOT_FOUND, FORBIDDEN) goes to onAreaError.
import { useEffect, useRef } from 'react';
import { fetchAreaOutline } from '../../data/areas.ts';
import { ApiError } from '../../data/http.ts';
import { useQuery } from '../../data/useQuery.ts';
import type { AreaChoice } from '../contract.ts';
import type { AreaGeometry } from './validate-area.ts';

export function useAreaOutline(
  area: AreaChoice | null,
  onAreaError: (code: string, message: string) => void,
): { geometry: AreaGeometry | null; name: string | null } {
  const code = area?.kind === 'code' ? area.code : null;
  const query = useQuery((signal) => fetchAreaOutline(code!, signal), [code], code !== null);
  const reported = useRef<Error | null>(null);
  useEffect(() => {
    const error = query.error;
    if (error && error !== reported.current) {
      reported.current = error;
      onAreaError(error instanceof ApiError ? error.code : 'UNKNOWN', error.message);
    }
  }, [query.error, onAreaError]);
  if (!area) return { geometry: null, name: null };
  if (area.kind === 'polygon') return { geometry: area.geometry, name: null };
  const outline = query.data?.code === area.code ? query.data : null;
  return { geometry: outline?.geometry ?? null, name: outline?.name ?? area.name ?? null };
}
