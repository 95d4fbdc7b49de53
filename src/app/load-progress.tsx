import { useDatasetLoad, type DatasetLoad } from '../state/dataset-load';
import { engine } from '../worker/client';

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/** What the load is doing, in words: the step, the count so far and the time left. */
export function loadText(load: DatasetLoad): string {
  if (load.phase === 'building') return `Building the columns and figures of ${load.title}…`;
  if (load.done === undefined || load.total === undefined) return `Generating ${load.title}…`;
  const counts = `${load.done.toLocaleString('en-US')} of ${load.total.toLocaleString('en-US')} leads generated`;
  return load.remainingMs === null
    ? `Generating ${load.title}: ${counts}`
    : `Generating ${load.title}: ${counts}, about ${seconds(load.remainingMs)} left`;
}

/** The dataset load in progress: a bar, what is happening, the time left, and Cancel. */
export function LoadProgress() {
  const load = useDatasetLoad((s) => s.load);
  if (!load) return null;
  const generating =
    load.phase === 'generating' && load.done !== undefined && load.total !== undefined && load.total > 0;
  return (
    <div className="load-progress" role="status" aria-live="polite">
      <progress
        max={generating ? load.total : undefined}
        value={generating ? load.done : undefined}
        aria-label={`Loading ${load.title}`}
      />
      <span>{loadText(load)}</span>
      {load.phase === 'generating' ? (
        <button type="button" className="button button--small" onClick={() => void engine().cancelLoad()}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
