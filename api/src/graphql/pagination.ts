// Cursor pagination shared by the connections: page size limits and opaque keyset cursors.
import { DomainError } from '../domain-error.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './builder.ts';

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0)
    throw new DomainError('INVALID_INPUT', '"first" must be a whole number ≥ 0');
  if (n > MAX_PAGE_SIZE) {
    throw new DomainError('LIMIT_EXCEEDED', `"first" may be at most ${MAX_PAGE_SIZE}; page with "after"`);
  }
  return n;
}

export function encodeCursor(kind: string, key: string | number): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

/** The key inside a cursor made by encodeCursor(kind, …), or null when there is no cursor. */
export function decodeCursor(kind: string, cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`)) throw new DomainError('INVALID_INPUT', `"after" is not a ${kind} cursor`);
  return text.slice(kind.length + 1);
}

export function decodeNumberCursor(kind: string, cursor: string | null | undefined): number {
  const key = decodeCursor(kind, cursor);
  if (key === null) return 0;
  const n = /^\d{1,16}$/.test(key) ? Number(key) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new DomainError('INVALID_INPUT', `"after" is not a ${kind} cursor`);
  return n;
}

/** A Relay connection from one fetched page of at most `limit + 1` rows (the extra row means "more"). */
export function toConnection<T>(
  rows: readonly T[],
  limit: number,
  cursorOf: (row: T) => string,
  hasPreviousPage: boolean,
  totalCount: number | (() => Promise<number>),
) {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
