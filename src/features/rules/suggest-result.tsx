import type { FitPopulation } from '../../engine/scoring/population';
import type { SuggestResult, SuggestedWeights } from '../../engine/scoring/suggest';
import { formatCount, formatDecimal, formatPercent } from '../../lib/format';
import { rulesActions } from '../../state/rules';
import { FigureTable, type FigureColumn } from '../../ui/figure-table';

const WEIGHT_COLUMNS: readonly FigureColumn<SuggestedWeights['coefficients'][number]>[] = [
  { key: 'feature', header: 'Feature', cell: (c) => c.feature },
  { key: 'weight', header: 'Weight (log-odds per scaled unit)', numeric: true, cell: (c) => formatDecimal(c.weight) },
];

const auc = (v: number | null) =>
  v === null ? 'not measurable — needs both outcomes in the holdout' : formatDecimal(v);

/** "5 folds 0.78–0.84 (mean 0.81), L2 penalty 1 of 0.1, 1, 10": the cross-validated AUC beside the holdout's. */
export function cvNote(s: SuggestedWeights): string {
  const cv = s.crossValidation;
  if (cv.aucMean === null || cv.aucMin === null || cv.aucMax === null)
    return `${cv.k} folds: not measurable — needs both outcomes in a fold`;
  return `${cv.k} folds ${formatDecimal(cv.aucMin)}–${formatDecimal(cv.aucMax)} (mean ${formatDecimal(cv.aucMean)}), L2 penalty ${cv.lambda} chosen from ${cv.lambdaGrid.join(', ')}`;
}

/** Who the fit learns from and is judged on: matured, immature left out, classes per split. */
function Population({ p }: { p: FitPopulation }) {
  return (
    <table className="table" aria-label="Population of the fit">
      <caption>
        {formatCount(p.inScope)} leads in the filters: {formatCount(p.matured)} matured (outcome known),{' '}
        {formatCount(p.immature)} immature left out (no outcome yet, younger than {p.maturityDays} days)
      </caption>
      <thead>
        <tr>
          <th scope="col">Split</th>
          <th scope="col" className="num">
            Leads
          </th>
          <th scope="col" className="num">
            Reached the outcome
          </th>
          <th scope="col" className="num">
            Did not
          </th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ['Training', p.train],
            ['Holdout', p.holdout],
          ] as const
        ).map(([name, c]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{formatCount(c.rows)}</td>
            <td className="num">{formatCount(c.positives)}</td>
            <td className="num">{formatCount(c.negatives)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Fitted({ s }: { s: SuggestedWeights }) {
  return (
    <>
      <div className="stat-row">
        <div className="stat">
          <div className="stat__label">Holdout AUC, current rules</div>
          <div className="stat__value" data-testid="auc-current">
            {auc(s.holdoutAuc.current)}
          </div>
        </div>
        <div className="stat">
          <div className="stat__label">Holdout AUC, fitted model</div>
          <div className="stat__value" data-testid="auc-suggested">
            {auc(s.holdoutAuc.suggested)}
          </div>
          <div className="stat__note" data-testid="auc-cv">
            {cvNote(s)}
          </div>
        </div>
        <div className="stat">
          <div className="stat__label">Holdout AUC, the model as points</div>
          <div className="stat__value" data-testid="auc-suggested-rules">
            {auc(s.holdoutAuc.suggestedRules)}
          </div>
          <div className="stat__note">the rule set below, whole points</div>
        </div>
      </div>
      <p className="muted">
        AUC: the chance that a lead that reached the outcome ranks above one that did not (0.5 = a coin toss, 1 =
        perfect), on the held-out leads. The fold range: the model refitted {s.crossValidation.k} times, each time
        judged on the fold of matured leads it did not see, so one lucky split cannot flatter it; the L2 penalty is the
        one with the best mean over the folds. The points are the model&apos;s weights scaled to the 0–100 range: base
        points carry its intercept, numbers become ranges cut at training quantiles, a missing value its own &quot;is
        empty&quot; rule; weights too small for a whole point give no rule.
      </p>
      <p className="muted" data-testid="calibration">
        Probability per lead: the fitted model calibrated on the holdout by Platt scaling — on the holdout its mean is{' '}
        {formatPercent(s.calibrationCheck.meanProbability)} against {formatPercent(s.calibrationCheck.positiveRate)}{' '}
        that reached the outcome. It is shown, with each lead&apos;s top 3 factors, in the lead explanation and the list
        of leads that change status.
      </p>
      <p className="muted">
        Columns used: {s.columnsUsed.join(', ')}. Left out: {s.excluded.join(', ') || 'none'}.
      </p>
      <FigureTable
        caption="Largest fitted weights"
        columns={WEIGHT_COLUMNS}
        rows={s.coefficients.slice(0, 12)}
        rowKey={(c) => c.feature}
      />
      <button
        type="button"
        className="button"
        onClick={() => {
          rulesActions.draftReplaced(s.ruleSet);
        }}
      >
        Apply as draft
      </button>
    </>
  );
}

/** A fit's result: its population, then the refusal's reason or the AUCs, weights and rule set. */
export function SuggestResultView({ s }: { s: SuggestResult }) {
  return (
    <div className="suggest-result">
      {s.currentRulesNote ? (
        <p className="muted" role="note">
          {s.currentRulesNote}
        </p>
      ) : null}
      {s.status === 'refused' ? (
        <div className="state state--error" role="alert">
          <strong>No fit.</strong> {s.reason}
        </div>
      ) : null}
      <Population p={s.population} />
      {s.status === 'fitted' ? <Fitted s={s} /> : null}
    </div>
  );
}
