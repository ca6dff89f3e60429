// Opens the database the config names: DATABASE_URL, or the embedded PGlite + PostGIS in DATA_DIR.
import type pg from 'pg';
import type { Config } from '../api/src/config.ts';
import { checkConnection, createPool } from '../api/src/store/db.ts';
import { startEmbeddedDatabase } from '../api/src/store/embedded.ts';

export interface OpenDatabase {
  mode: 'embedded' | 'external';
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const pool = createPool(config.databaseUrl);
    try {
      await checkConnection(pool, config.databaseUrl);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { mode: 'external', pool, close: () => pool.end() };
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  const pool = createPool(embedded.url, { max: 4, tuneSessions: false });
  await checkConnection(pool, embedded.url);
  return {
    mode: 'embedded',
    pool,
    async close() {
      await pool.end();
      await embedded.stop();
    },
  };
}
