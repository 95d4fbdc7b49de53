// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { RulesView } from '../../../src/features/rules/rules-view';
import { createQueryClient } from '../../../src/lib/query-client';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

describe('the Qualification rules view', () => {
  beforeAll(async () => {
    const api = createEngineService();
    await api.loadDemo({ leads: 3000 });
    setEngine(api);
  });

  it('shows the what-if and updates it and the URL when the MQL fit threshold changes', async () => {
    window.history.replaceState(null, '', '/rules');
    render(
      <QueryClientProvider client={createQueryClient()}>
        <RulesView />
      </QueryClientProvider>,
    );
    const table = await screen.findByRole('table', { name: 'What-if figures' }, { timeout: 20_000 });
    const mqlRow = within(table).getByRole('row', { name: /^MQLs/ });
    const before = within(mqlRow).getAllByRole('cell')[0]!.textContent;
    fireEvent.change(screen.getByRole('slider', { name: 'MQL minimum fit' }), { target: { value: '80' } });
    expect(window.location.search).toContain('mqlFit=80');
    await waitFor(() => expect(within(mqlRow).getAllByRole('cell')[0]!.textContent).not.toBe(before), { timeout: 10_000 });
    // The last-applied column still uses the applied threshold (40).
    expect(within(mqlRow).getAllByRole('cell')[1]!.textContent).toBe(before);
  }, 30_000);
});
