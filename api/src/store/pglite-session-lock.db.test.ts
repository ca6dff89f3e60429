// The embedded database under concurrent connections: many pools firing parameterised statements and
// transactions at once through pglite-socket get the right answers, with no protocol errors, and a connection
// that dies inside a transaction does not keep the session.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, withTransaction } from './db.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded.ts';
import { endsIdle } from './pglite-session-lock.ts';

let embedded: EmbeddedDatabase;
let dir: string;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  embedded = await startEmbeddedDatabase(dir);
  for (let i = 0; i < 2; i++)
    pools.push(createPool(embedded.url, { max: 5, tuneSessions: false, unnamedStatements: true }));
  await pools[0]!.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
  await pools[0]!.query('INSERT INTO counter VALUES (1, 0)');
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await embedded?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database under concurrent connections', () => {
  it('answers 20 parallel statements and transactions of mixed kinds, ten times over, all correctly', async () => {
    const errors: string[] = [];
    let committed = 0;
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const pool = pools[i % 2]!;
          try {
            if (i % 4 === 0) {
              await withTransaction(pool, async (tx) => {
                const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = $1', [1]);
                await tx.query('UPDATE counter SET n = $2 WHERE id = $1', [1, rows[0]!.n + 1]);
              });
              committed++;
            } else if (i % 4 === 1) {
              // A transaction that fails half-way rolls back and leaves the session to the others.
              await withTransaction(pool, async (tx) => {
                await tx.query('UPDATE counter SET n = n + 1000 WHERE id = $1', [1]);
                await tx.query('SELECT 1 / $1::int', [0]);
              }).catch((e: Error) => expect(e.message).toMatch(/division by zero/));
            } else {
              const { rows } = await pool.query<{ s: number; t: string }>(
                'SELECT $1::int + $2::int AS s, $3::text AS t',
                [i, round, `r${round}`],
              );
              expect(rows[0]).toEqual({ s: i + round, t: `r${round}` });
            }
          } catch (error) {
            errors.push((error as Error).message);
          }
        }),
      );
    }
    expect(errors).toEqual([]);
    // Every committed increment counted once, no failed one leaked: transactions did not interleave.
    const { rows } = await pools[0]!.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
    expect(rows[0]!.n).toBe(committed);
  });

  it('rolls back and hands on the session when a connection dies inside a transaction', async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    client.on('error', () => undefined); // its socket is cut below
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE counter SET n = -1 WHERE id = 1');
    const waiting = pools[1]!.query<{ n: number }>('SELECT n FROM counter WHERE id = $1', [1]);
    client.connection.stream.destroy();
    const { rows } = await waiting;
    expect(rows[0]!.n).toBeGreaterThanOrEqual(0);
  }, 15_000);
});

describe('ReadyForQuery detection', () => {
  it('releases only on an idle ReadyForQuery at the end of the bytes', () => {
    const rfq = (status: string) => new Uint8Array([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
    expect(endsIdle(rfq('I'))).toBe(true);
    expect(endsIdle(rfq('T'))).toBe(false);
    expect(endsIdle(rfq('E'))).toBe(false);
    expect(endsIdle(new Uint8Array([0x32, 0, 0, 0, 4]))).toBe(false); // BindComplete
  });
});
