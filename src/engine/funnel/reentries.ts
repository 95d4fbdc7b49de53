/**
 * Re-staging is preserved, not normalised away (SPEC §2): these counts read the full recorded lead
 * history, where a lead may enter a stage more than once (e.g. recycled, then an MQL again).
 */
import { LEAD_STAGES } from '../model/stages';
import type { Dataset } from '../model/columns';
import type { StageReach } from './reach';

/** Per lead stage, the in-scope leads that entered it more than once by asOf. */
export function countReentries(ds: Dataset, reach: StageReach): Record<string, number> {
  const { start, stage, at } = ds.leads.events;
  const out: Record<string, number> = Object.fromEntries(LEAD_STAGES.map((s) => [s, 0]));
  const seen = new Uint8Array(LEAD_STAGES.length);
  for (let i = 0; i < reach.inScope.length; i++) {
    if (!reach.inScope[i]) continue;
    seen.fill(0);
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      if (!(at[e]! <= reach.asOf)) continue;
      const s = stage[e]!;
      if (seen[s] === 1) out[LEAD_STAGES[s]!]!++;
      seen[s] = Math.min(2, seen[s]! + 1);
    }
  }
  return out;
}
