// Applies db/migrations with node-pg-migrate (plain numbered SQL files, forward only) and reports the version.

import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import { StartupError } from '../startup-error.ts';
import type { Queryable } from './db.ts';

export const MIGRATIONS_TABLE = 'pgmigrations';

export interface MigrationStatus {
  version: string | null;
  applied: number;
}

function isMissingPostgis(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /extension "postgis"|postgis\.control/i.test(message);
}

/** Applies pending migrations; returns the names applied (empty when the database is current). */
export async function migrate(pool: pg.Pool, migrationsDir: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    const applied = await runner({
      dbClient: client,
      dir: migrationsDir,
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      checkOrder: true,
      singleTransaction: true,
      // Several API processes may start at once: the others wait for the first to finish migrating.
      advisoryLockMode: 'wait',
      log: () => undefined,
    });
    return applied.map((m) => m.name);
  } catch (cause) {
    if (isMissingPostgis(cause)) {
      throw new StartupError(
        'this PostgreSQL has no PostGIS extension',
        'install it (Debian: apt-get install -y postgresql-15-postgis-3) or point DATABASE_URL at a PostGIS server',
        { cause },
      );
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new StartupError(
      `migrating the database failed: ${message}`,
      'fix the error above and run npm run migrate',
      {
        cause,
      },
    );
  } finally {
    client.release();
  }
}

export async function migrationStatus(db: Queryable): Promise<MigrationStatus> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('${MIGRATIONS_TABLE}')::text AS t`);
  if (!exists.rows[0]?.t) return { version: null, applied: 0 };
  const { rows } = await db.query<{ name: string; n: number }>(
    `SELECT max(name) AS name, count(*)::int AS n FROM ${MIGRATIONS_TABLE}`,
  );
  return { version: rows[0]?.name ?? null, applied: rows[0]?.n ?? 0 };
}
