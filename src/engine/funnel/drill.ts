/**
 * The leads behind a figure: a stage bar, a skip count or a cohort cell. Returns lead row indexes in
 * dataset order, so a drill-down table lists exactly the leads the figure counted.
 */
import { DAY_MS } from '../time';
import { NONE_LABEL, type GroupCodes } from './groups';
import { periodIndex, type Period } from './periods';
import type { ReachStage, SkippableStage, StageReach, StepStage } from './reach';
import { pairOf, type PairKey } from './tally';

export type DrillTarget =
  | { readonly kind: 'stage'; readonly stage: ReachStage }
  | { readonly kind: 'skipped'; readonly stage: SkippableStage }
  /** Leads whose (first) entry into the stage falls in the quarter (period conversion, closed deals). */
  | { readonly kind: 'entries'; readonly stage: ReachStage; readonly period: string }
  /** Leads with recorded entries of both stages, lowDays ≤ days between them < highDays (null: no bound). */
  | {
      readonly kind: 'duration';
      readonly from: StepStage;
      readonly to: StepStage;
      readonly lowDays: number;
      readonly highDays: number | null;
    }
  | {
      readonly kind: 'cohort';
      readonly pair: PairKey;
      /** Quarter label of the cohort. */
      readonly period: string;
      /** `entered`: every lead of the cohort; `converted`: those that reached B (within the window). */
      readonly outcome: 'entered' | 'converted';
      readonly windowDays?: number | null;
    };

/** Restricts a drill-down to one group of a breakdown, by label ("(none)" for no value). */
export interface GroupFilter {
  readonly groups: GroupCodes;
  readonly label: string;
}

function groupTest(filter: GroupFilter | undefined): (i: number) => boolean {
  if (!filter) return () => true;
  const { codes, labels } = filter.groups;
  const code = filter.label === NONE_LABEL ? -1 : labels.indexOf(filter.label);
  if (code < 0 && filter.label !== NONE_LABEL) return () => false;
  return (i) => {
    const c = codes[i]!;
    return code === -1 ? c < 0 || c >= labels.length : c === code;
  };
}

export function drillLeads(
  reach: StageReach,
  target: DrillTarget,
  periods: readonly Period[],
  group?: GroupFilter,
): Int32Array {
  const inGroup = groupTest(group);
  const out: number[] = [];
  let test: (i: number) => boolean;
  if (target.kind === 'stage') test = (i) => reach.reached[target.stage][i] === 1;
  else if (target.kind === 'skipped') test = (i) => reach.skipped[target.stage][i] === 1;
  else if (target.kind === 'entries') {
    const p = periods.findIndex((x) => x.label === target.period);
    const at = reach.at[target.stage];
    test = (i) => p >= 0 && reach.reached[target.stage][i] === 1 && periodIndex(periods, at[i]!) === p;
  } else if (target.kind === 'duration') {
    const a = reach.recordedAt[target.from];
    const b = reach.recordedAt[target.to];
    const high = target.highDays ?? Infinity;
    test = (i) => {
      if (!reach.recorded[target.from][i] || !reach.recorded[target.to][i]) return false;
      const d = (b[i]! - a[i]!) / DAY_MS;
      return d >= target.lowDays && d < high;
    };
  } else {
    const pair = pairOf(target.pair);
    const p = periods.findIndex((x) => x.label === target.period);
    const windowMs = target.windowDays == null ? Infinity : target.windowDays * DAY_MS;
    const a = reach.at[pair.from];
    const b = reach.at[pair.to];
    test = (i) => {
      if (p < 0 || !reach.reached[pair.from][i] || periodIndex(periods, a[i]!) !== p) return false;
      if (target.outcome === 'entered') return true;
      return reach.reached[pair.to][i] === 1 && (windowMs === Infinity || b[i]! - a[i]! <= windowMs);
    };
  }
  for (let i = 0; i < reach.inScope.length; i++) if (reach.inScope[i] && test(i) && inGroup(i)) out.push(i);
  return Int32Array.from(out);
}
