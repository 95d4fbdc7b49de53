// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { createQueryClient } from '../../src/lib/query-client';
import { setEngine } from '../../src/worker/client';
import { createEngineService } from '../../src/worker/service';

function renderApp(path: string) {
  window.history.replaceState(null, '', path);
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>,
  );
}

describe('the app shell', () => {
  beforeAll(async () => {
    const engine = createEngineService();
    await engine.loadDemo({ seed: 7, leads: 1500 });
    setEngine(engine);
  });

  it('shows the dataset and its as-of date in the header', async () => {
    renderApp('/overview');
    expect(await screen.findByTestId('dataset-name')).toHaveTextContent('Northwind Analytics (demo)');
    expect(screen.getByRole('banner')).toHaveTextContent(/as of/);
  });

  it('moves between views with the navigation and marks the current one', async () => {
    renderApp('/overview');
    const nav = screen.getByRole('navigation', { name: 'Views' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Hygiene' }));
    expect(window.location.pathname).toBe('/hygiene');
    // Views load as separate chunks: the first visit waits for the module.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'SQO hygiene' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Hygiene' })).toHaveAttribute('aria-current', 'page');
  });

  it('writes a source filter into the URL and keeps it across views', async () => {
    renderApp('/funnel');
    await screen.findByTestId('dataset-name');
    const filters = screen.getByRole('form', { name: 'Filters' });
    await userEvent.click(within(filters).getByLabelText('Source: All'));
    const group = within(filters).getByRole('group', { name: 'Source' });
    await userEvent.click(await within(group).findByRole('checkbox', { name: 'referral' }));
    expect(new URLSearchParams(window.location.search).getAll('source')).toEqual(['referral']);
    await userEvent.click(
      within(screen.getByRole('navigation', { name: 'Views' })).getByRole('link', { name: 'Data' }),
    );
    expect(window.location.pathname).toBe('/data');
    expect(new URLSearchParams(window.location.search).getAll('source')).toEqual(['referral']);
  });

  it('lists the import report on the Data view, the demo dirty rows rejected with reasons', async () => {
    renderApp('/data');
    expect(await screen.findByRole('heading', { name: 'Import report' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/5 rejected/)).toBeInTheDocument();
    expect(screen.getByText('about 40k')).toBeInTheDocument();
  });
});
