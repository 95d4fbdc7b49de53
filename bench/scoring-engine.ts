/**
 * The app's scoring engine (src/engine/scoring: rule-based fit, per-activity decayed intent) on the
 * same dataset: a full rescore as a weight slider triggers it, the same with the decay factors
 * cached (points/caps changes), the what-if preparation and the threshold-only what-if query.
 */
import { activityDecay, scoreIntentCached } from '../src/engine/kernel/intent-decay-cache';
import type { Dataset } from '../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../src/engine/scoring/defaults';
import { compileRules, scoreLeads } from '../src/engine/scoring/score';
import { scoreFit } from '../src/engine/scoring/fit';
import { prepareWhatIf } from '../src/engine/scoring/what-if-prepare';
import { whatIf, whatIfFull } from '../src/engine/scoring/what-if';
import { time, type Timing } from './stats';

export interface ScoringEngineResult {
  readonly rescoreMs: Timing;
  readonly rescoreCachedDecayMs: Timing;
  readonly whatIfPrepareMs: Timing;
  readonly whatIfThresholdMs: Timing;
}

export async function measureScoringEngine(ds: Dataset, asOf: number, runs: number, log: (l: string) => void): Promise<ScoringEngineResult> {
  const n = ds.leads.count;
  const into = { fit: new Float32Array(n), intent: new Float32Array(n) };
  let run = 0;
  const rulesOfRun = () => {
    const activities = DEFAULT_RULE_SET.activities.map((a, k) => (k === 1 ? { ...a, points: a.points + (run % 5) } : a));
    run++;
    return { ...DEFAULT_RULE_SET, activities };
  };
  const rescoreMs = await time(runs, () => scoreLeads(ds, compileRules(ds, rulesOfRun()), { asOf, into }), 1);
  const decay = activityDecay(ds, DEFAULT_RULE_SET.halfLifeDays, asOf);
  const check = scoreLeads(ds, compileRules(ds, DEFAULT_RULE_SET), { asOf });
  const cached = new Float32Array(n);
  scoreIntentCached(ds, compileRules(ds, DEFAULT_RULE_SET).intent, decay, cached);
  for (let i = 0; i < n; i++) {
    if (cached[i] !== check.intent[i]) throw new Error(`cached-decay intent differs at lead ${i}`);
  }
  run = 0;
  const rescoreCachedDecayMs = await time(
    runs,
    () => {
      const c = compileRules(ds, rulesOfRun());
      scoreFit(c.fit, into.fit);
      scoreIntentCached(ds, c.intent, decay, into.intent);
    },
    1,
  );
  const scope = new Uint8Array(n);
  for (let i = 0; i < n; i++) scope[i] = ds.leads.isBot[i] ? 0 : 1;
  const whatIfPrepareMs = await time(Math.max(3, Math.ceil(runs / 2)), () => prepareWhatIf(ds, DEFAULT_RULE_SET, scope, asOf), 0);
  const ctx = prepareWhatIf(ds, DEFAULT_RULE_SET, scope, asOf);
  const q = (i: number) => ({ ...DEFAULT_RULE_SET.qualification, mqlMinFit: 30 + (i % 21) });
  for (let i = 0; i < 21; i++) {
    if (JSON.stringify(whatIf(ctx, q(i))) !== JSON.stringify(whatIfFull(ctx, q(i)))) throw new Error('what-if index differs from the full pass');
  }
  run = 0;
  const whatIfThresholdMs = await time(Math.max(runs, 21), () => whatIf(ctx, q(run++)));
  log(
    `  scoring engine: rescore ${rescoreMs.median.toFixed(1)} ms, with cached decay ${rescoreCachedDecayMs.median.toFixed(1)} ms, ` +
      `what-if prepare ${whatIfPrepareMs.median.toFixed(0)} ms, what-if threshold query ${whatIfThresholdMs.median.toFixed(4)} ms`,
  );
  return { rescoreMs, rescoreCachedDecayMs, whatIfPrepareMs, whatIfThresholdMs };
}
