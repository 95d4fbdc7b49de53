/**
 * How an opportunity stood at an instant, read from the columnar dataset: its status, when it
 * closed, and the stage it was in. Shared by every forecast computation so "open as of" means the
 * same thing everywhere.
 */
import type { Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON } from '../model/stages';

/** Status of an opportunity at an instant: not yet created, open, won or lost. */
export const AT_NONE = -1;

/**
 * Epoch ms at which opportunity j closed: its close date when the status is won or lost, else the
 * time of its last `won`/`lost` stage entry; NaN when it is open.
 */
export function closedAt(ds: Dataset, j: number): number {
  const O = ds.opportunities;
  if (O.status[j] === STATUS_OPEN) return NaN;
  const close = O.closeDate[j]!;
  if (Number.isFinite(close)) return close;
  const { start, stage, at } = O.history;
  for (let e = start[j + 1]! - 1; e >= start[j]!; e--) {
    const name = O.stageNames[stage[e]!];
    if (name === 'won' || name === 'lost') return at[e]!;
  }
  return NaN;
}

/**
 * Status code at `asOf` (STATUS_OPEN / STATUS_WON / STATUS_LOST, or AT_NONE before creation). A
 * deal recorded as closed after `asOf` was still open then.
 */
export function statusAt(ds: Dataset, j: number, asOf: number): number {
  const O = ds.opportunities;
  if (!(O.createdAt[j]! <= asOf)) return AT_NONE;
  const s = O.status[j]!;
  if (s === STATUS_OPEN) return STATUS_OPEN;
  const c = closedAt(ds, j);
  // A closed deal without any close instant is taken as closed by asOf.
  if (Number.isNaN(c) || c <= asOf) return s === STATUS_WON ? STATUS_WON : STATUS_LOST;
  return STATUS_OPEN;
}

/**
 * Name of the stage opportunity j was in at `asOf`: its last history entry at or before `asOf`,
 * else its recorded current stage, else `sqo` (every opportunity starts as an SQO).
 */
export function stageAt(ds: Dataset, j: number, asOf: number): string {
  const O = ds.opportunities;
  const { start, stage, at } = O.history;
  for (let e = start[j + 1]! - 1; e >= start[j]!; e--) {
    if (at[e]! <= asOf) return O.stageNames[stage[e]!]!;
  }
  const code = O.stage.codes[j]!;
  return code >= 0 ? O.stage.values[code]! : 'sqo';
}

/** Whole-day length of a span in ms, as a fraction of days. */
export const daysBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / 86_400_000;

/**
 * True when an open deal's close date has passed at `asOf`: its whole close day is over. Such a deal
 * is overdue, counted apart, never "due" in a past quarter.
 */
export function isOverdue(closeDate: number, asOf: number): boolean {
  return Number.isFinite(closeDate) && closeDate + 86_400_000 <= asOf;
}
