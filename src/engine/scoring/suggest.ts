/**
 * Suggested weights (SPEC §4): an L2-regularised logistic regression of the outcome (won, or reached
 * SQO) on the design matrix of ./features.ts, over matured leads, with a seeded train/holdout split.
 * Before fitting it counts the population (./population.ts) and refuses, with the reason, when
 * either class is too small in training or holdout. Otherwise it cross-validates the fit over k
 * seeded, stratified folds of the matured leads (./cross-validate.ts), which chooses the L2 penalty
 * from a small grid and gives the AUC's mean and range over the folds; the model is then fitted on
 * the training split with that penalty, and the holdout AUC of the current rule set's combined
 * score, of the fitted model, and of the model turned into a rule set (./to-rules.ts) are reported
 * side by side. The fitted model, calibrated on the holdout by Platt scaling, also gives every lead
 * a probability of reaching the outcome with its top factors (./predictive.ts).
 */
import type { Dataset } from '../model/columns';
import { rocAuc } from './accuracy';
import { BOUNDS, clampTo } from './bounds';
import { rulesReadNothing } from './coverage';
import { DEFAULT_FOLDS, LAMBDA_GRID, crossValidate, type CrossValidation } from './cross-validate';
import { DEFAULT_EXCLUDED, buildDesignMatrix } from './features';
import { fitLogistic, holdoutSplit, predictLogit } from './logistic';
import { leadOutcomes } from './outcomes';
import { plattScale, sigmoid, type PredictiveModel } from './predictive';
import { classCounts, refusalReason, type FitPopulation } from './population';
import type { RuleSet } from './rules';
import { combinedScore, compileRules, scoreLeads } from './score';
import { modelToRuleSet } from './to-rules';

export type SuggestOutcome = 'won' | 'sqo';

export interface SuggestOptions {
  readonly asOf: number;
  readonly outcome: SuggestOutcome;
  /** Columns to leave out (attribute refs, bare custom names, `activity.<type>` or `activities`). */
  readonly exclude?: readonly string[];
  readonly seed: number;
  /** A fixed L2 penalty; without it the penalty is chosen by cross-validation from LAMBDA_GRID. */
  readonly l2?: number;
  /** Cross-validation folds (default 5, at least 2). */
  readonly folds?: number;
  readonly holdoutShare?: number;
  /** Leads in scope (the global filters); matured leads of it are used. */
  readonly mask?: Uint8Array;
}

interface SuggestCommon {
  readonly outcome: SuggestOutcome;
  /** Who the fit learns from and is judged on, counted before fitting. */
  readonly population: FitPopulation;
  readonly excluded: readonly string[];
  /** Set when the current rules read no column of the dataset (their AUC is 0.5 by construction). */
  readonly currentRulesNote: string | null;
}

/** No fit: the population cannot support one (too few of a class in training or holdout). */
export interface FitRefusal extends SuggestCommon {
  readonly status: 'refused';
  readonly reason: string;
}

export interface SuggestedWeights extends SuggestCommon {
  readonly status: 'fitted';
  readonly trainRows: number;
  readonly holdoutRows: number;
  readonly positives: number;
  /** Holdout AUC: current rule set, fitted model, fitted model as a rule set. null without both classes. */
  readonly holdoutAuc: {
    readonly current: number | null;
    readonly suggested: number | null;
    readonly suggestedRules: number | null;
  };
  /** Feature names, in the fit's order. */
  readonly features: readonly string[];
  /** Columns that gave features. */
  readonly columnsUsed: readonly string[];
  /** Largest coefficients (per scaled unit), by magnitude. */
  readonly coefficients: readonly { readonly feature: string; readonly weight: number }[];
  readonly ruleSet: RuleSet;
  readonly iterations: number;
  /** k-fold cross-validation over the matured leads: the AUC's mean and range, and the chosen penalty. */
  readonly crossValidation: CrossValidation;
  /** The fitted model with its holdout calibration: a probability and its factors for any lead (./predictive.ts). */
  readonly predictive: PredictiveModel;
  /** On the holdout: the mean calibrated probability and the share that reached the outcome. */
  readonly calibrationCheck: { readonly meanProbability: number; readonly positiveRate: number };
}

export type SuggestResult = SuggestedWeights | FitRefusal;

