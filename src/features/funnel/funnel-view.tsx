import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { formatDate } from '../../lib/format';
import { toEngineFilters, useFilters } from '../../state/filters';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import { BreakdownTable } from './breakdown-table';
import { ComparisonSection } from './comparison-section';
import { ConversionSection } from './conversion-section';
import { DrillPanel } from './drill-panel';
import { emptyText } from './empty-text';
import { FunnelControls } from './funnel-controls';
import { useFunnelParams } from './funnel-params';
import { StageSection } from './stage-section';
import { TimeSection } from './time-section';
import { WinRateSection } from './win-rate-section';
import { funnelViewQuery } from './queries';
import './funnel.css';

export function FunnelView() {
  const params = useFunnelParams();
  const filters = toEngineFilters(useFilters());
  const summary = useQuery(datasetSummaryQuery());
  const version = summary.data?.version;
  const query = useQuery({ ...funnelViewQuery(version ?? 0, filters, params), enabled: version !== undefined });
  const vm = query.data;
  return (
    <>
      <ViewHeader title="Funnel" question="Which sources make opportunities, not just leads?">
        {vm ? <p className="muted">As of {formatDate(vm.asOf)}; bots excluded; global filters applied.</p> : null}
      </ViewHeader>
      {summary.error ? <ErrorState title="No dataset is loaded" error={summary.error} /> : null}
      {query.error ? <ErrorState title="The funnel could not be computed" error={query.error} /> : null}
      {!vm && !query.error ? <Loading label="Computing the funnel…" /> : null}
      {vm ? <FunnelControls params={params} dimensions={vm.dimensions} /> : null}
      {vm && vm.empty ? <EmptyState title={emptyText(vm.empty).title}>{emptyText(vm.empty).body}</EmptyState> : null}
      {vm && vm.stages[0]!.leads > 0 ? (
        <div aria-busy={query.isFetching}>
          {params.drill && version !== undefined ? (
            <DrillPanel
              version={version}
              filters={filters}
              params={params}
              drill={params.drill}
              currency={vm.currency}
            />
          ) : null}
          <StageSection vm={vm} params={params} />
          <div className="funnel-grid">
            <ConversionSection vm={vm} params={params} />
            <WinRateSection vm={vm} params={params} />
          </div>
          <ComparisonSection vm={vm} params={params} />
          <BreakdownTable vm={vm} minSample={params.minSample} />
          <TimeSection vm={vm} />
        </div>
      ) : null}
    </>
  );
}
