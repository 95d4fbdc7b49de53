import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery, headlineProjectionQuery } from '../../lib/dataset-queries';
import { toEngineFilters, useFilters } from '../../state/filters';
import { useMethodChoice, useStageCategoryEdits } from '../../state/forecast-choices';
import { ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import { ForecastAccuracyCard } from './accuracy-card';
import { buildLagRows, buildQuarterRows } from './build-forecast-model';
import { CoverageTable } from './coverage-table';
import { DealForecastSection } from './deal-forecast-section';
import { ForecastHeadline } from './forecast-headline';
import './forecast.css';
import { PipelineQuarterChart } from './pipeline-quarter-chart';
import { OverdueTable } from './overdue-table';
import { forecastQuery } from './queries';
import { ScenarioPlanner } from './scenario-planner';
import { forecastActions, LOOKBACK_CHOICES, useForecastSettings } from './settings';
import { SqoLagChart } from './sqo-lag-chart';
import { StageTable } from './stage-table';

export function ForecastView() {
  const summary = useQuery(datasetSummaryQuery());
  const filters = toEngineFilters(useFilters());
  const settings = useForecastSettings();
  const version = summary.data?.version ?? 0;
  const forecast = useQuery({ ...forecastQuery(version, filters, settings), enabled: !!summary.data });
  const choice = useMethodChoice();
  const stageCategories = useStageCategoryEdits();
  const projection = useQuery({
    ...headlineProjectionQuery(version, { filters, settings, stageCategories, method: choice }),
    enabled: !!summary.data,
  });
  const v = forecast.data;
  const cur = v?.currency ?? summary.data?.currency ?? 'USD';
  return (
    <>
      <ViewHeader title="Forecast" question="What will the pipeline book, and when?">
        <label className="fc-inline">
          Win rates and p(stage) from{' '}
          <select
            value={settings.lookbackQuarters === null ? 'all' : String(settings.lookbackQuarters)}
            onChange={(e) => forecastActions.lookbackChanged(e.target.value)}
          >
            {LOOKBACK_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                the last {n} quarters
              </option>
            ))}
            <option value="all">all history</option>
          </select>
        </label>
      </ViewHeader>
      {summary.error ? <ErrorState title="No dataset is loaded" error={summary.error} /> : null}
      {forecast.error ? <ErrorState title="The forecast could not be computed" error={forecast.error} /> : null}
      {projection.error ? (
        <ErrorState title="The expected bookings could not be computed" error={projection.error} />
      ) : null}
      {!v && !forecast.error ? <Loading label="Computing the forecast…" /> : null}
      {v ? (
        <>
          <ForecastHeadline view={v} projection={projection.data} choice={choice} />
          <ForecastAccuracyCard />
          <PipelineQuarterChart rows={buildQuarterRows(v)} currency={cur} />
          <CoverageTable view={v} />
          <OverdueTable view={v} />
          <StageTable view={v} settings={settings} />
          <SqoLagChart rows={buildLagRows(v)} view={v} />
        </>
      ) : null}
      {summary.data ? (
        <DealForecastSection
          version={version}
          filters={filters}
          settings={settings}
          open={v ? { count: v.openCount, cents: v.openCents } : null}
        />
      ) : null}
      <ScenarioPlanner currency={cur} />
    </>
  );
}
