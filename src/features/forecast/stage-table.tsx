import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import { SOURCE_LABEL } from '../../engine/forecast/stage-probability';
import type { ForecastSettings, ForecastView } from '../../worker/api';
import { FigureLink } from './figure-link';
import { forecastActions } from './settings';

/** p(stage) per open stage, where it came from, and the user's probabilities to edit. */
export function StageTable({ view, settings }: { view: ForecastView; settings: ForecastSettings }) {
  const cur = view.currency;
  return (
    <ChartFrame
      kind="table"
      title="Open pipeline by stage and the probability applied"
      units={`${cur}; probabilities in %`}
      controls={
        <fieldset className="fc-toggle">
          <legend className="visually-hidden">Probability source</legend>
          <label>
            <input
              type="radio"
              name="psource"
              checked={settings.probabilitySource === 'data'}
              onChange={() => forecastActions.probabilitySourceChanged('data')}
            />{' '}
            From history
          </label>
          <label>
            <input
              type="radio"
              name="psource"
              checked={settings.probabilitySource === 'user'}
              onChange={() => forecastActions.probabilitySourceChanged('user')}
            />{' '}
            Entered
          </label>
        </fieldset>
      }
      definition={
        <p>
          p(stage) = of the deals that ever entered the stage and closed in the lookback, the share won (“stage
          history”). Where fewer than {settings.minClosed} closed deals passed through a stage, the probability the
          export records for the stage&apos;s open deals is used (their mean: Salesforce Probability, HubSpot deal-stage
          probability; “export probability”); where the export records none, the probability entered here (“entered
          default”, a default until you change it). Choose “Entered” to use your probabilities everywhere. Weighted =
          open amount × p. Click an open or weighted figure to list its deals.
        </p>
      }
      csv={{
        fileName: 'pipeline-by-stage.csv',
        header: [
          'stage',
          'open_deals',
          'open_amount',
          'p',
          'source',
          'closed_through_stage',
          'won_through_stage',
          'export_probability',
          'weighted',
        ],
        rows: view.stages.map((s) => [
          s.stage,
          s.count,
          s.openCents / 100,
          s.p,
          SOURCE_LABEL[s.source],
          s.closed,
          s.won,
          s.exported,
          s.weightedCents / 100,
        ]),
      }}
    >
      {view.defaultStages.length > 0 ? (
        <p className="warnings" data-testid="default-stages">
          {view.defaultStages.length === view.stages.length
            ? 'Every stage uses'
            : `${view.defaultStages.length} of ${view.stages.length} stages use`}{' '}
          an entered default p, not a figure from the data: {view.defaultStages.join(', ')}. Enter the probabilities
          your team uses, or load a stage history or the export&apos;s probability.
        </p>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">Open pipeline by stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              Open deals
            </th>
            <th scope="col" className="num">
              Open pipeline
            </th>
            <th scope="col" className="num">
              History (won / closed)
            </th>
            <th scope="col" className="num">
              p applied
            </th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Entered p
            </th>
            <th scope="col" className="num">
              Weighted
            </th>
          </tr>
        </thead>
        <tbody>
          {view.stages.map((s) => (
            <tr key={s.stage}>
              <th scope="row">{s.stage}</th>
              <td className="num">{formatCount(s.count)}</td>
              <td className="num">
                <FigureLink
                  target={{ kind: 'stage', stage: s.stage, weighted: false }}
                  label={`Open pipeline in ${s.stage}: ${formatMoney(s.openCents, cur)}`}
                >
                  {formatMoney(s.openCents, cur)}
                </FigureLink>
              </td>
              <td className="num">
                {formatPercent(s.historical)} ({formatCount(s.won)} / {formatCount(s.closed)})
              </td>
              <td className="num">{formatPercent(s.p)}</td>
              <td>{SOURCE_LABEL[s.source]}</td>
              <td className="num">
                <input
                  className="fc-prob"
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  aria-label={`Entered probability for ${s.stage}, %`}
                  value={Math.round(
                    (settings.userProbabilities[s.stage] ?? settings.userProbabilities.sqo ?? 0.1) * 100,
                  )}
                  onChange={(e) => forecastActions.probabilityEntered(s.stage, Number(e.target.value) / 100)}
                />
              </td>
              <td className="num">
                <FigureLink
                  target={{ kind: 'stage', stage: s.stage, weighted: true }}
                  label={`Weighted pipeline in ${s.stage}: ${formatMoney(s.weightedCents, cur)}`}
                >
                  {formatMoney(s.weightedCents, cur)}
                </FigureLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
