// Connection pool and the Queryable type every repository takes.
import pg from 'pg';
import { DomainError } from '../domain-error.ts';
import { StartupError } from '../startup-error.ts';
import type { SqlStatement } from './sql-file.ts';
import { StoreError } from './store-error.ts';

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

// float8 and int8 arrive as JS numbers; bigint ids stay well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PoolOptions {
  max?: number;
  /** Embedded PGlite serialises everything; session tuning there is pointless. */
  tuneSessions?: boolean;
  /** Server-side limit per statement; the API pool sets it, the seeding pool must not. */
  statementTimeoutMs?: number;
  /**
   * Send every statement unnamed. The embedded PGlite serves all socket connections from one session, so a
   * statement prepared by name on one connection collides with the same name prepared on another.
   */
  unnamedStatements?: boolean;
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(options.statementTimeoutMs && { statement_timeout: options.statementTimeoutMs }),
    // On 2 cores parallel plans and JIT made spatial aggregates 5–14× slower (shared/notes/postgis-performance.md).
    ...((options.tuneSessions ?? true) && { options: '-c max_parallel_workers_per_gather=0 -c jit=off' }),
  });
  if (options.unnamedStatements) {
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      client.query = ((config: unknown, ...rest: unknown[]) =>
        config && typeof config === 'object' && 'name' in config
          ? query({ ...config, name: undefined }, ...rest)
          : query(config, ...rest)) as typeof client.query;
    });
  }
  pool.on('error', (error) => {
    process.stderr.write(`warning: idle database connection failed: ${error.message}\n`);
  });
  return pool;
}

/** Where a URL points, without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

/** Connects once and turns the usual failures into one actionable line. */
export async function checkConnection(pool: pg.Pool, url: string, variable = 'DATABASE_URL'): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? '';
    const message = cause instanceof Error ? cause.message : String(cause);
    const where = describeUrl(url);
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT') {
      throw new StartupError(
        `cannot reach PostgreSQL at ${where} (${code})`,
        `check ${variable}, or unset it to run on the embedded database`,
        { cause },
      );
    }
    if (code === '3D000') {
      throw new StartupError(
        `database in ${variable} does not exist (${where})`,
        'create it with createdb first',
        {
          cause,
        },
      );
    }
    if (code === '28P01' || code === '28000') {
      throw new StartupError(
        `PostgreSQL refused the login for ${where}`,
        `check the user and password in ${variable}`,
        {
          cause,
        },
      );
    }
    throw new StartupError(`cannot use the database at ${where}: ${message}`, `check ${variable}`, { cause });
  }
}

/** Runs a prepared .sql statement; a failure says what was being done. */
export async function queryRows<T extends pg.QueryResultRow>(
  db: Queryable,
  statement: SqlStatement,
  values: unknown[],
  action: string,
): Promise<T[]> {
  try {
    return (await db.query<T>({ ...statement, values })).rows;
  } catch (cause) {
    throw queryError(cause, action);
  }
}

/** A failed statement as the error the API reports: bad input, a timeout, or a store failure. */
export function queryError(cause: unknown, action: string): Error {
  const code = (cause as { code?: string }).code ?? '';
  // Data exceptions (class 22: bad bytes, out-of-range numbers) come from input that got past the checks.
  if (code.startsWith('22'))
    return new DomainError('INVALID_INPUT', `${action}: ${(cause as Error).message}`);
  if (code === '57014') {
    return new DomainError(
      'LIMIT_EXCEEDED',
      `${action} took longer than allowed; narrow the area or distance`,
    );
  }
  return new StoreError(action, { cause });
}

/** Runs `work` in one transaction on one connection: all of it is committed, or none of it. */
export async function withTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
