/**
 * The dataset load in progress, if any: what is being loaded, how far it is and an estimate of the
 * time left. The shell shows it as a progress bar and names the dataset in the header meanwhile.
 */
import { create } from 'zustand';

export interface DatasetLoad {
  /** What is being loaded, as the header names it ("the demo company, 1,000,000 leads"). */
  readonly title: string;
  readonly phase: 'generating' | 'building';
  /** Leads generated so far and in all, while generating. */
  readonly done?: number;
  readonly total?: number;
  /** Epoch ms the load started. */
  readonly startedAt: number;
  /** Estimated milliseconds left for the generation, once it can be told (null before). */
  readonly remainingMs: number | null;
}

export const useDatasetLoad = create<{ load: DatasetLoad | null }>(() => ({ load: null }));

/**
 * Time left at the pace so far: elapsed × (total − done) ÷ done; null until a tenth of a second
 * has passed with something done, when the pace means nothing yet.
 */
export function remainingMs(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs < 100 || total <= done) return done >= total && done > 0 ? 0 : null;
  return (elapsedMs * (total - done)) / done;
}

export const datasetLoadActions = {
  started(title: string, now = Date.now()): void {
    useDatasetLoad.setState({ load: { title, phase: 'generating', startedAt: now, remainingMs: null } });
  },
  generated(done: number, total: number, now = Date.now()): void {
    const load = useDatasetLoad.getState().load;
    if (!load) return;
    useDatasetLoad.setState({
      load: { ...load, phase: 'generating', done, total, remainingMs: remainingMs(done, total, now - load.startedAt) },
    });
  },
  building(): void {
    const load = useDatasetLoad.getState().load;
    if (load) useDatasetLoad.setState({ load: { ...load, phase: 'building', remainingMs: null } });
  },
  finished(): void {
    useDatasetLoad.setState({ load: null });
  },
};
