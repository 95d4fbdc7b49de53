import { stageBars } from '../../charts/stage-bars';
import { StageFunnelChart } from '../../charts/stage-funnel-chart';
import { formatCount, formatPercent } from '../../lib/format';
import { goToView } from '../../state/url';
import { TERMS } from '../../lib/wording';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState, Loading } from '../../ui/states';
import { useOverview } from './queries';

/** The whole funnel of the data in view (inclusive counting), with a way into the Funnel view. */
export function FunnelSection() {
  const { data, error } = useOverview();
  if (error) return <ErrorState title="The funnel could not be computed" error={error} />;
  if (!data) return <Loading label="Computing the funnel…" />;
  return (
    <ChartFrame
      title="Leads reaching each stage, all data in view"
      units="leads; % of the previous stage"
      csv={{
        fileName: 'overview-funnel.csv',
        header: ['stage', 'leads', 'step_rate', 'cumulative_rate'],
        rows: data.stages.map((s) => [s.stage, s.leads, s.stepRate, s.cumulativeRate]),
      }}
      definition={
        <p>
          Inclusive counting: a lead that reached a later stage counts as having passed every earlier one; a lead whose opportunity is won counts as won. Step %: of the leads at the previous stage, the share that reached this one. Bots are excluded; the global filters apply. The Funnel view has strict counting, cohorts by quarter, skips and the leads behind every figure.
        </p>
      }
    >
      <StageFunnelChart bars={stageBars(data.stages, data.currency)} axisLabel="Leads" tickFormat={formatCount} onSelect={() => goToView('funnel')} selectAction="open the Funnel view" />
      <p className="overview-note">
        MQL→SQO {formatPercent(data.rates.mqlToSqo)} · SQL→SQO {formatPercent(data.rates.sqlToSqo)} · {TERMS.sqoToWonCohort.label} {formatPercent(data.rates.sqoToWon)}.{' '}
        <button type="button" className="button--link" onClick={() => goToView('funnel')}>
          Open the Funnel view
        </button>
      </p>
    </ChartFrame>
  );
}
