/**
 * DuckDB-WASM baseline (Node build, blocking API): the workload columns are loaded once as an Arrow
 * table; each recompute is one SQL query grouping by (stage, source, mql, tier, bin), rolled up in JS.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { KernelAggregates } from '../../src/engine/kernel/recompute';
import type { KernelThresholds, KernelWeights } from '../../src/engine/kernel/workload';
import { rollUp, scoreTerms, type WorkloadColumns } from './columns';

const require = createRequire(import.meta.url);

interface Conn {
  query(sql: string): { getChild(name: string): { toArray(): ArrayLike<number> } | null };
  insertArrowTable(table: unknown, options: { name: string }): void;
  close(): void;
}

export interface Baseline {
  recompute(w: KernelWeights, t: KernelThresholds): KernelAggregates;
  close(): void;
}

export function duckdbSql(w: KernelWeights, t: KernelThresholds): string {
  const s = scoreTerms(w, (b, e) => `pow(${b}, ${e})`, 'least');
  return `
    WITH s AS (
      SELECT stage, src,
        greatest(0, least(100, ${s.fit})) AS fit,
        CASE WHEN age = ${s.noActivity} THEN 0.0 ELSE greatest(0, least(100, (${s.raw}) * ${s.decay})) END AS intent
      FROM leads WHERE inc = 1)
    SELECT stage::INT AS stage, src::INT AS src,
      (fit >= ${t.mqlMinFit} AND intent >= ${t.midIntent})::INT AS mql,
      CASE WHEN intent >= ${t.highIntent} THEN 0 WHEN intent >= ${t.midIntent} THEN 1 ELSE 2 END AS tier,
      least(49, floor(intent * 0.5))::INT AS bin,
      count(*)::INT AS n
    FROM s GROUP BY ALL`;
}

export async function duckdbBaseline(cols: WorkloadColumns, sources: number): Promise<Baseline> {
  const main = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(main);
  const duckdb = require(main) as {
    createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<{ instantiate(): Promise<void>; connect(): Conn }>;
    NODE_RUNTIME: unknown;
    VoidLogger: new () => unknown;
  };
  const arrow = require('apache-arrow') as { tableFromArrays(cols: WorkloadColumns): unknown };
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
  conn.insertArrowTable(arrow.tableFromArrays(cols), { name: 'leads' });
  return {
    recompute(w, t) {
      const r = conn.query(duckdbSql(w, t));
      const col = (name: string) => r.getChild(name)!.toArray();
      return rollUp({ stage: col('stage'), src: col('src'), mql: col('mql'), tier: col('tier'), bin: col('bin'), n: col('n') }, sources);
    },
    close: () => conn.close(),
  };
}
