/**
 * Suggested weights (SPEC §4): an L2-regularised logistic regression of the outcome (won, or reached
 * SQO) on the design matrix of ./features.ts, over matured leads, with a seeded train/holdout split.
 * Reports the holdout AUC of the current rule set's combined score, of the fitted model, and of the
 * fitted model converted into a readable rule set:
 * - activity points = k_i × (coefficient per decayed activity), cap = 5 × |points|;
 * - a one-hot attribute value becomes an `equals` fit rule worth k_f × coefficient points;
 * - a numeric attribute becomes up to seven `range` rules cut at training quantiles (20, 40, 60,
 *   80, 90, 97%; equal cuts merged), each worth k_f × coefficient × the band's mean scaled value;
 * - k_f and k_i put the 95th percentile of the positive attribute and activity parts at 100 points
 *   (and no single rule beyond the points bounds); single-score mode with fitWeight k_i / (k_f + k_i)
 *   then ranks leads as the model does, up to rounding and the 0–100 clamps.
 */
import type { Dataset } from '../model/columns';
import { rocAuc } from './accuracy';
import { BOUNDS, clampTo } from './bounds';
import { DEFAULT_EXCLUDED, buildDesignMatrix, type FeatureSpec } from './features';
import { fitLogistic, holdoutSplit, predictLogit } from './logistic';
import { leadOutcomes } from './outcomes';
import type { ActivityRule, FitRule, RuleSet } from './rules';
import { combinedScore, compileRules, scoreLeads } from './score';

export type SuggestOutcome = 'won' | 'sqo';

export interface SuggestOptions {
  readonly asOf: number;
  readonly outcome: SuggestOutcome;
  /** Columns to leave out (attribute refs, bare custom names, `activity.<type>` or `activities`). */
  readonly exclude?: readonly string[];
  readonly seed: number;
  readonly l2?: number;
  readonly holdoutShare?: number;
  /** Leads in scope (the global filters); matured leads of it are used. */
  readonly mask?: Uint8Array;
}

export interface SuggestedWeights {
  readonly outcome: SuggestOutcome;
  readonly trainRows: number;
  readonly holdoutRows: number;
  readonly positives: number;
  /** Holdout AUC: current rule set, fitted model, fitted model as a rule set. null without both classes. */
  readonly holdoutAuc: { readonly current: number | null; readonly suggested: number | null; readonly suggestedRules: number | null };
  /** Feature names, in the fit's order. */
  readonly features: readonly string[];
  /** Columns that gave features, and those left out. */
  readonly columnsUsed: readonly string[];
  readonly excluded: readonly string[];
  /** Largest coefficients (per scaled unit), by magnitude. */
  readonly coefficients: readonly { readonly feature: string; readonly weight: number }[];
  readonly ruleSet: RuleSet;
  readonly iterations: number;
}

/** Quantiles that cut a numeric attribute into point bands (duplicates merged). */
const BAND_QUANTILES = [0.2, 0.4, 0.6, 0.8, 0.9, 0.97];

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))]!;
}

