// What the tile routes take from the server that mounts them: the database, the caller's scope (who they are
// is the host's business: its middleware has signed them in before a tile route runs) and its error mapper.
import type { Context, Env, Hono } from 'hono';
import type { Queryable } from './tile-sql.ts';

export interface TileHost<E extends Env> {
  db: Queryable;
  /** The area code the caller's tiles are cut to; null: the whole city. */
  scopeOf: (c: Context<E>) => string | null;
  /** The host's own error for a tile failure (TileRequestError, TileQueryError, or anything else thrown). */
  mapError: (error: Error) => Error;
}

/** Failures leave the tile routes as the host's errors, answered by the host's error handler. */
export function throwHostErrors<E extends Env>(app: Hono<E>, host: TileHost<E>): void {
  app.onError((error) => {
    throw host.mapError(error);
  });
}
