/**
 * `revlens fit <dataset> [--outcome won|sqo] [--exclude col,col] [--seed n] [--json]`: fits
 * suggested weights and prints the holdout AUC of the default and the suggested weights.
 */
import { DEFAULT_RULE_SET } from '../../engine/scoring/defaults';
import { DEFAULT_EXCLUDED } from '../../engine/scoring/features';
import { suggestWeights } from '../../engine/scoring/suggest';
import { CliError, type DatasetContext } from '../context';

export function runFit(ctx: DatasetContext): string {
  const { flags } = ctx.options;
  const outcome = flags.outcome ?? 'won';
  if (outcome !== 'won' && outcome !== 'sqo') throw new CliError(`--outcome takes won or sqo, not "${String(outcome)}"`);
  const seedFlag = flags.seed ?? '1';
  const seed = Number(seedFlag);
  if (typeof seedFlag !== 'string' || !Number.isInteger(seed)) throw new CliError(`--seed takes an integer, not "${String(seedFlag)}"`);
  const exclude = typeof flags.exclude === 'string' ? flags.exclude.split(',').map((s) => s.trim()).filter(Boolean) : [...DEFAULT_EXCLUDED];
  const s = suggestWeights(ctx.dataset, DEFAULT_RULE_SET, { asOf: ctx.asOf, outcome, exclude, seed });
  if (ctx.options.json) {
    return JSON.stringify({
      outcome: s.outcome,
      holdoutAuc: s.holdoutAuc,
      trainRows: s.trainRows,
      holdoutRows: s.holdoutRows,
      positives: s.positives,
      features: s.features,
      columnsUsed: s.columnsUsed,
      excluded: s.excluded,
      coefficients: s.coefficients,
      ruleSet: s.ruleSet,
    });
  }
  const f = (v: number | null) => (v === null ? 'no data' : v.toFixed(3));
  return [
    `Suggested weights for ${s.outcome === 'won' ? 'won' : 'reached SQO'}: ${s.trainRows} training rows, ${s.holdoutRows} holdout rows, ${s.positives} positives`,
    `Holdout AUC: default weights ${f(s.holdoutAuc.current)}, suggested ${f(s.holdoutAuc.suggested)} (as a rule set ${f(s.holdoutAuc.suggestedRules)})`,
    `Columns used: ${s.columnsUsed.join(', ')}`,
    `Excluded: ${s.excluded.join(', ') || 'none'}`,
    'Largest weights:',
    ...s.coefficients.slice(0, 10).map((c) => `  ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(3)}  ${c.feature}`),
  ].join('\n');
}
