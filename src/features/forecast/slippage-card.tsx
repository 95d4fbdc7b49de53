import { formatCount, formatDecimal, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import { Stat } from '../../ui/stat';
import type { DealForecastView } from '../../worker/api';
import { dealActions } from './deal-settings';
import { FigureLink } from './figure-link';

const days = (d: number | null) => (d === null ? 'no push' : `${formatDecimal(d)} days`);

/** Deals whose close date slipped, and open deals stalled in their stage; each count lists its deals. */
export function SlippageCard({ view }: { view: DealForecastView }) {
  const s = view.slippage;
  const st = view.stalled;
  return (
    <ChartFrame
      kind="table"
      title="Slippage and stalled deals"
      units="deals; days; win rate as % of closed deals"
      definition={
        <>
          <p>
            A deal is <strong>pushed</strong> when its recorded close date moves later while it is open (a close date
            set to the day it was won or lost is no push). <strong>Days pushed</strong>: Σ of how far the close date
            moved, over all pushes. <strong>Win rate</strong>: won ÷ closed, among the closed deals pushed at least once
            and among those never pushed.
          </p>
          <p>
            A deal is <strong>stalled</strong> when it is open and has been in its current stage longer than the 75th
            percentile (nearest rank) of the completed stays in that stage; a stage with fewer than 5 completed stays
            has no threshold.
          </p>
        </>
      }
      csv={
        s && st
          ? {
              fileName: 'slippage-and-stalled.csv',
              header: ['figure', 'value'],
              rows: [
                ['deals pushed at least once', s.pushedDeals],
                ['deals pushed more than once', s.pushedTwiceDeals],
                ['days pushed', s.daysPushed],
                ['win rate pushed', s.winRatePushed],
                ['win rate never pushed', s.winRateNeverPushed],
                ...st.stages.map((x) => [`stalled in ${x.stage} (p75 ${x.p75Days ?? 'n/a'} days)`, x.stalled]),
              ],
            }
          : undefined
      }
    >
      {s ? (
        <div className="stat-row" data-testid="slippage-figures">
          <div className="fc-figure">
            <Stat
              label="Pushed at least once"
              value={formatCount(s.pushedDeals)}
              note={`of ${formatCount(s.deals)} deals`}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => dealActions.figureOpened({ kind: 'pushed', twice: false })}
            >
              List the {formatCount(s.pushedDeals)} deals
            </button>
          </div>
          <div className="fc-figure">
            <Stat
              label="Pushed more than once"
              value={formatCount(s.pushedTwiceDeals)}
              note={`${formatCount(s.pushes)} pushes in all`}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => dealActions.figureOpened({ kind: 'pushed', twice: true })}
            >
              List the {formatCount(s.pushedTwiceDeals)} deals
            </button>
          </div>
          <Stat
            label="Days pushed"
            value={`${formatCount(Math.round(s.daysPushed))} days`}
            note={`mean ${days(s.meanDaysPerPush)} per push`}
          />
          <div className="fc-figure">
            <Stat
              label="Win rate, pushed"
              value={s.winRatePushed === null ? 'not measurable' : formatPercent(s.winRatePushed)}
              note={
                s.winRatePushed === null
                  ? 'not measurable — needs a closed deal that was pushed'
                  : `of ${formatCount(s.closedPushed)} closed`
              }
            />
            {s.closedPushed > 0 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => dealActions.figureOpened({ kind: 'slipClosed', pushed: true })}
              >
                List the {formatCount(s.closedPushed)} closed deals
              </button>
            ) : null}
          </div>
          <div className="fc-figure">
            <Stat
              label="Win rate, never pushed"
              value={s.winRateNeverPushed === null ? 'not measurable' : formatPercent(s.winRateNeverPushed)}
              note={
                s.winRateNeverPushed === null
                  ? 'not measurable — needs a closed deal never pushed'
                  : `of ${formatCount(s.closedNeverPushed)} closed`
              }
            />
            {s.closedNeverPushed > 0 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => dealActions.figureOpened({ kind: 'slipClosed', pushed: false })}
              >
                List the {formatCount(s.closedNeverPushed)} closed deals
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <p className="muted" data-testid="slippage-not-measurable">
          Slippage: {view.notMeasurable.slippage}
        </p>
      )}
      {st ? (
        <>
          <p data-testid="stalled-summary">
            {formatCount(st.count)} open deals are stalled (longer in their stage than its p75).{' '}
            {st.count > 0 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => dealActions.figureOpened({ kind: 'stalled' })}
              >
                List the {formatCount(st.count)} stalled deals
              </button>
            ) : null}
          </p>
          <table className="table">
            <caption className="visually-hidden">Stalled deals by stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Open deals
                </th>
                <th scope="col" className="num">
                  Completed stays
                </th>
                <th scope="col" className="num">
                  p75 of stays
                </th>
                <th scope="col" className="num">
                  Stalled
                </th>
              </tr>
            </thead>
            <tbody>
              {st.stages.map((x) => (
                <tr key={x.stage}>
                  <th scope="row">{x.stage}</th>
                  <td className="num">{formatCount(x.open)}</td>
                  <td className="num">{formatCount(x.stays)}</td>
                  <td className="num">
                    {x.p75Days === null
                      ? 'not measurable — needs 5 completed stays'
                      : `${formatDecimal(x.p75Days)} days`}
                  </td>
                  <td className="num">
                    {x.p75Days === null ? (
                      '—'
                    ) : x.stalled > 0 ? (
                      <FigureLink
                        target={{ kind: 'stalled', stage: x.stage }}
                        label={`Stalled in ${x.stage}: ${formatCount(x.stalled)} deals`}
                      >
                        {formatCount(x.stalled)}
                      </FigureLink>
                    ) : (
                      formatCount(x.stalled)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted" data-testid="stalled-not-measurable">
          Stalled deals: {view.notMeasurable.stalled}
        </p>
      )}
    </ChartFrame>
  );
}
