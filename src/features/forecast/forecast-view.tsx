import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatInstant,
  formatMoney,
  formatPercent,
} from '../../lib/format';
import { toEngineFilters, useFilters } from '../../state/filters';
import { ErrorState, Loading } from '../../ui/states';
import { Stat } from '../../ui/stat';
import { ViewHeader } from '../../ui/view-header';
import { ForecastAccuracyCard } from './accuracy-card';
import { buildLagRows, buildQuarterRows } from './build-forecast-model';
import { CoverageTable } from './coverage-table';
import { dealActions } from './deal-settings';
import { DealForecastSection } from './deal-forecast-section';
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
      {!v && !forecast.error ? <Loading label="Computing the forecast…" /> : null}
      {v ? (
        <>
          <section className="card" aria-label="Pipeline headline figures">
            <div className="stat-row">
              <Stat
                label="Open pipeline"
                value={formatMoney(v.openCents, cur, true)}
                note={`${formatCount(v.openCount)} open deals`}
                help={formatMoney(v.openCents, cur)}
              />
              <Stat
                label="Weighted pipeline"
                value={formatMoney(v.weightedCents, cur, true)}
                note="Σ amount × p(stage)"
                help={formatMoney(v.weightedCents, cur)}
              />
              <Stat
                label="Expected bookings"
                value={formatMoney(v.expectedBookingsCents, cur, true)}
                note={`pipeline × win rate: ${formatMoney(v.pipelineTimesWinRateCents, cur, true)}`}
              />
              <Stat
                label="Win rate"
                value={formatPercent(v.winRate)}
                note={`${formatCount(v.won)} won / ${formatCount(v.won + v.lost)} closed since ${v.lookbackFrom ? formatDate(v.lookbackFrom) : 'the start'}`}
              />
              <Stat
                label="Coverage needed"
                value={v.impliedCoverage === null ? 'no data' : `${formatDecimal(v.impliedCoverage)}×`}
                note="1 ÷ win rate"
              />
              <Stat
                label="Sales velocity"
                value={
                  v.velocity.centsPerDay === null
                    ? 'not measurable'
                    : `${formatMoney(v.velocity.centsPerDay, cur, true)}/day`
                }
                note={
                  v.notMeasurable.velocity ??
                  `open × win rate × ${formatMoney(v.velocity.avgDealCents, cur, true)} avg deal ÷ ${formatDays(v.velocity.cycleDaysMean)}`
                }
              />
              <Stat
                label="Average cycle"
                value={v.velocity.cycleDaysMean === null ? 'not measurable' : formatDays(v.velocity.cycleDaysMean)}
                note={v.notMeasurable.cycle ?? `median ${formatDays(v.velocity.cycleDaysMedian)}; creation → won`}
              />
            </div>
            <p className="fc-headline-deals">
              <button
                type="button"
                className="button button--link"
                onClick={() => dealActions.figureOpened({ kind: 'open' })}
              >
                Show the open deals
              </button>
              {' · '}
              <button
                type="button"
                className="button button--link"
                onClick={() => dealActions.figureOpened({ kind: 'open', weighted: true })}
              >
                Show the deals behind the weighted pipeline
              </button>
              {' · '}
              <button
                type="button"
                className="button button--link"
                onClick={() => dealActions.figureOpened({ kind: 'expected', basis: 'weighted' })}
              >
                Show the deals behind the expected bookings
              </button>
              {v.pipelineTimesWinRateCents !== null ? (
                <>
                  {' · '}
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => dealActions.figureOpened({ kind: 'expected', basis: 'winRate' })}
                  >
                    Show the deals behind pipeline × win rate
                  </button>
                </>
              ) : null}
              {' · '}
              <button
                type="button"
                className="button button--link"
                onClick={() => dealActions.figureOpened({ kind: 'lookback', won: false })}
              >
                Show the deals behind the win rate
              </button>
              {' · '}
              <button
                type="button"
                className="button button--link"
                onClick={() => dealActions.figureOpened({ kind: 'lookback', won: true })}
              >
                Show the won deals behind the cycle and velocity
              </button>
            </p>
            <p className="muted" data-testid="forecast-as-of">
              Computed as of {formatInstant(v.asOfInstant)}: deals open at that instant, rates over deals closed since{' '}
              {v.lookbackFrom ? formatDate(v.lookbackFrom) : 'the start'}.
            </p>
            {v.datesOutOfOrder.count > 0 ? (
              <p className="warnings" data-testid="dates-out-of-order">
                {formatCount(v.datesOutOfOrder.count)} won deals close before they were created (close date before
                creation date): left out of the cycle and the velocity, never counted as negative days. Rows to fix:{' '}
                {v.datesOutOfOrder.ids.slice(0, 10).join(', ')}
                {v.datesOutOfOrder.count > 10 ? ' …' : ''}
              </p>
            ) : null}
            {v.undated.count > 0 ? (
              <p className="muted">
                {formatCount(v.undated.count)} open deals ({formatMoney(v.undated.cents, cur)}) have no close date and
                sit in no quarter.{' '}
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => dealActions.figureOpened({ kind: 'undated' })}
                >
                  List them
                </button>
              </p>
            ) : null}
          </section>
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