export function suggestWeights(ds: Dataset, current: RuleSet, o: SuggestOptions): SuggestResult {
  const compiled = compileRules(ds, current);
  const r = compiled.rules;
  const out = leadOutcomes(ds, { asOf: o.asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const label = o.outcome === 'won' ? out.won : out.reachedSqo;
  const leads: number[] = [];
  let inScope = 0;
  for (let i = 0; i < ds.leads.count; i++) {
    if (o.mask && !o.mask[i]) continue;
    inScope++;
    if (out.matured[i]) leads.push(i);
  }
  const rows = Uint32Array.from(leads);
  const exclude = o.exclude ?? DEFAULT_EXCLUDED;
  const y = Uint8Array.from(rows, (i) => label[i]!);
  const split = holdoutSplit(rows.length, clampTo(BOUNDS.holdoutShare, o.holdoutShare ?? 0.3), o.seed);
  const population: FitPopulation = {
    asOf: o.asOf,
    maturityDays: r.maturityDays,
    inScope,
    matured: rows.length,
    immature: inScope - rows.length,
    train: classCounts(y, split, 0),
    holdout: classCounts(y, split, 1),
  };
  const common: SuggestCommon = {
    outcome: o.outcome,
    population,
    excluded: [...exclude],
    currentRulesNote: rulesReadNothing(ds, r),
  };
  const reason = refusalReason(population, o.outcome);
  if (reason) return { ...common, status: 'refused', reason };

  const dm = buildDesignMatrix(ds, rows, out.cutoff, r.halfLifeDays, exclude);
  if (dm.d === 0)
    return {
      ...common,
      status: 'refused',
      reason:
        'No column gives the fit anything to learn from: every column is left out, empty or the same for every lead. Leave fewer columns out.',
    };
  const train: number[] = [];
  split.forEach((h, k) => {
    if (!h) train.push(k);
  });
  const trainRows = Uint32Array.from(train);
  const grid = o.l2 === undefined ? LAMBDA_GRID : [clampTo(BOUNDS.l2, o.l2)];
  const crossValidation = crossValidate(dm.X, dm.d, y, {
    k: Math.max(2, Math.round(o.folds ?? DEFAULT_FOLDS)),
    seed: o.seed,
    grid,
  });
  const model = fitLogistic(dm.X, dm.d, y, trainRows, { l2: crossValidation.lambda });

  const z = Float64Array.from(rows, (_, k) => predictLogit(model, dm.X, dm.d, k));
  const calibration = plattScale(z, y, split);
  const predictive: PredictiveModel = {
    outcome: o.outcome,
    specs: dm.specs,
    bias: model.bias,
    weights: Array.from(model.weights),
    calibration,
    halfLifeDays: r.halfLifeDays,
    maturityDays: r.maturityDays,
    scoringWindowDays: r.scoringWindowDays,
  };
  let sumP = 0;
  z.forEach((v, k) => {
    if (split[k]) sumP += sigmoid(calibration.a * v + calibration.c);
  });
  const ruleSet = modelToRuleSet({
    ds,
    current,
    rows,
    train: trainRows,
    y,
    specs: dm.specs,
    weights: model.weights,
    X: dm.X,
    d: dm.d,
  });
  const combinedOf = (rules: RuleSet) => {
    const c = compileRules(ds, rules);
    const s = scoreLeads(ds, c, { asOf: o.asOf, cutoff: out.cutoff });
    return Float64Array.from(rows, (i) => combinedScore(s.fit[i]!, s.intent[i]!, c.rules.qualification.fitWeight));
  };

  const coefficients = dm.specs
    .map((s, k) => ({ feature: s.name, weight: model.weights[k]! }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 25);
  return {
    ...common,
    status: 'fitted',
    trainRows: population.train.rows,
    holdoutRows: population.holdout.rows,
    positives: population.train.positives + population.holdout.positives,
    holdoutAuc: {
      current: rocAuc(combinedOf(current), y, split),
      suggested: rocAuc(z, y, split),
      suggestedRules: rocAuc(combinedOf(ruleSet), y, split),
    },
    features: dm.specs.map((s) => s.name),
    columnsUsed: dm.columns,
    coefficients,
    ruleSet,
    iterations: model.iterations,
    crossValidation,
    predictive,
    calibrationCheck: {
      meanProbability: sumP / population.holdout.rows,
      positiveRate: population.holdout.positives / population.holdout.rows,
    },
  };
}
