import { formatCount, formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { coverageStatus, gapText } from '../../lib/wording';
import { ChartFrame } from '../../ui/chart-frame';
import { FigureTable, type FigureColumn } from '../../ui/figure-table';
import type { DealTarget, ForecastView } from '../../worker/api';
import { FigureLink } from './figure-link';

const coverageText = (c: number | 'quota met') => (c === 'quota met' ? 'quota met' : `${formatDecimal(c)}×`);

type Coverage = NonNullable<ForecastView['quarters'][number]['coverage']>;

/** The class that colours a figure by where its quarter stands. */
const toned = (c: Coverage) => ({ className: `fc-status--${coverageStatus(c).replace(' ', '-')}` });

/** Money that opens the deals behind it. */
function linked(
  key: string,
  header: string,
  target: (c: Coverage) => DealTarget,
  text: (c: Coverage) => string,
  label: (c: Coverage) => string,
  tone = false,
): FigureColumn<Coverage> {
  return {
    key,
    header,
    numeric: true,
    cell: (c) => (
      <FigureLink target={target(c)} label={label(c)}>
        {text(c)}
      </FigureLink>
    ),
    ...(tone ? { cellProps: toned } : {}),
  };
}

/** The quarter, its quota, and each figure with the deals behind it; coverage, status and gap coloured by status. */
function columns(target: number | null, cur: string): FigureColumn<Coverage>[] {
  const money = (cents: number) => formatMoney(cents, cur);
  return [
    { key: 'quarter', header: 'Quarter', rowHeader: true, cell: (c) => c.quarter },
    { key: 'quota', header: 'Quota', numeric: true, cell: (c) => money(c.quotaCents) },
    linked(
      'won',
      'Won',
      (c) => ({ kind: 'won', quarter: c.quarter }),
      (c) => money(c.wonCents),
      (c) => `Won ${c.quarter}: ${money(c.wonCents)}`,
    ),
    linked(
      'openDue',
      'Open due',
      (c) => ({ kind: 'due', quarter: c.quarter, weighted: false }),
      (c) => money(c.openDueCents),
      (c) => `Open due ${c.quarter}: ${money(c.openDueCents)}`,
    ),
    linked(
      'coverage',
      'Coverage',
      (c) => ({ kind: 'due', quarter: c.quarter, weighted: false }),
      (c) => coverageText(c.coverage),
      (c) => `Coverage ${c.quarter}: ${coverageText(c.coverage)}, open due ÷ remaining quota`,
      true,
    ),
    {
      key: 'target',
      header: 'Target',
      numeric: true,
      cell: () => (target === null ? 'no data' : `${formatDecimal(target)}×`),
    },
    { key: 'status', header: 'Status', cell: (c) => coverageStatus(c), cellProps: toned },
    linked(
      'attainment',
      'Attainment',
      (c) => ({ kind: 'won', quarter: c.quarter }),
      (c) => formatPercent(c.attainment),
      (c) => `Attainment ${c.quarter}: ${formatPercent(c.attainment)}, won ÷ quota`,
    ),
    linked(
      'projected',
      'Projected',
      (c) => ({ kind: 'projected', quarter: c.quarter }),
      (c) => money(c.projectedCents),
      (c) => `Projected ${c.quarter}: ${money(c.projectedCents)}`,
    ),
    linked(
      'gap',
      'Gap',
      (c) => ({ kind: 'projected', quarter: c.quarter }),
      (c) => gapText(c.gapCents, cur),
      (c) => `Gap ${c.quarter}: ${gapText(c.gapCents, cur)}, quota − projected`,
      true,
    ),
  ];
}

/** Coverage per quarter, coloured by where the quarter stands (met / on track / at risk), and the gap in words. */
export function CoverageTable({ view }: { view: ForecastView }) {
  const rows = view.quarters.filter((q) => q.coverage !== null && q.tense !== 'past').map((q) => q.coverage!);
  const target = view.impliedCoverage;
  const cur = view.currency;
  return (
    <ChartFrame
      kind="table"
      title="Coverage of the remaining quota, current and coming quarters"
      units={`× (pipeline ÷ remaining quota); money in ${cur}`}
      definition={
        <>
          <p>
            <strong>Coverage</strong> = open pipeline with a close date in the quarter ÷ (quota − won in the quarter).
            Once won reaches quota the quarter shows “quota met”. Click a figure to list its deals: won and attainment
            list the won deals, open due and coverage the open deals due, projected and the gap the won deals and the
            open deals due (each weighted). Open deals whose close date has already passed are overdue and due in no
            quarter (see “Overdue deals”). With a segment or owner filter, the quota is the plan&apos;s quota for the
            selection when plan.csv splits the quota that way (its <code>segment</code> or <code>owner</code> column);
            any other filter selects what the plan does not split, and quota figures read “quota is company-wide”
            instead of a ratio. <strong>Target</strong> = 1 ÷ win rate ({formatPercent(view.winRate)} over the
            lookback): the coverage that, at today&apos;s win rate, books the rest of the quota.
          </p>
          <p>
            <strong>Projected</strong> = won + weighted open pipeline due. <strong>Status</strong>: met once won reaches
            quota; on track when the projection reaches quota; else at risk. Coverage is coloured by the status, so a
            quarter whose projection beats quota is never shown as short because its coverage is below the target
            multiple. <strong>Gap</strong> = quota − projected, written “ahead by” (projection above quota) or “short
            by”. <strong>Attainment</strong> = won ÷ quota.
          </p>
        </>
      }
      csv={{
        fileName: 'coverage.csv',
        header: [
          'quarter',
          'quota',
          'won',
          'open_due',
          'coverage',
          'target_coverage',
          'status',
          'attainment',
          'projected',
          'gap_quota_minus_projected',
        ],
        rows: rows.map((c) => [
          c.quarter,
          c.quotaCents / 100,
          c.wonCents / 100,
          c.openDueCents / 100,
          c.coverage,
          target,
          coverageStatus(c),
          c.attainment,
          c.projectedCents / 100,
          c.gapCents / 100,
        ]),
      }}
    >
      {view.overdue.count > 0 ? (
        <p className="muted">
          Not in “open due”: {formatCount(view.overdue.count)} overdue deals ({formatMoney(view.overdue.cents, cur)})
          whose close date has passed.
        </p>
      ) : null}
      {view.quota.kind === 'slice' ? <p className="muted">Quota: {view.quota.note}.</p> : null}
      {view.quota.kind === 'companyWide' ? (
        <p className="muted" data-testid="quota-company-wide">
          Coverage, attainment and gap: {view.quota.note}.
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No quota for the current or later quarters: add a plan (plan.csv) to see coverage.</p>
      ) : (
        <FigureTable
          caption="Coverage by quarter"
          columns={columns(target, cur)}
          rows={rows}
          rowKey={(c) => c.quarter}
        />
      )}
    </ChartFrame>
  );
}
