/**
 * arquero baseline: the workload columns as an arquero table; each recompute derives the scores
 * with expressions built from the weights, then counts by (stage, source, mql, tier, bin).
 */
import * as aq from 'arquero';
import type { KernelThresholds, KernelWeights } from '../../src/engine/kernel/workload';
import { rollUp, scoreTerms, type WorkloadColumns } from './columns';
import type { Baseline } from './duckdb';

export function arqueroBaseline(cols: WorkloadColumns, sources: number): Baseline {
  const table = aq.table(cols).filter('d => d.inc === 1');
  return {
    recompute(w: KernelWeights, t: KernelThresholds) {
      const s = scoreTerms(w, (b, e) => `op.pow(${b}, ${e})`, 'op.least');
      const d = (expr: string) => expr.replace(/\b(f\d+|age)\b/g, 'd.$1');
      const grouped = table
        .derive({
          fit: `d => op.greatest(0, op.least(100, ${d(s.fit)}))`,
          intent: `d => d.age === ${s.noActivity} ? 0 : op.greatest(0, op.least(100, (${d(s.raw)}) * ${d(s.decay)}))`,
        })
        .derive({
          mql: `d => d.fit >= ${t.mqlMinFit} && d.intent >= ${t.midIntent} ? 1 : 0`,
          tier: `d => d.intent >= ${t.highIntent} ? 0 : d.intent >= ${t.midIntent} ? 1 : 2`,
          bin: `d => op.least(49, op.floor(d.intent * 0.5))`,
        })
        .groupby('stage', 'src', 'mql', 'tier', 'bin')
        .count({ as: 'n' });
      const col = (name: string) => grouped.array(name) as ArrayLike<number>;
      return rollUp({ stage: col('stage'), src: col('src'), mql: col('mql'), tier: col('tier'), bin: col('bin'), n: col('n') }, sources);
    },
    close() {},
  };
}
