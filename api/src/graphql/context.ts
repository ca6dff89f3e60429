// What every resolver gets: the database and the city's extent. A fresh object per request, which is also
// where the per-request DataLoaders live.
import type { BBox } from '../geo/geojson.ts';
import type { Queryable } from '../store/db.ts';
import { findMetrics, type MetricRow } from '../store/devices.repo.ts';

export interface ApiContext {
  db: Queryable;
  serviceArea: BBox;
  /** The metric catalogue, read at most once per request. */
  metrics(): Promise<ReadonlyMap<number, MetricRow>>;
}

export function createContext(db: Queryable, serviceArea: BBox): ApiContext {
  let metrics: Promise<ReadonlyMap<number, MetricRow>> | undefined;
  return {
    db,
    serviceArea,
    metrics() {
      metrics ??= findMetrics(db).then((rows) => new Map(rows.map((m) => [m.id, m])));
      return metrics;
    },
  };
}
