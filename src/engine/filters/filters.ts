/**
 * The dashboard's global filters, applied the same way by every view. Bots are always excluded
 * (SPEC §10); they are counted on the Data view.
 */
import type { Dataset } from '../model/columns';
import { segmentOf, type Segment } from '../segments';

export interface Filters {
  /** Inclusive start, epoch ms, on the lead's creation date. */
  readonly from?: number;
  /** Exclusive end, epoch ms. */
  readonly to?: number;
  /** Lead sources to keep; empty or absent keeps all. `(none)` keeps leads without a source. */
  readonly sources?: readonly string[];
  readonly segments?: readonly Segment[];
  /** Owners to keep: the lead's SDR or the AE of one of its opportunities. */
  readonly owners?: readonly string[];
}

export const NO_SOURCE = '(none)';

function codeSet(values: readonly string[], wanted: readonly string[] | undefined): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null;
  const set = new Set(wanted);
  return Uint8Array.from(values, (v) => (set.has(v) ? 1 : 0));
}

/**
 * Which leads pass the filters: 1 kept, 0 dropped. Bots are always dropped. O(leads + opportunities).
 */
export function leadMask(ds: Dataset, f: Filters): Uint8Array {
  const L = ds.leads;
  const mask = new Uint8Array(L.count);
  const sourceOk = codeSet(L.source.values, f.sources);
  const keepNoSource = f.sources?.includes(NO_SOURCE) ?? true;
  const segmentSet = f.segments && f.segments.length ? new Set<Segment>(f.segments) : null;
  const ownerOk = codeSet(L.owner.values, f.owners);
  const oppOwnerOfLead = ownerOk ? aeOwnedLeads(ds, f.owners ?? []) : null;
  const from = f.from ?? -Infinity;
  const to = f.to ?? Infinity;
  for (let i = 0; i < L.count; i++) {
    if (L.isBot[i]) continue;
    const t = L.createdAt[i]!;
    if (!(t >= from && t < to)) continue;
    if (sourceOk) {
      const c = L.source.codes[i]!;
      if (c < 0 ? !keepNoSource : !sourceOk[c]) continue;
    }
    if (segmentSet) {
      const a = L.account[i]!;
      const seg = segmentOf(a < 0 ? NaN : ds.accounts.employees[a]!);
      if (!segmentSet.has(seg)) continue;
    }
    if (ownerOk) {
      const c = L.owner.codes[i]!;
      if (!(c >= 0 && ownerOk[c]) && !oppOwnerOfLead![i]) continue;
    }
    mask[i] = 1;
  }
  return mask;
}

function aeOwnedLeads(ds: Dataset, owners: readonly string[]): Uint8Array {
  const O = ds.opportunities;
  const ok = codeSet(O.owner.values, owners)!;
  const out = new Uint8Array(ds.leads.count);
  for (let j = 0; j < O.count; j++) {
    const lead = O.lead[j]!;
    const c = O.owner.codes[j]!;
    if (lead >= 0 && c >= 0 && ok[c]) out[lead] = 1;
  }
  return out;
}

/**
 * Which opportunities pass the filters. An opportunity with a lead follows its lead's mask, except
 * that the owner filter matches the opportunity's own AE too; one without a lead is judged on its
 * own creation date, account segment and AE.
 */
export function opportunityMask(ds: Dataset, f: Filters, leads: Uint8Array = leadMask(ds, f)): Uint8Array {
  const O = ds.opportunities;
  const out = new Uint8Array(O.count);
  const segmentSet = f.segments && f.segments.length ? new Set<Segment>(f.segments) : null;
  const ownerOk = codeSet(O.owner.values, f.owners);
  const from = f.from ?? -Infinity;
  const to = f.to ?? Infinity;
  const hasSourceFilter = (f.sources?.length ?? 0) > 0;
  for (let j = 0; j < O.count; j++) {
    const lead = O.lead[j]!;
    if (lead >= 0) {
      out[j] = leads[lead]!;
      continue;
    }
    if (hasSourceFilter) continue;
    const t = O.createdAt[j]!;
    if (!(t >= from && t < to)) continue;
    if (segmentSet) {
      const a = O.account[j]!;
      if (!segmentSet.has(segmentOf(a < 0 ? NaN : ds.accounts.employees[a]!))) continue;
    }
    if (ownerOk) {
      const c = O.owner.codes[j]!;
      if (!(c >= 0 && ownerOk[c])) continue;
    }
    out[j] = 1;
  }
  return out;
}
