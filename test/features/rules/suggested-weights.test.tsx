// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import {
  suggestWeights,
  type SuggestResult,
  type SuggestedWeights as Fitted,
} from '../../../src/engine/scoring/suggest';
import { SuggestedWeights } from '../../../src/features/rules/suggested-weights';
import { createQueryClient } from '../../../src/lib/query-client';
import { setEngine, type EngineClient } from '../../../src/worker/client';
import type { SuggestInput } from '../../../src/worker/handlers/scoring';
import { YOUNG_AS_OF, youngLeadsRecords } from '../../fixtures/young-leads';

function fitted(s: SuggestResult): Fitted {
  if (s.status !== 'fitted') throw new Error(`expected a fit, got a refusal: ${s.reason}`);
  return s;
}

/** An engine whose fit runs the real suggested-weights engine on the young lead file. */
function youngEngine(): { calls: SuggestInput[] } {
  const ds = buildDataset(youngLeadsRecords());
  const calls: SuggestInput[] = [];
  const engine = {
    suggestWeights: async (input: SuggestInput) => {
      calls.push(input);
      return suggestWeights(ds, input.rules, {
        asOf: YOUNG_AS_OF,
        outcome: input.outcome,
        exclude: input.exclude,
        seed: input.seed,
      });
    },
  };
  setEngine(engine as unknown as EngineClient);
  return { calls };
}

function renderFit(rules = DEFAULT_RULE_SET) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <SuggestedWeights version={1} filters={{}} rules={rules} attributes={[]} />
    </QueryClientProvider>,
  );
}

describe('suggested weights in the app', () => {
  it('refuses a one-class population: the reason and the population, no AUCs and nothing to apply', async () => {
    const { calls } = youngEngine();
    renderFit();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'won');
    await userEvent.click(screen.getByRole('button', { name: 'Fit suggested weights' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('No fit.');
    expect(alert).toHaveTextContent(
      'Every lead without an outcome is younger than the 180-day maturity window as of 2024-02-01',
    );
    expect(alert).toHaveTextContent('choose a later as-of date or a shorter maturity window');
    const population = screen.getByRole('table', { name: 'Population of the fit' });
    expect(population).toHaveTextContent(
      '400 leads in the filters: 100 matured (outcome known), 300 immature left out',
    );
    const training = within(population).getByRole('row', { name: /^Training/ });
    expect(
      within(training)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['64', '64', '0']);
    expect(screen.queryByTestId('auc-suggested')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Apply as draft' })).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('shows the model and the model as points side by side once both outcomes are there', async () => {
    youngEngine();
    renderFit({ ...DEFAULT_RULE_SET, maturityDays: 30 });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'won');
    await userEvent.click(screen.getByRole('button', { name: 'Fit suggested weights' }));
    const model = await screen.findByTestId('auc-suggested', {}, { timeout: 10_000 });
    expect(model.textContent).toMatch(/^\d\.\d+$/);
    expect(screen.getByTestId('auc-suggested-rules').textContent).toMatch(/^\d\.\d+$/);
    // The fold range beside the holdout AUC, from the engine's cross-validation.
    const cv = fitted(
      suggestWeights(
        buildDataset(youngLeadsRecords()),
        { ...DEFAULT_RULE_SET, maturityDays: 30 },
        { asOf: YOUNG_AS_OF, outcome: 'won', seed: 1 },
      ),
    ).crossValidation;
    const two = (v: number | null) => String(Math.round(v! * 100) / 100);
    const c = fitted(
      suggestWeights(
        buildDataset(youngLeadsRecords()),
        { ...DEFAULT_RULE_SET, maturityDays: 30 },
        { asOf: YOUNG_AS_OF, outcome: 'won', seed: 1 },
      ),
    ).calibrationCheck;
    expect(screen.getByTestId('calibration')).toHaveTextContent(
      `its mean is ${(c.meanProbability * 100).toFixed(1)}% against ${(c.positiveRate * 100).toFixed(1)}% that reached`,
    );
    expect(screen.getByTestId('auc-cv')).toHaveTextContent(
      `5 folds ${two(cv.aucMin)}–${two(cv.aucMax)} (mean ${two(cv.aucMean)}), L2 penalty ${cv.lambda} chosen from 0.1, 1, 10`,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Apply as draft' })).toBeInTheDocument();
  });
});
