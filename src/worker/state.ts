import type { Dataset } from '../engine/model/columns';
import type { ImportReport } from '../import/report';

/** How the current dataset came to be loaded. */
export type DatasetOrigin =
  | { readonly kind: 'demo'; readonly seed: number; readonly leads: number }
  | { readonly kind: 'files'; readonly files: readonly string[] };

/** What the engine holds between calls. Only the worker (or the in-process engine) owns it. */
export interface EngineState {
  dataset: Dataset | null;
  report: ImportReport | null;
  origin: DatasetOrigin | null;
  /** Extra facts a loader knows, such as the demo generator's manifest of planted cases. */
  manifest: unknown;
  /** Bumped on every load; part of every query key so a new dataset refetches everything. */
  version: number;
}

export function createState(): EngineState {
  return { dataset: null, report: null, origin: null, manifest: null, version: 0 };
}

/** The loaded dataset, or an error that says what to do. */
export function requireDataset(state: EngineState): Dataset {
  if (!state.dataset)
    throw new Error('No dataset is loaded: load the demo company or your own files on the Data view.');
  return state.dataset;
}
