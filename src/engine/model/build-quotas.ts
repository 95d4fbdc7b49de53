/** The plan's quotas as the dataset holds them: the company quota per quarter and the slices. */
import type { QuotaSlice } from './columns';
import type { RecordSet } from './records';

/**
 * The company quota per quarter and the plan's slices. A quarter without an unsliced row takes the
 * sum of its slices of the first dimension it has (segment, owner, team): slices of one dimension
 * partition the company; slices of different dimensions overlap and are never added together.
 */
export function buildQuotas(rs: RecordSet): { quotas: Map<string, number>; quotaSlices: QuotaSlice[] } {
  const quotas = new Map<string, number>();
  const quotaSlices: QuotaSlice[] = [];
  for (const q of rs.plan.quotas) {
    if (q.slice)
      quotaSlices.push({ quarter: q.quarter, dimension: q.slice.dimension, value: q.slice.value, cents: q.quotaCents });
    else quotas.set(q.quarter, q.quotaCents);
  }
  for (const dimension of ['segment', 'owner', 'team'] as const) {
    const sums = new Map<string, number>();
    for (const s of quotaSlices)
      if (s.dimension === dimension && !quotas.has(s.quarter))
        sums.set(s.quarter, (sums.get(s.quarter) ?? 0) + s.cents);
    for (const [quarter, cents] of sums) quotas.set(quarter, cents);
  }
  return { quotas, quotaSlices };
}
