/**
 * Why a lead has its scores: the fit rules it matched with their points, and per activity type the
 * count, the decayed points and what the cap kept. Reads one lead, so plain objects are fine here.
 */
import type { Dataset } from '../model/columns';
import { DAY_MS } from '../time';
import { attributeView } from './attributes';
import { matchesNumber, matchesText } from './fit';
import type { RuleSet } from './rules';

export interface FitContribution {
  readonly ruleId: string;
  readonly label: string;
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
  readonly intent: { readonly types: readonly IntentContribution[]; readonly sum: number; readonly score: number; readonly scoredAt: number };
}

const clamp100 = (v: number) => Math.min(100, Math.max(0, v));

export function explainLead(ds: Dataset, rules: RuleSet, lead: number, scoredAt: number): LeadExplanation {
  const fitRules: FitContribution[] = [];
  for (const r of rules.fitRules) {
    const view = attributeView(ds, r.attribute);
    if (!view || r.points === 0) continue;
    if (view.kind === 'dict') {
      const c = view.codes[lead]!;
      const value = c < 0 ? '' : view.values[c]!;
      if (c >= 0 && matchesText(r, value)) fitRules.push({ ruleId: r.id, label: r.label, value, points: r.points });
    } else {
      const v = view.values[lead]!;
      if (matchesNumber(r, v)) fitRules.push({ ruleId: r.id, label: r.label, value: String(v), points: r.points });
    }
  }
  const fitSum = fitRules.reduce((s, c) => s + c.points, 0);
  const byType = new Map(rules.activities.map((a) => [a.type, a]));
  const acc = new Map<string, { count: number; decayed: number }>();
  const { start, type, at, typeNames } = ds.activities;
  for (let j = start[lead]!; j < start[lead + 1]!; j++) {
    if (at[j]! > scoredAt) break;
    const name = typeNames[type[j]!]!;
    const rule = byType.get(name);
    const e = acc.get(name) ?? { count: 0, decayed: 0 };
    e.count++;
    if (rule) e.decayed += rule.points * 0.5 ** ((scoredAt - at[j]!) / DAY_MS / rules.halfLifeDays);
    acc.set(name, e);
  }
  const types: IntentContribution[] = [...acc].map(([t, e]) => {
    const cap = byType.get(t)?.cap ?? 0;
    return { type: t, count: e.count, decayed: e.decayed, counted: Math.max(-cap, Math.min(cap, e.decayed)) };
  });
  types.sort((a, b) => Math.abs(b.counted) - Math.abs(a.counted));
  const intentSum = types.reduce((s, c) => s + c.counted, 0);
  return {
    leadId: ds.leads.id[lead] ?? '',
    fit: { rules: fitRules, sum: fitSum, score: clamp100(fitSum) },
    intent: { types, sum: intentSum, score: clamp100(intentSum), scoredAt },
  };
}
