import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, type MouseEvent } from 'react';
import { datasetSummaryQuery } from '../lib/dataset-queries';
import { Loading } from '../ui/states';
import { goToView, useView } from '../state/url';
import { VIEWS } from '../state/views';
import { ViewExportProvider } from './export-provider';
import { CurrencyBanner } from './currency-banner';
import { FilterBar } from './filter-bar';
import { Header } from './header';
import { LoadProgress } from './load-progress';
import { Nav } from './nav';
import { RulesLinkBanner } from './rules-link-banner';
import { VIEW_COMPONENTS } from './routes';

/** Shown in place of a view when no dataset is loaded (a first load was cancelled). */
function NoDataset() {
  const open = (e: MouseEvent) => {
    e.preventDefault();
    goToView('data');
  };
  return (
    <div className="state state--empty" role="status">
      <strong>No dataset is loaded.</strong>
      <p>
        Load the demo company or your own files on the{' '}
        <a href={`${import.meta.env.BASE_URL}${VIEWS.find((v) => v.id === 'data')?.path ?? ''}`} onClick={open}>
          Data view
        </a>
        .
      </p>
    </div>
  );
}

export function App() {
  const view = useView();
  const summary = useQuery(datasetSummaryQuery());
  const noDataset = summary.isSuccess && summary.data === null && view !== 'data';
  const View = VIEW_COMPONENTS[view];
  const title = VIEWS.find((v) => v.id === view)?.title ?? 'RevLens';
  useEffect(() => {
    document.title = `${title} · RevLens`;
  }, [title]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <LoadProgress />
      <Nav />
      <FilterBar />
      <RulesLinkBanner />
      <CurrencyBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <ViewExportProvider viewName={title}>
          <Suspense fallback={<Loading label="Opening the view…" />}>{noDataset ? <NoDataset /> : <View />}</Suspense>
        </ViewExportProvider>
      </main>
    </div>
  );
}
