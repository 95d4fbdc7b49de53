/**
 * arquero baseline: the what-if columns as an arquero table; each recompute derives the scores with
 * expressions built from the weights, filters the leads that pass the MQL thresholds and sums them.
 */
import * as aq from 'arquero';
import type { Dataset } from '../../src/engine/model/columns';
import { scoreExpressions, type BaselineInput } from './what-if-columns';
import type { Baseline } from './duckdb';

export function arqueroBaseline(ds: Dataset, input: BaselineInput): Baseline {
  const table = aq.table(input.columns);
  const d = (expr: string) => expr.replace(/\b([ms]\d+)\b/g, 'd.$1');
  return {
    recompute(rules) {
      const e = scoreExpressions(ds, rules, input, { least: 'op.least', greatest: 'op.greatest' });
      const sums = table
        .derive({ fit: `d => ${d(e.fit)}`, intent: `d => ${d(e.intent)}` })
        .filter(`d => ${e.pass('d.fit', 'd.intent').replace(' AND ', ' && ')}`)
        .rollup({
          mql: 'd => op.count()',
          sql: 'd => op.sum(d.sqlact)',
          sqo: 'd => op.sum(d.sqlact * d.crit)',
          rsqo: 'd => op.sum(d.rsqo)',
          won: 'd => op.sum(d.won)',
          wonc: 'd => op.sum(d.won === 1 ? d.wonc : 0)',
          rmql: 'd => op.sum(d.rmql)',
        });
      const v = (name: string) => Number((sums.array(name) as ArrayLike<number>)[0] ?? 0);
      return {
        mql: v('mql'),
        sql: v('sql'),
        sqo: v('sqo'),
        reachedSqo: v('rsqo'),
        won: v('won'),
        wonCents: v('wonc'),
        recordedMql: v('rmql'),
      };
    },
    close() {},
  };
}
