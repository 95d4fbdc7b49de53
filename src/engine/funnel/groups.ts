/**
 * Breakdown dimensions as per-lead group codes. Any grouping of leads — a lead or account attribute,
 * a custom column, the quarter of creation, or a tier computed elsewhere (ICP or intent tier) — is a
 * `GroupCodes`: one code per lead (-1 for "no value") and the label of each code. Breakdowns take any
 * GroupCodes, so a new dimension plugs in without touching the funnel maths.
 */
import type { Column, Dataset, DictColumn } from '../model/columns';
import { SEGMENTS, segmentOf } from '../segments';
import { quarterNumber, quarterOf } from '../time';

export interface GroupCodes {
  /** Dimension name, e.g. "source". */
  readonly name: string;
  /** Per lead: index into `labels`, or -1 when the lead has no value (grouped under "(none)"). */
  readonly codes: Int32Array;
  readonly labels: readonly string[];
}

/** Label of the group of leads without a value. */
export const NONE_LABEL = '(none)';

/** Groups leads by a dictionary column of the lead table. */
export function groupsFromLeadDict(name: string, column: DictColumn): GroupCodes {
  return { name, codes: column.codes, labels: column.values };
}

/** Groups leads by a column of their account (-1 for leads without an account or value). */
export function groupsFromAccountColumn(ds: Dataset, name: string, column: Column): GroupCodes {
  const perAccount = columnCodes(column);
  return { name, codes: gatherByAccount(ds.leads.account, perAccount.codes), labels: perAccount.labels };
}

/** Per lead, its account's code (-1 for a lead without an account). */
function gatherByAccount(account: ArrayLike<number>, perAccount: ArrayLike<number>): Int32Array {
  const codes = new Int32Array(account.length);
  for (let i = 0; i < codes.length; i++) {
    const a = account[i]!;
    codes[i] = a < 0 ? -1 : perAccount[a]!;
  }
  return codes;
}

