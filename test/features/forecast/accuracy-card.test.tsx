// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForecastAccuracyCard } from '../../../src/features/forecast/accuracy-card';
import { parseMethodChoice } from '../../../src/features/forecast/accuracy-state';
import { buildAccuracyModel } from '../../../src/features/forecast/build-accuracy-model';
import { buildLagRows } from '../../../src/features/forecast/build-forecast-model';
import type { ForecastView } from '../../../src/worker/api';
import { setEngine } from '../../../src/worker/client';
import { DEFAULT_FORECAST_SETTINGS } from '../../../src/worker/handlers/forecast';
import { forecastAccuracyView } from '../../../src/worker/handlers/forecast-accuracy';
import { createEngineService } from '../../../src/worker/service';
import { ACCURACY_AS_OF, accuracyCompany } from '../../engine/forecast/accuracy-fixture';

/** The hand-worked company (test/engine/forecast/accuracy-fixture.ts): best case is the most accurate. */
function measured() {
  const v = forecastAccuracyView(
    accuracyCompany(),
    { filters: {}, settings: DEFAULT_FORECAST_SETTINGS },
    ACCURACY_AS_OF,
  );
  if (!v.measurable) throw new Error(v.reason);
  return v;
}

describe('forecast accuracy view-model', () => {
  it('projects with the most accurate method by default, and says so', () => {
    const m = buildAccuracyModel(measured(), 'best');
    expect(m.headline).toMatchObject({
      quarter: '2026-Q3',
      method: 'bestCase',
      projectionText: '$100.0K',
      actualToDateText: '$0',
    });
    expect(m.headline.byText).toBe('by Best case, the most accurate method over the last 2 quarters (MAPE 19.8%)');
    // Of Q1 + Q2's $100,000, $30,000 had closed 24 days in: 30% of the $100,000 projection.
    expect(m.headline.toDateText).toBe(
      'against $30,000 the projection expects by day 24 (past quarters had closed 30.0% of their bookings by then)',
    );
    expect(m.table.filter((r) => r.isBest).map((r) => r.method)).toEqual(['bestCase']);
    expect(m.series.find((s) => s.key === 'bestCase')).toMatchObject({
      name: 'Best case (most accurate)',
      emphasis: true,
    });
  });

  it('uses a chosen method instead, naming the most accurate beside it', () => {
    const m = buildAccuracyModel(measured(), 'commit');
    expect(m.headline.method).toBe('commit');
    expect(m.headline.byText).toBe('by Commit, chosen; MAPE 47.8% (most accurate: Best case)');
    expect(m.table.find((r) => r.isChosen)?.method).toBe('commit');
  });

  it('charts the mean absolute error by week of the quarter per method, as fractions', () => {
    const m = buildAccuracyModel(measured(), 'best');
    expect(m.rows).toHaveLength(13);
    expect(m.rows[0]).toMatchObject({ category: 'Week 1', values: { commit: 1 } });
    expect(m.rows[3]!.values.commit).toBeCloseTo(50_000 / 70_000 / 2, 10);
    expect(m.rows[0]!.tooltip[0]).toBe('Start of week 1 of the quarter');
  });

  it('reads the projection method from the URL, the most accurate when absent or unknown', () => {
    expect(parseMethodChoice(new URLSearchParams('fcm=sqoLag'))).toBe('sqoLag');
    expect(parseMethodChoice(new URLSearchParams('fcm=nonsense'))).toBe('best');
    expect(parseMethodChoice(new URLSearchParams(''))).toBe('best');
  });
});

describe('bookings from SQOs: the current quarter', () => {
  it('sets the actual to date against the forecast to date, never the full quarter', () => {
    const v = {
      sqoLag: {
        quarters: [
          {
            quarter: '2026-Q3',
            tense: 'past',
            sqosCreated: 3,
            actualCents: 500_000,
            forecastCents: 400_000,
            forecastToDateCents: null,
          },
          {
            quarter: '2026-Q4',
            tense: 'current',
            sqosCreated: 2,
            actualCents: 100_000,
            forecastCents: 600_000,
            forecastToDateCents: 240_000,
          },
          {
            quarter: '2027-Q1',
            tense: 'future',
            sqosCreated: null,
            actualCents: null,
            forecastCents: 300_000,
            forecastToDateCents: null,
          },
        ],
      },
    } as unknown as ForecastView;
    expect(buildLagRows(v)).toEqual([
      { quarter: '2026-Q3', sqos: 3, actual: 5_000, forecast: 4_000, projected: null },
      { quarter: '2026-Q4 (to date)', sqos: 2, actual: 1_000, forecast: 2_400, projected: 6_000 },
      { quarter: '2027-Q1', sqos: null, actual: null, forecast: null, projected: 3_000 },
    ]);
  });
});

describe('Forecast accuracy card', () => {
  beforeAll(async () => {
    const e = createEngineService();
    await e.loadDemo({ leads: 3000 });
    setEngine(e);
  });

  it('shows the projection by the most accurate method, the MAPE table with it marked, and keeps a chosen method in the URL', async () => {
    window.history.replaceState(null, '', '/forecast');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ForecastAccuracyCard />
      </QueryClientProvider>,
    );
    const card = await screen.findByRole('region', { name: 'Forecast accuracy' });
    const headline = await within(card).findByTestId('accuracy-headline', {}, { timeout: 20_000 });
    expect(
      within(headline).getByText(/^by .*, the most accurate method over the last \d quarters \(MAPE \d+\.\d%\)$/),
    ).toBeInTheDocument();
    const table = within(card).getByRole('table', { name: 'MAPE per forecast method' });
    expect(within(table).getAllByText('most accurate')).toHaveLength(1);
    expect(
      within(card).getByRole('heading', { name: 'Forecast error by week of the quarter, per method' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(within(card).getByLabelText('Projection method'), 'repProbability');
    expect(new URLSearchParams(window.location.search).get('fcm')).toBe('repProbability');
    expect(await within(headline).findByText(/^by Rep-entered probability, /)).toBeInTheDocument();
  });
});
