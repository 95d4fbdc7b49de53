/**
 * DuckDB-WASM baseline (Node build, blocking API): the what-if columns are loaded once as an Arrow
 * table; each recompute is one SQL query that scores every lead from the weights and sums the
 * qualified leads' outcomes.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from '../../src/engine/model/columns';
import type { RuleSet } from '../../src/engine/scoring/rules';
import { scoreExpressions, type BaselineInput, type QualifiedSums } from './what-if-columns';

const require = createRequire(import.meta.url);

interface Conn {
  query(sql: string): { getChild(name: string): { toArray(): ArrayLike<number | bigint> } | null };
  insertArrowTable(table: unknown, options: { name: string }): void;
  close(): void;
}

export interface Baseline {
  recompute(rules: RuleSet): QualifiedSums;
  close(): void;
}

export function duckdbSql(ds: Dataset, rules: RuleSet, input: BaselineInput): string {
  const e = scoreExpressions(ds, rules, input, { least: 'least', greatest: 'greatest' });
  return `
    WITH s AS (SELECT ${e.fit} AS fit, ${e.intent} AS intent, sqlact, crit, rsqo, won, wonc, rmql FROM leads)
    SELECT count(*)::DOUBLE AS mql, sum(sqlact)::DOUBLE AS sql, sum(sqlact * crit)::DOUBLE AS sqo,
      sum(rsqo)::DOUBLE AS rsqo, sum(won)::DOUBLE AS won, sum(CASE WHEN won = 1 THEN wonc ELSE 0 END)::DOUBLE AS wonc,
      sum(rmql)::DOUBLE AS rmql
    FROM s WHERE ${e.pass('fit', 'intent')}`;
}

export async function duckdbBaseline(ds: Dataset, input: BaselineInput): Promise<Baseline> {
  const main = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(main);
  const duckdb = require(main) as {
    createDuckDB(
      bundles: unknown,
      logger: unknown,
      runtime: unknown,
    ): Promise<{ instantiate(): Promise<void>; connect(): Conn }>;
    NODE_RUNTIME: unknown;
    VoidLogger: new () => unknown;
  };
  const arrow = require('apache-arrow') as { tableFromArrays(cols: BaselineInput['columns']): unknown };
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  conn.insertArrowTable(arrow.tableFromArrays(input.columns), { name: 'leads' });
  return {
    recompute(rules) {
      const r = conn.query(duckdbSql(ds, rules, input));
      const v = (name: string) => Number(r.getChild(name)!.toArray()[0] ?? 0);
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
    close: () => conn.close(),
  };
}
