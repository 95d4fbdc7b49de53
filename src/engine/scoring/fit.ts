/**
 * Fit score: Σ points of the matched fit rules, clamped to [0, 100] (SPEC §10). Rules are compiled
 * once per (dataset, rules) into per-attribute point tables: dictionary attributes become a points
 * array indexed by the dictionary code (every rule on that attribute summed), numeric attributes a
 * short list of predicates. Scoring is then one pass over leads per attribute, no per-lead objects.
 */
import type { Dataset } from '../model/columns';
import { attributeView } from './attributes';
import { matchesMissing, type FitRule } from './rules';

/**
 * A compiled term of the fit score: an attribute's points by dictionary code (`missingPoints` for a
 * lead without a value), an attribute's numeric rules, or the base points every lead gets.
 */
export type FitTerm =
  | {
      readonly kind: 'dict';
      readonly codes: Int32Array;
      readonly pointsByCode: Float64Array;
      readonly missingPoints: number;
    }
  | { readonly kind: 'num'; readonly values: Float64Array; readonly rules: readonly FitRule[] }
  | { readonly kind: 'all'; readonly points: number };

export interface CompiledFit {
  readonly terms: readonly FitTerm[];
  /** Rules whose attribute the dataset lacks: they score nothing and the UI says so. */
  readonly missingAttributes: readonly string[];
}

/** A text as the text rules compare it: trimmed and lower-cased. */
export const lowerText = (s: string) => s.trim().toLowerCase();

/**
 * Whether a text value matches a rule (case-insensitive; a range reads the text as a number; blank
 * text is an empty value). A lead with no dictionary code at all matches only `matchesMissing` rules.
 * For many values, make the rule's test once with `textMatcher`.
 */
export function matchesText(rule: FitRule, value: string): boolean {
  return textMatcher(rule)(lowerText(value), value);
}

/**
 * The test of one rule, made once for many values: `test(lowered, value)` answers whether `value`
 * matches given `lowered`, the value as `lowerText` gives it, so a dictionary of many values is
 * lower-cased once for all its rules and each rule's own values once for all the dictionary's.
 */
export function textMatcher(rule: FitRule): (lowered: string, value: string) => boolean {
  switch (rule.op) {
    case 'always':
      return () => true;
    case 'empty':
      return (v) => v === '';
    case 'equals': {
      const want = lowerText(rule.value);
      return (v) => v === want;
    }
    case 'in': {
      const wanted = new Set(rule.values.map(lowerText));
      return (v) => wanted.has(v);
    }
    case 'contains': {
      const part = lowerText(rule.value);
      const blank = rule.value.trim() === '';
      return (v) => !blank && v.includes(part);
    }
    case 'range':
      return (_, value) => value.trim() !== '' && matchesNumber(rule, Number(value));
  }
}

/** Whether a number matches a rule: range is [min, max); NaN (missing) matches only `empty` and `always`. */
export function matchesNumber(rule: FitRule, value: number): boolean {
  if (Number.isNaN(value)) return matchesMissing(rule);
  switch (rule.op) {
    case 'always':
      return true;
    case 'empty':
      return false;
    case 'range':
      return (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value < rule.max);
    case 'equals':
      return rule.value.trim() !== '' && value === Number(rule.value);
    case 'in':
      return rule.values.some((x) => x.trim() !== '' && Number(x) === value);
    case 'contains':
      return rule.value.trim() !== '' && String(value).includes(rule.value.trim());
  }
}

export function compileFit(ds: Dataset, rules: readonly FitRule[]): CompiledFit {
  const byAttribute = new Map<string, FitRule[]>();
  let base = 0;
  for (const r of rules) {
    if (r.points === 0) continue;
    if (r.op === 'always') {
      base += r.points;
      continue;
    }
    const list = byAttribute.get(r.attribute) ?? [];
    list.push(r);
    byAttribute.set(r.attribute, list);
  }
  const terms: FitTerm[] = base === 0 ? [] : [{ kind: 'all', points: base }];
  const missing: string[] = [];
  for (const [ref, list] of byAttribute) {
    const view = attributeView(ds, ref);
    if (!view) {
      missing.push(ref);
      continue;
    }
    if (view.kind === 'num') {
      terms.push({ kind: 'num', values: view.values, rules: list });
      continue;
    }
    const pointsByCode = new Float64Array(view.values.length);
    const tests = list.map(textMatcher);
    view.values.forEach((value, code) => {
      const lowered = lowerText(value);
      for (let k = 0; k < list.length; k++) if (tests[k]!(lowered, value)) pointsByCode[code]! += list[k]!.points;
    });
    const missingPoints = list.reduce((sum, r) => (matchesMissing(r) ? sum + r.points : sum), 0);
    terms.push({ kind: 'dict', codes: view.codes, pointsByCode, missingPoints });
  }
  return { terms, missingAttributes: missing };
}

/** Fit scores of every lead, written into `out` (length = leads). */
export function scoreFit(fit: CompiledFit, out: Float32Array): Float32Array {
  const n = out.length;
  const sum = new Float64Array(n);
  for (const t of fit.terms) {
    if (t.kind === 'all') {
      for (let i = 0; i < n; i++) sum[i]! += t.points;
    } else if (t.kind === 'dict') {
      const { codes, pointsByCode, missingPoints } = t;
      for (let i = 0; i < n; i++) {
        const c = codes[i]!;
        sum[i]! += c >= 0 ? pointsByCode[c]! : missingPoints;
      }
    } else {
      const { values } = t;
      for (const r of t.rules) {
        if (r.op === 'range') {
          const lo = r.min ?? -Infinity;
          const hi = r.max ?? Infinity;
          for (let i = 0; i < n; i++) {
            const v = values[i]!;
            if (v >= lo && v < hi) sum[i]! += r.points;
          }
        } else {
          for (let i = 0; i < n; i++) if (matchesNumber(r, values[i]!)) sum[i]! += r.points;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const s = sum[i]!;
    out[i] = s < 0 ? 0 : s > 100 ? 100 : s;
  }
  return out;
}
