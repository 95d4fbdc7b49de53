/**
 * The state of a deal at any past instant, replayed from its recorded changes (the deal history).
 *
 * Rule per field: the value set by the deal's last change at or before the instant. Before its first
 * change of a field: for stage, amount and close date (which every deal has) the first value
 * recorded (the best knowledge of what the deal started with); for probability and forecast
 * category (which a rep sets when they choose) none. A field the history never sets keeps the
 * deal's current value. Status (open, won, lost) is `statusAt`'s: a deal is open until its close.
 */
import type { Dataset } from '../model/columns';
import { FORECAST_CATEGORIES, type ForecastCategory } from '../model/stages';
import { stageAt, statusAt } from './opportunity-time';

export interface DealState {
  /** AT_NONE (before creation), STATUS_OPEN, STATUS_WON or STATUS_LOST. */
  readonly status: number;
  readonly stage: string;
  /** Integer cents; NaN when unknown. */
  readonly amountCents: number;
  /** Epoch ms; NaN when the deal has none. */
  readonly closeDate: number;
  /** The rep's probability, 0–1; NaN when never recorded. */
  readonly probability: number;
  /** The category recorded on the deal (not the one mapped from its stage); undefined when none. */
  readonly forecastCategory: ForecastCategory | undefined;
}

type NumField = 'amountCents' | 'closeDate' | 'probability';

/** Value of a numeric change column at `t` (see the module rule); `current` when never set. */
function numAt(ds: Dataset, j: number, field: NumField, t: number, current: number, useFirst = true): number {
  const C = ds.opportunities.changes;
  const col = C[field];
  let first = NaN;
  let last = NaN;
  for (let k = C.start[j]!; k < C.start[j + 1]!; k++) {
    const v = col[k]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    if (C.at[k]! <= t) last = v;
    else break;
  }
  if (!Number.isNaN(last)) return last;
  return Number.isNaN(first) ? current : useFirst ? first : NaN;
}

/** Code of a coded change column at `t`; -1 when never set (or, without `useFirst`, not yet set). */
function codeAt(codes: Int32Array | Int8Array, ds: Dataset, j: number, t: number, useFirst: boolean): number {
  const C = ds.opportunities.changes;
  let first = -1;
  let last = -1;
  for (let k = C.start[j]!; k < C.start[j + 1]!; k++) {
    const v = codes[k]!;
    if (v < 0) continue;
    if (first < 0) first = v;
    if (C.at[k]! <= t) last = v;
    else break;
  }
  return last >= 0 ? last : useFirst ? first : -1;
}

/** Whether opportunity j has any recorded change. */
export function hasChanges(ds: Dataset, j: number): boolean {
  const s = ds.opportunities.changes.start;
  return s[j + 1]! > s[j]!;
}

/** Whether the dataset records any deal history at all. */
export function hasDealHistory(ds: Dataset): boolean {
  return ds.opportunities.changes.at.length > 0;
}

/** The state of opportunity j at instant `t` (epoch ms). Pure; O(changes of j). */
export function dealStateAt(ds: Dataset, j: number, t: number): DealState {
  const O = ds.opportunities;
  const stageCode = codeAt(O.changes.stage, ds, j, t, true);
  const category = codeAt(O.changes.forecastCategory, ds, j, t, false);
  return {
    status: statusAt(ds, j, t),
    stage: stageCode >= 0 ? O.stageNames[stageCode]! : stageAt(ds, j, t),
    amountCents: numAt(ds, j, 'amountCents', t, O.amountCents[j]!),
    closeDate: numAt(ds, j, 'closeDate', t, O.closeDate[j]!),
    probability: numAt(ds, j, 'probability', t, NaN, false),
    forecastCategory: category >= 0 ? FORECAST_CATEGORIES[category] : undefined,
  };
}
