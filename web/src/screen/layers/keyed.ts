// Updates a keyed set of drawn things in place from a new list: adds new keys, updates kept ones, removes gone ones.

export interface KeyedSync<T, V> {
  key: (item: T) => string;
  add: (item: T) => V;
  update: (drawn: V, item: T) => void;
  remove: (drawn: V) => void;
}

/** Brings `drawn` in line with `items` (by key; a repeated key keeps the first item). */
export function syncKeyed<T, V>(drawn: Map<string, V>, items: readonly T[], sync: KeyedSync<T, V>): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = sync.key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    const existing = drawn.get(k);
    if (existing === undefined) drawn.set(k, sync.add(item));
    else sync.update(existing, item);
  }
  for (const [k, v] of drawn) {
    if (!seen.has(k)) {
      sync.remove(v);
      drawn.delete(k);
    }
  }
}
