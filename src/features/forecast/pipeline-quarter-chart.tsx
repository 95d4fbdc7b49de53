import { ComboChart } from '../../charts/combo-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { DealTarget } from '../../worker/api';
import type { QuarterChartRow } from './build-forecast-model';
import { axisMoney, tooltipMoney } from './chart-format';
import { dealActions } from './deal-settings';

type SeriesKey = 'won' | 'weightedDue' | 'openDue';

const targetOf = (key: SeriesKey, quarter: string): DealTarget =>
  key === 'won' ? { kind: 'won', quarter } : { kind: 'due', quarter, weighted: key === 'weightedDue' };

/** A bar that opens the deals behind it, by mouse or keyboard. */
function drill(key: SeriesKey, name: string, currency: string) {
  return {
    describe: (r: QuarterChartRow) => `${r.id}, ${name}: ${formatMoney(Math.round(r[key] * 100), currency)}`,
    action: 'list its deals',
    onSelect: (r: QuarterChartRow) => dealActions.figureOpened(targetOf(key, r.id)),
  };
}

export function PipelineQuarterChart({ rows, currency }: { rows: readonly QuarterChartRow[]; currency: string }) {
  return (
    <ChartFrame
      title="Pipeline and weighted pipeline by close quarter, against quota"
      units={`${currency}; quarters by the deal's close date`}
      definition={
        <>
          <p>
            <strong>Won</strong>: won deals with a close date in the quarter. <strong>Open pipeline due</strong>: open
            deals whose expected close date falls in the quarter. <strong>Weighted</strong>: each open deal × p(its
            stage) — see the stage table below. <strong>Quota</strong>: the plan&apos;s quota of the quarter.
          </p>
          <p>
            Open deals whose close date has passed are overdue and due in no quarter (see “Overdue deals”). Click a bar
            (or press Enter on it) to list its deals.
          </p>
        </>
      }
      csv={{
        fileName: 'pipeline-by-quarter.csv',
        header: ['quarter', 'won', 'open_due', 'weighted_due', 'quota'],
        rows: rows.map((r) => [r.quarter, r.won, r.openDue, r.weightedDue, r.quota]),
      }}
    >
      <ComboChart
        rows={rows}
        xKey="quarter"
        xLabel="Close quarter"
        left={{ label: currency, tickFormat: axisMoney(currency), width: 80 }}
        bars={[
          { key: 'won', name: 'Won', stackId: 'b', color: CHART_COLORS.won, drill: drill('won', 'Won', currency) },
          {
            key: 'weightedDue',
            name: 'Weighted open pipeline due',
            stackId: 'b',
            color: CHART_COLORS.weighted,
            drill: drill('weightedDue', 'Weighted open pipeline due', currency),
          },
          {
            key: 'openDue',
            name: 'Open pipeline due (unweighted)',
            color: CHART_COLORS.pale,
            drill: drill('openDue', 'Open pipeline due', currency),
          },
        ]}
        lines={[{ key: 'quota', name: 'Quota', color: CHART_COLORS.risk, dotRadius: 3 }]}
        tooltipValue={tooltipMoney(currency)}
        height={320}
      />
      <p className="visually-hidden">
        {rows
          .map(
            (r) =>
              `${r.quarter}: won ${formatMoney(r.won * 100, currency)}, open due ${formatMoney(r.openDue * 100, currency)}`,
          )
          .join('; ')}
      </p>
    </ChartFrame>
  );
}
