/**
 * Stalled deals: open deals whose time in their current stage exceeds the 75th percentile of the
 * completed stays in that stage (a stay ends when the deal enters another stage, by asOf). The
 * percentile is the nearest-rank one: the ⌈0.75·n⌉-th shortest stay. A stage with fewer than
 * `minStays` completed stays has no threshold ("not measurable"), and none of its deals is flagged.
 */
import type { Dataset } from '../model/columns';
import { STATUS_OPEN } from '../model/stages';
import { DAY_MS } from '../time';
import { kept, type ForecastOptions } from './lookback';
import { statusAt } from './opportunity-time';

export const DEFAULT_MIN_STAYS = 5;

export interface StageStall {
  readonly stage: string;
  /** Completed stays in the stage. */
  readonly stays: number;
  /** p75 of those stays in days; null when fewer than `minStays`. */
  readonly p75Days: number | null;
  /** Open deals now in the stage. */
  readonly open: number;
  /** Rows of the open deals in the stage longer than p75. */
  readonly stalled: readonly number[];
}

export interface StalledOptions extends ForecastOptions {
  readonly minStays?: number;
}

/** Nearest-rank percentile of sorted values. */
export function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** Days deal j has been in its stage at `asOf` (since its last stage entry), NaN without one. */
export function daysInStage(ds: Dataset, j: number, asOf: number): number {
  const { start, at } = ds.opportunities.history;
  for (let e = start[j + 1]! - 1; e >= start[j]!; e--) if (at[e]! <= asOf) return (asOf - at[e]!) / DAY_MS;
  return NaN;
}

export function stalledDeals(ds: Dataset, opts: StalledOptions): StageStall[] {
  const O = ds.opportunities;
  const { start, stage, at } = O.history;
  const stays = new Map<number, number[]>();
  const current = new Map<number, { row: number; days: number }[]>();
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j)) continue;
    let last = -1;
    for (let e = start[j]!; e < start[j + 1]!; e++) {
      if (at[e]! > opts.asOf) break;
      if (last >= 0 && stage[e]! !== stage[last]!) {
        const list = stays.get(stage[last]!) ?? [];
        list.push((at[e]! - at[last]!) / DAY_MS);
        stays.set(stage[last]!, list);
        last = e;
      } else if (last < 0) last = e;
    }
    if (last >= 0 && statusAt(ds, j, opts.asOf) === STATUS_OPEN) {
      const list = current.get(stage[last]!) ?? [];
      list.push({ row: j, days: (opts.asOf - at[last]!) / DAY_MS });
      current.set(stage[last]!, list);
    }
  }
  const min = opts.minStays ?? DEFAULT_MIN_STAYS;
  return [...current.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([code, deals]) => {
      const sorted = [...(stays.get(code) ?? [])].sort((x, y) => x - y);
      const p75 = sorted.length >= min ? nearestRank(sorted, 0.75) : null;
      return {
        stage: O.stageNames[code]!,
        stays: sorted.length,
        p75Days: p75,
        open: deals.length,
        stalled: p75 === null ? [] : deals.filter((d) => d.days > p75).map((d) => d.row),
      };
    });
}
