/**
 * Which groups a comparison chart shows. A chart of every group is unreadable, and "the largest
 * groups by leads" hides small sources with the best conversion — the ones a conversion question is
 * about. So the default shows every group whose sample reaches the threshold; the user can instead
 * take the top groups by volume, the top by rate (among groups large enough to rank), or choose.
 */
import type { RateEstimate } from './stats';

export type GroupPickRule = 'sampled' | 'volume' | 'rate' | 'chosen';

export interface GroupPick {
  readonly rule: GroupPickRule;
  /** The groups the user ticked; read only by the `chosen` rule. */
  readonly chosen: readonly string[];
}

export interface GroupCandidate {
  readonly label: string;
  /** Leads of the group in view: the volume groups are ranked by. */
  readonly leads: number;
  /** The compared rate over all data in view, with its sample. */
  readonly estimate: RateEstimate;
}

export interface PickedGroups {
  /** Labels of the picked groups, largest (by leads) first. */
  readonly labels: readonly string[];
  /** Groups that qualified before the cap (sampled, chosen); equals labels.length when nothing was cut. */
  readonly qualified: number;
}

/** "Top" picks show this many groups. */
export const TOP_GROUPS = 6;
/** No pick shows more than this many groups: beyond it the bars of a quarter cannot be told apart. */
export const MAX_GROUPS = 12;

const byVolume = (a: GroupCandidate, b: GroupCandidate) => b.leads - a.leads || a.label.localeCompare(b.label);

/**
 * The groups a rule picks. `minSample` is the sample threshold: `sampled` keeps every group whose
 * rate rests on at least that many trials; `rate` ranks only those (a 2-of-2 group is no "top"
 * group); `chosen` keeps the chosen labels that exist. Ties are broken by volume, then label.
 */
export function pickGroups(candidates: readonly GroupCandidate[], pick: GroupPick, minSample: number): PickedGroups {
  const sorted = [...candidates].sort(byVolume);
  const large = sorted.filter((c) => c.estimate.n >= minSample);
  let qualified: GroupCandidate[];
  let limit = MAX_GROUPS;
  switch (pick.rule) {
    case 'volume':
      qualified = sorted;
      limit = TOP_GROUPS;
      break;
    case 'rate':
      qualified = [...large].sort((a, b) => (b.estimate.rate ?? -1) - (a.estimate.rate ?? -1) || byVolume(a, b));
      limit = TOP_GROUPS;
      break;
    case 'chosen': {
      const chosen = new Set(pick.chosen);
      qualified = sorted.filter((c) => chosen.has(c.label));
      break;
    }
    default:
      qualified = large;
  }
  const kept = qualified.slice(0, limit);
  const keptSet = new Set(kept.map((c) => c.label));
  return {
    labels: sorted.filter((c) => keptSet.has(c.label)).map((c) => c.label),
    qualified: pick.rule === 'volume' || pick.rule === 'rate' ? kept.length : qualified.length,
  };
}
