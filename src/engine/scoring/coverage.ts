/**
 * Whether a rule set reads anything of a dataset. Rules written for another CRM (attributes and
 * activity types the data lacks or leaves empty) give every lead the same scores, so their accuracy is 0.5 by
 * construction: the Intent view and the suggested-weights fit say so instead of showing it as data.
 */
import type { Dataset } from '../model/columns';
import { attributeView } from './attributes';
import type { RuleSet } from './rules';

/** Whether any lead has a value for the attribute (a column the file lacks, or leaves empty, has none). */
function hasValues(ds: Dataset, ref: string): boolean {
  const view = attributeView(ds, ref);
  if (!view) return false;
  if (view.kind === 'dict') return view.codes.some((c) => c >= 0);
  return view.values.some((v) => !Number.isNaN(v));
}

/** A sentence saying the rules read no column of the dataset, or null when some rule does. */
export function rulesReadNothing(ds: Dataset, rules: RuleSet): string | null {
  const fit = rules.fitRules.filter((r) => r.points !== 0 && r.op !== 'always');
  const acts = rules.activities.filter((a) => a.points !== 0);
  if (fit.length === 0 && acts.length === 0) return null;
  if (fit.some((r) => hasValues(ds, r.attribute))) return null;
  const seen = new Uint8Array(ds.activities.typeNames.length);
  for (const t of ds.activities.type) seen[t] = 1;
  const types = new Set(ds.activities.typeNames.filter((_, code) => seen[code]));
  if (acts.some((a) => types.has(a.type))) return null;
  const attrs = [...new Set(fit.map((r) => r.attribute))];
  const list = (xs: readonly string[]) =>
    xs.length > 4 ? `${xs.slice(0, 4).join(', ')} and ${xs.length - 4} more` : xs.join(', ');
  const parts = [
    attrs.length ? `attributes ${list(attrs)}` : '',
    acts.length ? `activity types ${list(acts.map((a) => a.type))}` : '',
  ].filter(Boolean);
  return `The current rules read no column of this dataset (${parts.join('; ')}): every lead gets the same fit and intent, so their accuracy is 0.5 by construction. Fit suggested weights (Qualification rules) to get rules that read this data.`;
}
