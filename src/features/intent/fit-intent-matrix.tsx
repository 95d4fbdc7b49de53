import { formatCount, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { IntentViewModel } from '../../worker/api';
import { matrixCsv, matrixGrid } from './build-intent-model';

/** The 3×3 fit × intent matrix as a heat grid: matured leads, share that reached SQO, and route. */
export function FitIntentMatrix({ vm }: { vm: IntentViewModel }) {
  const grid = matrixGrid(vm);
  const t = vm.rules.tiers;
  return (
    <ChartFrame
      kind="table"
      title="Fit × intent matrix: leads and conversion to SQO"
      units="matured leads; % that reached SQO"
      csv={{ fileName: 'fit-intent-matrix.csv', ...matrixCsv(vm) }}
      definition={
        <p>
          Rows: ICP tier from fit (Tier 1 ≥ {t.icpTier1}, Tier 2 ≥ {t.icpTier2}, else Tier 3). Columns: intent tier
          (High ≥ {t.intentHigh}, Mid ≥ {t.intentMid}, else Low). Each cell: matured leads scored at their history
          cut-off, and the share that reached SQO. Darker = higher conversion. The route is where leads of that cell go.
        </p>
      }
    >
      <table className="matrix" aria-label="Fit by intent matrix">
        <thead>
          <tr>
            <th scope="col">ICP tier \ intent</th>
            <th scope="col">High</th>
            <th scope="col">Mid</th>
            <th scope="col">Low</th>
          </tr>
        </thead>
        <tbody>
          {grid.map((row) => (
            <tr key={row.tier}>
              <th scope="row">{row.tier}</th>
              {row.cells.map((c) => (
                <td
                  key={c.intentTier}
                  className="matrix__cell"
                  style={{ backgroundColor: `rgb(31 95 168 / ${(0.06 + 0.5 * c.heat).toFixed(2)})` }}
                >
                  <div className="matrix__count">{formatCount(c.leads)} leads</div>
                  <div>{formatPercent(c.rate)} to SQO</div>
                  <div className="matrix__route">{c.route}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
