// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FunnelView } from '../../../src/features/funnel/funnel-view';
import { writeCanonicalJson } from '../../../src/import/canonical/write';
import { createQueryClient } from '../../../src/lib/query-client';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';
import { handRecords } from '../../engine/funnel/hand-fixture';

async function renderFunnel(search: string) {
  const engine = createEngineService();
  await engine.loadCanonical([{ name: 'hand.json', text: writeCanonicalJson(handRecords()) }]);
  setEngine(engine);
  window.history.replaceState(null, '', `/funnel${search}`);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <FunnelView />
    </QueryClientProvider>,
  );
  return screen.findByRole('heading', { name: 'MQL→SQO by source and quarter' });
}

const comparison = async () =>
  (await screen.findByRole('heading', { name: 'MQL→SQO by source and quarter' })).closest(
    'section, article, figure, div.chart-frame',
  )! as HTMLElement;

describe('the comparison chart group picker', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('shows by default every group whose sample reaches the threshold, and says so', async () => {
    // As of Jul 16, 2026: paid has 3 MQLs (L3, L5, L7), webinar 2 (L1, L2), (none) 1 (L4): at a threshold of 3, only paid.
    await renderFunnel('?minN=3');
    expect(await screen.findByText(/every group with at least 3 MQLs \(1 of 3\)/)).toBeInTheDocument();
  });

  it('says what to do when no group reaches the threshold', async () => {
    await renderFunnel('');
    expect(await screen.findByText(/every group with at least 30 MQLs \(0 of 3\)/)).toBeInTheDocument();
    expect(
      screen.getByText(/No group has 30 MQLs in view: lower the sample threshold, or choose the groups/),
    ).toBeInTheDocument();
  });

  it('lets the user choose the groups in a checkbox list, kept in the URL', async () => {
    const user = userEvent.setup();
    await renderFunnel('?minN=3');
    const frame = await comparison();
    await user.selectOptions(within(frame).getByRole('combobox', { name: 'Groups' }), 'Chosen');
    // Chosen starts from the groups shown before: paid.
    const list = await within(frame).findByRole('group', { name: /Groups shown/ });
    expect(within(list).getByRole('checkbox', { name: /^paid/ })).toBeChecked();
    expect(within(list).getByRole('checkbox', { name: /^webinar \(n = 2 MQLs\)/ })).not.toBeChecked();
    await user.click(within(list).getByRole('checkbox', { name: /^webinar/ }));
    expect(new URLSearchParams(window.location.search).getAll('g')).toEqual(['paid', 'webinar']);
    expect(window.location.search).toContain('groups=chosen');
    expect(await screen.findByText(/2 chosen groups/)).toBeInTheDocument();
  });

  it('takes the largest groups by leads under "Top by volume"', async () => {
    await renderFunnel('?groups=volume');
    expect(await screen.findByText(/the 3 largest groups by leads \(of 3\)/)).toBeInTheDocument();
  });
});
