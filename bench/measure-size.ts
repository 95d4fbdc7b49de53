/** Every measurement of one dataset size. */
import { buildScoringFeatures } from '../src/engine/kernel/build-features';
import { encodeFeatures, kernelColumnBytes, type KernelColumns } from '../src/engine/kernel/kernel-columns';
import { singleWeightRecompute, type KernelState } from '../src/engine/kernel/incremental';
import { allocateScoreCache, fullRecompute, kernelTables, type KernelAggregates, type ScoreCache } from '../src/engine/kernel/recompute';
import { buildThresholdIndex, recountFromCache, thresholdRecompute } from '../src/engine/kernel/threshold';
import { DEFAULT_KERNEL_THRESHOLDS, DEFAULT_KERNEL_WEIGHTS, type KernelThresholds } from '../src/engine/kernel/workload';
import { loadScoringColumns, type ScoringFiles, type TextChunks } from '../src/import/columnar/load-scoring-columns';
import { arqueroBaseline } from './baselines/arquero';
import { workloadColumns } from './baselines/columns';
import { duckdbBaseline, type Baseline } from './baselines/duckdb';
import { assertSameCounts, leadsNearEdges } from './compare';
import { BENCH_AS_OF } from './data';
import { leadsFile, scoringFiles } from './files';
import { measureParallel } from './parallel';
import { scoringColumnsToDataset } from '../src/import/columnar/to-dataset';
import { measureScoringEngine, type ScoringEngineResult } from './scoring-engine';
import { canMeasureMemory, retainedBytes } from './memory';
import { summarize, time, type Timing } from './stats';

export interface BenchOptions {
  readonly runs: number;
  readonly csvRuns: number;
  readonly baselines: boolean;
  /** Worker threads of the parallel recompute. */
  readonly workers: number;
  readonly log: (line: string) => void;
}

export interface BaselineResult {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Baseline median ÷ engine full-recompute median. */
  readonly ratio: number;
  /** Largest count difference from the engine's (0 = identical). */
  readonly maxCountDifference: number;
}

export interface SizeResult {
  leads: number;
  includedLeads: number;
  fullRecomputeMs: Timing;
  /** One fit weight moved (incremental path), 1 thread. */
  singleFitWeightMs: Timing;
  /** One intent kind's points moved (incremental path), 1 thread. */
  singleIntentWeightMs: Timing;
  thresholdRecomputeMs: Timing;
  thresholdIndexBuildMs: Timing;
  /** Cold load of leads.csv alone (the "1M-lead canonical CSV" of the target) into columns. */
  csvLoadMs: Timing;
  /** Time until the first chunk of leads.csv was in columns (the funnel can show from there). */
  csvFirstChunkMs: Timing;
  /** Size of leads.csv. */
  csvMegabytes: number;
  /** Cold load of the whole company: accounts.csv + leads.csv + activities.csv. */
  companyCsvLoadMs: Timing;
  companyCsvMegabytes: number;
  /**
   * Largest growth of resident memory during a company load, MB: the largest over the runs (later
   * runs reuse memory the process already holds, so their growth is smaller).
   */
  companyCsvPeakRssMb: number;
  featureBuildMs: number;
  /** Scoring columns: features + cached scores. */
  bytesPerLead: number;
  /** Everything the loader keeps for the company (ids, dictionaries, instants, activities). */
  loaderBytesPerLead: number | null;
  /** Everything the loader keeps + scoring columns. */
  totalBytesPerLead: number | null;
  baselines: Partial<Record<'duckdbWasm' | 'arquero', BaselineResult>>;
  /** The app's rule-based scoring engine on the same leads. */
  scoringEngine?: ScoringEngineResult;
  /** Full recompute on the worker pool over shared memory. */
  parallelRecomputeMs?: Timing;
  [extra: string]: unknown;
}

export const AS_OF_MS = Date.parse(`${BENCH_AS_OF}T23:59:59.999Z`);

/** A slider-like sequence: the i-th run nudges one weight, so no run repeats the previous one. */
export function weightsOfRun(i: number) {
  const fit = [...DEFAULT_KERNEL_WEIGHTS.fit];
  fit[0] = fit[0]! + (i % 5);
  return { ...DEFAULT_KERNEL_WEIGHTS, fit };
}

export function thresholdsOfRun(i: number): KernelThresholds {
  return { ...DEFAULT_KERNEL_THRESHOLDS, mqlMinFit: 30 + (i % 21) };
}

const gc = (globalThis as { gc?: () => void }).gc;
const rss = () => process.memoryUsage.rss();

