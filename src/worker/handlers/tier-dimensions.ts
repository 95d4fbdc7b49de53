/**
 * The ICP tier as a funnel breakdown: each lead's fit score under the default fit rules, cut at the
 * default tier thresholds (Tier 1 ≥ 70, Tier 2 ≥ 40, else Tier 3). Computed once per dataset.
 */
import type { Dataset } from '../../engine/model/columns';
import type { GroupCodes } from '../../engine/funnel/groups';
import { DEFAULT_RULE_SET } from '../../engine/scoring/defaults';
import { compileFit, scoreFit } from '../../engine/scoring/fit';
import { ICP_TIERS, icpTierOf } from '../../engine/scoring/tiers';
import type { ExtraDimension } from './funnel-scope';

export function icpTierGroups(ds: Dataset): GroupCodes {
  const fit = scoreFit(compileFit(ds, DEFAULT_RULE_SET.fitRules), new Float32Array(ds.leads.count));
  const codes = new Int32Array(ds.leads.count);
  for (let i = 0; i < codes.length; i++) codes[i] = icpTierOf(fit[i]!, DEFAULT_RULE_SET.tiers);
  return { name: 'ICP tier', codes, labels: ICP_TIERS };
}

/** The tier dimensions, cached per dataset object. */
export function tierDimensions(): () => readonly ExtraDimension[] {
  const cache = new WeakMap<Dataset, GroupCodes>();
  const icp: ExtraDimension = {
    dimension: { id: 'tier:icp' },
    groups: (ds) => {
      let g = cache.get(ds);
      if (!g) cache.set(ds, (g = icpTierGroups(ds)));
      return g;
    },
  };
  return () => [icp];
}
