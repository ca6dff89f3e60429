import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import type { ErrorCode } from '../domain-error.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './builder.ts';
import { decodeCursor, decodeNumberCursor, encodeCursor, pageSize, toConnection } from './pagination.ts';

describe('pageSize', () => {
  it.each([
    [null, DEFAULT_PAGE_SIZE],
    [undefined, DEFAULT_PAGE_SIZE],
    [0, 0],
    [1, 1],
    [MAX_PAGE_SIZE, MAX_PAGE_SIZE],
  ])('first = %s → %i', (first, expected) => {
    expect(pageSize(first)).toBe(expected);
  });

  it.each<[number, ErrorCode, RegExp]>([
    [-1, 'INVALID_INPUT', /"first" must be a whole number ≥ 0/],
    [2.5, 'INVALID_INPUT', /whole number/],
    [Number.NaN, 'INVALID_INPUT', /whole number/],
    [
      MAX_PAGE_SIZE + 1,
      'LIMIT_EXCEEDED',
      new RegExp(`"first" may be at most ${MAX_PAGE_SIZE}; page with "after"`),
    ],
  ])('rejects first = %s', (first, code, message) => {
    const error = thrown(() => pageSize(first));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('cursors', () => {
  it.each<[string, string | number]>([
    ['asset', 42],
    ['asset', 0],
    ['area', '440304'],
    ['device', 'a:b:c'],
    ['area', '福田区'],
  ])('round-trips a %s cursor with key %j', (kind, key) => {
    const cursor = encodeCursor(kind, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(kind, cursor)).toBe(String(key));
  });

  it.each([0, 1, 42, Number.MAX_SAFE_INTEGER])('round-trips the number cursor %i', (key) => {
    expect(decodeNumberCursor('asset', encodeCursor('asset', key))).toBe(key);
  });

  it.each([null, undefined])('reads no cursor (%s) as null, or 0 for number cursors', (cursor) => {
    expect(decodeCursor('asset', cursor)).toBeNull();
    expect(decodeNumberCursor('asset', cursor)).toBe(0);
  });

  it.each([
    ['a cursor of another kind', () => decodeCursor('asset', encodeCursor('device', 1))],
    ['a cursor of a kind with the same prefix', () => decodeCursor('asset', encodeCursor('assets', 1))],
    ['garbage', () => decodeCursor('asset', 'not a cursor!')],
    ['a number cursor of another kind', () => decodeNumberCursor('asset', encodeCursor('device', 1))],
    ['a number cursor with a text key', () => decodeNumberCursor('asset', encodeCursor('asset', 'abc'))],
    ['a number cursor with a negative key', () => decodeNumberCursor('asset', encodeCursor('asset', -1))],
    ['a number cursor with a fractional key', () => decodeNumberCursor('asset', encodeCursor('asset', 1.5))],
    [
      'a number cursor beyond 2^53',
      () => decodeNumberCursor('asset', encodeCursor('asset', '9007199254740993')),
    ],
  ])('rejects %s', (_name, decode) => {
    const error = thrown(decode);
    expect(error.code).toBe<ErrorCode>('INVALID_INPUT');
    expect(error.message).toBe('"after" is not a asset cursor');
  });
});

describe('toConnection', () => {
  const cursorOf = (n: number) => `c${n}`;

  it.each<[string, number[], number, boolean, number[]]>([
    ['limit + 1 rows: one more page', [1, 2, 3, 4], 3, true, [1, 2, 3]],
    ['exactly limit rows: the last page', [1, 2, 3], 3, false, [1, 2, 3]],
    ['fewer rows than limit', [1], 3, false, [1]],
    ['no rows', [], 3, false, []],
    ['limit 0 with a row behind it', [1], 0, true, []],
  ])('%s', (_name, rows, limit, hasNextPage, nodes) => {
    const connection = toConnection(rows, limit, cursorOf, false, 7);
    expect(connection.edges).toEqual(nodes.map((node) => ({ node, cursor: cursorOf(node) })));
    expect(connection.pageInfo).toEqual({
      hasNextPage,
      hasPreviousPage: false,
      startCursor: nodes.length ? cursorOf(nodes[0]!) : null,
      endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null,
    });
    expect(connection.totalCount).toBe(7);
  });

  it('passes hasPreviousPage and a lazy totalCount through untouched', () => {
    const totalCount = async () => 99;
    const connection = toConnection([1, 2], 5, cursorOf, true, totalCount);
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
    expect(connection.totalCount).toBe(totalCount);
  });
});
