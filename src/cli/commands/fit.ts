/**
 * `revlens fit <dataset> [--outcome won|sqo] [--exclude col,col] [--seed n] [--folds k] [--maturity-days n] [--json]`:
 * counts the population (matured leads, immature ones left out, positives and negatives per split),
 * then fits suggested weights and prints the cross-validated AUC (mean and range over k folds, and
 * the penalty the folds chose) and the holdout AUC of the default rules, the fitted model and the
 * model as points. `--json` adds `prediction`: the Platt calibration and, for the first N leads
 * (`--predictions N`, default 10), each lead's calibrated probability and its top 3 factors. When the population cannot support a fit it prints the counts, writes the
 * reason to stderr and exits 1, with no rule set.
 */
import { BOUNDS } from '../../engine/scoring/bounds';
import { DEFAULT_RULE_SET } from '../../engine/scoring/defaults';
import { DEFAULT_EXCLUDED } from '../../engine/scoring/features';
import type { FitPopulation } from '../../engine/scoring/population';
import { predictLeadsAt } from '../../engine/scoring/predictive';
import { suggestWeights } from '../../engine/scoring/suggest';
import { isoDate } from '../../engine/time';
import { CliError, type DatasetContext } from '../context';
import type { CommandOutput } from './import';

function populationLines(p: FitPopulation): string[] {
  const c = (n: number) => n.toLocaleString('en-US');
  return [
    `Population as of ${isoDate(p.asOf)}: ${c(p.inScope)} leads, ${c(p.matured)} matured (outcome known), ${c(p.immature)} immature left out (no outcome, younger than ${p.maturityDays} days)`,
    `  training: ${c(p.train.rows)} rows, ${c(p.train.positives)} positive, ${c(p.train.negatives)} negative`,
    `  holdout:  ${c(p.holdout.rows)} rows, ${c(p.holdout.positives)} positive, ${c(p.holdout.negatives)} negative`,
  ];
}

export function runFit(ctx: DatasetContext): CommandOutput {
  const { flags } = ctx.options;
  const outcome = flags.outcome ?? 'won';
  if (outcome !== 'won' && outcome !== 'sqo')
    throw new CliError(`--outcome takes won or sqo, not "${String(outcome)}"`);
  const seedFlag = flags.seed ?? '1';
  const seed = Number(seedFlag);
  if (typeof seedFlag !== 'string' || !Number.isInteger(seed))
    throw new CliError(`--seed takes an integer, not "${String(seedFlag)}"`);
  const matFlag = flags['maturity-days'] ?? String(DEFAULT_RULE_SET.maturityDays);
  const maturityDays = Number(matFlag);
  const { min, max } = BOUNDS.maturityDays;
  if (typeof matFlag !== 'string' || !Number.isInteger(maturityDays) || maturityDays < min || maturityDays > max) {
    throw new CliError(`--maturity-days takes a whole number of days from ${min} to ${max}, not "${String(matFlag)}"`);
  }
  const foldsFlag = flags.folds ?? '5';
  const folds = Number(foldsFlag);
  if (typeof foldsFlag !== 'string' || !Number.isInteger(folds) || folds < 2 || folds > 20)
    throw new CliError(`--folds takes a whole number from 2 to 20, not "${String(foldsFlag)}"`);
  const predFlag = flags.predictions ?? '10';
  const predictions = Number(predFlag);
  if (typeof predFlag !== 'string' || !Number.isInteger(predictions) || predictions < 0)
    throw new CliError(`--predictions takes a whole number of leads, not "${String(predFlag)}"`);
  const exclude =
    typeof flags.exclude === 'string'
      ? flags.exclude
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [...DEFAULT_EXCLUDED];
  const s = suggestWeights(
    ctx.dataset,
    { ...DEFAULT_RULE_SET, maturityDays },
    { asOf: ctx.asOf, outcome, exclude, seed, folds },
  );
  if (s.status === 'refused') {
    const output = ctx.options.json
      ? JSON.stringify({
          status: s.status,
          outcome: s.outcome,
          population: s.population,
          reason: s.reason,
          currentRulesNote: s.currentRulesNote,
          excluded: s.excluded,
          ruleSet: null,
        })
      : [`No fit for ${s.outcome === 'won' ? 'won' : 'reached SQO'}.`, ...populationLines(s.population)].join('\n');
    return { output, exitCode: 1, stderr: s.reason };
  }
  if (ctx.options.json) {
    const ds = ctx.dataset;
    const first = Uint32Array.from({ length: Math.min(predictions, ds.leads.count) }, (_, i) => i);
    const sample = predictLeadsAt(ds, s.predictive, ctx.asOf, first).map((p, i) => ({ leadId: ds.leads.id[i], ...p }));
    const output = JSON.stringify({
      status: s.status,
      outcome: s.outcome,
      population: s.population,
      holdoutAuc: s.holdoutAuc,
      crossValidation: s.crossValidation,
      trainRows: s.trainRows,
      holdoutRows: s.holdoutRows,
      positives: s.positives,
      currentRulesNote: s.currentRulesNote,
      features: s.features,
      columnsUsed: s.columnsUsed,
      excluded: s.excluded,
      coefficients: s.coefficients,
      ruleSet: s.ruleSet,
      prediction: {
        calibration: s.predictive.calibration,
        holdoutMeanProbability: s.calibrationCheck.meanProbability,
        holdoutPositiveRate: s.calibrationCheck.positiveRate,
        sample,
      },
    });
    return { output, exitCode: 0 };
  }
  const f = (v: number | null) => (v === null ? 'not measurable — needs both outcomes in the holdout' : v.toFixed(3));
  const cv = s.crossValidation;
  const output = [
    `Suggested weights for ${s.outcome === 'won' ? 'won' : 'reached SQO'}`,
    ...populationLines(s.population),
    `Cross-validated AUC of the fitted model: ${f(cv.aucMean)} mean over ${cv.k} folds (${f(cv.aucMin)}–${f(cv.aucMax)}); L2 penalty ${cv.lambda} chosen from ${cv.lambdaGrid.join(', ')}`,
    `Probability per lead: the model calibrated on the holdout by Platt scaling (mean ${(s.calibrationCheck.meanProbability * 100).toFixed(1)}% against ${(s.calibrationCheck.positiveRate * 100).toFixed(1)}% that reached the outcome)`,
    `Holdout AUC: default rules ${f(s.holdoutAuc.current)}, fitted model ${f(s.holdoutAuc.suggested)}, the model as points ${f(s.holdoutAuc.suggestedRules)}`,
    ...(s.currentRulesNote ? [s.currentRulesNote] : []),
    `Columns used: ${s.columnsUsed.join(', ')}`,
    `Excluded: ${s.excluded.join(', ') || 'none'}`,
    'Largest weights:',
    ...s.coefficients.slice(0, 10).map((c) => `  ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(3)}  ${c.feature}`),
  ].join('\n');
  return { output, exitCode: 0 };
}
