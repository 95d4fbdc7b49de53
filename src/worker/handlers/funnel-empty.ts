/**
 * Why the Funnel view has no lead to show, in words that tell the truth: no leads file, leads not
 * linked to the deals, or filters that exclude every lead — never "clear the filters" when none is set.
 */
import { datasetCapabilities, NEEDS } from '../../engine/capabilities';
import type { Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';

export interface EmptyReason {
  readonly title: string;
  readonly body: string;
}

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
  if (!caps.has.leads) {
    return {
      title: 'This dataset has no leads',
      body: `The lead funnel is not measurable — needs ${NEEDS.leads}.${caps.has.opportunities ? ' The Overview counts its opportunities: their funnel and win rate.' : ''}`,
    };
  }
  if (hasActiveFilters(filters))
    return {
      title: 'No leads match the filters',
      body: 'Widen the date range or clear the source, segment or owner filters.',
    };
  return { title: 'No lead was created by the as-of date', body: 'Choose a later as-of date.' };
}
