/**
 * Lead and account attributes as per-lead columns, the form fit rules and the suggested-weights fit
 * read. Account attributes are gathered through the lead's account; money is in currency units.
 * Views are cached per dataset, so a rule edit does not rebuild them.
 */
import type { Column, Dataset, DictColumn } from '../model/columns';
import { domainOf, lastAtSign } from '../model/email-domain';
import type { AttributeRef } from './rules';

/** A per-lead attribute: dictionary codes (-1 missing) or numbers (NaN missing). */
export type AttributeView =
  | { readonly kind: 'dict'; readonly codes: Int32Array; readonly values: readonly string[] }
  | { readonly kind: 'num'; readonly values: Float64Array };

/** An attribute the UI can offer, with how it reads. */
export interface AttributeInfo {
  readonly ref: AttributeRef;
  readonly label: string;
  readonly kind: 'dict' | 'num';
}

const LEAD_DICT = ['title', 'persona', 'seniority', 'country', 'source', 'campaign', 'owner'] as const;
const ACCOUNT_DICT = ['industry', 'region', 'techStack'] as const;

const cache = new WeakMap<Dataset, Map<AttributeRef, AttributeView | null>>();

function gatherDict(ds: Dataset, col: DictColumn): AttributeView {
  const acc = ds.leads.account;
  const codes = new Int32Array(ds.leads.count);
  for (let i = 0; i < codes.length; i++) {
    const a = acc[i]!;
    codes[i] = a < 0 ? -1 : col.codes[a]!;
  }
  return { kind: 'dict', codes, values: col.values };
}

function gatherNum(ds: Dataset, values: Float64Array, scale = 1): AttributeView {
  const acc = ds.leads.account;
  const out = new Float64Array(ds.leads.count);
  for (let i = 0; i < out.length; i++) {
    const a = acc[i]!;
    out[i] = a < 0 ? NaN : values[a]! * scale;
  }
  return { kind: 'num', values: out };
}

function fromColumn(ds: Dataset, col: Column, throughAccount: boolean): AttributeView {
  if (col.kind === 'num') return throughAccount ? gatherNum(ds, col.values) : { kind: 'num', values: col.values };
  return throughAccount ? gatherDict(ds, col) : { kind: 'dict', codes: col.codes, values: col.values };
}

/**
 * The e-mail domain (lower case, after the last `@`) as a dictionary column: the dataset's own
 * (`leads.emailDomain`, made when the leads were read), else derived here from the e-mails, with
 * the same codes. E-mails are nearly one per lead but their domains few, so each text after the
 * `@` is trimmed and lower-cased only the first time it is seen.
 */
function emailDomains(ds: Dataset): AttributeView {
  const read = ds.leads.emailDomain;
  if (read) return { kind: 'dict', codes: read.codes, values: read.values };
  const email = ds.leads.email;
  const byText = new Map<string, number>();
  const domainIndex = new Map<string, number>();
  const values: string[] = [];
  const emails = email.values;
  const map = new Int32Array(emails.length);
  for (let v = 0; v < emails.length; v++) {
    const e = emails[v]!;
    const at = lastAtSign(e);
    if (at < 0) {
      map[v] = -1;
      continue;
    }
    const text = e.slice(at + 1);
    let code = byText.get(text);
    if (code === undefined) {
      const d = domainOf(text);
      code = domainIndex.get(d);
      if (code === undefined) {
        code = values.length;
        values.push(d);
        domainIndex.set(d, code);
      }
      byText.set(text, code);
    }
    map[v] = code;
  }
  const codes = new Int32Array(ds.leads.count);
  for (let i = 0; i < codes.length; i++) {
    const c = email.codes[i]!;
    codes[i] = c < 0 ? -1 : map[c]!;
  }
  return { kind: 'dict', codes, values };
}

