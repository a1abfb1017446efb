/** Timing helpers for the bench: a monotonic clock, warm-up, and order statistics. */

/** Milliseconds from the monotonic high-resolution clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Samples {
  /** Each run's time in milliseconds, sorted ascending. */
  sorted: number[];
  median: number;
  p95: number;
  min: number;
  runs: number;
  /**
   * Median CPU time of the process per run (user + system), when measured.
   * Less disturbed than wall time when other processes compete for the CPUs.
   */
  cpuMedian?: number;
}

/** The q-quantile (0..1) of sorted values, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(times: readonly number[]): Samples {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    sorted,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? NaN,
    runs: sorted.length,
  };
}

export interface MeasureOptions {
  /** Runs before timing starts (JIT, inline caches, compiled rules). */
  warmup?: number;
  /** At least this many timed runs... */
  minRuns?: number;
  /** ...at most this many... */
  maxRuns?: number;
  /** ...and stop adding runs once this much time was spent (after minRuns). */
  budgetMs?: number;
}

/** Time fn() run by run, after warm-up. The result of fn is kept so the work is not optimised away. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Samples {
  const { warmup = 5, minRuns = 10, maxRuns = 200, budgetMs = 1500 } = options;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  const start = nowMs();
  while (times.length < maxRuns) {
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    sink = fn();
    const t1 = nowMs();
    const c = process.cpuUsage(c0);
    times.push(t1 - t0);
    cpu.push((c.user + c.system) / 1000);
    if (times.length >= minRuns && nowMs() - start > budgetMs) break;
  }
  keep(sink);
  return { ...summarize(times), cpuMedian: summarize(cpu).median };
}

let kept: unknown;
/** Hold on to a value so the engine cannot treat the measured call as dead code. */
export function keep(value: unknown): void {
  kept = value;
}
export function lastKept(): unknown {
  return kept;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Megabytes (10^6 bytes) per second. */
export function mbPerSecond(bytes: number, ms: number): number {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : NaN;
}
