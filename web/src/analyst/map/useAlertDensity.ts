// The alert-density hexagons (GraphQL alertDensity) for the area and time range, loaded only while the
// density layer is on. A server error about the area goes to onAreaError; others are returned.
import { useEffect, useRef } from 'react';
import { gql } from '../../data/graphql.ts';
import { ApiError } from '../../data/http.ts';
import { useQuery } from '../../data/useQuery.ts';
import { SERVER_AREA_CODES } from '../area/area-error.ts';
import { type AreaChoice, areaInput, type TimeRange } from '../contract.ts';

export interface DensityCell {
  hexagon: GeoJSON.Polygon;
  count: number;
  worstSeverity: string;
}

const QUERY = `query AnalystAlertDensity($area: AreaInput, $from: DateTime!, $to: DateTime!) {
  alertDensity(area: $area, from: $from, to: $to) { hexagon count worstSeverity }
}`;

export function useAlertDensity(
  enabled: boolean,
  area: AreaChoice | null,
  range: TimeRange,
  onAreaError: (code: string, message: string) => void,
): { cells: DensityCell[] | null; error: Error | null } {
  const query = useQuery(
    (signal) =>
      gql<{ alertDensity: DensityCell[] }>(
        QUERY,
        { area: area ? areaInput(area) : null, from: range.from, to: range.to },
        signal,
      ).then((d) => d.alertDensity.filter((c) => c.hexagon?.type === 'Polygon')),
    [area, range.from, range.to],
    enabled,
  );
  const reported = useRef<Error | null>(null);
  useEffect(() => {
    const error = query.error;
    if (
      error instanceof ApiError &&
      error !== reported.current &&
      (SERVER_AREA_CODES as readonly string[]).includes(error.code)
    ) {
      reported.current = error;
      onAreaError(error.code, error.message);
    }
  }, [query.error, onAreaError]);
  return { cells: enabled ? (query.data ?? null) : null, error: query.error };
}
