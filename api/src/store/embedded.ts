// The embedded database for `npm start` without DATABASE_URL: PGlite + PostGIS persisted in a local folder,
// served on a loopback port by pglite-socket so the app's pg code is the same as with a real server.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readRunningNote, writeRunningNote } from '../running-note.ts';
import { StartupError } from '../startup-error.ts';
import { installSessionLock } from './pglite-session-lock.ts';

/** While `npm start` runs the embedded database, this file in DATA_DIR says where (for `npm run user`, …). */
const RUNNING_FILE = 'embedded-server.json';

/** The URL of the embedded database another process of this checkout is serving, if one is. */
export function findRunningEmbedded(dataDir: string): string | null {
  return readRunningNote(dataDir, RUNNING_FILE);
}

export interface EmbeddedDatabase {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: dir, extensions: { postgis, pg_trgm } });
  } catch (cause) {
    throw new StartupError(
      `cannot open the embedded database in ${dir}`,
      'another `npm start` may be using it; stop it, or set DATA_DIR to another folder',
      { cause },
    );
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 12 });
  // One session behind every socket: each connection holds it for a whole protocol cycle or transaction.
  installSessionLock(server, db);
  await server.start();
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  const url = `postgresql://postgres@127.0.0.1:${address.port}/postgres?sslmode=disable`;
  const forget = writeRunningNote(dataDir, RUNNING_FILE, url);
  return {
    url,
    dataDir: dir,
    async stop() {
      forget();
      await server.stop();
      await db.close();
    },
  };
}
