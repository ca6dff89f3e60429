// Looks for cases past their stage deadline every interval and urges them (督办); the events go out live.
import type pg from 'pg';
import { superviseOverdueCases } from './case.service.ts';

export function startCaseScheduler(
  deps: { pool: pg.Pool; onEvents: (ids: number[]) => void; log: (line: string) => void },
  intervalMs: number,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const ids = await superviseOverdueCases(deps.pool);
      if (ids.length) deps.onEvents(ids);
    } catch (error) {
      deps.log(`warning: looking for overdue cases failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
