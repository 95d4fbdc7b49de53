// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FunnelView } from '../../../src/features/funnel/funnel-view';
import { OverviewView } from '../../../src/features/overview/overview-view';
import { writeCanonicalJson } from '../../../src/import/canonical/write';
import { createQueryClient } from '../../../src/lib/query-client';
import { createEngineService } from '../../../src/worker/service';
import { setEngine } from '../../../src/worker/client';
import { handRecords } from '../../engine/funnel/hand-fixture';

/** The hand-worked fixture (see test/engine/funnel/hand-fixture.ts), loaded in the in-process engine. */
async function renderWithHandData(view: 'funnel' | 'overview', search = '?minN=1') {
  const engine = createEngineService();
  await engine.loadCanonical([{ name: 'hand.json', text: writeCanonicalJson(handRecords()) }]);
  setEngine(engine);
  // A sample threshold of 1 lead: the hand fixture's 7 leads read as plain rates unless a test asks otherwise.
  window.history.replaceState(null, '', `/${view}${search}`);
  render(
    <QueryClientProvider client={createQueryClient()}>
      {view === 'funnel' ? <FunnelView /> : <OverviewView />}
    </QueryClientProvider>,
  );
}

const stageRow = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('the Funnel view', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('shows counts, step and cumulative rates and skips from the engine', async () => {
    await renderWithHandData('funnel');
    await screen.findByRole('heading', { name: 'Leads reaching each stage' });
    // As of the latest date in the data (Jul 16, 2026): L7 (created Jul 15) is in scope too, so 7 leads.
    const cells = (name: string) =>
      within(stageRow(name))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('Lead').slice(0, 3)).toEqual(['7', '', '100.0%']);
    // MQL: L1 L2 L3 L4 L5 L7 = 6 of 7 leads; skipped by L4.
    expect(cells('MQL').slice(0, 4)).toEqual(['6', '85.7%', '85.7%', '1']);
    // SAL: L1, L2 (inferred), L4, L5 = 4 of 6 MQLs; skipped by L2 and L4.
    expect(cells('SAL').slice(0, 4)).toEqual(['4', '66.7%', '57.1%', '2']);
    expect(cells('Won').slice(0, 2)).toEqual(['2', '66.7%']);
  });

  it('greys a step rate over fewer leads than the sample threshold, with its n', async () => {
    await renderWithHandData('funnel', '');
    await screen.findByRole('heading', { name: 'Leads reaching each stage' });
    // Default threshold 30: MQL's step is 6 of the 7 leads, so it is shown with n = 7.
    const mql = within(stageRow('MQL')).getAllByRole('cell')[1]!;
    expect(mql).toHaveTextContent(/^85\.7% n = 7$/);
    expect(mql).toHaveAttribute('data-small-sample');
    // The lead row has no step.
    expect(within(stageRow('Lead')).getAllByRole('cell')[1]).toHaveTextContent(/^$/);
  });

  it('switches to strict counting through the toggle, and records it in the URL', async () => {
    await renderWithHandData('funnel');
    await screen.findByRole('heading', { name: 'Leads reaching each stage' });
    await userEvent.click(screen.getByRole('radio', { name: 'Strict' }));
    expect(window.location.search).toContain('mode=strict');
    // Strict: SAL recorded by L1 and L5 only.
    await waitFor(() => expect(within(stageRow('SAL')).getAllByRole('cell')[0]).toHaveTextContent(/^2$/));
    expect(within(stageRow('MQL')).getAllByRole('cell')[0]).toHaveTextContent(/^5$/); // L1 L2 L3 L5 L7
  });

  it('lists the leads behind a figure', async () => {
    await renderWithHandData('funnel');
    await screen.findByRole('heading', { name: 'Leads reaching each stage' });
    await userEvent.click(screen.getByRole('button', { name: 'Show the leads that reached Won' }));
    const panel = await screen.findByRole('region', { name: 'Leads behind: Reached Won' });
    expect(await within(panel).findByText('2 rows')).toBeInTheDocument();
    expect(within(panel).getByText('L1')).toBeInTheDocument();
    expect(within(panel).getByText('L4')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Export CSV' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Show the 2 leads that skipped SAL' }));
    const skipped = await screen.findByRole('region', { name: 'Leads behind: Skipped SAL' });
    expect(await within(skipped).findByText('L2')).toBeInTheDocument();
  });
});

describe('the Overview', () => {
  it('shows headline figures against the same days of last quarter', async () => {
    await renderWithHandData('overview');
    // As of Jul 16, 2026: Q3 to date is Jul 1–16; last quarter's same days are Apr 1–16.
    const heading = await screen.findByRole('heading', { name: /2026-Q3 to date/ });
    expect(heading).toHaveTextContent('Jul 1, 2026 – Jul 16, 2026');
    const leads = document.querySelector('.headline[data-key="leads"]')!;
    // Q3: L7 (Jul 15). Apr 1–16: L5 (Apr 1). Change 0%.
    expect(leads.querySelector('.stat__value')!.textContent).toBe('1');
    expect(leads.querySelector('.stat__note')!.textContent).toBe('▶ 0.0% vs 2026-Q2, same days (1)');
    expect(screen.getByRole('link', { name: 'Funnel' })).toHaveAttribute('href', '/funnel');
  });
});
