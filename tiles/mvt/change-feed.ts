// Keeps the tile cache in step with the map change log (map_changes, written by triggers): before a tile is
// served from the cache, the changes logged since the last look are applied, looking at most every pollMs
// (so a cached tile is at most pollMs behind the data). Concurrent requests share one look.
import type { Queryable } from '../tile-sql.ts';
import { findChangesSince, findLatestChangeId, pruneChanges } from './mvt.repo.ts';
import type { TileCache } from './tile-cache.ts';

export interface ChangeFeedOptions {
  pollMs: number;
  /** How often old changes are pruned from the log. */
  pruneMs: number;
  now?: () => number;
}

export class ChangeFeed {
  private started: Promise<void> | null = null;
  private looking: Promise<void> | null = null;
  private lastLook = Number.NEGATIVE_INFINITY;
  private lastPrune: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Queryable,
    private readonly cache: TileCache,
    private readonly options: ChangeFeedOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.lastPrune = this.now();
  }

  /** Applies the changes logged since the last look, when that look is older than pollMs. */
  async sync(): Promise<void> {
    if (!this.started) {
      const start = this.now();
      this.started = findLatestChangeId(this.db).then((id) => {
        this.cache.startAt(id);
        this.lastLook = start;
      });
      this.started.catch(() => {
        this.started = null; // try again on the next request
      });
    }
    await this.started;
    if (this.now() - this.lastLook < this.options.pollMs) return;
    this.looking ??= this.look().finally(() => {
      this.looking = null;
    });
    await this.looking;
  }

  private async look(): Promise<void> {
    const start = this.now();
    for (;;) {
      const changes = await findChangesSince(this.db, this.cache.lastChangeId);
      this.cache.apply(changes, this.now());
      if (changes.length < 10_000) break;
    }
    this.lastLook = start;
    if (start - this.lastPrune > this.options.pruneMs) {
      this.lastPrune = start;
      await pruneChanges(this.db);
    }
  }
}
