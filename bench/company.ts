/**
 * The loaded company every engine figure runs on, and what the app keeps for it. The dataset comes
 * from the app's importer: the files through `revlens import`'s entry point (`importPaths`, which
 * calls `importFiles` as the import worker handler does), then `buildDataset`, as a commit does.
 * A company the importer refuses (over its memory limit) stops the benchmark with its reason.
 */
import { buildDataset } from '../src/engine/model/build-dataset';
import type { Dataset } from '../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../src/engine/scoring/defaults';
import { importPaths } from '../src/cli/load-dataset';
import { isUsable } from '../src/import/pipeline';
import { funnelHandlers } from '../src/worker/handlers/funnel';
import { scoringHandlers } from '../src/worker/handlers/scoring';
import { tierDimensions } from '../src/worker/handlers/tier-dimensions';
import type { ScoringPool } from '../src/worker/pool/scoring-pool';
import { createState } from '../src/worker/state';
import { canMeasureMemory, retainedBytes } from './memory';

export interface LoadedCompany {
  readonly dataset: Dataset;
  /**
   * Bytes per lead the app keeps for the loaded company: the dataset plus the engine's caches after
   * the first what-if, Intent overview and Funnel view (fit matches, decayed sums, outcomes,
   * contexts, threshold index), shared memory included. Null without --expose-gc.
   */
  readonly bytesPerLead: number | null;
}

async function readDataset(dir: string): Promise<Dataset> {
  const { records, report } = importPaths([dir], { json: true, flags: {} });
  if (!isUsable(records))
    throw new Error(
      `The importer read nothing usable from ${dir}: ${report.warnings.map((w) => `${w.file}: ${w.message}`).join('; ')}`,
    );
  return buildDataset(records);
}

/** Loads the company and measures what the app keeps for it (dataset + engine caches). */
export async function loadCompany(dir: string, leads: number, pool: ScoringPool | null): Promise<LoadedCompany> {
  const loaded = await retainedBytes(() => readDataset(dir));
  const dataset = loaded.value;
  const state = { ...createState(), dataset, version: 1 };
  const warm = await retainedBytes(async () => {
    const scoring = scoringHandlers(state, pool);
    const funnel = funnelHandlers(state, tierDimensions());
    await scoring.whatIf({ filters: {}, draft: DEFAULT_RULE_SET, applied: DEFAULT_RULE_SET });
    await scoring.intentOverview({ filters: {}, rules: DEFAULT_RULE_SET });
    await funnel.funnelView({ filters: {}, mode: 'inclusive', basis: 'cohort', breakdown: 'source', windowDays: null });
    return { scoring, funnel };
  });
  keepAlive.push(warm.value);
  const bytesPerLead = canMeasureMemory ? Math.round((loaded.bytes + warm.bytes) / leads) : null;
  return { dataset, bytesPerLead };
}

/** The warmed handlers stay referenced, as the worker keeps them, while the benchmark runs. */
const keepAlive: unknown[] = [];
