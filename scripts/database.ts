// Opens the database the config names: DATABASE_URL, or the embedded PGlite + PostGIS in DATA_DIR.
import type { Config } from '../api/src/config.ts';
import type { ServerDatabase } from '../api/src/main.ts';
import { checkConnection, createPool } from '../api/src/store/db.ts';
import { findRunningEmbedded, startEmbeddedDatabase } from '../api/src/store/embedded.ts';

/** `pool` also migrates and seeds. */
export interface OpenDatabase extends ServerDatabase {
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
    const apiPool = createPool(config.databaseUrl, { statementTimeoutMs: config.apiStatementTimeoutMs });
    return {
      mode: 'external',
      pool,
      apiPool,
      close: async () => {
        await Promise.all([pool.end(), apiPool.end()]);
      },
    };
  }
  // A running `npm start` holds the embedded database; a command beside it joins it over its socket.
  const running = findRunningEmbedded(config.dataDir);
  if (running) {
    const pool = createPool(running, { max: 2, tuneSessions: false, unnamedStatements: true });
    await checkConnection(pool, running, 'the running embedded database');
    return { mode: 'embedded', pool, apiPool: pool, close: () => pool.end() };
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  const pool = createPool(embedded.url, { max: 4, tuneSessions: false, unnamedStatements: true });
  await checkConnection(pool, embedded.url);
  const apiPool = createPool(embedded.url, {
    max: 4,
    tuneSessions: false,
    unnamedStatements: true,
    statementTimeoutMs: config.apiStatementTimeoutMs,
  });
  return {
    mode: 'embedded',
    pool,
    apiPool,
    async close() {
      await Promise.all([pool.end(), apiPool.end()]);
      await embedded.stop();
    },
  };
}
