/**
 * What a user waits for, timed through the worker's own handler functions (src/worker/handlers) on a
 * loaded company, exactly as the Rules and Funnel views call them:
 * - weightChangeMs: the Rules view's what-if after several weights change at once (a preset or the
 *   suggested weights applied): a new context from warm caches;
 * - singleWeightMs: one weight slider moved (an activity type's points or a fit rule's points), the
 *   next context derived from the previous one; `singleWeightByKind` splits it by slider;
 * - halfLifeMs: the decay half-life moved (the decayed sums are recomputed);
 * - thresholdMs: an MQL threshold moved (answered from the threshold index);
 * - whatIfColdMs: the first what-if after a load (every scoring cache empty);
 * - funnelFilterMs: the Funnel view's figures after the source filter changed.
 * Every run asks for a rule set or filter the previous run did not, so no run is a cache hit of the
 * one before (except the threshold, whose point is the cached context).
 */
import type { Dataset } from '../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../src/engine/scoring/defaults';
import type { RuleSet } from '../src/engine/scoring/rules';
import { funnelHandlers } from '../src/worker/handlers/funnel';
import { scoringHandlers, type WhatIfInput } from '../src/worker/handlers/scoring';
import { tierDimensions } from '../src/worker/handlers/tier-dimensions';
import type { ScoringPool } from '../src/worker/pool/scoring-pool';
import { createState, type EngineState } from '../src/worker/state';
import { samplesOf, summarizeRuns, time, type Timing } from './stats';

export interface ProductFigures {
  readonly weightChangeMs: Timing;
  readonly singleWeightMs: Timing;
  readonly singleWeightByKind: {
    readonly pageViewPoints: Timing;
    readonly demoRequestPoints: Timing;
    readonly fitRulePoints: Timing;
  };
  readonly halfLifeMs: Timing;
  readonly thresholdMs: Timing;
  readonly whatIfColdMs: Timing;
  readonly funnelFilterMs: Timing;
}

const stateOf = (dataset: Dataset): EngineState => ({ ...createState(), dataset, version: 1 });

const withActivity = (r: RuleSet, type: string, points: number): RuleSet => ({
  ...r,
  activities: r.activities.map((a) => (a.type === type ? { ...a, points } : a)),
});

const withFitPoints = (r: RuleSet, j: number, points: number): RuleSet => ({
  ...r,
  fitRules: r.fitRules.map((f, k) => (k === j ? { ...f, points } : f)),
});

/** Several weights changed at once: an activity's points, another's cap and a fit rule's points. */
export function rulesOfRun(k: number): RuleSet {
  const base = DEFAULT_RULE_SET;
  return {
    ...base,
    activities: base.activities.map((a, j) =>
      j === 1 ? { ...a, points: a.points + (k % 5) + 1 } : j === 4 ? { ...a, cap: a.cap + (k % 3) + 1 } : a,
    ),
    fitRules: base.fitRules.map((f, j) => (j === 0 ? { ...f, points: f.points - (k % 4) - 1 } : f)),
  };
}

export const WHAT_IF_FILTERS = {};

/**
 * `pool`: the scoring workers the app runs beside the engine worker where shared memory is
 * available (null: the single-worker fallback).
 */
export async function measureProduct(
  dataset: Dataset,
  runs: number,
  pool: ScoringPool | null,
  log: (line: string) => void,
): Promise<ProductFigures> {
  const base = DEFAULT_RULE_SET;
  const ask = (h: ReturnType<typeof scoringHandlers>, draft: RuleSet) =>
    h.whatIf({ filters: WHAT_IF_FILTERS, draft, applied: base } satisfies WhatIfInput);

  // First what-if after a load: a fresh handler state over a copy of the dataset object (every
  // engine cache is keyed by it, so each run starts cold, as after a load).
  const whatIfColdMs = await timeEach(Math.max(3, Math.ceil(runs / 2)), async () => {
    const h = scoringHandlers(stateOf({ ...dataset }), pool);
    return () => ask(h, base);
  });

  const scoring = scoringHandlers(stateOf(dataset), pool);
  await ask(scoring, base);
  let k = 0;
  const weightChangeMs = await time(runs, () => ask(scoring, rulesOfRun(k++)), 1);

  // A dragged slider: each step moves one weight one point further, from just past the applied value
  // (no value repeats, so no step is a cached context; at most 34 steps stay within the bounds).
  const slider = async (make: (step: number) => RuleSet) => {
    let step = 0;
    await ask(scoring, make(step++));
    return samplesOf(Math.min(30, Math.max(runs, 9)), () => ask(scoring, make(step++)), 2);
  };
  const bySlider = [
    await slider((s) => withActivity(base, 'page_view', 2 + s)),
    await slider((s) => withActivity(base, 'demo_request', 21 + s)),
    await slider((s) => withFitPoints(base, 5, 16 + s)),
  ];
  const [pageViewPoints, demoRequestPoints, fitRulePoints] = bySlider.map(summarizeRuns) as [Timing, Timing, Timing];
  const singleWeightMs = summarizeRuns({ wall: bySlider.flatMap((s) => s.wall), cpu: bySlider.flatMap((s) => s.cpu) });

  let h = 0;
  const halfLifeMs = await time(
    Math.max(3, Math.ceil(runs / 2)),
    () => ask(scoring, { ...base, halfLifeDays: 20 + (h++ % 40) }),
    0,
  );

  await ask(scoring, base);
  let q = 0;
  const thresholdMs = await time(
    Math.max(runs, 21),
    () => ask(scoring, { ...base, qualification: { ...base.qualification, mqlMinFit: 30 + (q++ % 21) } }),
    3,
  );

  const funnel = funnelHandlers(stateOf(dataset), tierDimensions());
  const sources = [...new Set(dataset.leads.source.values)].slice(0, 6);
  let s = 0;
  const view = (filters: { sources?: string[] }) =>
    funnel.funnelView({ filters, mode: 'inclusive', basis: 'cohort', breakdown: 'source', windowDays: null });
  await view({});
  const funnelFilterMs = await time(Math.max(runs, 6), () => view({ sources: [sources[s++ % sources.length]!] }), 1);

  const f = (t: Timing, d = 1) =>
    `${t.median.toFixed(d)} (${t.min.toFixed(d)}–${t.max.toFixed(d)}; cpu ${t.cpuMedian?.toFixed(d)})`;
  log(
    `  weight change ${f(weightChangeMs)} ms; single weight ${f(singleWeightMs)} ms (page views ${f(pageViewPoints)}, demo requests ${f(demoRequestPoints)}, fit rule ${f(fitRulePoints)}); ` +
      `half-life ${f(halfLifeMs, 0)} ms; threshold ${f(thresholdMs, 4)} ms; first what-if after load ${f(whatIfColdMs, 0)} ms; funnel after a source filter change ${f(funnelFilterMs)} ms`,
  );
  return {
    weightChangeMs,
    singleWeightMs,
    singleWeightByKind: { pageViewPoints, demoRequestPoints, fitRulePoints },
    halfLifeMs,
    thresholdMs,
    whatIfColdMs,
    funnelFilterMs,
  };
}

/** Times `runs` calls, each of a function made fresh (untimed) by `setup`. */
async function timeEach(runs: number, setup: () => Promise<() => unknown>): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fn = await setup();
    (globalThis as { gc?: () => void }).gc?.();
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return summarizeRuns({ wall, cpu });
}
