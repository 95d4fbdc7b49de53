// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ForecastHeadline } from '../../../src/features/forecast/forecast-headline';
import type { ForecastView, HeadlineProjectionView } from '../../../src/worker/api';

const view = {
  currency: 'USD',
  asOfInstant: '2026-07-25T00:00:00.000Z',
  lookbackFrom: '2025-07-01',
  openCount: 1,
  openCents: 20_000_000,
  weightedCents: 6_000_000,
  pipelineTimesWinRateCents: 5_000_000,
  won: 1,
  lost: 1,
  winRate: 0.5,
  impliedCoverage: 2,
  velocity: { centsPerDay: null, avgDealCents: null, cycleDaysMean: null, cycleDaysMedian: null },
  notMeasurable: { velocity: 'not measurable — needs v', cycle: 'not measurable — needs c' },
  datesOutOfOrder: { count: 0, ids: [] },
  undated: { count: 0, cents: 0 },
} as unknown as ForecastView;

const measured: HeadlineProjectionView = {
  currency: 'USD',
  quarter: '2026-Q3',
  method: 'bestCase',
  basis: 'mostAccurate',
  cents: 10_000_000,
  reason: null,
  mape: 360_000 / 910_000 / 2,
  measuredQuarters: 2,
  best: 'bestCase',
  notRankedReason: null,
  wonCents: 0,
  quotaCents: null,
  gapCents: null,
  target: { kind: 'accuracy', part: 'bestCase' },
};

describe('the Forecast headline’s expected bookings', () => {
  it('say the method and why, and a chosen method is kept in the URL', async () => {
    window.history.replaceState(null, '', '/forecast');
    render(<ForecastHeadline view={view} projection={measured} choice="best" />);
    expect(screen.getByText('Expected bookings, 2026-Q3')).toBeInTheDocument();
    expect(screen.getByText('$100.0K')).toBeInTheDocument();
    expect(screen.getByText('Best case — most accurate here, MAPE 19.8% over 2 quarters')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText(/Expected bookings by/), 'commit');
    expect(new URLSearchParams(window.location.search).get('fcm')).toBe('commit');
    await userEvent.click(screen.getByRole('button', { name: 'Show the deals behind the expected bookings' }));
    expect(JSON.parse(new URLSearchParams(window.location.search).get('deals')!)).toEqual({
      kind: 'accuracy',
      part: 'bestCase',
    });
  });

  it('fall back to the weighted pipeline and say why, with no method to choose', () => {
    window.history.replaceState(null, '', '/forecast');
    render(
      <ForecastHeadline
        view={view}
        projection={{
          ...measured,
          method: 'weighted',
          basis: 'notRanked',
          cents: 6_000_000,
          mape: null,
          measuredQuarters: 0,
          best: null,
          notRankedReason: 'not measurable — needs deal history: opportunity_history.csv',
          target: { kind: 'projected', quarter: '2026-Q3' },
        }}
        choice="best"
      />,
    );
    expect(
      screen.getByText('Weighted pipeline — accuracy not measurable: needs deal history: opportunity_history.csv'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText(/Expected bookings by/)).toBeNull();
  });
});
