/**
 * A predictive score per lead (SPEC §4): the fitted model's probability that the lead reaches the
 * outcome, with the factors behind it — transparent, not a black box.
 * - Probability: the model's linear predictor z = b + Σ w_k·x_k, calibrated on the holdout by Platt
 *   scaling: p = σ(a·z + c), with a and c the maximum-likelihood logistic fit of the holdout
 *   outcomes on z. The fit has an intercept, so on the holdout the mean p equals the share that
 *   reached the outcome (its score equation), and a < 1 shrinks an over-confident model.
 * - Factors: contribution_k = w_k × x_k, the feature's part of z (x_k is the standardized value for a
 *   number or an activity count, 0/1 for a category or a missing flag); the three largest by
 *   |contribution|, with the direction they push the probability (up or down, before calibration,
 *   whose a is positive for any model better than a coin toss).
 */
import type { Dataset } from '../model/columns';
import { designRows, type FeatureSpec } from './features';
import { leadOutcomes } from './outcomes';

export interface PlattCalibration {
  readonly method: 'platt';
  /** Slope on the model's log-odds. */
  readonly a: number;
  /** Intercept. */
  readonly c: number;
}

export interface PredictiveModel {
  readonly outcome: 'won' | 'sqo';
  readonly specs: readonly FeatureSpec[];
  readonly bias: number;
  readonly weights: readonly number[];
  readonly calibration: PlattCalibration;
  /** Half-life of the activity decay the features were built with. */
  readonly halfLifeDays: number;
  /** The outcome windows the fit read each lead's history cut-off with. */
  readonly maturityDays: number;
  readonly scoringWindowDays: number;
}

export interface Factor {
  readonly feature: string;
  readonly direction: 'up' | 'down';
  /** Weight × value: log-odds this feature adds to the lead's model score. */
  readonly contribution: number;
}

export interface LeadPrediction {
  /** Calibrated probability of reaching the outcome, 0–1. */
  readonly probability: number;
  /** The model's own log-odds, before calibration. */
  readonly logit: number;
  /** The three largest contributions by magnitude (fewer when fewer features are non-zero). */
  readonly factors: readonly Factor[];
}

export const TOP_FACTORS = 3;

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Platt scaling: a and c maximising Σ log-likelihood of y under σ(a·z + c), over the rows where
 * `mask` is 1, by Newton's method on the 2×2 system (a tiny ridge keeps a separable holdout finite).
 */
export function plattScale(z: ArrayLike<number>, y: Uint8Array, mask: Uint8Array): PlattCalibration {
  let a = 1;
  let c = 0;
  const ridge = 1e-6;
  for (let it = 0; it < 50; it++) {
    let ga = -ridge * a;
    let gc = 0;
    let haa = ridge;
    let hac = 0;
    let hcc = 1e-9;
    for (let i = 0; i < y.length; i++) {
      if (!mask[i]) continue;
      const zi = z[i]!;
      const p = sigmoid(a * zi + c);
      const r = y[i]! - p;
      const w = p * (1 - p);
      ga += r * zi;
      gc += r;
      haa += w * zi * zi;
      hac += w * zi;
      hcc += w;
    }
    const det = haa * hcc - hac * hac;
    if (!(det > 0)) break;
    const da = (hcc * ga - hac * gc) / det;
    const dc = (haa * gc - hac * ga) / det;
    a += da;
    c += dc;
    if (Math.max(Math.abs(da), Math.abs(dc)) < 1e-10) break;
  }
  return { method: 'platt', a, c };
}

/** The prediction of one design row x (length d) under the model. */
export function predictRow(model: PredictiveModel, x: ArrayLike<number>, offset = 0): LeadPrediction {
  let z = model.bias;
  const parts: Factor[] = [];
  model.specs.forEach((s, k) => {
    const contribution = model.weights[k]! * x[offset + k]!;
    z += contribution;
    if (contribution !== 0) parts.push({ feature: s.name, direction: contribution > 0 ? 'up' : 'down', contribution });
  });
  parts.sort((p, q) => Math.abs(q.contribution) - Math.abs(p.contribution) || (p.feature < q.feature ? -1 : 1));
  return {
    probability: sigmoid(model.calibration.a * z + model.calibration.c),
    logit: z,
    factors: parts.slice(0, TOP_FACTORS),
  };
}

/** Predictions for the leads `rows`, with activity counted up to each lead's `cutoff`. */
export function predictLeads(
  ds: Dataset,
  model: PredictiveModel,
  rows: Uint32Array,
  cutoff: Float64Array,
): LeadPrediction[] {
  const d = model.specs.length;
  const X = designRows(ds, model.specs, rows, cutoff, model.halfLifeDays);
  return Array.from(rows, (_, r) => predictRow(model, X, r * d));
}

/** Predictions as of `asOf`, each lead's activity counted up to its history cut-off, as in the fit. */
export function predictLeadsAt(ds: Dataset, model: PredictiveModel, asOf: number, rows: Uint32Array): LeadPrediction[] {
  const out = leadOutcomes(ds, { asOf, maturityDays: model.maturityDays, scoringWindowDays: model.scoringWindowDays });
  return predictLeads(
    ds,
    model,
    rows,
    out.cutoff.map((c) => Math.min(asOf, c)),
  );
}
