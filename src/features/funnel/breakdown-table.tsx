import { formatCount } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import { FigureTable, type CellProps, type FigureColumn } from '../../ui/figure-table';
import type { FunnelViewModel } from '../../worker/api';
import { breakdownCsv, rateCell } from './build-funnel-view';
import { funnelActions } from './funnel-params';
import { dimensionLabel } from './dimension-label';

type Breakdown = FunnelViewModel['breakdown'];
type Row = Breakdown['rows'][number];

const COUNTS = { lead: 'Leads', mql: 'MQLs', sql: 'SQLs', sqo: 'SQOs', won: 'Won' } as const;
const RATES = { mqlToSqo: 'MQL→SQO', sqlToSqo: 'SQL→SQO', winRate: 'Win rate' } as const;
const entries = <K extends string>(o: Readonly<Record<K, string>>) => Object.entries(o) as [K, string][];
const SMALL_SAMPLE: CellProps = { className: 'small-sample', 'data-small-sample': '' };

/** The group (a button listing its leads), its stage counts, and its rates, small samples with their n. */
function columns(dim: Breakdown['dimension'], minSample: number): FigureColumn<Row>[] {
  const dimName = dimensionLabel(dim.id);
  return [
    {
      key: 'group',
      header: dimName,
      rowHeader: true,
      cell: (r) => (
        <button
          type="button"
          className="button--link"
          aria-label={`Show the leads of ${r.label}`}
          onClick={() =>
            funnelActions.barClicked({
              target: { kind: 'stage', stage: 'lead' },
              group: { dimension: dim.id, label: r.label },
              title: `${dimName}: ${r.label}`,
            })
          }
        >
          {r.label}
        </button>
      ),
    },
    ...entries(COUNTS).map(([stage, header]): FigureColumn<Row> => ({
      key: stage,
      header,
      numeric: true,
      cell: (r) => formatCount(r.counts[stage]),
    })),
    ...entries(RATES).map(([rate, header]): FigureColumn<Row> => ({
      key: rate,
      header,
      numeric: true,
      cell: (r) => {
        const c = rateCell(r.estimates[rate], minSample);
        return c.sample ? (
          <>
            {c.text} <span className="small-sample__n">{c.sample}</span>
          </>
        ) : (
          c.text
        );
      },
      cellProps: (r) => (rateCell(r.estimates[rate], minSample).sample ? SMALL_SAMPLE : undefined),
    })),
  ];
}

/** Every group of the breakdown: volumes and the rates marketing reports; small samples marked with their n. */
export function BreakdownTable({ vm, minSample }: { vm: FunnelViewModel; minSample: number }) {
  const dim = vm.breakdown.dimension;
  const dimName = dimensionLabel(dim.id);
  return (
    <ChartFrame
      kind="table"
      title={`Funnel by ${dimName.toLowerCase()}`}
      units="leads; rates over all data in view"
      csv={breakdownCsv(vm)}
      definition={
        <p>
          Each group&apos;s stage counts ({vm.mode} counting) and its all-data cohort rates: of the group&apos;s leads
          that reached the first stage, the share that reached the second. Leads without a value are under
          &ldquo;(none)&rdquo;. Groups add up to the whole funnel. A rate over fewer than {minSample} leads (MQLs, SQLs)
          or closed deals (win rate) is greyed with its n under it — 2 of 2 deals is 100% but its 95% interval runs from
          34% to 100%; the CSV carries every rate&apos;s interval and n.
        </p>
      }
    >
      <FigureTable
        caption={`Funnel by ${dimName}`}
        columns={columns(dim, minSample)}
        rows={vm.breakdown.rows}
        rowKey={(r) => r.label}
        scroll
      />
    </ChartFrame>
  );
}