export function suggestWeights(ds: Dataset, current: RuleSet, o: SuggestOptions): SuggestedWeights {
  const compiled = compileRules(ds, current);
  const r = compiled.rules;
  const out = leadOutcomes(ds, { asOf: o.asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const label = o.outcome === 'won' ? out.won : out.reachedSqo;
  const leads: number[] = [];
  for (let i = 0; i < ds.leads.count; i++) if (out.matured[i] && (!o.mask || o.mask[i])) leads.push(i);
  const rows = Uint32Array.from(leads);
  const exclude = o.exclude ?? DEFAULT_EXCLUDED;
  const dm = buildDesignMatrix(ds, rows, out.cutoff, r.halfLifeDays, exclude);
  const y = Uint8Array.from(rows, (i) => label[i]!);
  const split = holdoutSplit(rows.length, clampTo(BOUNDS.holdoutShare, o.holdoutShare ?? 0.3), o.seed);
  const train: number[] = [];
  const hold: number[] = [];
  split.forEach((h, k) => (h ? hold : train).push(k));
  const model = fitLogistic(dm.X, dm.d, y, Uint32Array.from(train), { l2: clampTo(BOUNDS.l2, o.l2 ?? 1) });

  const holdMask = split;
  const z = Float64Array.from(rows, (_, k) => predictLogit(model, dm.X, dm.d, k));
  const scores = scoreLeads(ds, compiled, { asOf: o.asOf, cutoff: out.cutoff });
  const w = r.qualification.fitWeight;
  const currentScore = Float64Array.from(rows, (i) => combinedScore(scores.fit[i]!, scores.intent[i]!, w));

  const ruleSet = toRuleSet(current, dm.specs, model.weights, dm.X, dm.d, Uint32Array.from(train));
  const sc = compileRules(ds, ruleSet);
  const s2 = scoreLeads(ds, sc, { asOf: o.asOf, cutoff: out.cutoff });
  const w2 = sc.rules.qualification.fitWeight;
  const ruleScore = Float64Array.from(rows, (i) => combinedScore(s2.fit[i]!, s2.intent[i]!, w2));

  const coefficients = dm.specs
    .map((s, k) => ({ feature: s.name, weight: model.weights[k]! }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 25);
  let positives = 0;
  for (const v of y) positives += v;
  return {
    outcome: o.outcome,
    trainRows: train.length,
    holdoutRows: hold.length,
    positives,
    holdoutAuc: { current: rocAuc(currentScore, y, holdMask), suggested: rocAuc(z, y, holdMask), suggestedRules: rocAuc(ruleScore, y, holdMask) },
    features: dm.specs.map((s) => s.name),
    columnsUsed: dm.columns,
    excluded: [...exclude],
    coefficients,
    ruleSet,
    iterations: model.iterations,
  };
}

/** Converts the fitted coefficients into a rule set (see the module note). */
function toRuleSet(current: RuleSet, specs: readonly FeatureSpec[], w: Float64Array, X: Float64Array, d: number, train: Uint32Array): RuleSet {
  // Attribute and activity parts of the linear predictor on the training rows, to choose the scales.
  const attr = new Float64Array(train.length);
  const act = new Float64Array(train.length);
  train.forEach((r, k) => {
    for (let j = 0; j < d; j++) {
      const v = w[j]! * X[r * d + j]!;
      if (specs[j]!.kind === 'activity') act[k]! += v;
      else if (specs[j]!.kind !== 'missing') attr[k]! += v;
    }
  });
  const p95 = (a: Float64Array) => quantile(a.map((v) => Math.max(0, v)).sort(), 0.95);
  let kf = 100 / Math.max(1e-9, p95(attr));
  let ki = 100 / Math.max(1e-9, p95(act));
  const maxAbs = (kind: (s: FeatureSpec) => boolean, per: (s: FeatureSpec, j: number) => number) =>
    specs.reduce((m, s, j) => (kind(s) ? Math.max(m, Math.abs(per(s, j))) : m), 0);
  const attrMax = maxAbs((s) => s.kind === 'onehot' || s.kind === 'numeric', (s, j) => w[j]! * (s.kind === 'numeric' ? 2 : 1));
  const actMax = maxAbs((s) => s.kind === 'activity', (s, j) => w[j]! / s.std!);
  if (attrMax > 0) kf = Math.min(kf, BOUNDS.points.max / attrMax);
  if (actMax > 0) ki = Math.min(ki, BOUNDS.points.max / actMax);

  const fitRules: FitRule[] = [];
  const activities: ActivityRule[] = [];
  specs.forEach((s, j) => {
    if (s.kind === 'activity') {
      const points = clampTo(BOUNDS.points, (ki * w[j]!) / s.std!);
      if (points !== 0) activities.push({ type: s.column.slice('activity.'.length), points, cap: clampTo(BOUNDS.cap, Math.abs(points) * 5) });
    } else if (s.kind === 'onehot') {
      const points = clampTo(BOUNDS.points, kf * w[j]!);
      if (points !== 0) fitRules.push({ id: `fit-${j}`, label: s.name, attribute: s.column, op: 'equals', value: s.value!, points });
    } else if (s.kind === 'numeric') {
      const zs = Float64Array.from(train, (r) => X[r * d + j]!).sort();
      const cuts = [...new Set(BAND_QUANTILES.map((q) => quantile(zs, q)))].filter((c) => c > zs[0]!);
      const edges = [-Infinity, ...cuts, Infinity];
      const back = (zv: number) => {
        const t = zv * s.std! + s.mean!;
        return s.log ? Math.expm1(t) : t;
      };
      for (let b = 0; b + 1 < edges.length; b++) {
        const lo = edges[b]!;
        const hi = edges[b + 1]!;
        let sum = 0;
        let count = 0;
        for (const zv of zs) {
          if (zv < lo || zv >= hi) continue;
          sum += zv;
          count++;
        }
        if (count === 0) continue;
        const mid = sum / count;
        const points = clampTo(BOUNDS.points, kf * w[j]! * mid);
        if (points === 0) continue;
        fitRules.push({
          id: `fit-${j}-${b}`,
          label: `${s.name} band ${b + 1} of ${edges.length - 1}`,
          attribute: s.column,
          op: 'range',
          ...(Number.isFinite(lo) ? { min: back(lo) } : {}),
          ...(Number.isFinite(hi) ? { max: back(hi) } : {}),
          points,
        });
      }
    }
  });
  const fitWeight = clampTo(BOUNDS.fitWeight, ki / (kf + ki));
  return {
    ...current,
    fitRules,
    activities,
    qualification: { ...current.qualification, mqlMode: 'single-score', fitWeight },
  };
}
