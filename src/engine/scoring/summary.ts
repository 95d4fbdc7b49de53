/**
 * The scoring figures of a dataset under a rule set, as plain numbers: what the Intent & scoring
 * view shows and `revlens report` prints. Current tiers use scores as of asOf over every lead in
 * scope; histograms, matrix conversion and accuracy use matured leads scored at their history
 * cut-off (see outcomes.ts). Conversion means "reached SQO" unless stated as won.
 */
import type { Dataset } from '../model/columns';
import {
  calibration,
  liftByDecile,
  rankOrder,
  rocAuc,
  tierOutcomes,
  type CalibrationBin,
  type TierOutcome,
} from './accuracy';
import { leadOutcomes } from './outcomes';
import { passesMql } from './qualification';
import type { RuleSet } from './rules';
import { combinedScore, compileRules, scoreLeads } from './score';
import {
  ICP_TIERS,
  INTENT_ROUTES,
  INTENT_TIERS,
  MATRIX_ROUTES,
  icpTierOf,
  intentTierOf,
  type IntentTier,
} from './tiers';

export interface HistogramBin {
  /** Score range [from, to); the last bin includes 100. */
  readonly from: number;
  readonly to: number;
  readonly converted: number;
  readonly notConverted: number;
}

export interface ScoreAuc {
  readonly fit: number | null;
  readonly intent: number | null;
  /** fitWeight × fit + (1 − fitWeight) × intent. */
  readonly combined: number | null;
}

export interface MatrixCell {
  readonly icpTier: string;
  readonly intentTier: IntentTier;
  readonly leads: number;
  readonly converted: number;
  readonly rate: number | null;
  readonly route: string;
}

export interface ScoringSummary {
  readonly leads: number;
  readonly matured: number;
  /** Current intent tiers (as of asOf) over leads in scope. */
  readonly tiers: Readonly<Record<IntentTier, number>>;
  readonly histograms: { readonly fit: readonly HistogramBin[]; readonly intent: readonly HistogramBin[] };
  readonly matrix: readonly MatrixCell[];
  readonly auc: { readonly sqo: ScoreAuc; readonly won: ScoreAuc };
  readonly lift: readonly {
    readonly decile: number;
    readonly fit: number | null;
    readonly intent: number | null;
    readonly combined: number | null;
    readonly rateCombined: number | null;
  }[];
  readonly calibration: { readonly intent: readonly CalibrationBin[]; readonly combined: readonly CalibrationBin[] };
  readonly tierOutcomes: readonly (TierOutcome & { readonly tier: IntentTier; readonly route: string })[];
  /** The MQL rule at the current thresholds over matured leads: precision and recall (null for 0/0). */
  readonly atThreshold: {
    readonly qualified: number;
    readonly precisionSqo: number | null;
    readonly recallSqo: number | null;
    readonly precisionWon: number | null;
    readonly recallWon: number | null;
  };
}

const BIN = 5;

function histogram(score: Float32Array, label: Uint8Array, mask: Uint8Array): HistogramBin[] {
  const bins = 100 / BIN;
  const conv = new Float64Array(bins);
  const not = new Float64Array(bins);
  for (let i = 0; i < score.length; i++) {
    if (!mask[i]) continue;
    const b = Math.min(bins - 1, Math.floor(score[i]! / BIN));
    if (label[i]) conv[b]!++;
    else not[b]!++;
  }
  return Array.from({ length: bins }, (_, b) => ({
    from: b * BIN,
    to: (b + 1) * BIN,
    converted: conv[b]!,
    notConverted: not[b]!,
  }));
}

