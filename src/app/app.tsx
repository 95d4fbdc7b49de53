import { Suspense, useEffect } from 'react';
import { Loading } from '../ui/states';
import { useView } from '../state/url';
import { VIEWS } from '../state/views';
import { ViewExportProvider } from './export-provider';
import { CurrencyBanner } from './currency-banner';
import { FilterBar } from './filter-bar';
import { Header } from './header';
import { Nav } from './nav';
import { RulesLinkBanner } from './rules-link-banner';
import { VIEW_COMPONENTS } from './routes';

export function App() {
  const view = useView();
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
      <Nav />
      <FilterBar />
      <RulesLinkBanner />
      <CurrencyBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <ViewExportProvider viewName={title}>
          <Suspense fallback={<Loading label="Opening the view…" />}>
            <View />
          </Suspense>
        </ViewExportProvider>
      </main>
    </div>
  );
}
