// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataView } from '../../../src/features/data/data-view';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

const SEEDS = resolve(process.cwd(), '../shared/data/fivetran-crm-seeds') + '/';
function seed(name: string): File {
  if (!existsSync(SEEDS))
    throw new Error(`shared data not found at ${SEEDS}: the shared data folder must sit beside the project`);
  return new File([readFileSync(`${SEEDS}${name}`)], name, { type: 'text/csv' });
}

beforeEach(async () => {
  const engine = createEngineService();
  await engine.loadDemo({ leads: 300 });
  setEngine(engine);
});

describe('Data view: warehouse history snapshots', () => {
  it('proposes the Fivetran history table as deal history snapshots and reports every row of it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <DataView />
      </QueryClientProvider>,
    );
    await screen.findByRole('heading', { name: /Loaded dataset: .*demo/i }, { timeout: 10_000 });
    await userEvent.upload(screen.getByLabelText('Files to import'), [
      seed('sf_opportunity_data.csv'),
      seed('sf_opportunity_history_data.csv'),
    ]);
    const target = await screen.findByRole('combobox', {
      name: 'What the rows of sf_opportunity_history_data.csv are',
    });
    expect(target).toHaveValue('opportunity_history');
    expect(screen.getByRole('combobox', { name: 'sf_opportunity_history_data.csv: shape of the history' })).toHaveValue(
      'snapshots',
    );
    expect(screen.getByRole('combobox', { name: 'sf_opportunity_history_data.csv: probability scale' })).toHaveValue(
      'percent',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Preview with this mapping' }));
    const report = await screen.findByRole('region', { name: 'Import report (preview)' }, { timeout: 10_000 });
    const perFile = within(report).getByRole('table', { name: 'Rows per file' });
    const row = within(perFile).getByRole('row', { name: /sf_opportunity_history_data\.csv/ });
    // 10 versions, one per deal: each read, each with its hashed forecast category dropped (a repair).
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '0', '10', '0']);
  });
});
