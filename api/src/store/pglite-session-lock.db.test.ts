// The embedded database under concurrent connections: many pools firing parameterised statements and
// transactions at once through pglite-socket get the right answers, with no protocol errors, and a connection
// that dies inside a transaction does not keep the session.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, withTransaction } from './db.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded.ts';
import { endsIdle, keepTail } from './pglite-session-lock.ts';

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

  it('ends the half-sent cycle of a connection that dies before its Sync, so the next one is answered', async () => {
    // A raw client: startup, then Parse + Bind of a statement with no Sync, then the socket is cut.
    const { port } = new URL(embedded.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // The server's messages as they arrive, by type; a test waits for the one it needs.
    let received = Buffer.alloc(0);
    const types = () => {
      const seen: string[] = [];
      for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1))
        seen.push(String.fromCharCode(received[at]!));
      return seen;
    };
    let onData = () => {};
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      onData();
    });
    const answered = (type: string) =>
      new Promise<void>((resolve) => {
        onData = () => types().includes(type) && resolve();
        onData();
      });
    const message = (type: string, body: Buffer) => {
      const head = Buffer.alloc(5);
      head.write(type, 0, 'latin1');
      head.writeInt32BE(body.length + 4, 1);
      return Buffer.concat([head, body]);
    };
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0', 'latin1');
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, params]));
    await answered('Z'); // ReadyForQuery after the startup
    const parse = message('P', Buffer.from('\0SELECT 1/0\0\0\0', 'latin1'));
    const bind = message('B', Buffer.from('\0\0\0\0\0\0\0\0', 'latin1'));
    const execute = message('E', Buffer.from('\0\0\0\0\0', 'latin1'));
    socket.write(Buffer.concat([parse, bind, execute])); // an error, and no Sync: the session skips until one
    await answered('E'); // the division by zero
    socket.destroy();
    const { rows } = await pools[1]!.query<{ v: number }>('SELECT $1::int AS v', [7]);
    expect(rows[0]!.v).toBe(7);
  }, 15_000);

  it('rolls back and hands on the session when a connection dies inside a transaction', async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    client.on('error', () => undefined); // its socket is cut below
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE counter SET n = -1 WHERE id = 1');
    const waiting = pools[1]!.query<{ n: number }>('SELECT n FROM counter WHERE id = $1', [1]);
    client.connection.stream.destroy();
    const { rows } = await waiting;
    expect(rows[0]!.n).not.toBe(-1); // the dead connection's update was rolled back
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

  it('finds a ReadyForQuery split across chunks, and keeps a copy of the bytes', () => {
    const whole = [
      0x43, 0, 0, 0, 13, 0x53, 0x45, 0x4c, 0x45, 0x43, 0x54, 0x20, 0x31, 0, 0x5a, 0, 0, 0, 5, 0x49,
    ];
    for (let cut = 0; cut <= whole.length; cut++) {
      const first = new Uint8Array(whole.slice(0, cut));
      const second = new Uint8Array(whole.slice(cut));
      const tail = keepTail(keepTail(new Uint8Array(0), first), second);
      expect([cut, endsIdle(tail)]).toEqual([cut, true]);
      second.fill(0); // the chunk's memory reused: the tail must not change
      expect(endsIdle(tail)).toBe(true);
    }
  });
});
