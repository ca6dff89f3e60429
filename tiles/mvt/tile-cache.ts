// The vector-tile server's memory cache. Pure: an LRU of encoded tiles bounded by bytes and age, from which
// map changes (their layer and extent) drop every tile they overlap. A tile whose SQL ran while a change it
// overlaps was being applied is not cached, so a cached tile is never older than the changes seen since.

export type Bounds = readonly [west: number, south: number, east: number, north: number];

export interface MapChange {
  id: number;
  layer: string;
  bounds: Bounds;
}

export interface CachedTile {
  /** The MVT bytes (empty for a tile without features). */
  body: Uint8Array;
  etag: string;
  /** The gzip'd bytes, made on the first request that accepts gzip. */
  gzip?: Uint8Array;
}

interface Entry {
  tile: CachedTile;
  layer: string;
  bounds: Bounds;
  createdAt: number;
  bytes: number;
}

export interface TileCacheOptions {
  maxBytes: number;
  /** Entries older than this are dropped (map_changes keeps an hour, far longer). */
  maxAgeMs: number;
  /** How long applied changes are remembered, to vet tiles whose SQL was running meanwhile. */
  recentMs: number;
}

export const intersects = (a: Bounds, b: Bounds) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export class TileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byLayer = new Map<string, Set<string>>();
  private readonly recent: { change: MapChange; appliedAt: number }[] = [];
  /** The highest change id forgotten from `recent`: tiles begun before it cannot be vetted. */
  private forgottenUpTo = 0;
  private bytes = 0;
  /** The highest change id applied. */
  lastChangeId = 0;

  constructor(private readonly options: TileCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(key: string, now: number): CachedTile | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.createdAt > this.options.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.tile;
  }

  /**
   * Caches a tile whose SQL began when `startedAfter` was the last applied change id. Refused (false) when a
   * change applied since then overlaps it, or when such changes can no longer be checked.
   */
  set(
    key: string,
    layer: string,
    bounds: Bounds,
    tile: CachedTile,
    startedAfter: number,
    now: number,
  ): boolean {
    if (startedAfter < this.forgottenUpTo) return false;
    for (const { change } of this.recent) {
      if (change.id > startedAfter && change.layer === layer && intersects(change.bounds, bounds))
        return false;
    }
    this.delete(key);
    const bytes = tile.body.byteLength + key.length * 2 + 200;
    this.entries.set(key, { tile, layer, bounds, createdAt: now, bytes });
    const keys = this.byLayer.get(layer) ?? new Set<string>();
    this.byLayer.set(layer, keys);
    keys.add(key);
    this.bytes += bytes;
    this.evictOverBudget();
    return true;
  }

  /** Remembers the gzip'd form of a cached tile (its bytes count against the budget). */
  addGzip(key: string, gzip: Uint8Array): void {
    const entry = this.entries.get(key);
    if (!entry || entry.tile.gzip) return;
    entry.tile.gzip = gzip;
    entry.bytes += gzip.byteLength;
    this.bytes += gzip.byteLength;
    this.evictOverBudget();
  }

  /** Drops every cached tile the changes overlap, and remembers them for tiles being made meanwhile. */
  apply(changes: readonly MapChange[], now: number): number {
    let dropped = 0;
    for (const change of changes) {
      if (change.id <= this.lastChangeId) continue;
      for (const key of this.byLayer.get(change.layer) ?? []) {
        const entry = this.entries.get(key);
        if (entry && intersects(entry.bounds, change.bounds)) {
          this.delete(key);
          dropped++;
        }
      }
      this.recent.push({ change, appliedAt: now });
      this.lastChangeId = change.id;
    }
    while (this.recent.length > 0 && now - this.recent[0]!.appliedAt > this.options.recentMs) {
      this.forgottenUpTo = this.recent.shift()!.change.id;
    }
    return dropped;
  }

  /** Starts from a change id without any history (at start: nothing is cached yet). */
  startAt(changeId: number): void {
    this.lastChangeId = Math.max(this.lastChangeId, changeId);
    this.forgottenUpTo = Math.max(this.forgottenUpTo, changeId);
  }

  clear(): void {
    this.entries.clear();
    this.byLayer.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.byLayer.get(entry.layer)?.delete(key);
    this.bytes -= entry.bytes;
  }

  private evictOverBudget(): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(key);
    }
  }
}
