// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataView } from '../../../src/features/data/data-view';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <DataView />
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  const engine = createEngineService();
  await engine.loadDemo({ leads: 300 });
  setEngine(engine);
});

describe('Data view import', () => {
  it('shows the report before replacing the dataset; markup in values stays text', async () => {
    renderView();
    await screen.findByRole('heading', { name: /Loaded dataset: .*demo/i }, { timeout: 10_000 });
    const csv = 'id,created_at,amount,status\nO1,2026-01-05,100,won\nO2,2026-01-06,<img src=x onerror=alert(1)>,open\nO3,2026-01-07,50,lost\n';
    await userEvent.upload(screen.getByLabelText('Files to import'), new File([csv], 'opportunities.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('region', { name: 'Check before loading' });
    expect(preview).toHaveTextContent('Would load: 0 leads, 2 opportunities');
    const report = screen.getByRole('region', { name: 'Import report (preview)' });
    expect(report).toHaveTextContent('3 rows read: 2 accepted, 0 repaired, 1 rejected.');
    expect(within(report).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    // Still the demo company until the user confirms.
    expect(screen.getByRole('heading', { name: /Loaded dataset/ })).toHaveTextContent(/demo/i);
    await userEvent.click(within(preview).getByRole('button', { name: 'Replace the current dataset' }));
    const outcomes = await screen.findByTestId('opportunity-outcomes');
    // 1 won, 1 lost: win rate 1 / 2 = 50.0%; no open opportunity left (O2 rejected).
    expect(outcomes).toHaveTextContent('Won1');
    expect(outcomes).toHaveTextContent('50.0%');
    expect(outcomes).toHaveTextContent('Open pipeline$0');
  });

  it('refuses a file above the size cap before reading it', async () => {
    renderView();
    await screen.findByRole('heading', { name: /Loaded dataset/ });
    const big = new File(['x'], 'huge.csv');
    Object.defineProperty(big, 'size', { value: 300 * 1024 * 1024 });
    await userEvent.upload(screen.getByLabelText('Files to import'), big);
    expect(await screen.findByRole('alert')).toHaveTextContent('huge.csv is 300 MB, above the 200 MB limit');
  });
});
