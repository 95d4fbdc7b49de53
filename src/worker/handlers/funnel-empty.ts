/**
 * Why the Funnel view has no lead to show, as the truth is: no leads file, filters that exclude
 * every lead, or no lead created by the as-of date — never "the filters" when none is set. The
 * Funnel view words it.
 */
import { datasetCapabilities } from '../../engine/capabilities';
import type { Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';

export type EmptyReason =
  /** The dataset has no (human) leads; `opportunities` when it has opportunities the Overview counts. */
  | { readonly kind: 'no-leads'; readonly opportunities: boolean }
  /** Leads exist, but the filters exclude every one. */
  | { readonly kind: 'filtered' }
  /** No filter is set, and no lead was created by the as-of date. */
  | { readonly kind: 'before-as-of' };

export function hasActiveFilters(f: Filters): boolean {
  return (
    f.from !== undefined ||
    f.to !== undefined ||
    (f.sources?.length ?? 0) > 0 ||
    (f.segments?.length ?? 0) > 0 ||
    (f.owners?.length ?? 0) > 0
  );
}

/** Null when leads are in scope; else why none is. */
export function funnelEmptyReason(ds: Dataset, filters: Filters, leadsInScope: number): EmptyReason | null {
  if (leadsInScope > 0) return null;
  const caps = datasetCapabilities(ds);
  if (!caps.has.leads) return { kind: 'no-leads', opportunities: caps.has.opportunities };
  return { kind: hasActiveFilters(filters) ? 'filtered' : 'before-as-of' };
}
