// One PGlite session serves every pglite-socket connection. pglite-socket queues single protocol messages, so
// the Parse/Bind/Execute/Sync of two connections interleave ("portal does not exist", "bind message supplies
// 3 parameters…") and outside a transaction nothing keeps them apart. This queue gives the session to one
// connection from its first message until PGlite answers ReadyForQuery with status idle: a whole
// extended-protocol cycle, or a whole transaction, runs before another connection's messages are taken.
// It replaces the server's own queue (same four methods, pinned pglite-socket 0.2.11).
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** ReadyForQuery is 'Z', int32 length 5, then the transaction status: I idle, T in a block, E failed block. */
const READY_FOR_QUERY = [0x5a, 0, 0, 0, 5] as const;
const IDLE = 0x49;
/** Sync: ends an extended-protocol cycle (and the skipping after an error in it). */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
/** Terminate: a client saying goodbye; the shared session must not end with it. */
const TERMINATE = 0x58;

/** True when the bytes end with a ReadyForQuery that says the session is idle (no transaction open). */
export function endsIdle(tail: Uint8Array): boolean {
  if (tail.length < 6) return false;
  const start = tail.length - 6;
  return READY_FOR_QUERY.every((b, i) => tail[start + i] === b) && tail[start + 5] === IDLE;
}

/** The last six bytes of `previous` followed by `chunk`, copied (chunks may be views into PGlite's memory). */
export function keepTail(previous: Uint8Array, chunk: Uint8Array): Uint8Array {
  const joined = new Uint8Array(previous.length + Math.min(chunk.length, 6));
  joined.set(previous);
  joined.set(chunk.subarray(Math.max(0, chunk.length - 6)), previous.length);
  return joined.slice(Math.max(0, joined.length - 6));
}

export class SessionLockQueue {
  private readonly queue: Pending[] = [];
  /** The connection that holds the session, or null when it is idle. */
  private owner: number | null = null;
  private processing = false;
  private ownedSince = 0;
  private stallTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: PGlite,
    private readonly warn: (message: string) => void = (m) => process.stderr.write(`warning: ${m}\n`),
    private readonly stallMs = 30_000,
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i]!;
      if (item.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      item.reject(new Error('connection closed'));
    }
  }

  /**
   * A connection went away while it held the session: end the protocol cycle it may have left half-sent (a
   * Parse/Bind without its Sync would make the next connection's messages be skipped), roll back what it
   * left open, and hand the session on — whatever fails on the way.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } catch (error) {
      this.warn(
        `embedded database: cleaning up after connection #${handlerId} failed: ${(error as Error).message}`,
      );
    } finally {
      this.release();
      void this.process();
    }
  }

  private take(): Pending | undefined {
    const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  private release(): void {
    this.owner = null;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.take(); item; item = this.take()) {
        if (item.message[0] === TERMINATE && item.message.length === 5) {
          item.resolve(0); // the socket closes next; its close hands the session on
          continue;
        }
        if (this.owner === null) this.acquire(item.handlerId);
        let bytes = 0;
        let tail: Uint8Array = new Uint8Array(0);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                tail = keepTail(tail, data);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        if (endsIdle(tail)) this.release();
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  private acquire(handlerId: number): void {
    this.owner = handlerId;
    this.ownedSince = Date.now();
    // A connection that holds the session and sends nothing while others wait is a bug worth naming (e.g. code
    // that waits, inside a transaction, for a query on another connection: that would wait forever here).
    this.stallTimer = setTimeout(() => {
      if (this.owner === handlerId && this.queue.length > 0)
        this.warn(
          `embedded database: connection #${handlerId} has held the session for ${Date.now() - this.ownedSince} ms while ${this.queue.length} messages wait`,
        );
    }, this.stallMs);
    this.stallTimer.unref();
  }
}

/** Puts the session lock in front of a pglite-socket server; call before `start()`. */
export function installSessionLock(server: PGLiteSocketServer, db: PGlite): SessionLockQueue {
  const queue = new SessionLockQueue(db);
  const internals = server as unknown as { queryQueue: unknown };
  if (!('queryQueue' in internals)) {
    throw new Error('pglite-socket changed: PGLiteSocketServer has no queryQueue to replace');
  }
  internals.queryQueue = queue;
  return queue;
}
