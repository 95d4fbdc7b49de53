/**
 * DuckDB-WASM and arquero on the same recompute as the engine's weight change: score every lead
 * of the what-if population from the weights and sum the qualified leads' outcomes. Their sums are
 * checked against the engine's (`prepareWhatIf` + the threshold index, what the what-if handler
 * calls) before they are timed.
 *
 * Intent scores are sums of 0.5^(age / half-life) terms; the engine keeps them as 32-bit floats,
 * the baselines as doubles. A count may differ only by leads whose intent lies within 1e-4 of the
 * MQL intent threshold (counted and reported as the tolerance); with none there, sums must be equal.
 */
import { leadMask } from '../src/engine/filters/filters';
import type { Dataset } from '../src/engine/model/columns';
import type { RuleSet } from '../src/engine/scoring/rules';
import { Q, queryThresholds } from '../src/engine/scoring/threshold-index';
import { clampRuleSet } from '../src/engine/scoring/validate';
import { prepareWhatIf } from '../src/engine/scoring/what-if-prepare';
import { arqueroBaseline } from './baselines/arquero';
import { duckdbBaseline, type Baseline } from './baselines/duckdb';
import { whatIfColumns, type QualifiedSums } from './baselines/what-if-columns';
import { rulesOfRun, WHAT_IF_FILTERS } from './product';
import { time, type Timing } from './stats';

export interface BaselineResult extends Timing {
  /** Baseline median ÷ the engine's weight-change median. */
  readonly ratio: number;
  /** Largest difference of a count from the engine's (0 = identical). */
  readonly maxCountDifference: number;
  /** Leads within 1e-4 of the intent threshold: the most a count may differ by. */
  readonly tolerance: number;
}

function engineSums(ds: Dataset, rules: RuleSet, scope: Uint8Array): { sums: QualifiedSums; tolerance: number } {
  const r = clampRuleSet(rules);
  const ctx = prepareWhatIf(ds, r, scope, ds.meta.latestAt);
  const q = r.qualification;
  const s = queryThresholds(ctx.index, q.mqlMode, q.mqlMinFit, q.mqlMinIntent, q.mqlMinCombined);
  let tolerance = 0;
  for (let i = 0; i < ctx.mask.length; i++)
    if (ctx.mask[i] && Math.abs(ctx.intent[i]! - q.mqlMinIntent) < 1e-4) tolerance++;
  return {
    sums: {
      mql: s[Q.n]!,
      sql: s[Q.sql]!,
      sqo: s[Q.sqo]!,
      reachedSqo: s[Q.reachedSqo]!,
      won: s[Q.won]!,
      wonCents: s[Q.wonCents]!,
      recordedMql: s[Q.recordedMql]!,
    },
    tolerance,
  };
}

function compare(name: string, expected: QualifiedSums, actual: QualifiedSums, tolerance: number): number {
  const keys = ['mql', 'sql', 'sqo', 'reachedSqo', 'won', 'recordedMql'] as const;
  const worst = Math.max(...keys.map((k) => Math.abs(expected[k] - actual[k])));
  const centsDiffer = expected.wonCents !== actual.wonCents;
  if (worst > tolerance || (tolerance === 0 && centsDiffer)) {
    throw new Error(
      `${name}: sums differ from the engine's beyond tolerance ${tolerance}: ${JSON.stringify({ expected, actual })}`,
    );
  }
  return worst;
}

export async function measureBaselines(ds: Dataset, engineMedian: number, runs: number, log: (line: string) => void) {
  const scope = leadMask(ds, WHAT_IF_FILTERS);
  const input = whatIfColumns(ds, rulesOfRun(0), scope);
  const checks = [0, 1, 2, 3].map((k) => ({ rules: rulesOfRun(k), ...engineSums(ds, rulesOfRun(k), scope) }));
  const one = async (name: string, make: () => Promise<Baseline>): Promise<BaselineResult> => {
    const b = await make();
    try {
      const maxCountDifference = Math.max(
        ...checks.map((c) => compare(name, c.sums, b.recompute(c.rules), c.tolerance)),
      );
      const tolerance = Math.max(...checks.map((c) => c.tolerance));
      let k = 0;
      const t = await time(runs, () => b.recompute(rulesOfRun(k++)), 1);
      log(
        `  ${name}: ${t.median.toFixed(1)} ms (${(t.median / engineMedian).toFixed(1)}× the engine's weight change; sums equal, largest count difference ${maxCountDifference})`,
      );
      return { ...t, ratio: t.median / engineMedian, maxCountDifference, tolerance };
    } finally {
      b.close();
    }
  };
  return {
    duckdbWasm: await one('DuckDB-WASM', () => duckdbBaseline(ds, input)),
    arquero: await one('arquero', async () => arqueroBaseline(ds, input)),
  };
}
