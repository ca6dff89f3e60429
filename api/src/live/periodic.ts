// Scheduled work of an API process (alert rules, 督办 of overdue cases): run now and then every interval,
// never two runs at once, failures logged and retried next time. The work publishes its own events.
export function runPeriodically(
  what: string,
  work: () => Promise<unknown>,
  log: (line: string) => void,
  intervalMs: number,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await work();
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
