/**
 * Fit rules as SQL conditions, with the matching rules of the in-browser engine
 * (src/engine/scoring/fit.ts): text compares trimmed and lower-cased, `in` against any listed
 * value, `contains` as a substring (an empty needle never matches), `range` as [min, max) over the
 * number a text reads as; a number column compares numerically. A missing value (NULL) never
 * matches. Rule values are prepared here, in TypeScript, and reach the SQL only as literals.
 */
import type { FitRule } from '../engine/scoring/rules';
import type { CustomColumns, CustomKind } from './schema';
import {
  and,
  bool,
  caseWhen,
  cast,
  col,
  contains,
  afterLast,
  fn,
  inList,
  isNotNull,
  isNull,
  num,
  or,
  str,
  toDouble,
  bin,
  type Expr,
} from './sql/ast';

/** A fit attribute in SQL: the expression of its value and whether it reads as text or a number. */
export interface AttributeSql {
  readonly kind: 'text' | 'number';
  readonly value: Expr;
}

const LEAD_TEXT = new Set(['title', 'persona', 'seniority', 'country', 'source', 'campaign', 'owner']);
const ACCOUNT_TEXT: Readonly<Record<string, string>> = {
  industry: 'industry',
  region: 'region',
  techStack: 'tech_stack',
};
const ACCOUNT_NUMBER: Readonly<Record<string, string>> = { employees: 'employees', annualRevenue: 'annual_revenue' };

function declared(kinds: Readonly<Record<string, CustomKind>>, name: string, complete: boolean): CustomKind | null {
  if (!name) return null;
  if (Object.hasOwn(kinds, name)) return kinds[name]!;
  return complete ? null : 'text';
}

/**
 * The SQL of an attribute reference, reading leads as `lead` and accounts as `account` (the aliases
 * the lead-scores query joins them under), or null for a reference the engine does not know either
 * (such a rule scores nothing in the app, and nothing here).
 */
export function attributeSql(
  ref: string,
  custom: CustomColumns,
  leadAlias: string,
  accountAlias: string,
): AttributeSql | null {
  const [table, field, ...rest] = ref.split('.');
  if (field === undefined) return null;
  if (table === 'lead') {
    if (field === 'custom') {
      const name = rest.join('.');
      const kind = declared(custom.leads, name, custom.complete);
      if (!kind) return null;
      return { kind, value: kind === 'text' ? cast(col(leadAlias, name), 'text') : col(leadAlias, name) };
    }
    if (field === 'emailDomain') {
      const email = col(leadAlias, 'email');
      return { kind: 'text', value: caseWhen([[contains(email, str('@')), afterLast(email, '@')]]) };
    }
    return LEAD_TEXT.has(field) ? { kind: 'text', value: col(leadAlias, field) } : null;
  }
  if (table === 'account') {
    if (field === 'custom') {
      const name = rest.join('.');
      const kind = declared(custom.accounts, name, custom.complete);
      if (!kind) return null;
      return { kind, value: kind === 'text' ? cast(col(accountAlias, name), 'text') : col(accountAlias, name) };
    }
    const text = ACCOUNT_TEXT[field];
    if (text) return { kind: 'text', value: col(accountAlias, text) };
    const number = ACCOUNT_NUMBER[field];
    if (number) return { kind: 'number', value: col(accountAlias, number) };
  }
  return null;
}

const lowerTrim = (s: string) => s.trim().toLowerCase();

/** A number's text as JavaScript's `String()` gives it for integers (no trailing `.0`). */
function numberText(n: Expr): Expr {
  return caseWhen(
    [[and(bin('=', n, fn('FLOOR', n)), bin('<', fn('ABS', n), num(1e15))), cast(cast(n, 'bigint'), 'text')]],
    cast(n, 'text'),
  );
}

function rangeOf(rule: { readonly min?: number; readonly max?: number }, n: Expr): Expr {
  const parts: Expr[] = [isNotNull(n)];
  if (rule.min !== undefined) parts.push(bin('>=', n, num(rule.min)));
  if (rule.max !== undefined) parts.push(bin('<', n, num(rule.max)));
  return and(...parts);
}

/** Whether a JavaScript `Number()` of the text is a number (and the text not blank). */
function numeric(s: string): number | null {
  if (s.trim() === '') return null;
  const v = Number(s);
  return Number.isNaN(v) ? null : v;
}

/**
 * The condition under which a lead matches the rule. `always` matches every lead; `empty` a lead
 * without a value (no text or blank text, no number, no account).
 */
export function fitMatchSql(rule: FitRule, attr: AttributeSql): Expr {
  if (rule.op === 'always') return bool(true);
  if (attr.kind === 'text') {
    const v = fn('LOWER', fn('TRIM', attr.value));
    switch (rule.op) {
      case 'empty':
        return or(isNull(attr.value), bin('=', fn('TRIM', attr.value), str('')));
      case 'equals':
        return bin('=', v, str(lowerTrim(rule.value)));
      case 'in':
        return inList(v, [...new Set(rule.values.map(lowerTrim))].map(str));
      case 'contains':
        return rule.value.trim() === '' ? bool(false) : contains(v, str(lowerTrim(rule.value)));
      case 'range':
        return rangeOf(rule, toDouble(fn('TRIM', attr.value)));
    }
  }
  const n = attr.value;
  switch (rule.op) {
    case 'empty':
      return isNull(n);
    case 'range':
      return rangeOf(rule, n);
    case 'equals': {
      const x = numeric(rule.value);
      return x === null ? bool(false) : bin('=', n, num(x));
    }
    case 'in': {
      const xs = [...new Set(rule.values.map(numeric).filter((x): x is number => x !== null))];
      return inList(n, xs.map(num));
    }
    case 'contains':
      return rule.value.trim() === '' ? bool(false) : contains(numberText(n), str(rule.value.trim()));
  }
}
