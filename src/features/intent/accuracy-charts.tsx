import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { TERMS } from '../../lib/wording';
import { ChartFrame } from '../../ui/chart-frame';
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
          Matured leads sorted by score, highest first, cut into ten equal groups. Lift = the group&apos;s share that reached SQO ÷ the share over all
          matured leads; 1 = no better than random. Combined = fit weight × fit + (1 − fit weight) × intent, fit weight{' '}
          {formatDecimal(vm.rules.qualification.fitWeight)}.
        </p>
      }
    >
      <div role="img" aria-label="Lift of each score decile for fit, intent and combined scores">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={vm.lift} margin={{ top: 8, right: 12, bottom: 28, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="decile" label={{ value: 'Score decile (1 = highest scores)', position: 'insideBottom', offset: -16 }} />
            <YAxis tickFormatter={(v: number) => formatDecimal(v)} label={{ value: 'Lift (×)', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => `${formatDecimal(Number(v))}×`} />
            <Legend itemSorter={null} verticalAlign="top" />
            <ReferenceLine y={1} stroke="#555" strokeDasharray="4 3" />
            <Bar dataKey="fit" name="Fit" fill="#8aa9d6" isAnimationActive={false} />
            <Bar dataKey="intent" name="Intent" fill="#b45309" isAnimationActive={false} />
            <Bar dataKey="combined" name="Combined" fill="#1f5fa8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
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
          Each 10-point bin of the score: the mean score ÷ 100 (what the score would claim as a probability) against the share of its matured leads that
          reached SQO. A calibrated score follows the diagonal; points under it mean the score promises more than happens. Empty bins are left out.
        </p>
      }
    >
      <div role="img" aria-label="Calibration of the combined and intent scores against the observed SQO rate">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 12, right: 28, bottom: 28, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {/* Every bin keeps its tick (recharts would drop one, e.g. 80–90, to avoid crowding). */}
            <XAxis dataKey="bin" interval={0} label={{ value: 'Score bin (points)', position: 'insideBottom', offset: -16 }} />
            <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} label={{ value: 'Share', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => formatPercent(v === null ? null : Number(v))} />
            <Legend itemSorter={null} verticalAlign="top" wrapperStyle={{ paddingBottom: 12 }} />
            <Line dataKey="predicted" name="Score ÷ 100 (combined)" stroke="#777" strokeDasharray="4 3" isAnimationActive={false} connectNulls />
            <Line dataKey="observed" name="Observed, combined score" stroke="#1f5fa8" isAnimationActive={false} connectNulls />
            <Line dataKey="observedIntent" name="Observed, intent score" stroke="#b45309" isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}

/** A rate cell with its 95% interval for screen readers, and "n = 2" shown under a small sample. */
function TierRateTd({ cell }: { cell: ReturnType<typeof tierRateCell> }) {
  return (
    <td className={cell.sample ? 'num small-sample' : 'num'}>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{cell.full}</span>
      {cell.sample ? <span className="small-sample__n" aria-hidden="true"> {cell.sample}</span> : null}
    </td>
  );
}

export function TierRevenueChart({ vm, currency }: { vm: IntentViewModel; currency: string }) {
  const data = vm.tierOutcomes.map((t) => ({ tier: `${t.tier} (${t.route})`, wonCents: t.wonCents, sqo: tierRateCell(t.sqo), win: tierRateCell(t.win), leads: t.leads }));
  return (
    <ChartFrame
      title="Won revenue and conversion by intent tier"
      units={`${currency} won; % of matured leads`}
      csv={{ fileName: 'intent-tiers.csv', ...tierCsv(vm) }}
      definition={
        <p>
          Matured leads by intent tier at their history cut-off (High ≥ {vm.rules.tiers.intentHigh}, Mid ≥ {vm.rules.tiers.intentMid}). Won revenue =
          amounts of their won opportunities. SQO rate = share that reached SQO; won ÷ matured leads = share won (not the deal win rate, won ÷ closed). The CSV also has the current tier counts (scores as
          of today).
        </p>
      }
    >
      <div role="img" aria-label="Won revenue by intent tier">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 28, left: 32 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="tier" label={{ value: 'Intent tier (route)', position: 'insideBottom', offset: -16 }} />
            <YAxis tickFormatter={(v: number) => formatMoney(v, currency, true)} label={{ value: `Won (${currency})`, angle: -90, position: 'insideLeft', offset: -16 }} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Bar dataKey="wonCents" name="Won revenue" fill="#1f5fa8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="table" aria-label="Conversion by intent tier">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">Matured leads</th>
            <th scope="col" className="num">SQO rate</th>
            <th scope="col" className="num">{TERMS.wonOfMatured.label}</th>
            <th scope="col" className="num">Won revenue</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.tier}>
              <th scope="row">{d.tier}</th>
              <td className="num">{formatCount(d.leads)}</td>
              <TierRateTd cell={d.sqo} />
              <TierRateTd cell={d.win} />
              <td className="num">{formatMoney(d.wonCents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
