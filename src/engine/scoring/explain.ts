/**
 * Why a lead has its scores: the fit rules it matched with their points, and per activity type the
 * count, the decayed points and what the cap kept. Reads one lead, so plain objects are fine here.
 */
import type { Dataset } from '../model/columns';
import { decayFactor, decayRatePerMs } from './decay';
import { attributeView } from './attributes';
import { matchesNumber, matchesText } from './fit';
import { matchesMissing, type FitRule, type RuleSet } from './rules';

export interface FitContribution {
  readonly ruleId: string;
  readonly label: string;
  /** How the rule matched (`always`: base points every lead gets; `empty`: the lead has no value). */
  readonly op: FitRule['op'];
  /** The lead's value of the attribute, as text ("" when missing). */
  readonly value: string;
  readonly points: number;
}

export interface IntentContribution {
  readonly type: string;
  readonly count: number;
  /** Σ decayed points before the cap. */
  readonly decayed: number;
  /** After the cap: what the type adds to the score. */
  readonly counted: number;
}

export interface LeadExplanation {
  readonly leadId: string;
  readonly fit: { readonly rules: readonly FitContribution[]; readonly sum: number; readonly score: number };
  readonly intent: {
    readonly types: readonly IntentContribution[];
    readonly sum: number;
    readonly score: number;
    readonly scoredAt: number;
  };
}

const clamp100 = (v: number) => Math.min(100, Math.max(0, v));

export function explainLead(ds: Dataset, rules: RuleSet, lead: number, scoredAt: number): LeadExplanation {
  const fitRules: FitContribution[] = [];
  for (const r of rules.fitRules) {
    if (r.points === 0) continue;
    if (r.op === 'always') {
      fitRules.push({ ruleId: r.id, label: r.label, op: r.op, value: '', points: r.points });
      continue;
    }
    const view = attributeView(ds, r.attribute);
    if (!view) continue;
    if (view.kind === 'dict') {
      const c = view.codes[lead]!;
      const value = c < 0 ? '' : view.values[c]!;
      if (c >= 0 ? matchesText(r, value) : matchesMissing(r))
        fitRules.push({ ruleId: r.id, label: r.label, op: r.op, value, points: r.points });
    } else {
      const v = view.values[lead]!;
      if (matchesNumber(r, v))
        fitRules.push({
          ruleId: r.id,
          label: r.label,
          op: r.op,
          value: Number.isNaN(v) ? '' : String(v),
          points: r.points,
        });
    }
  }
  const fitSum = fitRules.reduce((s, c) => s + c.points, 0);
  // The intent score's own arithmetic (./intent-sums.ts): per type, the decay factors summed, times
  // the points, capped; summed over types in type-code order.
  const byType = new Map(rules.activities.map((a) => [a.type, a]));
  const acc = new Map<number, { count: number; factors: number }>();
  const { start, type, at, typeNames } = ds.activities;
  const decayRate = decayRatePerMs(rules.halfLifeDays);
  for (let j = start[lead]!; j < start[lead + 1]!; j++) {
    if (at[j]! > scoredAt) break;
    const e = acc.get(type[j]!) ?? { count: 0, factors: 0 };
    e.count++;
    e.factors += decayFactor(scoredAt - at[j]!, decayRate);
    acc.set(type[j]!, e);
  }
  const byCode = [...acc].sort((a, b) => a[0] - b[0]);
  const types: IntentContribution[] = byCode.map(([code, e]) => {
    const rule = byType.get(typeNames[code]!);
    const decayed = rule && rule.points !== 0 ? rule.points * e.factors : 0;
    const cap = rule?.cap ?? 0;
    return {
      type: typeNames[code]!,
      count: e.count,
      decayed,
      counted: decayed > cap ? cap : decayed < -cap ? -cap : decayed,
    };
  });
  const intentSum = types.reduce((s, c) => s + c.counted, 0);
  types.sort((a, b) => Math.abs(b.counted) - Math.abs(a.counted));
  return {
    leadId: ds.leads.id[lead] ?? '',
    fit: { rules: fitRules, sum: fitSum, score: clamp100(fitSum) },
    intent: { types, sum: intentSum, score: clamp100(intentSum), scoredAt },
  };
}
