import { ACCURACY_METHODS } from '../../engine/forecast/accuracy-point';
import {
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatInstant,
  formatMoney,
  formatPercent,
} from '../../lib/format';
import { METHOD_DEFINITION, METHOD_LABEL, projectionBasisText } from '../../lib/forecast-labels';
import { forecastChoiceActions, type MethodChoice } from '../../state/forecast-choices';
import { Stat } from '../../ui/stat';
import type { ForecastView, HeadlineProjectionView } from '../../worker/api';
import { DealLinks, type DealLink } from './deal-links';
import { dealActions } from './deal-settings';

export interface ForecastHeadlineProps {
  readonly view: ForecastView;
  /** The headline projection of the current quarter; undefined while it is computed. */
  readonly projection: HeadlineProjectionView | undefined;
  readonly choice: MethodChoice;
}

function projectionStat(p: HeadlineProjectionView | undefined, cur: string) {
  if (!p) return { label: 'Expected bookings', value: '…', note: 'ranking the forecast methods…' };
  const definition =
    p.basis === 'notRanked'
      ? 'won so far + Σ open amount due in the quarter (not overdue) × p(stage)'
      : METHOD_DEFINITION[p.method];
  return {
    label: `Expected bookings, ${p.quarter}`,
    value: p.cents === null ? 'not measurable' : formatMoney(p.cents, cur, true),
    note: p.cents === null ? `${projectionBasisText(p)}; ${p.reason ?? 'not measurable'}` : projectionBasisText(p),
    help: p.cents === null ? undefined : `${formatMoney(p.cents, cur)}: ${definition}`,
  };
}

/** The Forecast view's headline figures, the method the projection uses (editable), and the links to their deals. */
export function ForecastHeadline({ view: v, projection: p, choice }: ForecastHeadlineProps) {
  const cur = v.currency;
  const links: DealLink[] = [
    { label: 'Show the open deals', target: { kind: 'open' } },
    { label: 'Show the deals behind the weighted pipeline', target: { kind: 'open', weighted: true } },
    ...(p && p.cents !== null ? [{ label: 'Show the deals behind the expected bookings', target: p.target }] : []),
    ...(v.pipelineTimesWinRateCents !== null
      ? [
          {
            label: 'Show the deals behind pipeline × win rate',
            target: { kind: 'expected', basis: 'winRate' } as const,
          },
        ]
      : []),
    { label: 'Show the deals behind the win rate', target: { kind: 'lookback', won: false } },
    { label: 'Show the won deals behind the cycle and velocity', target: { kind: 'lookback', won: true } },
  ];
  return (
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
        <Stat {...projectionStat(p, cur)} />
        <Stat
          label="Pipeline × win rate"
          value={
            v.pipelineTimesWinRateCents === null
              ? 'not measurable'
              : formatMoney(v.pipelineTimesWinRateCents, cur, true)
          }
          note={v.notMeasurable.winRate ?? 'open pipeline × win rate, any close date'}
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
            v.velocity.centsPerDay === null ? 'not measurable' : `${formatMoney(v.velocity.centsPerDay, cur, true)}/day`
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
      {p && p.basis !== 'notRanked' ? (
        <label className="fc-inline">
          Expected bookings by{' '}
          <select
            value={choice}
            onChange={(e) => forecastChoiceActions.projectionMethodChosen(e.target.value as MethodChoice)}
          >
            <option value="best">Most accurate{p.best ? ` (${METHOD_LABEL[p.best]})` : ''}</option>
            {ACCURACY_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABEL[m]}
              </option>
            ))}
          </select>{' '}
          <span className="muted">(the Overview projects with the same method)</span>
        </label>
      ) : null}
      <DealLinks links={links} />
      <p className="muted" data-testid="forecast-as-of">
        Computed as of {formatInstant(v.asOfInstant)}: deals open at that instant, rates over deals closed since{' '}
        {v.lookbackFrom ? formatDate(v.lookbackFrom) : 'the start'}.
      </p>
      {v.datesOutOfOrder.count > 0 ? (
        <p className="warnings" data-testid="dates-out-of-order">
          {formatCount(v.datesOutOfOrder.count)} won deals close before they were created (close date before creation
          date): left out of the cycle and the velocity, never counted as negative days. Rows to fix:{' '}
          {v.datesOutOfOrder.ids.slice(0, 10).join(', ')}
          {v.datesOutOfOrder.count > 10 ? ' …' : ''}
        </p>
      ) : null}
      {v.undated.count > 0 ? (
        <p className="muted">
          {formatCount(v.undated.count)} open deals ({formatMoney(v.undated.cents, cur)}) have no close date and sit in
          no quarter.{' '}
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
  );
}
