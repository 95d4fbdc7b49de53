import { useQuery } from '@tanstack/react-query';
import type { ImportReport } from '../../import/report';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import { CurrenciesCard } from './currencies-card';
import { DatasetCard } from './dataset-card';
import { ImportPanel } from './import-panel';
import { ImportReportView } from './import-report-view';
import './data.css';
import { LoadPanel } from './load-panel';

export function DataView() {
  const { data, isPending, error } = useQuery(datasetSummaryQuery());
  return (
    <>
      <ViewHeader title="Data" question="What is loaded, and was every row read?" />
      {isPending ? <Loading label="Loading the demo company…" /> : null}
      {error ? <ErrorState title="No dataset could be loaded" error={error} /> : null}
      {data ? <DatasetCard summary={data} /> : null}
      {data ? <CurrenciesCard summary={data} /> : null}
      <ImportPanel />
      <LoadPanel currentSeed={data?.origin.kind === 'demo' ? data.origin.seed : undefined} />
      {data ? <ImportReportView report={data.report as ImportReport} /> : null}
    </>
  );
}
