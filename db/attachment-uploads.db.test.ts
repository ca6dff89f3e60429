// Migration 0016 records who uploaded each attachment stored before it, from attachments.created_by.
import fs from 'node:fs';
import { runner } from 'node-pg-migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../api/src/config.ts';
import { createPool } from '../api/src/store/db.ts';
import { MIGRATIONS_TABLE } from '../api/src/store/migrate.ts';
import { createScratchDatabase } from '../scripts/test/test-database.ts';

const MIGRATION = '0016_attachment_uploads';

describe(`migration ${MIGRATION}`, () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(async () => scratch?.drop());

  it('backfills the first uploader: a user or token by id, other names as the public or the system', async () => {
    const pool = createPool(scratch.url);
    const dir = loadConfig({}).migrationsDir;
    const before = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .indexOf(`${MIGRATION}.sql`);
    expect(before).toBeGreaterThan(0);
    const up = async (count: number) => {
      const client = await pool.connect();
      try {
        await runner({
          dbClient: client,
          dir,
          migrationsTable: MIGRATIONS_TABLE,
          direction: 'up',
          count,
          checkOrder: true,
          singleTransaction: true,
          log: () => undefined,
        });
      } finally {
        client.release();
      }
    };
    try {
      await up(before);
      const hash = (n: number) => String(n).repeat(64);
      await pool.query(
        `INSERT INTO users (username, display_name, role, password_hash)
         VALUES ('futian.duty', '福田值班员', 'duty_officer', 'x')`,
      );
      await pool.query(
        `INSERT INTO api_tokens (name, prefix, secret_hash, role, created_by, expires_at)
         VALUES ('sensor-gw', 'abc', '\\x01', 'api_client', 'admin', now() + interval '1 day'),
                ('sensor-gw', 'def', '\\x02', 'api_client', 'admin', now() + interval '1 day')`,
      );
      await pool.query(
        `INSERT INTO attachments (hash, mime, size_bytes, created_by, created_at) VALUES
           ($1, 'image/png', 10, 'futian.duty', '2026-01-01T00:00:00Z'),
           ($2, 'image/png', 10, 'token:sensor-gw', '2026-01-02T00:00:00Z'),
           ($3, 'image/jpeg', 10, 'citizen', '2026-01-03T00:00:00Z'),
           ($4, 'image/png', 10, 'npm start (demo)', '2026-01-04T00:00:00Z'),
           ($5, 'image/png', 10, 'someone.gone', '2026-01-05T00:00:00Z')`,
        [1, 2, 3, 4, 5].map(hash),
      );
      await up(Number.POSITIVE_INFINITY);
      const { rows } = await pool.query(
        `SELECT left(u.hash, 1) AS file, u.actor_kind, u.actor_id, u.actor_name, u.uploaded_at = a.created_at AS at
         FROM attachment_uploads u JOIN attachments a USING (hash) ORDER BY 1, 3`,
      );
      const { rows: ids } = await pool.query(
        `SELECT (SELECT id FROM users WHERE username = 'futian.duty') AS user_id,
                (SELECT array_agg(id ORDER BY id) FROM api_tokens) AS token_ids`,
      );
      const [{ user_id: userId, token_ids: tokenIds }] = ids;
      expect(rows).toEqual([
        { file: '1', actor_kind: 'user', actor_id: userId, actor_name: 'futian.duty', at: true },
        { file: '2', actor_kind: 'token', actor_id: tokenIds[0], actor_name: 'token:sensor-gw', at: true },
        { file: '2', actor_kind: 'token', actor_id: tokenIds[1], actor_name: 'token:sensor-gw', at: true },
        { file: '3', actor_kind: 'public', actor_id: null, actor_name: 'citizen', at: true },
        { file: '4', actor_kind: 'system', actor_id: null, actor_name: 'npm start (demo)', at: true },
        { file: '5', actor_kind: 'system', actor_id: null, actor_name: 'someone.gone', at: true },
      ]);
    } finally {
      await pool.end();
    }
  });
});
