/**
 * Cross-validation of the suggested-weights fit (SPEC §4): one split can be lucky, k folds are not.
 * - Folds: the matured leads are cut into k folds, stratified by outcome — the leads of each
 *   outcome are ordered by a seeded hash and dealt round-robin, positives first, the count carrying
 *   on into the negatives — so every fold holds the same share of positives (±1 lead), fold sizes
 *   differ by at most one, and the same seed gives the same folds.
 * - For each penalty λ of the grid and each fold, the model is fitted on the other k − 1 folds (the
 *   training folds) and its AUC measured on the fold left out. λ is the grid value with the best
 *   mean AUC (a tie goes to the larger λ, the simpler model). A fold without both outcomes has no
 *   AUC (null) and is left out of the mean.
 * - The report is the chosen λ's per-fold AUCs, their mean, minimum and maximum.
 */
import { rocAuc } from './accuracy';
import { fitLogistic, predictLogit, rowHash, type LogisticModel } from './logistic';

export const DEFAULT_FOLDS = 5;
/** Penalties tried, smallest first (within BOUNDS.l2). */
export const LAMBDA_GRID: readonly number[] = [0.1, 1, 10];
/** Keeps the folds' hash apart from the holdout split's for the same seed. */
const FOLD_SALT = 0x5bd1e995;

export interface CrossValidation {
  readonly k: number;
  readonly seed: number;
  /** Mean of the chosen λ's fold AUCs; null when no fold has both outcomes. */
  readonly aucMean: number | null;
  readonly aucMin: number | null;
  readonly aucMax: number | null;
  /** AUC on each fold left out, at the chosen λ. */
  readonly perFold: readonly (number | null)[];
  /** Leads in each fold. */
  readonly foldRows: readonly number[];
  /** The chosen penalty. */
  readonly lambda: number;
  readonly lambdaGrid: readonly number[];
  /** Mean fold AUC of each grid value, in the grid's order. */
  readonly lambdaAuc: readonly (number | null)[];
}

/** Fold (0 … k − 1) of each row, stratified by the 0/1 outcome y, seeded. */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Uint8Array {
  const n = y.length;
  const key = Float64Array.from({ length: n }, (_, i) => rowHash(i, (seed ^ FOLD_SALT) | 0));
  const byKey = (a: number, b: number) => key[a]! - key[b]! || a - b;
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < n; i++) (y[i] ? positives : negatives).push(i);
  const fold = new Uint8Array(n);
  let next = 0;
  for (const group of [positives.sort(byKey), negatives.sort(byKey)]) {
    for (const i of group) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

const mean = (v: readonly (number | null)[]): number | null => {
  const ok = v.filter((x): x is number => x !== null);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
};

/**
 * k-fold cross-validation of the logistic fit over all rows of X (n × d) with labels y, trying each
 * λ of `grid`. Each fold's fits run from the smallest λ up, each warm-started from the previous one.
 */
export function crossValidate(
  X: Float64Array,
  d: number,
  y: Uint8Array,
  o: { readonly k: number; readonly seed: number; readonly grid: readonly number[] },
): CrossValidation {
  const n = y.length;
  const k = Math.max(2, Math.min(o.k, n));
  const fold = stratifiedFolds(y, k, o.seed);
  const grid = [...o.grid].sort((a, b) => a - b);
  const aucs = grid.map(() => new Array<number | null>(k).fill(null));
  const foldRows = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) foldRows[fold[i]!]!++;
  const z = new Float64Array(n);
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (fold[i] === f) test[i] = 1;
      else train.push(i);
    }
    const rows = Uint32Array.from(train);
    let prev: LogisticModel | undefined;
    grid.forEach((l2, g) => {
      const model = fitLogistic(X, d, y, rows, { l2, init: prev });
      prev = model;
      for (let i = 0; i < n; i++) if (test[i]) z[i] = predictLogit(model, X, d, i);
      aucs[g]![f] = rocAuc(z, y, test);
    });
  }
  const lambdaAuc = aucs.map(mean);
  let best = grid.length - 1;
  for (let g = grid.length - 1; g >= 0; g--)
    if (lambdaAuc[g] !== null && (lambdaAuc[best] === null || lambdaAuc[g]! > lambdaAuc[best]!)) best = g;
  const perFold = aucs[best]!;
  const ok = perFold.filter((x): x is number => x !== null);
  return {
    k,
    seed: o.seed,
    aucMean: mean(perFold),
    aucMin: ok.length ? Math.min(...ok) : null,
    aucMax: ok.length ? Math.max(...ok) : null,
    perFold,
    foldRows,
    lambda: grid[best]!,
    lambdaGrid: grid,
    lambdaAuc,
  };
}