export function scoringSummary(ds: Dataset, rules: RuleSet, scope: Uint8Array, asOf: number): ScoringSummary {
  const compiled = compileRules(ds, rules);
  const r = compiled.rules;
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const now = scoreLeads(ds, compiled, { asOf });
  const hist = scoreLeads(ds, compiled, { asOf, cutoff: out.cutoff });
  const n = ds.leads.count;
  const matured = new Uint8Array(n);
  let leads = 0;
  let nMatured = 0;
  const tiers = [0, 0, 0];
  const intentTier = new Uint8Array(n).fill(255);
  const combined = new Float32Array(n);
  const w = r.qualification.fitWeight;
  const cells = Array.from({ length: 9 }, () => ({ leads: 0, converted: 0 }));
  // qualified, qualified∧SQO, qualified∧won, all SQO, all won (matured leads).
  const pr = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    if (!scope[i]) continue;
    leads++;
    tiers[intentTierOf(now.intent[i]!, r.tiers)]!++;
    if (!out.matured[i]) continue;
    matured[i] = 1;
    nMatured++;
    const it = intentTierOf(hist.intent[i]!, r.tiers);
    intentTier[i] = it;
    combined[i] = combinedScore(hist.fit[i]!, hist.intent[i]!, w);
    const cell = cells[icpTierOf(hist.fit[i]!, r.tiers) * 3 + it]!;
    cell.leads++;
    cell.converted += out.reachedSqo[i]!;
    pr[3]! += out.reachedSqo[i]!;
    pr[4]! += out.won[i]!;
    if (passesMql(hist.fit[i]!, hist.intent[i]!, r.qualification)) {
      pr[0]!++;
      pr[1]! += out.reachedSqo[i]!;
      pr[2]! += out.won[i]!;
    }
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  // Each score sorted once, for both labels' AUC and the lift.
  const byFit = rankOrder(hist.fit, matured);
  const byIntent = rankOrder(hist.intent, matured);
  const byCombined = rankOrder(combined, matured);
  const aucOf = (label: Uint8Array): ScoreAuc => ({
    fit: rocAuc(hist.fit, label, matured, byFit),
    intent: rocAuc(hist.intent, label, matured, byIntent),
    combined: rocAuc(combined, label, matured, byCombined),
  });
  const lf = liftByDecile(hist.fit, out.reachedSqo, matured, byFit);
  const li = liftByDecile(hist.intent, out.reachedSqo, matured, byIntent);
  const lc = liftByDecile(combined, out.reachedSqo, matured, byCombined);
  const to = tierOutcomes(intentTier, out.reachedSqo, out.won, out.wonCents, matured);
  return {
    leads,
    matured: nMatured,
    tiers: { High: tiers[0]!, Mid: tiers[1]!, Low: tiers[2]! },
    histograms: {
      fit: histogram(hist.fit, out.reachedSqo, matured),
      intent: histogram(hist.intent, out.reachedSqo, matured),
    },
    matrix: cells.map((c, k) => ({
      icpTier: ICP_TIERS[Math.floor(k / 3)]!,
      intentTier: INTENT_TIERS[k % 3]!,
      leads: c.leads,
      converted: c.converted,
      rate: c.leads ? c.converted / c.leads : null,
      route: MATRIX_ROUTES[Math.floor(k / 3)]![k % 3]!,
    })),
    auc: { sqo: aucOf(out.reachedSqo), won: aucOf(out.won) },
    lift: lc.map((d, k) => ({
      decile: d.decile,
      fit: lf[k]!.lift,
      intent: li[k]!.lift,
      combined: d.lift,
      rateCombined: d.rate,
    })),
    calibration: {
      intent: calibration(hist.intent, out.reachedSqo, matured),
      combined: calibration(combined, out.reachedSqo, matured),
    },
    atThreshold: {
      qualified: pr[0]!,
      precisionSqo: ratio(pr[1]!, pr[0]!),
      recallSqo: ratio(pr[1]!, pr[3]!),
      precisionWon: ratio(pr[2]!, pr[0]!),
      recallWon: ratio(pr[2]!, pr[4]!),
    },
    tierOutcomes: to.map((t, k) => ({ ...t, tier: INTENT_TIERS[k]!, route: INTENT_ROUTES[INTENT_TIERS[k]!] })),
  };
}
