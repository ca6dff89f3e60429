// Scheduled work of an API process (alert rules, 督办 of overdue cases): run now and then every interval,
// never two runs at once, events of a run handed to the live bus, failures logged and retried next time.
export function runPeriodically(
  what: string,
  work: () => Promise<number[]>,
  onEvents: (ids: number[]) => void,
  log: (line: string) => void,
  intervalMs: number,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const ids = await work();
      if (ids.length) onEvents(ids);
    } catch (error) {
      log(`warning: ${what} failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