/** Codes of any column: dictionary codes as they are, numbers by distinct value (sorted). */
function columnCodes(column: Column): { codes: Int32Array; labels: string[] } {
  if (column.kind === 'dict') return { codes: column.codes, labels: [...column.values] };
  const distinct = [...new Set(Array.from(column.values).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
  const index = new Map(distinct.map((v, k) => [v, k]));
  return {
    codes: Int32Array.from(column.values, (v) => index.get(v) ?? -1),
    labels: distinct.map(String),
  };
}

/** Groups leads by a custom column of the lead table. */
export function groupsFromLeadColumn(name: string, column: Column): GroupCodes {
  return { name, ...columnCodes(column) };
}

/** Company-size segment of the lead's account (SMB, Mid-market, Enterprise, Unknown). */
export function segmentGroups(ds: Dataset): GroupCodes {
  return { name: 'segment', codes: Int32Array.from(leadSegmentCodes(ds)), labels: SEGMENTS };
}

const segmentCache = new WeakMap<Dataset, Uint8Array>();

/** Per lead, the index in SEGMENTS of its account's company-size segment (Unknown without an account). */
export function leadSegmentCodes(ds: Dataset): Uint8Array {
  let codes = segmentCache.get(ds);
  if (!codes) {
    const employees = ds.accounts.employees;
    const perAccount = new Uint8Array(ds.accounts.count);
    for (let a = 0; a < perAccount.length; a++) perAccount[a] = SEGMENTS.indexOf(segmentOf(employees[a]!));
    const unknown = SEGMENTS.indexOf('Unknown');
    const account = ds.leads.account;
    codes = new Uint8Array(account.length);
    for (let i = 0; i < codes.length; i++) {
      const a = account[i]!;
      codes[i] = a < 0 ? unknown : perAccount[a]!;
    }
    segmentCache.set(ds, codes);
  }
  return codes;
}

/**
 * Fiscal quarter in which the lead was created, labels (`quarterOf`) in text order, which is time
 * order for four-digit years. Quarters are told apart by `quarterNumber`, which names the same quarter
 * as `quarterOf` without building a Date; each label is written once, from one lead of its quarter.
 */
export function creationQuarterGroups(ds: Dataset): GroupCodes {
  const fy = ds.meta.fiscalYearStartMonth;
  const createdAt = ds.leads.createdAt;
  const n = createdAt.length;
  const numbers = new Float64Array(n);
  const firstLead = new Map<number, number>(); // quarter number (NaN: no date) → a lead in it
  for (let i = 0; i < n; i++) {
    const q = quarterNumber(createdAt[i]!, fy);
    numbers[i] = q;
    if (!firstLead.has(q)) firstLead.set(q, i);
  }
  const byLabel = [...firstLead].map(([q, i]) => ({ q, label: quarterOf(createdAt[i]!, fy) as string }));
  byLabel.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const index = new Map(byLabel.map((e, k) => [e.q, k]));
  const codes = new Int32Array(n);
  let lastQ = NaN;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const q = numbers[i]!;
    if (q !== lastQ) lastCode = index.get((lastQ = q))!;
    codes[i] = lastCode;
  }
  return { name: 'quarter', codes, labels: byLabel.map((e) => e.label) };
}

/** A dimension the UI and the CLI can offer. */
export interface Dimension {
  /**
   * Stable id used in URLs and the API, e.g. `source`, `lead:persona`, `account:industry`; the UI
   * names it. A custom column's id carries the column's name after `lead:` or `account:`.
   */
  readonly id: string;
  /**
   * Why the dimension makes a poor breakdown (ids, URLs, phones, timestamps, one value, nearly one
   * value per lead…), when it does: menus list it apart, under "more". Absent for good groups.
   */
  readonly more?: PoorGroup;
}

/** What a column's name or values look like when they are not categories. */
export type NotACategory = 'ids' | 'links' | 'phones' | 'emails' | 'dates' | 'addresses' | 'free-text' | 'record-ids';

/** Why a grouping makes a poor breakdown. */
export type PoorGroup =
  | { readonly kind: 'no-values' }
  | { readonly kind: 'one-value' }
  /** The column's name or most of its values say it holds no categories. */
  | { readonly kind: 'looks-like'; readonly what: NotACategory }
  /** More than `MAX_GROUPS` distinct values. */
  | { readonly kind: 'many-values'; readonly distinct: number }
  /** More than 5 values, and more than one per two leads with a value. */
  | { readonly kind: 'one-per-lead' };

/** Most groups a breakdown is offered with up front. */
export const MAX_GROUPS = 50;

const NOT_A_GROUP_NAME: readonly [RegExp, NotACategory][] = [
  [/(^|[^a-z])id$|[a-z]Id$|_id$|^id[^a-z]|\bID\b/, 'ids'],
  [/url|website|photo|link/i, 'links'],
  [/phone|fax|mobile/i, 'phones'],
  [/e-?mail/i, 'emails'],
  [/date|time|stamp|_at$|At$/, 'dates'],
  [/latitude|longitude|street|postal|zip/i, 'addresses'],
  [/description|comment|note/i, 'free-text'],
];

const NOT_A_GROUP_VALUE: readonly [RegExp, NotACategory][] = [
  [/^(https?:\/\/|www\.)/i, 'links'],
  [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'emails'],
  [/^\d{4}-\d{2}-\d{2}([ T]|$)|^\d{1,2}\/\d{1,2}\/\d{2,4}/, 'dates'],
  [/^\+?[\d ().-]{7,}$/, 'phones'],
  [/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/, 'record-ids'],
];

/**
 * Why a grouping makes a poor breakdown, or undefined when it is a good one: no value, one value,
 * more than `MAX_GROUPS` values or nearly one per lead, or a name or values that say ids, links,
 * phones, emails, dates or free text.
 */
export function notAGroup(name: string, g: GroupCodes): PoorGroup | undefined {
  const used = new Uint8Array(g.labels.length);
  let withValue = 0;
  const codes = g.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) continue;
    withValue++;
    used[c] = 1;
  }
  let distinct = 0;
  for (const u of used) distinct += u;
  if (withValue === 0) return { kind: 'no-values' };
  if (distinct === 1) return { kind: 'one-value' };
  for (const [re, what] of NOT_A_GROUP_NAME) if (re.test(name)) return { kind: 'looks-like', what };
  const sample = g.labels.filter((_, k) => used[k] === 1).slice(0, 200);
  const numbers = sample.every((v) => /^-?\d+(\.\d+)?$/.test(v.trim()));
  if (!numbers)
    for (const [re, what] of NOT_A_GROUP_VALUE) {
      if (sample.filter((v) => re.test(v.trim())).length >= 0.8 * sample.length) return { kind: 'looks-like', what };
    }
  if (distinct > MAX_GROUPS) return { kind: 'many-values', distinct };
  if (distinct > 5 && distinct > withValue / 2) return { kind: 'one-per-lead' };
  return undefined;
}

