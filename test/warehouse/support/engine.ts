/**
 * The in-browser engine's lead scores in the shape of the SQL's `lead_scores` rows, through the
 * engine's own functions, and a comparison that lists every difference.
 */
import type { Dataset } from '../../../src/engine/model/columns';
import { intentSums, leadIntent } from '../../../src/engine/scoring/intent-sums';
import { leadOutcomes } from '../../../src/engine/scoring/outcomes';
import { modelStages, qualificationFlags } from '../../../src/engine/scoring/qualification';
import type { RuleSet } from '../../../src/engine/scoring/rules';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import { ICP_TIERS, INTENT_TIERS, MATRIX_ROUTES, icpTierOf, intentTierOf } from '../../../src/engine/scoring/tiers';
import type { ScoringInstant } from '../../../src/warehouse/lead-scores';
import type { Row } from './duckdb';

export interface ScoreRow {
  readonly lead_id: string;
  readonly fit: number;
  readonly intent: number;
  readonly icp_tier: string;
  readonly intent_tier: string;
  readonly route: string;
  readonly is_mql: boolean;
  readonly is_sql: boolean;
  readonly is_sqo: boolean;
}

/** Engine scores; `intent` is the engine's double (`leadIntent`), before the Float32 storage. */
export function engineLeadScores(ds: Dataset, input: RuleSet, asOf: number, instant: ScoringInstant): ScoreRow[] {
  const compiled = compileRules(ds, input);
  const r = compiled.rules;
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const cutoff = instant === 'history' ? out.cutoff : undefined;
  const scores = scoreLeads(ds, compiled, { asOf, ...(cutoff ? { cutoff } : {}) });
  const sums = intentSums(ds, r.halfLifeDays, asOf, cutoff);
  const flags = qualificationFlags(ds, r.qualification, out.opportunity, asOf);
  const stages = modelStages(scores.fit, scores.intent, r.qualification, flags);
  return ds.leads.id.map((id, i) => {
    const fit = scores.fit[i]!;
    const intent32 = scores.intent[i]!;
    const icp = icpTierOf(fit, r.tiers);
    const it = intentTierOf(intent32, r.tiers);
    return {
      lead_id: id,
      fit,
      intent: leadIntent(sums, i, compiled.intent.points, compiled.intent.caps),
      icp_tier: ICP_TIERS[icp]!,
      intent_tier: INTENT_TIERS[it]!,
      route: MATRIX_ROUTES[icp]![it]!,
      is_mql: stages[i]! >= 1,
      is_sql: stages[i]! >= 3,
      is_sqo: stages[i]! === 4,
    };
  });
}

/** Every difference between SQL rows and engine rows (scores within `tol`, the rest exact). */
export function scoreDifferences(sql: readonly Row[], engine: readonly ScoreRow[], tol = 1e-9): string[] {
  const diffs: string[] = [];
  if (sql.length !== engine.length) diffs.push(`row count: SQL ${sql.length}, engine ${engine.length}`);
  const byId = new Map(sql.map((r) => [String(r.lead_id), r]));
  for (const e of engine) {
    const s = byId.get(e.lead_id);
    if (!s) {
      diffs.push(`${e.lead_id}: missing from SQL`);
      continue;
    }
    for (const k of ['fit', 'intent'] as const) {
      const v = Number(s[k]);
      if (!(Math.abs(v - e[k]) <= tol)) diffs.push(`${e.lead_id}.${k}: SQL ${v}, engine ${e[k]}`);
    }
    for (const k of ['icp_tier', 'intent_tier', 'route', 'is_mql', 'is_sql', 'is_sqo'] as const) {
      const v = typeof e[k] === 'boolean' ? asBool(s[k]) : s[k];
      if (v !== e[k]) diffs.push(`${e.lead_id}.${k}: SQL ${String(s[k])}, engine ${String(e[k])}`);
    }
    if (diffs.length > 20) break;
  }
  return diffs;
}

/** A boolean as DuckDB (true/false) or psql's CSV (t/f) gives it. */
export function asBool(v: unknown): boolean | unknown {
  if (v === 't') return true;
  if (v === 'f') return false;
  return v;
}
