/**
 * The app's scoring engine (src/engine/scoring: rule-based fit, decayed intent, the what-if the
 * Rules view shows) on the same dataset:
 * - rescore: compile + score every lead after a weight change (caches warm);
 * - what-if prepare, cold: fit matches, decayed sums and population dropped (outcomes and
 *   qualification flags stay cached), as after a dataset load;
 * - weight change: a new what-if context for a rule set with several weights changed (warm caches:
 *   fit rule matches, decayed activity sums, outcomes, flags, population);
 * - single weight: one activity type's points, derived from the previous context (`updateWhatIf`),
 *   for a type most leads have (page views) and one few have (demo requests), and one fit rule;
 * - half-life change: a new context when the decayed sums must be recomputed;
 * - threshold-only query from the index.
 * Every fast path is checked against the full recompute before it is timed.
 */
import type { Dataset } from '../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../src/engine/scoring/defaults';
import { clearFitMatches, fitMatches, fitMatchesBytes } from '../src/engine/scoring/fit-matches';
import { clearIntentSums, intentSums, intentSumsBytes, leadsByType } from '../src/engine/scoring/intent-sums';
import { leadOutcomes } from '../src/engine/scoring/outcomes';
import type { RuleSet } from '../src/engine/scoring/rules';
import { compileRules, scoreLeads } from '../src/engine/scoring/score';
import { clampRuleSet } from '../src/engine/scoring/validate';
import { whatIf, whatIfFull, type WhatIfContext } from '../src/engine/scoring/what-if';
import { prepareWhatIf, updateWhatIf } from '../src/engine/scoring/what-if-prepare';
import { summarize, type Timing } from './stats';

/** Wall-clock timing plus the median process CPU time (less sensitive to other load on the machine). */
export type EngineTiming = Timing & { readonly cpuMedian: number };

async function time(runs: number, fn: () => unknown, warmup = 2, before?: () => void): Promise<EngineTiming> {
  for (let i = 0; i < warmup; i++) {
    before?.();
    await fn();
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ...summarize(wall), cpuMedian: summarize(cpu).median };
}

export interface ScoringEngineResult {
  readonly rescoreMs: EngineTiming;
  readonly whatIfPrepareColdMs: EngineTiming;
  readonly whatIfWeightChangeMs: EngineTiming;
  readonly whatIfSingleWeightMs: { readonly pageView: EngineTiming; readonly demoRequest: EngineTiming; readonly fitRule: EngineTiming };
  readonly whatIfHalfLifeChangeMs: EngineTiming;
  readonly whatIfThresholdMs: EngineTiming;
  /** Cached scoring structures per lead: decayed sums (history and current), per-type lead lists, fit combos. */
  readonly cacheBytesPerLead: { readonly intentSumsHistory: number; readonly intentSumsNow: number; readonly fitCombos: number };
}

const withActivity = (r: RuleSet, type: string, points: number): RuleSet =>
  clampRuleSet({ ...r, activities: r.activities.map((a) => (a.type === type ? { ...a, points } : a)) });

function assertSame(a: WhatIfContext, b: WhatIfContext, what: string): void {
  for (const [x, y] of [
    [a.fit, b.fit],
    [a.intent, b.intent],
    [a.index.twoScore, b.index.twoScore],
    [a.index.single, b.index.single],
  ] as const) {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) throw new Error(`${what}: differs from the full recompute at ${i}`);
  }
}

