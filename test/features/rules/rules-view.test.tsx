// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { RulesView } from '../../../src/features/rules/rules-view';
import { createQueryClient } from '../../../src/lib/query-client';
import { setEngine } from '../../../src/worker/client';
import { predictiveActions } from '../../../src/state/predictive';
import { rulesActions } from '../../../src/state/rules';
import { createEngineService } from '../../../src/worker/service';

function renderRulesView() {
  window.history.replaceState(null, '', '/rules');
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RulesView />
    </QueryClientProvider>,
  );
}

describe('the Qualification rules view', () => {
  let leadId = '';
  let api: ReturnType<typeof createEngineService>;
  beforeAll(async () => {
    api = createEngineService();
    await api.loadDemo({ leads: 3000 });
    setEngine(api);
    leadId = (await api.statusChanges({ filters: {}, rules: DEFAULT_RULE_SET, limit: 1 })).rows[0]!.leadId;
  });

  it('shows the what-if and updates it and the URL when the MQL fit threshold changes', async () => {
    renderRulesView();
    const table = await screen.findByRole('table', { name: 'What-if figures' }, { timeout: 20_000 });
    const mqlRow = within(table).getByRole('row', { name: /^MQLs/ });
    const before = within(mqlRow).getAllByRole('cell')[0]!.textContent;
    fireEvent.change(screen.getByRole('slider', { name: 'MQL minimum fit' }), { target: { value: '80' } });
    // The link takes the value once it has settled.
    await waitFor(() => expect(window.location.search).toContain('mqlMinFit=80'));
    await waitFor(() => expect(within(mqlRow).getAllByRole('cell')[0]!.textContent).not.toBe(before), {
      timeout: 10_000,
    });
    // The last-applied column still uses the applied threshold (40).
    expect(within(mqlRow).getAllByRole('cell')[1]!.textContent).toBe(before);
  }, 30_000);

  it('fits suggested weights on request and applies them as a draft', async () => {
    renderRulesView();
    await userEvent.click(await screen.findByRole('button', { name: 'Fit suggested weights' }, { timeout: 20_000 }));
    const current = await screen.findByTestId('auc-current', {}, { timeout: 20_000 });
    expect(Number(current.textContent)).toBeGreaterThan(0.5);
    expect(Number(screen.getByTestId('auc-suggested').textContent)).toBeGreaterThan(0.5);
    expect(screen.getByRole('table', { name: 'Largest fitted weights' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Apply as draft' }));
    // The suggested rule set ranks by the combined score: single-score mode lands in the URL.
    expect(window.location.search).toContain('mqlMode=single-score');
  }, 40_000);

  it('explains a lead: matched fit rules and intent per activity type', async () => {
    renderRulesView();
    await userEvent.type(await screen.findByLabelText('Lead id', {}, { timeout: 20_000 }), leadId);
    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const fit = await screen.findByRole('table', { name: 'Fit points of the lead' }, { timeout: 10_000 });
    expect(fit).toHaveTextContent(/Fit \d/);
    expect(screen.getByRole('table', { name: 'Intent points of the lead' })).toHaveTextContent(/history cut-off/);
  }, 40_000);

  it('shows the lead’s probability under the fitted model with its top factors, and says when there is no fit', async () => {
    predictiveActions.modelCleared();
    rulesActions.draftReset();
    renderRulesView();
    await userEvent.type(await screen.findByLabelText('Lead id', {}, { timeout: 20_000 }), leadId);
    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    await screen.findByRole('table', { name: 'Fit points of the lead' }, { timeout: 10_000 });
    expect(screen.getByTestId('lead-probability')).toHaveTextContent('Probability: not measurable — needs a fit');
    const s = await api.suggestWeights({
      filters: {},
      rules: DEFAULT_RULE_SET,
      outcome: 'sqo',
      exclude: ['lead.owner'],
      seed: 1,
    });
    if (s.status !== 'fitted') throw new Error(s.reason);
    const expected = (await api.explainLead({ rules: DEFAULT_RULE_SET, leadId, model: s.predictive }))!.prediction!;
    // The fit in the view (the draft is the default rules; outcome SQO, seed 1) makes its model the one in use.
    await userEvent.click(screen.getByRole('button', { name: 'Fit suggested weights' }));
    await screen.findByTestId('auc-suggested', {}, { timeout: 20_000 });
    const table = await screen.findByRole('table', { name: 'Probability of the lead' }, { timeout: 10_000 });
    expect(screen.getByTestId('lead-probability')).toHaveTextContent(
      `Probability of reaching SQO: ${(expected.probability * 100).toFixed(1)}%`,
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(
      expected.factors.map((f) => f.feature),
    );
    expect(expected.factors).toHaveLength(3);

    // The leads table gains the probability and the factors, sortable by probability.
    const list = await screen.findByRole('region', { name: 'Leads that change status' });
    const header = await within(list).findByRole(
      'columnheader',
      { name: /Probability of reaching SQO/ },
      { timeout: 10_000 },
    );
    const changes = await api.statusChanges({ filters: {}, rules: DEFAULT_RULE_SET, limit: 200, model: s.predictive });
    expect(changes.predictionOutcome).toBe('sqo');
    const first = changes.rows.find((r) => r.leadId === leadId)!;
    expect(first.probability).toBeCloseTo(expected.probability, 12);
    expect(first.factors).toBe(
      expected.factors.map((f) => `${f.feature} ${f.direction === 'up' ? '↑' : '↓'}`).join(', '),
    );
    await userEvent.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    const top = Math.max(...changes.rows.map((r) => r.probability!));
    const firstRow = within(list).getAllByRole('row')[1]!;
    await waitFor(() =>
      expect(within(firstRow).getAllByRole('cell')[6]!.textContent).toBe(`${(top * 100).toFixed(1)}%`),
    );
    // The CSV export carries the raw probability and the factors, in the sorted order.
    const blobs: Blob[] = [];
    const created = URL.createObjectURL;
    const revoked = URL.revokeObjectURL;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    try {
      const card = screen
        .getByRole('heading', { name: 'Leads that change status under the draft' })
        .closest('section')!;
      await userEvent.click(within(card).getByRole('button', { name: 'Export CSV' }));
    } finally {
      URL.createObjectURL = created;
      URL.revokeObjectURL = revoked;
    }
    const lines = (await blobs[0]!.text()).split('\r\n');
    expect(lines[0]).toContain(',Fit,Intent,Probability of reaching SQO,Top factors');
    const topRow = changes.rows.find((r) => r.probability === top)!;
    expect(lines[1]!.startsWith(`${topRow.leadId},`)).toBe(true);
    expect(lines[1]).toContain(`,${top},`);
  }, 60_000);
});
