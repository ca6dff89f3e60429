// Latency and throughput helpers for the benchmarks.
export function percentile(sortedMs: readonly number[], p: number): number {
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i]!;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs `once` for each input in turn (one in flight) after `warmup` untimed runs. */
export async function timeEach<T>(inputs: readonly T[], once: (input: T) => Promise<unknown>, warmup = 20) {
  for (const input of inputs.slice(0, warmup)) await once(input);
  const ms: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await once(input);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return {
    n: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  } as Latency;
}

/** Requests per second with `concurrency` requests in flight for `seconds`. */
export async function throughput(
  once: (i: number) => Promise<unknown>,
  concurrency: number,
  seconds: number,
) {
  let done = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once(next++);
        done++;
      }
    }),
  );
  return done / seconds;
}

/**
 * Times two ways of doing the same work on each input, alternating which goes first, so cache warmth and
 * background noise fall on both alike.
 */
export async function timePaired<T>(
  inputs: readonly T[],
  a: (input: T) => Promise<unknown>,
  b: (input: T) => Promise<unknown>,
  warmup = 20,
): Promise<[Latency, Latency]> {
  for (const input of inputs.slice(0, warmup)) await Promise.all([a(input), b(input)]);
  const msA: number[] = [];
  const msB: number[] = [];
  for (const [i, input] of inputs.entries()) {
    const order = i % 2 === 0 ? ([a, msA, b, msB] as const) : ([b, msB, a, msA] as const);
    for (const [run, out] of [
      [order[0], order[1]],
      [order[2], order[3]],
    ] as const) {
      const t = performance.now();
      await run(input);
      out.push(performance.now() - t);
    }
  }
  return [summarize(msA), summarize(msB)];
}

function summarize(ms: number[]): Latency {
  ms.sort((x, y) => x - y);
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
}