const LEAD_DICTS = ['source', 'campaign', 'owner', 'country', 'persona', 'seniority'] as const;
const ACCOUNT_DICTS = ['industry', 'region'] as const;
const dimensionCache = new WeakMap<Dataset, readonly Dimension[]>();

/** Every breakdown dimension the dataset offers, custom columns included. Judged once per dataset. */
export function listDimensions(ds: Dataset): Dimension[] {
  let dims = dimensionCache.get(ds);
  if (!dims) dimensionCache.set(ds, (dims = judgeDimensions(ds)));
  return [...dims];
}

function judgeDimensions(ds: Dataset): Dimension[] {
  const out: Dimension[] = [];
  const add = (id: string, column: string) => {
    const g = computeGroups(ds, id);
    // Built-in dimensions are named for what they hold; only their values are judged.
    const more: PoorGroup | undefined =
      g === null ? { kind: 'no-values' } : id === 'quarter' ? undefined : notAGroup(column, g);
    out.push(more === undefined ? { id } : { id, more });
  };
  for (const id of ['source', 'campaign', 'owner', 'segment', 'quarter', ...LEAD_DICTS.slice(3), ...ACCOUNT_DICTS]) {
    add(id, 'value');
  }
  for (const c of Object.keys(ds.leads.custom)) add(`lead:${c}`, c);
  for (const c of Object.keys(ds.accounts.custom)) add(`account:${c}`, c);
  // Good groups first, in their order; the rest after them, in theirs.
  return [...out.filter((d) => d.more === undefined), ...out.filter((d) => d.more !== undefined)];
}

const groupCache = new WeakMap<Dataset, Map<string, GroupCodes | null>>();

/** The group codes of a dimension id, or null when the dataset has no such dimension. The last four asked are kept. */
export function groupsFor(ds: Dataset, id: string): GroupCodes | null {
  let byId = groupCache.get(ds);
  if (!byId) groupCache.set(ds, (byId = new Map()));
  let g = byId.get(id);
  if (g === undefined) {
    byId.set(id, (g = computeGroups(ds, id)));
    if (byId.size > 4) byId.delete(byId.keys().next().value!); // the four last asked
  }
  return g;
}

function computeGroups(ds: Dataset, id: string): GroupCodes | null {
  const L = ds.leads;
  if ((LEAD_DICTS as readonly string[]).includes(id))
    return groupsFromLeadDict(id, L[id as (typeof LEAD_DICTS)[number]]);
  if ((ACCOUNT_DICTS as readonly string[]).includes(id)) {
    return groupsFromAccountColumn(ds, id, ds.accounts[id as (typeof ACCOUNT_DICTS)[number]]);
  }
  if (id === 'segment') return segmentGroups(ds);
  if (id === 'quarter') return creationQuarterGroups(ds);
  if (id.startsWith('lead:')) {
    const c = L.custom[id.slice(5)];
    return c ? groupsFromLeadColumn(id, c) : null;
  }
  if (id.startsWith('account:')) {
    const c = ds.accounts.custom[id.slice(8)];
    return c ? groupsFromAccountColumn(ds, id, c) : null;
  }
  return null;
}
