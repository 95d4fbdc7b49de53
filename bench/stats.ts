/** Summary statistics of repeated timings (milliseconds). */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** Median CPU time of this process per run, ms: less sensitive than wall time to other load on the machine. */
  readonly cpuMedian?: number;
}

export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('No samples to summarize');
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { median: round(median), min: round(s[0]!), max: round(s[s.length - 1]!), runs: s.length };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the samples (ms). */
export async function samplesOf(
  runs: number,
  fn: () => unknown,
  warmup = 2,
): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall, cpu };
}

/** Wall-time summary of samples, with the median CPU time. */
export function summarizeRuns(s: { wall: readonly number[]; cpu: readonly number[] }): Timing {
  return { ...summarize(s.wall), cpuMedian: summarize(s.cpu).median };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export async function time(runs: number, fn: () => unknown, warmup = 2): Promise<Timing> {
  return summarizeRuns(await samplesOf(runs, fn, warmup));
}
