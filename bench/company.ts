/**
 * The loaded company every engine figure runs on, and what the app keeps for it. The dataset comes
 * from the app's importer: the files through `revlens import`'s entry point (`importPaths`, which
 * calls `importFiles` as the import worker handler does), then installed by the commit's own `install`
 * (the dataset built, its records and report kept beside it).
 * A company the importer refuses (over its memory limit) stops the benchmark with its reason.
 */
import type { Dataset } from '../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../src/engine/scoring/defaults';
import { importPaths } from '../src/cli/load-dataset';
import { isUsable } from '../src/import/pipeline';
import { funnelHandlers } from '../src/worker/handlers/funnel';
import { scoringHandlers } from '../src/worker/handlers/scoring';
import { tierDimensions } from '../src/worker/handlers/tier-dimensions';
import type { ScoringPool } from '../src/worker/pool/scoring-pool';
import { install } from '../src/worker/handlers/data';
import { createState, type EngineState } from '../src/worker/state';
import { canMeasureMemory, retainedBytes } from './memory';

export interface LoadedCompany {
  readonly dataset: Dataset;
  /**
   * Bytes per lead the app keeps for the loaded company: the installed dataset (with the records
   * and import report a commit keeps beside it, for exports) plus the engine's caches after
   * the first what-if, Intent overview and Funnel view (fit matches, decayed sums, outcomes,
   * contexts, threshold index), shared memory included. Null without --expose-gc.
   */
  readonly bytesPerLead: number | null;
}

/** The company read and installed as a commit of the Data view installs it (records and report kept). */
async function readDataset(dir: string): Promise<EngineState> {
  const { records, report } = importPaths([dir], { json: true, flags: {} });
  if (!isUsable(records))
    throw new Error(
      `The importer read nothing usable from ${dir}: ${report.warnings.map((w) => `${w.file}: ${w.message}`).join('; ')}`,
    );
  const state = createState();
  install(state, records, report, { kind: 'files', files: [dir] }, null);
  return state;
}

/** Loads the company and measures what the app keeps for it (dataset + engine caches). */
export async function loadCompany(dir: string, leads: number, pool: ScoringPool | null): Promise<LoadedCompany> {
  const loaded = await retainedBytes(() => readDataset(dir));
  const state = loaded.value;
  const dataset = state.dataset!;
  const warm = await retainedBytes(async () => {
    const scoring = scoringHandlers(state, pool);
    const funnel = funnelHandlers(state, tierDimensions());
    await scoring.whatIf({ filters: {}, draft: DEFAULT_RULE_SET, applied: DEFAULT_RULE_SET });
    await scoring.intentOverview({ filters: {}, rules: DEFAULT_RULE_SET });
    await funnel.funnelView({ filters: {}, mode: 'inclusive', basis: 'cohort', breakdown: 'source', windowDays: null });
    return { scoring, funnel };
  });
  keepAlive.push(state, warm.value);
  const bytesPerLead = canMeasureMemory ? Math.round((loaded.bytes + warm.bytes) / leads) : null;
  return { dataset, bytesPerLead };
}

/** The warmed handlers stay referenced, as the worker keeps them, while the benchmark runs. */
const keepAlive: unknown[] = [];
