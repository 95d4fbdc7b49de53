/**
 * The loaded company every engine figure runs on, and what the app keeps for it.
 *
 * The dataset comes from the app's importer (`importFiles` + `buildDataset`, as the Data view and
 * `revlens import` read a canonical folder) when it accepts the files; a file over its per-file
 * limit is refused by that importer, and the company is then read by the streaming scoring-column
 * loader (src/import/columnar: leads, accounts and activities only, no opportunities), and the
 * result says so in `loadedBy`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../src/engine/model/build-dataset';
import type { Dataset } from '../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../src/engine/scoring/defaults';
import { loadScoringColumns } from '../src/import/columnar/load-scoring-columns';
import { scoringColumnsToDataset } from '../src/import/columnar/to-dataset';
import { importFiles } from '../src/import/pipeline';
import { MAX_FILE_BYTES } from '../src/import/source/decode';
import { funnelHandlers } from '../src/worker/handlers/funnel';
import { scoringHandlers } from '../src/worker/handlers/scoring';
import { tierDimensions } from '../src/worker/handlers/tier-dimensions';
import type { ScoringPool } from '../src/worker/pool/scoring-pool';
import { createState } from '../src/worker/state';
import { scoringFiles } from './files';
import { canMeasureMemory, retainedBytes } from './memory';

export interface LoadedCompany {
  readonly dataset: Dataset;
  /** Which reader built the dataset. */
  readonly loadedBy: 'app importer' | 'scoring-column loader (no opportunities: a file is over the importer limit)';
  /**
   * Bytes per lead the app keeps for the loaded company: the dataset plus the engine's caches after
   * the first what-if and Funnel view (fit matches, decayed sums, outcomes, contexts, threshold
   * index, the scoring pool's shared copy of the activity columns). Null without --expose-gc.
   */
  readonly bytesPerLead: number | null;
}

async function readDataset(dir: string): Promise<Pick<LoadedCompany, 'dataset' | 'loadedBy'>> {
  const names = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  if (names.every((f) => statSync(join(dir, f)).size <= MAX_FILE_BYTES)) {
    const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
    const { records } = importFiles(files, { name: dir });
    return { dataset: buildDataset(records), loadedBy: 'app importer' };
  }
  const columns = await loadScoringColumns(scoringFiles(dir));
  return { dataset: scoringColumnsToDataset(columns, dir), loadedBy: 'scoring-column loader (no opportunities: a file is over the importer limit)' };
}

/** Loads the company and measures what the app keeps for it (dataset + engine caches). */
export async function loadCompany(dir: string, leads: number, pool: ScoringPool | null): Promise<LoadedCompany> {
  const loaded = await retainedBytes(() => readDataset(dir));
  const { dataset } = loaded.value;
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
  return { ...loaded.value, bytesPerLead };
}

/** The warmed handlers stay referenced, as the worker keeps them, while the benchmark runs. */
const keepAlive: unknown[] = [];
