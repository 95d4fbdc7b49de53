// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPanelRows, PipelinePanel } from '../../../src/features/overview/pipeline-panel';
import type { PipelinePanelView } from '../../../src/worker/api';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

describe('Overview pipeline panel', () => {
  beforeAll(async () => {
    const e = createEngineService();
    await e.loadDemo({ leads: 3000 });
    setEngine(e);
  });

  it('turns quarter cents into currency units for the chart', () => {
    const v = {
      quarters: [{ quarter: '2026-Q4', wonCents: 150, weightedDueCents: 250, quotaCents: 1000 }],
    } as unknown as PipelinePanelView;
    expect(buildPanelRows(v)).toEqual([{ quarter: '2026-Q4', won: 1.5, weightedDue: 2.5, quota: 10 }]);
  });

  it('shows the headline pipeline figures of the demo company', async () => {
    window.history.replaceState(null, '', '/overview');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PipelinePanel />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Weighted pipeline', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/^Coverage \d{4}-Q\d$/)).toBeInTheDocument();
    // Coverage says where the quarter stands, as the projection does; the gap is said in words.
    expect(screen.getByText(/^(\d[\d.,]*× · (on track|at risk)|quota met)$/)).toBeInTheDocument();
    // The projection says which method made it and why, then stands against quota in words.
    expect(
      await screen.findByText(
        /^.+ — (most accurate here, MAPE \d+\.\d% over \d quarters|accuracy not measurable: needs .+); quota .+, (ahead by \$|short by \$|on quota)/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Projected \d{4}-Q\d$/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Projected bookings against quota/ })).toBeInTheDocument();
  });

  it('opens the Forecast view on the deals behind the open pipeline', async () => {
    window.history.replaceState(null, '', '/overview?source=web&mode=strict');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PipelinePanel />
      </QueryClientProvider>,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Show the deals of the open pipeline' }, { timeout: 10_000 }),
    );
    expect(window.location.pathname).toMatch(/\/forecast$/);
    const params = new URLSearchParams(window.location.search);
    expect(JSON.parse(params.get('deals')!)).toEqual({ kind: 'open' });
    expect(params.get('source')).toBe('web');
  });
});
