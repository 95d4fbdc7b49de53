import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { RateLineChart } from '../../charts/rate-line-chart';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { toEngineFilters, useFilters } from '../../state/filters';
import { ChartFrame } from '../../ui/chart-frame';
import { Stat } from '../../ui/stat';
import { ErrorState, Loading } from '../../ui/states';
import type { ForecastAccuracyView } from '../../worker/api';
import { accuracyActions, accuracyQuery, useMethodChoice, type MethodChoice } from './accuracy-state';
import { buildAccuracyModel, type AccuracyModel } from './build-accuracy-model';
import { DealLinks } from './deal-links';
import { useStageCategories } from './deal-settings';
import { FigureLink } from './figure-link';
import { useForecastSettings } from './settings';
import './accuracy-card.css';

/**
 * Forecast accuracy on the company's own history: the current quarter's projection by the most
 * accurate method (or the one chosen, kept in the URL), the error of each method by week of the
 * quarter, and the MAPE table.
 */
export function ForecastAccuracyCard() {
  const headingId = useId();
  const summary = useQuery(datasetSummaryQuery());
  const filters = toEngineFilters(useFilters());
  const settings = useForecastSettings();
  const choice = useMethodChoice();
  const stageCategories = useStageCategories();
  const q = useQuery({
    ...accuracyQuery(summary.data?.version ?? 0, filters, settings, stageCategories),
    enabled: !!summary.data,
  });
  const v = q.data;
  return (
    <section className="card fc-accuracy" aria-labelledby={headingId} data-testid="forecast-accuracy">
      <h2 id={headingId} className="fc-accuracy__title">
        Forecast accuracy
      </h2>
      {q.error ? <ErrorState title="Forecast accuracy could not be computed" error={q.error} /> : null}
      {!v && !q.error ? <Loading label="Back-testing the forecast methods…" /> : null}
      {v && !v.measurable ? <p className="muted">Forecast accuracy: {v.reason}.</p> : null}
      {v && v.measurable ? <Measured view={v} model={buildAccuracyModel(v, choice)} choice={choice} /> : null}
    </section>
  );
}

function Measured({
  view,
  model,
  choice,
}: {
  view: Extract<ForecastAccuracyView, { measurable: true }>;
  model: AccuracyModel;
  choice: MethodChoice;
}) {
  const h = model.headline;
  const n = model.quarters.length;
  return (
    <>
      <p className="muted">
        How close each forecast method came to what the quarter booked, rebuilt for {model.quarters.join(', ')} at the
        start of every week from the deal history as it stood then.
        {n < 4 ? ` Only ${n} completed quarter${n === 1 ? '' : 's'} of history: read the ranking with care.` : ''}
      </p>
      <div className="stat-row fc-accuracy__headline" data-testid="accuracy-headline">
        <Stat label={`Projected bookings, ${h.quarter}`} value={h.projectionText} note={h.byText} />
        <Stat label={`Won to date, ${h.quarter}`} value={h.actualToDateText} note={h.toDateText} />
      </div>
      <DealLinks
        links={[
          ...(h.method && h.projects
            ? [{ label: 'Show the deals behind the projection', target: { kind: 'accuracy', part: h.method } } as const]
            : []),
          { label: 'Show the deals won to date', target: { kind: 'accuracy', part: 'wonToDate' } },
        ]}
      />
      <label className="fc-inline">
        Projection method{' '}
        <select value={choice} onChange={(e) => accuracyActions.projectionMethodChosen(e.target.value as MethodChoice)}>
          {model.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <ChartFrame
        title="Forecast error by week of the quarter, per method"
        units={`mean absolute % error of the quarter's bookings forecast, over ${n} past quarters; x: week of the quarter`}
        definition={
          <>
            <p>
              For each past quarter and each week 1–{view.weeks}, every method&apos;s forecast of the quarter&apos;s
              bookings is rebuilt from the deal history as it stood at the start of that week (deals, stages, amounts,
              close dates, categories and rep probabilities then; p(stage) from deals closed before then), and set
              against the bookings the quarter closed. Error = |forecast − actual| ÷ actual; each point is the mean over
              the quarters. Lower is better; week {view.weeks} is usually the most accurate, since most of the quarter
              has closed.
            </p>
            <ul>
              {model.table.map((r) => (
                <li key={r.method}>
                  <strong>{r.label}</strong>: {r.definition}.
                </li>
              ))}
            </ul>
          </>
        }
        csv={{
          fileName: 'forecast-error-by-week.csv',
          header: ['week', ...view.methods.map((m) => `${m.method}_mean_abs_error`)],
          rows: model.csvRows,
        }}
      >
        <RateLineChart
          rows={model.rows}
          series={model.series}
          xLabel="Week of the quarter"
          yLabel="Mean absolute error (%)"
        />
      </ChartFrame>
      <ChartFrame
        kind="table"
        title="Mean absolute percentage error (MAPE) per forecast method"
        units={`% of the quarter's bookings; ${view.currency}`}
        definition={
          <p>
            MAPE = mean over the past quarters of the quarter&apos;s mean |forecast − actual| ÷ actual over its weeks.
            The most accurate method has the lowest MAPE among the methods measured in the most quarters; it is the
            headline projection unless another is chosen. A method whose inputs the data lacks reads “not measurable”
            with what it needs.
          </p>
        }
        csv={{
          fileName: 'forecast-accuracy.csv',
          header: [
            'method',
            'mape',
            'quarters_measured',
            ...model.quarters.map((q) => `ape_${q}`),
            `projection_${h.quarter}`,
          ],
          rows: model.table.map((r) => [r.label, r.mapeText, r.measuredQuarters, ...r.perQuarter, r.projectionText]),
        }}
      >
        <div className="fc-accuracy__scroll">
          <table className="table fc-accuracy__table">
            <caption className="visually-hidden">MAPE per forecast method</caption>
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col" className="num">
                  MAPE
                </th>
                <th scope="col" className="num">
                  Quarters
                </th>
                {model.quarters.map((q) => (
                  <th key={q} scope="col" className="num">
                    {q}
                  </th>
                ))}
                <th scope="col" className="num">
                  Projects {h.quarter}
                </th>
              </tr>
            </thead>
            <tbody>
              {model.table.map((r) => (
                <tr
                  key={r.method}
                  className={r.isBest ? 'fc-accuracy__best' : undefined}
                  aria-current={r.isChosen ? 'true' : undefined}
                >
                  <th scope="row">
                    {r.label}
                    {r.isBest ? <span className="fc-accuracy__badge">most accurate</span> : null}
                    {r.isChosen ? <span className="visually-hidden"> (used for the projection)</span> : null}
                  </th>
                  <td className="num">{r.mapeText}</td>
                  <td className="num">{r.measuredQuarters}</td>
                  {r.perQuarter.map((x, k) => (
                    <td key={model.quarters[k]} className="num">
                      {x}
                    </td>
                  ))}
                  <td className="num">
                    {r.projects ? (
                      <FigureLink
                        target={{ kind: 'accuracy', part: r.method }}
                        label={`${r.label} projects ${h.quarter}: ${r.projectionText}`}
                      >
                        {r.projectionText}
                      </FigureLink>
                    ) : (
                      r.projectionText
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
    </>
  );
}
