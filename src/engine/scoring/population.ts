/**
 * Who a suggested-weights fit would learn from, told before fitting (SPEC §4, §10): the leads in
 * scope, the matured ones it uses, the immature ones it leaves out (no outcome yet, younger than
 * the maturity window), and positives and negatives per split. With fewer than MIN_PER_CLASS of
 * either class in training or holdout there is nothing honest to fit or judge: `refusalReason` says
 * why in words a RevOps user can act on (a later as-of date, a shorter window, the other outcome).
 */
import { isoDate } from '../time';

/** Fewer than this many of either class in training or holdout: no fit. */
export const MIN_PER_CLASS = 20;

export interface ClassCounts {
  readonly rows: number;
  readonly positives: number;
  readonly negatives: number;
}

export interface FitPopulation {
  /** Instant the outcomes are read at (epoch ms). */
  readonly asOf: number;
  readonly maturityDays: number;
  /** Leads in scope (the filters). */
  readonly inScope: number;
  /** Leads whose outcome is known (won, lost, disqualified, or older than the window): the fit's rows. */
  readonly matured: number;
  /** Leads left out: no outcome yet and younger than the maturity window. */
  readonly immature: number;
  readonly train: ClassCounts;
  readonly holdout: ClassCounts;
}

export type OutcomeName = 'won' | 'sqo';

const reached = (o: OutcomeName) => (o === 'won' ? 'won' : 'reached SQO');
const notReached = (o: OutcomeName) => (o === 'won' ? 'did not win' : 'did not reach SQO');
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Positives and negatives of the rows where `inSplit` is 1 (or 0 when `want` is 0). */
export function classCounts(y: Uint8Array, split: Uint8Array, want: 0 | 1): ClassCounts {
  let rows = 0;
  let positives = 0;
  for (let k = 0; k < y.length; k++) {
    if (split[k] !== want) continue;
    rows++;
    positives += y[k]!;
  }
  return { rows, positives, negatives: rows - positives };
}

/** Why no fit can be made on this population, or null when both classes are large enough in both splits. */
export function refusalReason(p: FitPopulation, outcome: OutcomeName): string | null {
  const at = isoDate(p.asOf);
  const window = `${p.maturityDays}-day maturity window as of ${at}`;
  const later = 'choose a later as-of date or a shorter maturity window';
  if (p.inScope === 0) return 'No leads are in scope: widen the filters.';
  if (p.matured === 0) {
    return `No lead has a known outcome yet: every one of the ${plural(p.inScope, 'lead', 'leads')} in scope is younger than the ${window} and none is won, lost or disqualified — ${later}.`;
  }
  const { train, holdout } = p;
  const count = (c: 'positives' | 'negatives') =>
    `${train[c].toLocaleString('en-US')} in training and ${holdout[c].toLocaleString('en-US')} in the holdout`;
  const need = `at least ${MIN_PER_CLASS} of each are needed to fit and judge a model`;
  if (Math.min(train.negatives, holdout.negatives) < MIN_PER_CLASS) {
    const head = `Too few leads that ${notReached(outcome)} (${count('negatives')}; ${need}).`;
    const negatives = train.negatives + holdout.negatives;
    if (p.immature > 0 && negatives === 0)
      return `${head} Every lead without an outcome is younger than the ${window} (${plural(p.immature, 'lead', 'leads')} left out) — ${later}.`;
    if (p.immature > 0)
      return `${head} ${plural(p.immature, 'lead without an outcome is', 'leads without an outcome are')} younger than the ${window} and left out — ${later}.`;
    return `${head} Nearly every matured lead ${reached(outcome)} — load more history or widen the filters.`;
  }
  if (Math.min(train.positives, holdout.positives) < MIN_PER_CLASS) {
    const other = outcome === 'won' ? ' or fit on reaching SQO instead' : '';
    return `Too few leads that ${reached(outcome)} (${count('positives')}; ${need}) — widen the filters, load more history${other}.`;
  }
  return null;
}
