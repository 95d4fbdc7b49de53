/**
 * The weight-change recompute as plain named columns, the shape a SQL engine or a dataframe library
 * loads: one row per lead of the what-if population (matured, in scope), with one 0/1 column per fit
 * rule (`m0…`: the rule matches the lead), one column per activity type (`s0…`: the lead's decayed
 * activity sum of that type at its history instant), and the outcome and qualification columns.
 * What a weight change does not touch (rule matches, decayed sums) is given to the baselines
 * precomputed, as the engine keeps it cached; each recompute then scores every lead from the
 * weights and sums what the what-if shows over the leads that pass the MQL thresholds.
 */
import type { Dataset } from '../../src/engine/model/columns';
import { fitMatches } from '../../src/engine/scoring/fit-matches';
import { compileIntent } from '../../src/engine/scoring/intent';
import { intentSums } from '../../src/engine/scoring/intent-sums';
import { leadOutcomes } from '../../src/engine/scoring/outcomes';
import { cachedQualificationFlags } from '../../src/engine/scoring/qualification';
import type { RuleSet } from '../../src/engine/scoring/rules';
import { clampRuleSet } from '../../src/engine/scoring/validate';

export type WhatIfColumns = Record<string, Uint8Array | Float64Array>;

/** What the baselines return: sums over the leads that pass the MQL thresholds. */
export interface QualifiedSums {
  readonly mql: number;
  readonly sql: number;
  readonly sqo: number;
  readonly reachedSqo: number;
  readonly won: number;
  readonly wonCents: number;
  readonly recordedMql: number;
}

export interface BaselineInput {
  readonly columns: WhatIfColumns;
  readonly fitRules: number;
  readonly types: number;
}

/** Columns of the population of `rules` (its structure; the weights are the query's). */
export function whatIfColumns(ds: Dataset, rules: RuleSet, scope: Uint8Array): BaselineInput {
  const r = clampRuleSet(rules);
  const asOf = ds.meta.latestAt;
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const flags = cachedQualificationFlags(ds, r.qualification, out.opportunity, asOf);
  const matches = fitMatches(ds, r.fitRules);
  const sums = intentSums(ds, r.halfLifeDays, asOf, out.cutoff);
  const rows: number[] = [];
  for (let i = 0; i < ds.leads.count; i++) if (scope[i] && out.matured[i]) rows.push(i);
  const n = rows.length;
  const columns: WhatIfColumns = {};
  for (let k = 0; k < matches.rules; k++) {
    const m = new Uint8Array(n);
    rows.forEach((i, row) => (m[row] = matches.member[matches.combo[i]! * matches.rules + k]!));
    columns[`m${k}`] = m;
  }
  for (let t = 0; t < sums.types; t++) columns[`s${t}`] = new Float64Array(n);
  rows.forEach((i, row) => {
    for (let e = sums.start[i]!; e < sums.start[i + 1]!; e++) columns[`s${sums.type[e]!}`]![row] = sums.sum[e]!;
  });
  const pick = (src: ArrayLike<number>, make: (n: number) => Uint8Array | Float64Array) => {
    const c = make(n);
    rows.forEach((i, row) => (c[row] = src[i]!));
    return c;
  };
  const bytes = (x: number) => new Uint8Array(x);
  columns.sqlact = pick(flags.sqlActivity, bytes);
  columns.crit = pick(flags.criteriaMet, bytes);
  columns.rsqo = pick(out.reachedSqo, bytes);
  columns.won = pick(out.won, bytes);
  columns.wonc = pick(out.wonCents, (x) => new Float64Array(x));
  columns.rmql = pick(out.recordedMql, bytes);
  return { columns, fitRules: matches.rules, types: sums.types };
}

/** The fit and intent expressions of a rule set, weights written out as literals. */
export function scoreExpressions(
  ds: Dataset,
  rules: RuleSet,
  input: BaselineInput,
  fn: { least: string; greatest: string },
) {
  const r = clampRuleSet(rules);
  const clamp = (e: string, lo: number, hi: number) => `${fn.greatest}(${lo}, ${fn.least}(${hi}, ${e}))`;
  const fitTerms = r.fitRules.map((f, k) => `m${k} * ${f.points}`);
  const { points, caps } = compileIntent(ds, r.activities, r.halfLifeDays);
  const intentTerms: string[] = [];
  for (let t = 0; t < input.types; t++) {
    if (points[t] !== 0) intentTerms.push(clamp(`${points[t]} * s${t}`, -caps[t]!, caps[t]!));
  }
  return {
    fit: clamp(fitTerms.join(' + ') || '0', 0, 100),
    intent: clamp(intentTerms.join(' + ') || '0', 0, 100),
    pass: (fit: string, intent: string) => {
      const q = r.qualification;
      return q.mqlMode === 'single-score'
        ? `(${q.fitWeight} * ${fit} + ${1 - q.fitWeight} * ${intent}) >= ${q.mqlMinCombined}`
        : `${fit} >= ${q.mqlMinFit} AND ${intent} >= ${q.mqlMinIntent}`;
    },
  };
}
