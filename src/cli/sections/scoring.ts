/**
 * `revlens report` scoring keys: AUC of the fit and intent scores against reaching SQO (and won),
 * over matured leads scored at their history cut-off, and current intent tier counts, all under
 * the default rule set.
 */
import { leadMask } from '../../engine/filters/filters';
import { DEFAULT_RULE_SET } from '../../engine/scoring/defaults';
import { scoringSummary, type ScoringSummary } from '../../engine/scoring/summary';
import type { DatasetContext } from '../context';
import type { ReportSection } from './section';

const cache = new WeakMap<DatasetContext, ScoringSummary>();

function summaryOf(ctx: DatasetContext): ScoringSummary {
  let s = cache.get(ctx);
  if (!s) {
    s = scoringSummary(ctx.dataset, DEFAULT_RULE_SET, leadMask(ctx.dataset, {}), ctx.asOf);
    cache.set(ctx, s);
  }
  return s;
}

const fmt = (v: number | null) => (v === null ? 'no data' : v.toFixed(3));

export const scoringSection: ReportSection = {
  json: (ctx) => {
    const s = summaryOf(ctx);
    return {
      accuracy: {
        outcome: 'reached SQO',
        matured: s.matured,
        auc: { fit: s.auc.sqo.fit, intent: s.auc.sqo.intent, combined: s.auc.sqo.combined },
        aucWon: { fit: s.auc.won.fit, intent: s.auc.won.intent, combined: s.auc.won.combined },
      },
      tiers: s.tiers,
    };
  },
  text: (ctx) => {
    const s = summaryOf(ctx);
    return [
      `Scoring: AUC vs reached SQO over ${s.matured} matured leads: fit ${fmt(s.auc.sqo.fit)}, intent ${fmt(s.auc.sqo.intent)}, combined ${fmt(s.auc.sqo.combined)}`,
      `Intent tiers now: High ${s.tiers.High}, Mid ${s.tiers.Mid}, Low ${s.tiers.Low}`,
    ];
  },
};
