import { SeriesBarChart } from '../../charts/series-bar-chart';
import { ShareLineChart } from '../../charts/share-line-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatCount, formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { TERMS } from '../../lib/wording';
import { ChartFrame } from '../../ui/chart-frame';
import { FigureTable, type FigureColumn } from '../../ui/figure-table';
import type { IntentViewModel } from '../../worker/api';
import { calibrationData, liftCsv, tierCsv, tierRateCell } from './build-intent-model';

export function LiftChart({ vm }: { vm: IntentViewModel }) {
  return (
    <ChartFrame
      title="Lift by score decile (reached SQO)"
      units="× the overall SQO rate"
      csv={{ fileName: 'lift-by-decile.csv', ...liftCsv(vm) }}
      definition={
        <p>
          Matured leads sorted by score, highest first, cut into ten equal groups. Lift = the group&apos;s share that
          reached SQO ÷ the share over all matured leads; 1 = no better than random. Combined = fit weight × fit + (1 −
          fit weight) × intent, fit weight {formatDecimal(vm.rules.qualification.fitWeight)}.
        </p>
      }
    >
      <div role="img" aria-label="Lift of each score decile for fit, intent and combined scores">
        <SeriesBarChart
          rows={vm.lift}
          xKey="decile"
          x={{ label: 'Score decile (1 = highest scores)', labelOffset: -16 }}
          y={{ label: 'Lift (×)', tickFormat: (v) => formatDecimal(v) }}
          series={[
            { key: 'fit', name: 'Fit', color: CHART_COLORS.fit },
            { key: 'intent', name: 'Intent', color: CHART_COLORS.intent },
            { key: 'combined', name: 'Combined', color: CHART_COLORS.score },
          ]}
          tooltipValue={(v) => `${formatDecimal(Number(v))}×`}
          legend={{ at: 'top' }}
          references={[{ at: { y: 1 }, color: CHART_COLORS.reference }]}
          height={260}
          margin={{ top: 8, right: 12, bottom: 28, left: 16 }}
        />
      </div>
    </ChartFrame>
  );
}

export function CalibrationChart({ vm }: { vm: IntentViewModel }) {
  const { data, csv } = calibrationData(vm);
  return (
    <ChartFrame
      title="Calibration: score read as a probability vs observed SQO rate"
      units="share of matured leads, per 10-point score bin"
      csv={{ fileName: 'calibration.csv', ...csv }}
      definition={
        <p>
          Each 10-point bin of the score: the mean score ÷ 100 (what the score would claim as a probability) against the
          share of its matured leads that reached SQO. A calibrated score follows the diagonal; points under it mean the
          score promises more than happens. Empty bins are left out.
        </p>
      }
    >
      <div role="img" aria-label="Calibration of the combined and intent scores against the observed SQO rate">
        <ShareLineChart
          rows={data}
          xKey="bin"
          xLabel="Score bin (points)"
          yLabel="Share"
          lines={[
            { key: 'predicted', name: 'Score ÷ 100 (combined)', color: CHART_COLORS.claimed, dash: '4 3' },
            { key: 'observed', name: 'Observed, combined score', color: CHART_COLORS.score },
            { key: 'observedIntent', name: 'Observed, intent score', color: CHART_COLORS.intent },
          ]}
          tickFormat={(v) => formatPercent(v, 0)}
          tooltipValue={(v) => formatPercent(v)}
          height={260}
        />
      </div>
    </ChartFrame>
  );
}

type TierRow = {
  readonly tier: string;
  readonly leads: number;
  readonly wonCents: number;
  readonly sqo: ReturnType<typeof tierRateCell>;
  readonly win: ReturnType<typeof tierRateCell>;
};

/** A rate with its 95% interval for screen readers, and "n = 2" shown under a small sample. */
const rateColumn = (key: 'sqo' | 'win', header: string): FigureColumn<TierRow> => ({
  key,
  header,
  numeric: true,
  cell: (d) => (
    <>
      <span aria-hidden="true">{d[key].text}</span>
      <span className="visually-hidden">{d[key].full}</span>
      {d[key].sample ? (
        <span className="small-sample__n" aria-hidden="true">
          {' '}
          {d[key].sample}
        </span>
      ) : null}
    </>
  ),
  cellProps: (d) => (d[key].sample ? { className: 'small-sample' } : undefined),
});

export function TierRevenueChart({ vm, currency }: { vm: IntentViewModel; currency: string }) {
  const data: TierRow[] = vm.tierOutcomes.map((t) => ({
    tier: `${t.tier} (${t.route})`,
    wonCents: t.wonCents,
    sqo: tierRateCell(t.sqo),
    win: tierRateCell(t.win),
    leads: t.leads,
  }));
  return (
    <ChartFrame
      title="Won revenue and conversion by intent tier"
      units={`${currency} won; % of matured leads`}
      csv={{ fileName: 'intent-tiers.csv', ...tierCsv(vm) }}
      definition={
        <p>
          Matured leads by intent tier at their history cut-off (High ≥ {vm.rules.tiers.intentHigh}, Mid ≥{' '}
          {vm.rules.tiers.intentMid}). Won revenue = amounts of their won opportunities. SQO rate = share that reached
          SQO; won ÷ matured leads = share won (not the deal win rate, won ÷ closed). The CSV also has the current tier
          counts (scores as of today).
        </p>
      }
    >
      <div role="img" aria-label="Won revenue by intent tier">
        <SeriesBarChart
          rows={data}
          xKey="tier"
          x={{ label: 'Intent tier (route)', labelOffset: -16 }}
          y={{ label: `Won (${currency})`, tickFormat: (v) => formatMoney(v, currency, true), labelOffset: -16 }}
          series={[{ key: 'wonCents', name: 'Won revenue', color: CHART_COLORS.score }]}
          tooltipValue={(v) => formatMoney(Number(v), currency)}
          height={240}
          margin={{ top: 8, right: 12, bottom: 28, left: 32 }}
        />
      </div>
      <FigureTable
        caption="Conversion by intent tier"
        columns={[
          { key: 'tier', header: 'Tier', rowHeader: true, cell: (d) => d.tier },
          { key: 'leads', header: 'Matured leads', numeric: true, cell: (d) => formatCount(d.leads) },
          rateColumn('sqo', 'SQO rate'),
          rateColumn('win', TERMS.wonOfMatured.label),
          { key: 'won', header: 'Won revenue', numeric: true, cell: (d) => formatMoney(d.wonCents, currency) },
        ]}
        rows={data}
        rowKey={(d) => d.tier}
      />
    </ChartFrame>
  );
}