function build(ds: Dataset, ref: AttributeRef): AttributeView | null {
  const [table, field, ...rest] = ref.split('.');
  if (table === 'lead') {
    if (field === 'custom') {
      const col = ds.leads.custom[rest.join('.')];
      return col ? fromColumn(ds, col, false) : null;
    }
    if (field === 'emailDomain') return emailDomains(ds);
    if ((LEAD_DICT as readonly string[]).includes(field ?? ''))
      return fromColumn(ds, ds.leads[field as (typeof LEAD_DICT)[number]], false);
    return null;
  }
  if (table === 'account') {
    if (field === 'custom') {
      const col = ds.accounts.custom[rest.join('.')];
      return col ? fromColumn(ds, col, true) : null;
    }
    if (field === 'employees') return gatherNum(ds, ds.accounts.employees);
    if (field === 'annualRevenue') return gatherNum(ds, ds.accounts.annualRevenueCents, 0.01);
    if ((ACCOUNT_DICT as readonly string[]).includes(field ?? ''))
      return gatherDict(ds, ds.accounts[field as (typeof ACCOUNT_DICT)[number]]);
  }
  return null;
}

/** Whether an attribute is read through the lead's account (`account.…`). */
export const isAccountAttribute = (ref: AttributeRef): boolean => ref.split('.')[0] === 'account';

/** `values.map((v) => v * scale)` without a call per element. */
function scaledCopy(values: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * scale;
  return out;
}

const accountCache = new WeakMap<Dataset, Map<AttributeRef, AttributeView | null>>();

function buildPerAccount(ds: Dataset, ref: AttributeRef): AttributeView | null {
  const [, field, ...rest] = ref.split('.');
  const scaled = (values: Float64Array, scale: number): AttributeView => ({
    kind: 'num',
    values: scale === 1 ? values : scaledCopy(values, scale),
  });
  if (field === 'custom') {
    const col = ds.accounts.custom[rest.join('.')];
    if (!col) return null;
    return col.kind === 'num' ? scaled(col.values, 1) : { kind: 'dict', codes: col.codes, values: col.values };
  }
  if (field === 'employees') return scaled(ds.accounts.employees, 1);
  if (field === 'annualRevenue') return scaled(ds.accounts.annualRevenueCents, 0.01);
  if ((ACCOUNT_DICT as readonly string[]).includes(field ?? '')) {
    const col = ds.accounts[field as (typeof ACCOUNT_DICT)[number]];
    return { kind: 'dict', codes: col.codes, values: col.values };
  }
  return null;
}

/**
 * An account attribute (`isAccountAttribute`) per account rather than per lead: the values the
 * per-lead view gathers through each lead's account (a lead without an account reads it as missing),
 * or null when the dataset has no such attribute. Rules over account attributes are matched per
 * account this way, then gathered to the leads once for all of them.
 */
export function accountAttributeView(ds: Dataset, ref: AttributeRef): AttributeView | null {
  let byRef = accountCache.get(ds);
  if (!byRef) accountCache.set(ds, (byRef = new Map()));
  if (!byRef.has(ref)) byRef.set(ref, buildPerAccount(ds, ref));
  return byRef.get(ref) ?? null;
}

/** The per-lead view of an attribute, or null when the dataset has no such attribute. */
export function attributeView(ds: Dataset, ref: AttributeRef): AttributeView | null {
  let byRef = cache.get(ds);
  if (!byRef) {
    byRef = new Map();
    cache.set(ds, byRef);
  }
  if (!byRef.has(ref)) byRef.set(ref, build(ds, ref));
  return byRef.get(ref) ?? null;
}

const LABELS: Readonly<Record<string, string>> = {
  'lead.title': 'Job title',
  'lead.persona': 'Persona',
  'lead.seniority': 'Seniority',
  'lead.country': 'Country',
  'lead.source': 'Source',
  'lead.campaign': 'Campaign',
  'lead.owner': 'SDR owner',
  'lead.emailDomain': 'E-mail domain',
  'account.industry': 'Industry',
  'account.region': 'Region',
  'account.techStack': 'Tech stack',
  'account.employees': 'Employees',
  'account.annualRevenue': 'Annual revenue',
};

/** Every attribute of the dataset a fit rule can read, custom columns included. */
export function listAttributes(ds: Dataset): AttributeInfo[] {
  const out: AttributeInfo[] = Object.entries(LABELS).map(([ref, label]) => ({
    ref,
    label,
    kind: ref === 'account.employees' || ref === 'account.annualRevenue' ? 'num' : 'dict',
  }));
  for (const [name, col] of Object.entries(ds.leads.custom))
    out.push({ ref: `lead.custom.${name}`, label: `${name} (lead, custom)`, kind: col.kind });
  for (const [name, col] of Object.entries(ds.accounts.custom))
    out.push({ ref: `account.custom.${name}`, label: `${name} (account, custom)`, kind: col.kind });
  return out;
}