export async function measureScoringEngine(ds: Dataset, asOf: number, runs: number, log: (l: string) => void): Promise<ScoringEngineResult> {
  const n = ds.leads.count;
  const into = { fit: new Float32Array(n), intent: new Float32Array(n) };
  const base = clampRuleSet(DEFAULT_RULE_SET);
  const out = leadOutcomes(ds, { asOf, maturityDays: base.maturityDays, scoringWindowDays: base.scoringWindowDays });
  let run = 0;
  /** Several weights change each run (an activity's points, a cap, a fit rule's points). */
  const rulesOfRun = (): RuleSet => {
    const k = run++;
    return clampRuleSet({
      ...base,
      activities: base.activities.map((a, j) => (j === 1 ? { ...a, points: a.points + (k % 5) + 1 } : j === 4 ? { ...a, cap: a.cap + (k % 3) + 1 } : a)),
      fitRules: base.fitRules.map((f, j) => (j === 0 ? { ...f, points: f.points - (k % 4) - 1 } : f)),
    });
  };
  const rescoreMs = await time(runs, () => scoreLeads(ds, compileRules(ds, rulesOfRun()), { asOf, cutoff: out.cutoff, into }), 1);

  const scope = new Uint8Array(n);
  for (let i = 0; i < n; i++) scope[i] = ds.leads.isBot[i] ? 0 : 1;
  const cold = () => {
    clearIntentSums(ds);
    clearFitMatches(ds);
  };
  let fresh = scope;
  // Each run drops the caches first (untimed) and uses a new scope array, so the population is
  // recomputed too.
  const whatIfPrepareColdMs = await time(
    Math.max(3, Math.ceil(runs / 2)),
    () => prepareWhatIf(ds, base, fresh, asOf),
    1,
    () => {
      cold();
      fresh = scope.slice();
    },
  );

  run = 0;
  const whatIfWeightChangeMs = await time(runs, () => prepareWhatIf(ds, rulesOfRun(), scope, asOf), 1);

  const ctx0 = prepareWhatIf(ds, base, scope, asOf);
  const single = async (make: (k: number) => RuleSet, what: string): Promise<EngineTiming> => {
    let prev = base;
    let ctx = ctx0;
    let k = 0;
    const check = make(999);
    assertSame(updateWhatIf(ds, ctx0, base, check, asOf)!, prepareWhatIf(ds, check, scope, asOf), what);
    return time(
      Math.max(runs, 9),
      () => {
        const next = make(k++);
        const derived = updateWhatIf(ds, ctx, prev, next, asOf);
        if (!derived) throw new Error(`${what}: not a single-weight change`);
        ctx = derived;
        prev = next;
      },
      2,
    );
  };
  const pageView = await single((k) => withActivity(base, 'page_view', 2 + (k % 7)), 'page views');
  const demoRequest = await single((k) => withActivity(base, 'demo_request', 10 + (k % 11)), 'demo requests');
  const fitRule = await single((k) => clampRuleSet({ ...base, fitRules: base.fitRules.map((f, j) => (j === 5 ? { ...f, points: 5 + (k % 9) } : f)) }), 'fit rule');

  run = 0;
  const whatIfHalfLifeChangeMs = await time(Math.max(3, Math.ceil(runs / 2)), () => prepareWhatIf(ds, { ...base, halfLifeDays: 20 + (run++ % 30) }, scope, asOf), 0);

  const ctx = prepareWhatIf(ds, base, scope, asOf);
  const q = (i: number) => ({ ...base.qualification, mqlMinFit: 30 + (i % 21) });
  for (let i = 0; i < 21; i++) {
    if (JSON.stringify(whatIf(ctx, q(i))) !== JSON.stringify(whatIfFull(ctx, q(i)))) throw new Error('what-if index differs from the full pass');
  }
  run = 0;
  const whatIfThresholdMs = await time(Math.max(runs, 21), () => whatIf(ctx, q(run++)));

  const hist = intentSums(ds, base.halfLifeDays, asOf, out.cutoff);
  leadsByType(hist);
  const now = intentSums(ds, base.halfLifeDays, asOf);
  const perLead = (b: number) => Math.round((b / n) * 10) / 10;
  const cacheBytesPerLead = {
    intentSumsHistory: perLead(intentSumsBytes(hist)),
    intentSumsNow: perLead(intentSumsBytes(now)),
    fitCombos: perLead(fitMatchesBytes(fitMatches(ds, base.fitRules))),
  };
  const f = (t: EngineTiming, d = 1) => `${t.median.toFixed(d)} (cpu ${t.cpuMedian.toFixed(d)})`;
  log(
    `  scoring engine: rescore ${f(rescoreMs)} ms; what-if prepare cold ${f(whatIfPrepareColdMs, 0)} ms, weight change ${f(whatIfWeightChangeMs)} ms, ` +
      `single weight ${f(pageView)} (page views) / ${f(demoRequest)} (demo requests) / ${f(fitRule)} (fit rule) ms, ` +
      `half-life change ${f(whatIfHalfLifeChangeMs, 0)} ms, threshold query ${f(whatIfThresholdMs, 4)} ms`,
  );
  log(
    `  scoring engine caches: decayed sums ${cacheBytesPerLead.intentSumsHistory} (history, with per-type lists) + ${cacheBytesPerLead.intentSumsNow} (current) bytes/lead, ` +
      `fit combos ${cacheBytesPerLead.fitCombos} bytes/lead`,
  );
  return { rescoreMs, whatIfPrepareColdMs, whatIfWeightChangeMs, whatIfSingleWeightMs: { pageView, demoRequest, fitRule }, whatIfHalfLifeChangeMs, whatIfThresholdMs, cacheBytesPerLead };
}
