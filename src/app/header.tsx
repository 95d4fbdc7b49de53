import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery } from '../lib/dataset-queries';
import { formatInstant } from '../lib/format';
import { useDatasetLoad } from '../state/dataset-load';

export function Header() {
  const { data, isPending } = useQuery(datasetSummaryQuery());
  const loading = useDatasetLoad((s) => s.load);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="logo" aria-hidden="true">
          ◆
        </span>{' '}
        RevLens
      </div>
      <div className="app-header__dataset" aria-live="polite">
        {loading ? (
          <span className="muted" data-testid="dataset-loading">
            Loading {loading.title}…
          </span>
        ) : isPending ? (
          <span className="muted">Loading the demo company…</span>
        ) : data ? (
          <>
            <span className="app-header__name" data-testid="dataset-name">
              {data.name}
            </span>
            <span className="app-header__asof">
              as of{' '}
              <time dateTime={data.asOfInstant} data-testid="as-of">
                {formatInstant(data.asOfInstant)}
              </time>
            </span>
          </>
        ) : (
          <span className="muted">No dataset loaded</span>
        )}
      </div>
    </header>
  );
}