/** One cold load: timed from the first byte read; the resident memory is sampled after each chunk. */
async function loadOnce(files: ScoringFiles) {
  gc?.();
  const before = rss();
  let peak = before;
  const sampled = (chunks: TextChunks | undefined): TextChunks | undefined =>
    chunks &&
    (async function* () {
      for await (const c of chunks) {
        yield c;
        peak = Math.max(peak, rss());
      }
    })();
  const t = performance.now();
  let firstMs = Number.NaN;
  await loadScoringColumns({ accounts: sampled(files.accounts), leads: sampled(files.leads)!, activities: sampled(files.activities) }, () => {
    if (Number.isNaN(firstMs)) firstMs = performance.now() - t;
  });
  return { ms: performance.now() - t, firstMs, peakRssMb: (Math.max(peak, rss()) - before) / 1e6 };
}

/** Alternates cold loads of leads.csv alone and of the whole company. */
async function loadTimed(dir: string, o: BenchOptions) {
  const leads: number[] = [];
  const first: number[] = [];
  const company: number[] = [];
  const peaks: number[] = [];
  for (let r = 0; r < o.csvRuns; r++) {
    const l = await loadOnce(leadsFile(dir));
    leads.push(l.ms);
    first.push(l.firstMs);
    const c = await loadOnce(scoringFiles(dir));
    company.push(c.ms);
    peaks.push(c.peakRssMb);
    o.log(`  csv load run ${r + 1}: leads.csv ${l.ms.toFixed(0)} ms; accounts + leads + activities ${c.ms.toFixed(0)} ms (peak RSS +${c.peakRssMb.toFixed(0)} MB)`);
  }
  return {
    csvLoadMs: summarize(leads),
    csvFirstChunkMs: summarize(first),
    companyCsvLoadMs: summarize(company),
    companyCsvPeakRssMb: Math.round(Math.max(...peaks)),
  };
}

async function baselineResult(
  name: string,
  make: () => Promise<Baseline>,
  expected: KernelAggregates,
  tolerance: number,
  engineMedian: number,
  o: BenchOptions,
): Promise<BaselineResult> {
  const b = await make();
  try {
    const maxCountDifference = assertSameCounts(name, expected, b.recompute(weightsOfRun(0), DEFAULT_KERNEL_THRESHOLDS), tolerance);
    let run = 0;
    const t = await time(o.runs, () => b.recompute(weightsOfRun(run++), DEFAULT_KERNEL_THRESHOLDS), 1);
    o.log(`  ${name}: median ${t.median.toFixed(1)} ms (outputs equal: max difference ${maxCountDifference})`);
    return { medianMs: t.median, minMs: t.min, maxMs: t.max, ratio: t.median / engineMedian, maxCountDifference };
  } finally {
    b.close();
  }
}

/** A weight set that moves one weight of `base`: fit rule 0 or intent kind 2 (demo request). */
function nudged(kind: 'fit' | 'intent', i: number) {
  const w = DEFAULT_KERNEL_WEIGHTS;
  return kind === 'fit' ? { ...w, fit: w.fit.map((p, j) => (j === 0 ? p + (i % 5) : p)) } : { ...w, intent: w.intent.map((p, j) => (j === 2 ? p + (i % 5) : p)) };
}

/**
 * Times the single-weight path: each run moves one weight by one step from the previous run's
 * state. Before timing, every step is checked against a full recompute.
 */
function measureSingleWeight(f: KernelColumns, cache: ScoreCache, o: BenchOptions) {
  const result = {} as { singleFitWeightMs: Timing; singleIntentWeightMs: Timing };
  for (const kind of ['fit', 'intent'] as const) {
    const t = DEFAULT_KERNEL_THRESHOLDS;
    const start = (): KernelState => {
      const weights = nudged(kind, 0);
      return { weights, thresholds: t, tables: kernelTables(f, weights), counts: fullRecompute(f, weights, t, cache), cache };
    };
    let state = start();
    for (let i = 1; i <= 5; i++) {
      const next = singleWeightRecompute(f, state, nudged(kind, i), t);
      if (next === null) throw new Error('single-weight path refused a single-weight change');
      assertSameCounts(`single ${kind} weight path`, fullRecompute(f, nudged(kind, i), t), next.counts, 0);
      state = next;
    }
    state = start();
    let run = 1;
    const samples: number[] = [];
    for (let r = 0; r < Math.max(o.runs, 9); r++) {
      const t0 = performance.now();
      state = singleWeightRecompute(f, state, nudged(kind, run++), t)!;
      samples.push(performance.now() - t0);
    }
    const timing = summarize(samples);
    o.log(`  single ${kind} weight moved (incremental): median ${timing.median.toFixed(2)} ms`);
    if (kind === 'fit') result.singleFitWeightMs = timing;
    else result.singleIntentWeightMs = timing;
  }
  return result;
}

