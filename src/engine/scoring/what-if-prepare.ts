/**
 * Builds what-if contexts from a dataset and a rule set, and lists the leads whose status a rule set
 * changes. A context depends on everything but the MQL thresholds (see `thresholdFreeKey`), so a
 * cache keyed by that key serves a dragged threshold slider in O(1).
 */
import type { Dataset } from '../model/columns';
import { LEAD_STAGES } from '../model/stages';
import { leadOutcomes } from './outcomes';
import { modelStages, qualificationFlags } from './qualification';
import type { RuleSet } from './rules';
import { compileRules, scoreLeads } from './score';
import { buildWhatIfContext, type WhatIfContext } from './what-if';

/** The parts of a rule set a what-if context depends on: all but the MQL thresholds and tiers. */
export function thresholdFreeKey(r: RuleSet): string {
  const { mqlMinFit: _f, mqlMinIntent: _i, mqlMinCombined: _c, mqlMode: _m, ...q } = r.qualification;
  return JSON.stringify({ ...r, tiers: null, qualification: q });
}

export function prepareWhatIf(ds: Dataset, rules: RuleSet, scope: Uint8Array, asOf: number): WhatIfContext {
  const compiled = compileRules(ds, rules);
  const r = compiled.rules;
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const hist = scoreLeads(ds, compiled, { asOf, cutoff: out.cutoff });
  const mask = new Uint8Array(ds.leads.count);
  for (let i = 0; i < mask.length; i++) mask[i] = scope[i]! & out.matured[i]!;
  const flags = qualificationFlags(ds, r.qualification, out.opportunity, asOf);
  return buildWhatIfContext(ds, hist.fit, hist.intent, mask, flags, out, r.qualification.fitWeight);
}

/** A lead whose model stage differs from its recorded stage. */
export interface StatusChange {
  readonly leadId: string;
  readonly recordedStage: string;
  readonly modelStage: string;
  readonly fit: number;
  readonly intent: number;
  /** `newly qualified`, `dropped`, or `other stage`. */
  readonly change: string;
}

const STAGE_NAME = (code: number) => LEAD_STAGES[code] ?? 'lead';

/** Matured leads whose model MQL status differs from the recorded one (first `limit` by score). */
export function statusChanges(ds: Dataset, ctx: WhatIfContext, rules: RuleSet, limit: number): { readonly total: number; readonly rows: readonly StatusChange[] } {
  const stages = modelStages(ctx.fit, ctx.intent, rules.qualification, ctx.flags);
  const picked: number[] = [];
  let total = 0;
  for (let i = 0; i < stages.length; i++) {
    if (!ctx.mask[i]) continue;
    const modelQualified = stages[i]! >= 1;
    if (modelQualified === (ctx.outcomes.recordedMql[i] === 1)) continue;
    total++;
    picked.push(i);
  }
  picked.sort((a, b) => ctx.fit[b]! + ctx.intent[b]! - (ctx.fit[a]! + ctx.intent[a]!));
  const rows = picked.slice(0, limit).map((i) => {
    const model = stages[i]!;
    return {
      leadId: ds.leads.id[i] ?? '',
      recordedStage: STAGE_NAME(ctx.outcomes.recordedStage[i]!),
      modelStage: STAGE_NAME(model),
      fit: ctx.fit[i]!,
      intent: ctx.intent[i]!,
      change: model >= 1 ? 'newly qualified' : 'dropped',
    };
  });
  return { total, rows };
}
