import type { ReachStage, SkippableStage } from '../../engine/funnel/reach';
import { StageFunnelChart } from '../../charts/stage-funnel-chart';
import { formatCount, formatInterval, formatMoney, formatPercent, formatSample } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { rateCell, stageCsv } from './build-funnel-view';
import { stageBars } from '../../lib/stage-bars';
import { stageLabel } from '../../lib/stage-labels';
import { funnelActions, type FunnelParams } from './funnel-params';

const STAGE_TITLES: Record<ReachStage, string> = {
  lead: 'Lead',
  mql: 'MQL',
  sal: 'SAL',
  sql: 'SQL',
  sqo: 'SQO',
  won: 'Won',
  lost: 'Lost',
  disqualified: 'Disqualified',
};

function showStage(stage: ReachStage) {
  funnelActions.barClicked({ target: { kind: 'stage', stage }, title: `Reached ${STAGE_TITLES[stage]}` });
}

/** A step rate; one over fewer leads than the sample threshold is greyed with its n under it. */
function StepTd({ cell }: { cell: ReturnType<typeof rateCell> }) {
  if (!cell.sample) return <td className="num">{cell.text}</td>;
  return (
    <td className="num small-sample" data-small-sample="">
      {cell.text} <span className="small-sample__n">{cell.sample}</span>
    </td>
  );
}

/** The stage funnel: counts (or pipeline), step and cumulative conversion, skips; every figure drills down. */
export function StageSection({ vm, params }: { vm: FunnelViewModel; params: FunnelParams }) {
  const amount = params.measure === 'amount';
  return (
    <ChartFrame
      title={amount ? 'Pipeline amount reaching each stage' : 'Leads reaching each stage'}
      units={amount ? `${vm.currency}, opportunity amounts` : 'leads; % of the previous stage'}
      csv={stageCsv(vm)}
      definition={
        <>
          <p>
            {vm.mode === 'inclusive'
              ? 'Inclusive counting: a lead that reached a later stage counts as having passed every earlier one.'
              : 'Strict counting: only recorded stage entries count.'}{' '}
            An opportunity counts as the SQO record; a lead whose opportunity is won is won even without a won date, and
            a lead with only a won date is won too. Lost means an opportunity closed lost (or a lost date) and not won.
            Bots are excluded.
          </p>
          <p>
            Step conversion: of the leads that reached the previous stage, the share that reached this one, over all
            data in view. Cumulative: share of all leads. Skipped: leads that reached a later stage with no entry of
            this one. Re-entered: leads that entered the stage more than once (re-staging is kept). Pipeline: the
            amounts of the leads&apos; opportunities (won: won amounts only). A rate with nothing to divide by shows
            &ldquo;no data&rdquo;.
          </p>
        </>
      }
    >
      <StageFunnelChart
        bars={stageBars(vm.stages, vm.currency, params.measure)}
        axisLabel={amount ? `Pipeline amount (${vm.currency})` : 'Leads'}
        tickFormat={(v) => (amount ? formatMoney(v, vm.currency, true) : formatCount(v))}
        onSelect={(stage) => showStage(stage as ReachStage)}
      />
      <table className="table funnel-table">
        <caption className="visually-hidden">Stage funnel figures</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              Leads
            </th>
            <th scope="col" className="num">
              Step %
            </th>
            <th scope="col" className="num">
              Cumulative %
            </th>
            <th scope="col" className="num">
              Skipped
            </th>
            <th scope="col" className="num">
              Re-entered
            </th>
            <th scope="col" className="num">
              Pipeline
            </th>
            <th scope="col">Leads behind it</th>
          </tr>
        </thead>
        <tbody>
          {vm.stages.map((s) => (
            <tr key={s.stage} data-stage={s.stage}>
              <th scope="row">{stageLabel(s.stage)}</th>
              <td className="num">{formatCount(s.leads)}</td>
              {s.step === null ? (
                <td className="num">{s.stage === 'lead' ? '' : formatPercent(s.stepRate)}</td>
              ) : (
                <StepTd cell={rateCell(s.step, params.minSample)} />
              )}
              <td className="num">{formatPercent(s.cumulativeRate)}</td>
              <td className="num">
                {s.skipped === null ? (
                  ''
                ) : (
                  <button
                    type="button"
                    className="button--link"
                    disabled={s.skipped === 0}
                    aria-label={`Show the ${formatCount(s.skipped)} leads that skipped ${stageLabel(s.stage)}`}
                    onClick={() =>
                      funnelActions.barClicked({
                        target: { kind: 'skipped', stage: s.stage as SkippableStage },
                        title: `Skipped ${stageLabel(s.stage)}`,
                      })
                    }
                  >
                    {formatCount(s.skipped)}
                  </button>
                )}
              </td>
              <td className="num">{formatCount(s.reentered)}</td>
              <td className="num">{formatMoney(s.amountCents, vm.currency, true)}</td>
              <td>
                <button
                  type="button"
                  className="button--link"
                  onClick={() => showStage(s.stage)}
                  aria-label={`Show the leads that reached ${stageLabel(s.stage)}`}
                >
                  Show leads
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Lost</th>
            <td className="num">{formatCount(vm.outcomes.lost)}</td>
            <td colSpan={4} className="muted">
              Win rate {formatPercent(vm.rates.winRate)} (won ÷ won + lost
              {formatInterval(vm.estimates.winRate) ? `; ${formatInterval(vm.estimates.winRate)}` : ''},{' '}
              {formatSample(vm.estimates.winRate.n)} deals)
            </td>
            <td className="num">{formatMoney(vm.outcomes.lostCents, vm.currency, true)}</td>
            <td>
              <button
                type="button"
                className="button--link"
                onClick={() => showStage('lost')}
                aria-label="Show the leads that were lost"
              >
                Show leads
              </button>
            </td>
          </tr>
          <tr>
            <th scope="row">Disqualified</th>
            <td className="num">{formatCount(vm.outcomes.disqualified)}</td>
            <td colSpan={5} />
            <td>
              <button
                type="button"
                className="button--link"
                onClick={() => showStage('disqualified')}
                aria-label="Show the leads that were disqualified"
              >
                Show leads
              </button>
            </td>
          </tr>
        </tbody>
      </table>
    </ChartFrame>
  );
}
