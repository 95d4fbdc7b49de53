/** The common inputs of every funnel query, turned into stage reach over the loaded dataset. */
import type { Filters } from '../../engine/filters/filters';
import { leadMask } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import { computeReach, type FunnelMode, type StageReach } from '../../engine/funnel/reach';
import { funnelPeriods, type Period } from '../../engine/funnel/periods';
import { groupsFor, listDimensions, type Dimension, type GroupCodes } from '../../engine/funnel/groups';
import { endOfIsoDay, isoDate } from '../../engine/time';

export interface FunnelScope {
  readonly filters: Filters;
  /** Inclusive (default) or strict stage counting. */
  readonly mode?: FunnelMode;
  /** ISO date (YYYY-MM-DD); defaults to the dataset's as-of. Read as the end of that day (23:59:59.999 UTC), as the CLI reads --as-of. */
  readonly asOf?: string;
}

export interface ResolvedScope {
  readonly reach: StageReach;
  readonly periods: Period[];
  /** ISO date. */
  readonly asOf: string;
}

/** The as-of instant: the end of the given day (23:59:59.999 UTC), or the dataset's default as-of. */
export function asOfInstant(ds: Dataset, asOf: string | undefined): number {
  if (asOf === undefined) return ds.meta.latestAt;
  const t = endOfIsoDay(asOf);
  if (!Number.isFinite(t)) throw new Error(`The as-of date must be YYYY-MM-DD, not "${asOf}".`);
  return t;
}

export function resolveScope(ds: Dataset, scope: FunnelScope): ResolvedScope {
  const t = asOfInstant(ds, scope.asOf);
  const reach = computeReach(ds, leadMask(ds, scope.filters), t, scope.mode ?? 'inclusive');
  return { reach, periods: funnelPeriods(reach, ds.meta.fiscalYearStartMonth), asOf: isoDate(t) };
}

/**
 * A breakdown dimension computed outside the dataset's own columns, e.g. the ICP or intent tier from
 * the scoring engine: one group code per lead. Pass such dimensions to `funnelHandlers` and they
 * appear beside the dataset's own in breakdowns, comparisons and drill-downs.
 */
export interface ExtraDimension {
  readonly dimension: Dimension;
  readonly groups: (ds: Dataset) => GroupCodes;
}

/** Every dimension on offer: the dataset's own, then the extra ones. */
export function allDimensions(ds: Dataset, extra: readonly ExtraDimension[]): Dimension[] {
  return [...listDimensions(ds), ...extra.map((e) => e.dimension)];
}

/** The group codes of a dimension id, from the dataset or an extra dimension; null when unknown. */
export function resolveGroups(ds: Dataset, id: string, extra: readonly ExtraDimension[]): GroupCodes | null {
  const e = extra.find((x) => x.dimension.id === id);
  return e ? e.groups(ds) : groupsFor(ds, id);
}
