// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScenarioPlanner } from '../../../src/features/forecast/scenario-planner';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

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
