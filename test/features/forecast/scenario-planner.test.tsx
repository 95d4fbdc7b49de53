// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWaterfallRows } from '../../../src/features/forecast/build-forecast-model';
import { ScenarioPlanner } from '../../../src/features/forecast/scenario-planner';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';
import type { WaterfallView } from '../../../src/worker/api';

beforeAll(() => setEngine(createEngineService()));

const renderPlanner = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ScenarioPlanner currency="USD" />
    </QueryClientProvider>,
  );

describe('scenario planner', () => {
  it('loads the worked example in one click and shows its figures', async () => {
    renderPlanner();
    await userEvent.click(screen.getByRole('button', { name: 'Load the worked example' }));
    const stages = await screen.findByRole('list', { name: 'Stage counts' });
    expect(await within(stages).findByText(/4,800 MQLs/)).toBeInTheDocument();
    expect(within(stages).getByText(/168 SQOs/)).toBeInTheDocument();
    expect(await screen.findByText('$8,064,000')).toBeInTheDocument();
    expect(screen.getByText('$1,774,080')).toBeInTheDocument();
    // The scenario is in the URL, so a link reproduces it.
    expect(new URLSearchParams(window.location.search).get('sc.sqo')).toBe('count:168');
  });

  it('recomputes the gap and MQLs needed when a quota is entered', async () => {
    renderPlanner();
    await userEvent.click(screen.getByRole('button', { name: 'Load the worked example' }));
    await userEvent.type(screen.getByLabelText('Quota (USD, optional)'), '2000000');
    // $2,000,000 − $1,774,080 = $225,920; 5,412 MQLs (see the engine test).
    expect(await screen.findByText('$225,920')).toBeInTheDocument();
    expect(screen.getByText('5,412')).toBeInTheDocument();
  });
});

describe('waterfall model', () => {
  it('floats each change on the running level', () => {
    const view = {
      bars: [
        { key: 'start', label: 'Start', kind: 'total', count: 2, cents: 10_000 },
        { key: 'created', label: 'New', kind: 'up', count: 1, cents: 5_000 },
        { key: 'won', label: 'Won', kind: 'down', count: 1, cents: 3_000 },
        { key: 'end', label: 'End', kind: 'total', count: 2, cents: 12_000 },
      ],
    } as unknown as WaterfallView;
    // $100 start; +$50 floats from 100 to 150; −$30 floats from 120 to 150; end $120.
    expect(buildWaterfallRows(view).map((r) => [r.base, r.value])).toEqual([
      [0, 100],
      [100, 50],
      [120, 30],
      [0, 120],
    ]);
  });
});
