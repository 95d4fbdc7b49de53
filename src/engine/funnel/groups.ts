/**
 * Breakdown dimensions as per-lead group codes. Any grouping of leads — a lead or account attribute,
 * a custom column, the quarter of creation, or a tier computed elsewhere (ICP or intent tier) — is a
 * `GroupCodes`: one code per lead (-1 for "no value") and the label of each code. Breakdowns take any
 * GroupCodes, so a new dimension plugs in without touching the funnel maths.
 */
import type { Column, Dataset, DictColumn } from '../model/columns';
import { SEGMENTS, segmentOf } from '../segments';
import { quarterOf } from '../time';

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
  const codes = Int32Array.from(ds.leads.account, (a) => (a < 0 ? -1 : perAccount.codes[a]!));
  return { name, codes, labels: perAccount.labels };
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
  const codes = Int32Array.from(ds.leads.account, (a) =>
    SEGMENTS.indexOf(segmentOf(a < 0 ? NaN : ds.accounts.employees[a]!)),
  );
  return { name: 'segment', codes, labels: SEGMENTS };
}

/** Fiscal quarter in which the lead was created, labels in time order. */
export function creationQuarterGroups(ds: Dataset): GroupCodes {
  const labels: string[] = [];
  const perLead = Array.from(ds.leads.createdAt, (t) => quarterOf(t, ds.meta.fiscalYearStartMonth) as string);
  for (const q of new Set(perLead)) labels.push(q);
  labels.sort();
  const index = new Map(labels.map((q, k) => [q, k]));
  return { name: 'quarter', codes: Int32Array.from(perLead, (q) => index.get(q)!), labels };
}

/** A dimension the UI and the CLI can offer. */
export interface Dimension {
  /** Stable id used in URLs and the API, e.g. `source`, `lead:persona`, `account:industry`. */
  readonly id: string;
  readonly label: string;
}

const LEAD_DICTS = ['source', 'campaign', 'owner', 'country', 'persona', 'seniority'] as const;
const ACCOUNT_DICTS = ['industry', 'region'] as const;
const LABELS: Record<string, string> = {
  source: 'Source',
  campaign: 'Campaign',
  owner: 'Owner (SDR)',
  segment: 'Segment (company size)',
  quarter: 'Quarter created',
  country: 'Country',
  persona: 'Persona',
  seniority: 'Seniority',
  industry: 'Industry',
  region: 'Region',
};

/** Every breakdown dimension the dataset offers, custom columns included. */
export function listDimensions(ds: Dataset): Dimension[] {
  const out: Dimension[] = ['source', 'campaign', 'owner', 'segment', 'quarter', ...LEAD_DICTS.slice(3), ...ACCOUNT_DICTS].map(
    (id) => ({ id, label: LABELS[id]! }),
  );
  for (const c of Object.keys(ds.leads.custom)) out.push({ id: `lead:${c}`, label: `Lead: ${c}` });
  for (const c of Object.keys(ds.accounts.custom)) out.push({ id: `account:${c}`, label: `Account: ${c}` });
  return out;
}

/** The group codes of a dimension id, or null when the dataset has no such dimension. */
export function groupsFor(ds: Dataset, id: string): GroupCodes | null {
  const L = ds.leads;
  if ((LEAD_DICTS as readonly string[]).includes(id)) return groupsFromLeadDict(id, L[id as (typeof LEAD_DICTS)[number]]);
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