function checkThresholdPath(f: KernelColumns, cache: ScoreCache, histogram: Int32Array, fast: KernelAggregates | null, t: KernelThresholds): void {
  if (fast === null) throw new Error('threshold path refused whole-number thresholds');
  assertSameCounts('threshold-only path', recountFromCache(f, cache, t, histogram), fast, 0);
}

export async function measureSize(leads: number, dir: string, o: BenchOptions): Promise<SizeResult> {
  o.log(`\n${leads.toLocaleString('en-US')} leads (${dir})`);
  const csv = await loadTimed(dir, o);
  const { value: columns, bytes: loaderBytes } = await retainedBytes(() => loadScoringColumns(scoringFiles(dir)));
  const { value: loaded, bytes: featureBytes } = await retainedBytes(async () => {
    const t = performance.now();
    // The wide feature matrix is only the input of the encoding; the kernel keeps the encoded columns.
    const features = encodeFeatures(buildScoringFeatures(columns, AS_OF_MS));
    const cache = allocateScoreCache(features.count);
    const featureBuildMs = performance.now() - t;
    return { columns, features, cache, featureBuildMs };
  });
  const { features: f, cache } = loaded;
  o.log(`  encoded features: ${f.patternCount.toLocaleString('en-US')} distinct intent count vectors`);
  const { statSync } = await import('node:fs');
  const megabytes = (names: string[]) => Math.round(names.reduce((s, n) => s + statSync(`${dir}/${n}`).size, 0) / 1e6);

  let run = 0;
  const fullRecomputeMs = await time(o.runs, () => fullRecompute(f, weightsOfRun(run++), DEFAULT_KERNEL_THRESHOLDS, cache));
  o.log(`  full recompute (1 thread): median ${fullRecomputeMs.median.toFixed(2)} ms`);
  const expected = fullRecompute(f, weightsOfRun(0), DEFAULT_KERNEL_THRESHOLDS, cache);

  const singleWeight = measureSingleWeight(f, cache, o);
  // measureSingleWeight leaves the cache at other weights: put back the scores of weightsOfRun(0).
  fullRecompute(f, weightsOfRun(0), DEFAULT_KERNEL_THRESHOLDS, cache);

  const thresholdIndexBuildMs = await time(o.runs, () => buildThresholdIndex(f, cache, expected.histogram), 1);
  const index = buildThresholdIndex(f, cache, expected.histogram);
  for (let i = 0; i < 21; i++) checkThresholdPath(f, cache, expected.histogram, thresholdRecompute(index, thresholdsOfRun(i)), thresholdsOfRun(i));
  run = 0;
  const thresholdRecomputeMs = await time(Math.max(o.runs, 21), () => thresholdRecompute(index, thresholdsOfRun(run++)));
  o.log(`  threshold-only: median ${thresholdRecomputeMs.median.toFixed(4)} ms (index build ${thresholdIndexBuildMs.median.toFixed(1)} ms)`);

  const result: SizeResult = {
    leads,
    includedLeads: expected.included,
    fullRecomputeMs,
    thresholdRecomputeMs,
    thresholdIndexBuildMs,
    ...singleWeight,
    ...csv,
    csvMegabytes: megabytes(['leads.csv']),
    companyCsvMegabytes: megabytes(['accounts.csv', 'leads.csv', 'activities.csv']),
    featureBuildMs: Math.round(loaded.featureBuildMs),
    bytesPerLead: Math.round(((kernelColumnBytes(f) + cache.fit.byteLength + cache.intent.byteLength) / leads) * 10) / 10,
    loaderBytesPerLead: canMeasureMemory ? Math.round(loaderBytes / leads) : null,
    totalBytesPerLead: canMeasureMemory ? Math.round((loaderBytes + featureBytes) / leads) : null,
    baselines: {},
  };
  result.parallelRecomputeMs = await measureParallel(f, o.workers, o.runs, weightsOfRun, o.log);
  const dataset = scoringColumnsToDataset(loaded.columns, `demo ${leads}`);
  result.scoringEngine = await measureScoringEngine(dataset, AS_OF_MS, o.runs, o.log);
  if (o.baselines) {
    const tolerance = leadsNearEdges(f, cache, DEFAULT_KERNEL_THRESHOLDS);
    // The baselines read the same features, one column per feature.
    const cols = workloadColumns(buildScoringFeatures(loaded.columns, AS_OF_MS));
    const S = f.sourceNames.length;
    result.baselines.duckdbWasm = await baselineResult('DuckDB-WASM', () => duckdbBaseline(cols, S), expected, tolerance, fullRecomputeMs.median, o);
    result.baselines.arquero = await baselineResult('arquero', async () => arqueroBaseline(cols, S), expected, tolerance, fullRecomputeMs.median, o);
  }
  return result;
}
