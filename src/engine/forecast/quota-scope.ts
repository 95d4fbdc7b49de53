/**
 * Which quota the quota figures (coverage, attainment, gap) compare with under the filters in use
 * (SPEC §3, §10): the company quota when no filter narrows the deals; the plan's quota of the
 * selected segments or owners when the plan splits by that and nothing else narrows them; else none
 * — "quota is company-wide", never a filtered pipeline set against the whole company's quota.
 */
import type { Filters } from '../filters/filters';
import type { Dataset, QuotaSlice } from '../model/columns';

export type QuotaScopeKind = 'company' | 'slice' | 'companyWide';

export interface QuotaScope {
  readonly kind: QuotaScopeKind;
  /** Quota per quarter label (integer cents) for the selection; null when it is company-wide only. */
  readonly quotas: ReadonlyMap<string, number> | null;
  /** What the quota is, or why there is none, in a sentence. */
  readonly note: string;
}

/** Segment and owner names compare without case, spaces or hyphens ("Mid-market" = "mid market"). */
const norm = (v: string): string => v.toLowerCase().replace(/[\s_-]+/g, '');

/** The filters that narrow the deals, as the plan would have to split by them. */
function narrowing(f: Filters): { segment: boolean; owner: boolean; others: string[] } {
  const others: string[] = [];
  if ((f.sources?.length ?? 0) > 0) others.push('source');
  if (f.from !== undefined || f.to !== undefined) others.push('creation date');
  return { segment: (f.segments?.length ?? 0) > 0, owner: (f.owners?.length ?? 0) > 0, others };
}

/** Σ of the selected values' slices per quarter; a quarter missing a selected value has no quota. */
function sliceQuotas(
  slices: readonly QuotaSlice[],
  dimension: 'segment' | 'owner',
  selected: readonly string[],
): Map<string, number> {
  const wanted = new Set(selected.map(norm));
  const byQuarter = new Map<string, { cents: number; seen: Set<string> }>();
  for (const s of slices) {
    if (s.dimension !== dimension || !wanted.has(norm(s.value))) continue;
    const q = byQuarter.get(s.quarter) ?? { cents: 0, seen: new Set<string>() };
    q.cents += s.cents;
    q.seen.add(norm(s.value));
    byQuarter.set(s.quarter, q);
  }
  const out = new Map<string, number>();
  for (const [quarter, q] of byQuarter) if (q.seen.size === wanted.size) out.set(quarter, q.cents);
  return out;
}

export function quotaScope(ds: Dataset, f: Filters): QuotaScope {
  const n = narrowing(f);
  if (!n.segment && !n.owner && n.others.length === 0) {
    return { kind: 'company', quotas: ds.quotas, note: 'the company quota' };
  }
  const splits = new Set(ds.quotaSlices.map((s) => s.dimension));
  const split = (['segment', 'owner'] as const).find((d) => n[d]);
  if (split && n.others.length === 0 && !(n.segment && n.owner) && splits.has(split)) {
    const selected = (split === 'segment' ? f.segments : f.owners) ?? [];
    return {
      kind: 'slice',
      quotas: sliceQuotas(ds.quotaSlices, split, selected),
      note: `the plan's quota for ${split} ${selected.join(' + ')}`,
    };
  }
  const by = [...(n.segment ? ['segment'] : []), ...(n.owner ? ['owner'] : []), ...n.others];
  const has =
    splits.size === 0
      ? 'the plan has one quota for the whole company'
      : `the plan splits the quota by ${[...splits].join(' and ')} only`;
  return {
    kind: 'companyWide',
    quotas: null,
    note: `quota is company-wide: the filters select by ${by.join(' and ')}, and ${has}; coverage, attainment and gap are not shown for the selection`,
  };
}
