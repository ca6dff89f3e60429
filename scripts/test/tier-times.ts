// A vitest reporter beside the default one, for scripts/test.ts: each project's wall time (its first file's
// start to its last file's end) and the start-up before the first file (the integration template), written
// as JSON to the file TIER_TIMES_FILE names.
import fs from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export interface TierTimes {
  /** From vitest's start to the first file's start: config, global setup (the template database). */
  startupMs: number;
  /** Per project: first file's start to last file's end. */
  projects: Record<string, number>;
}

export default class TierTimesReporter implements Reporter {
  private readonly began = performance.now();
  private firstStart = Number.POSITIVE_INFINITY;
  private readonly spans = new Map<string, { start: number; end: number }>();

  onTestModuleStart(module: TestModule): void {
    const now = performance.now();
    this.firstStart = Math.min(this.firstStart, now);
    const span = this.spans.get(module.project.name);
    if (span) span.start = Math.min(span.start, now);
    else this.spans.set(module.project.name, { start: now, end: now });
  }

  onTestModuleEnd(module: TestModule): void {
    const span = this.spans.get(module.project.name);
    if (span) span.end = Math.max(span.end, performance.now());
  }

  onTestRunEnd(): void {
    const file = process.env.TIER_TIMES_FILE;
    if (!file) return;
    const times: TierTimes = {
      startupMs: Number.isFinite(this.firstStart) ? this.firstStart - this.began : 0,
      projects: Object.fromEntries([...this.spans].map(([name, s]) => [name, s.end - s.start])),
    };
    fs.writeFileSync(file, JSON.stringify(times));
  }
}
