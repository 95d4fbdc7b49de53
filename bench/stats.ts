/** Summary statistics of repeated timings (milliseconds). */
export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
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
export async function samplesOf(runs: number, fn: () => unknown, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export async function time(runs: number, fn: () => unknown, warmup = 2): Promise<Timing> {
  return summarize(await samplesOf(runs, fn, warmup));
}
