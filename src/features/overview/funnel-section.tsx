import { stageBars } from '../../lib/stage-bars';
import { StageFunnelChart } from '../../charts/stage-funnel-chart';
import { DEFAULT_MIN_SAMPLE } from '../../engine/funnel/stats';
import { formatCount, formatInterval, formatPercent, formatSample, type RateWithSample } from '../../lib/format';
import { goToView } from '../../state/url';
import { TERMS } from '../../lib/wording';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState, Loading } from '../../ui/states';
import { gapText } from './gap-text';
import { useOverview } from './queries';

/** ", 95% CI 62.0–64.3%", and a warning when the win rate rests on fewer than 30 deals. */
function winRateCaveat(win: RateWithSample): string {
  const ci = formatInterval(win);
  const small =
    win.n > 0 && win.n < DEFAULT_MIN_SAMPLE ? ` — a small sample (${formatSample(win.n)} deals): read it as rough` : '';
  return `${ci ? `, ${ci}` : ''}${small}`;
}

/** The whole funnel of the data in view (inclusive counting), with a way into the Funnel view. */
export function FunnelSection() {
  const { data, error } = useOverview();
  if (error) return <ErrorState title="The funnel could not be computed" error={error} />;
  if (!data) return <Loading label="Computing the funnel…" />;
  const f = data.funnel;
  const unit = f.unit === 'leads' ? 'leads' : 'opportunities';
  const Unit = f.unit === 'leads' ? 'Leads' : 'Opportunities';
  return (
    <ChartFrame
      title={`${Unit} reaching each stage, all data in view`}
      units={`${unit}; % of the previous stage`}
      csv={{
        fileName: 'overview-funnel.csv',
        header: ['stage', unit, 'step_rate', 'cumulative_rate'],
        rows: f.stages.map((s) => [s.stage, s.leads, s.stepRate, s.cumulativeRate]),
      }}
      definition={
        f.unit === 'leads' ? (
          <p>
            Inclusive counting: a lead that reached a later stage counts as having passed every earlier one; a lead
            whose opportunity is won counts as won. Step %: of the leads at the previous stage, the share that reached
            this one. Bots are excluded; the global filters apply. The Funnel view has strict counting, cohorts by
            quarter, skips and the leads behind every figure.
          </p>
        ) : (
          <p>
            Counted on opportunities, because the data has no leads linked to its deals. Opportunities: every deal
            created by the as-of date. Stages between creation and won come from the opportunity stage history (a deal
            that entered a later stage, or was won, counts as having passed every earlier one); without a history only
            creation and won are shown. Win rate: won ÷ (won + lost) of the deals closed by the as-of date. The global
            filters apply.
          </p>
        )
      }
    >
      <StageFunnelChart
        bars={stageBars(f.stages, data.currency, 'count', unit)}
        axisLabel={Unit}
        tickFormat={formatCount}
        onSelect={() => goToView('funnel')}
        selectAction="open the Funnel view"
      />
      <p className="overview-note" data-testid="overview-win-rate">
        Win rate <strong>{formatPercent(f.winRate)}</strong> (won ÷ (won + lost): {formatCount(f.won)} won of{' '}
        {formatCount(f.won + f.lost)} closed){winRateCaveat(f.win)}
        {f.unit === 'leads' ? (
          <>
            {' '}
            · MQL→SQO {formatPercent(data.rates.mqlToSqo)} · SQL→SQO {formatPercent(data.rates.sqlToSqo)} ·{' '}
            {TERMS.sqoToWonCohort.label} {formatPercent(data.rates.sqoToWon)}.
          </>
        ) : (
          '.'
        )}{' '}
        <button type="button" className="button--link" onClick={() => goToView('funnel')}>
          Open the Funnel view
        </button>
      </p>
      {data.gaps.map((g) => (
        <p key={g.figures} className="overview-note muted">
          {gapText(g)}
        </p>
      ))}
    </ChartFrame>
  );
}
