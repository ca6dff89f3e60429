// In-place keyed updates (alert markers, waterlogging points).
import { describe, expect, it } from 'vitest';
import { syncKeyed } from './keyed.ts';

describe('syncKeyed', () => {
  it('adds, updates in place and removes by key', () => {
    const log: string[] = [];
    const drawn = new Map<string, { v: number }>();
    const sync = {
      key: (i: { k: string; v: number }) => i.k,
      add: (i: { k: string; v: number }) => {
        log.push(`add ${i.k}`);
        return { v: i.v };
      },
      update: (d: { v: number }, i: { k: string; v: number }) => {
        log.push(`update ${i.k}`);
        d.v = i.v;
      },
      remove: (d: { v: number }) => log.push(`remove ${d.v}`),
    };
    syncKeyed(
      drawn,
      [
        { k: 'a', v: 1 },
        { k: 'b', v: 2 },
      ],
      sync,
    );
    const a = drawn.get('a');
    syncKeyed(
      drawn,
      [
        { k: 'a', v: 10 },
        { k: 'c', v: 3 },
        { k: 'c', v: 4 },
      ],
      sync,
    );
    expect(log).toEqual(['add a', 'add b', 'update a', 'add c', 'remove 2']);
    expect(drawn.get('a')).toBe(a);
    expect([...drawn.entries()]).toEqual([
      ['a', { v: 10 }],
      ['c', { v: 3 }],
    ]);
  });
});
