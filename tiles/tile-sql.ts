// The tile server's side of the database: a structural Queryable (a pg pool or client, given by whoever mounts
// the tiles), statements from the .sql files beside each repository, and failures that say what was being done
// (TileQueryError; the host reads the driver's error behind it as it reads its own).
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { TileQueryError } from './tile-errors.ts';

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** A statement prepared by name once per connection. */
export interface SqlStatement {
  name: string;
  text: string;
}

export function loadSql(dir: string, name: string): SqlStatement {
  return { name, text: fs.readFileSync(path.join(dir, `${name}.sql`), 'utf8') };
}

export async function queryRows<T extends pg.QueryResultRow>(
  db: Queryable,
  statement: SqlStatement,
  values: unknown[],
  action: string,
): Promise<T[]> {
  try {
    return (await db.query<T>({ ...statement, values })).rows;
  } catch (cause) {
    throw new TileQueryError(action, { cause });
  }
}
