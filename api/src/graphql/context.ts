// What every resolver gets: who is asking (viewer, scope, origin), the database and the city's extent. A fresh
// object per request, which is also where the per-request DataLoaders live.
import type pg from 'pg';
import { type Actor, actorOf, type Principal, type RequestOrigin } from '../access/principal.ts';
import type { AccessScope } from '../access/scope.ts';
import type { AccessConfig, CaseConfig } from '../config.ts';
import type { BBox } from '../geo/geojson.ts';
import type { Live } from '../live/live.ts';
import { type CategoryRow, findCategories } from '../store/case-categories.repo.ts';
import type { Queryable } from '../store/db.ts';
import { findMetrics, type MetricRow } from '../store/devices.repo.ts';

/** What the HTTP layer hands to GraphQL with each request. */
export interface RequestIdentity {
  viewer: Principal;
  origin: RequestOrigin;
}

export interface ApiContext {
  db: Queryable;
  /** The same database, for changes that need a transaction. */
  pool: pg.Pool;
  serviceArea: BBox;
  access: AccessConfig;
  viewer: Principal;
  /** The viewer's area: every store call passes it, and gets only rows inside it. */
  scope: AccessScope;
  /** The viewer as the audit log names it, with where the request came from. */
  actor: Actor;
  /** Ingest and the live alert and case events of this process. */
  live: Live;
  /** Working hours and attachment limits for cases. */
  cases: CaseConfig;
  /** The metric catalogue, read at most once per request. */
  metrics(): Promise<ReadonlyMap<number, MetricRow>>;
  /** The case categories by code, read at most once per request. */
  caseCategories(): Promise<ReadonlyMap<string, CategoryRow>>;
}

export function createContext(
  pool: pg.Pool,
  access: AccessConfig,
  serviceArea: BBox,
  live: Live,
  cases: CaseConfig,
  identity: RequestIdentity,
): ApiContext {
  let metrics: Promise<ReadonlyMap<number, MetricRow>> | undefined;
  let categories: Promise<ReadonlyMap<string, CategoryRow>> | undefined;
  return {
    db: pool,
    pool,
    serviceArea,
    access,
    live,
    cases,
    viewer: identity.viewer,
    scope: identity.viewer.scope,
    actor: actorOf(identity.viewer, identity.origin),
    metrics() {
      metrics ??= findMetrics(pool).then((rows) => new Map(rows.map((m) => [m.id, m])));
      return metrics;
    },
    caseCategories() {
      categories ??= findCategories(pool).then((rows) => new Map(rows.map((c) => [c.code, c])));
      return categories;
    },
  };
}
