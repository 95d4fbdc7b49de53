// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDealWaterfallRows } from '../../../src/features/forecast/build-deal-forecast-model';
import { DealForecastSection } from '../../../src/features/forecast/deal-forecast-section';
import { parseDealTarget, parseStageCategories } from '../../../src/features/forecast/deal-settings';
import { nextSort, sortRows } from '../../../src/ui/sort-rows';
import type { EngineApi } from '../../../src/worker/api';
import { setEngine } from '../../../src/worker/client';
import { dealForecastView } from '../../../src/worker/handlers/deal-forecast';
import { dealListView } from '../../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS } from '../../../src/worker/handlers/forecast';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEALS, historyBook } from '../../engine/forecast/history-fixture';
import { ms, recordSet } from '../../fixtures/records';

/** The hand-made history (test/engine/forecast/history-fixture.ts) as it stood at the end of 2026-Q1. */
const ds = historyBook();
const END_Q1 = ms('2026-03-31T23:59:59.999Z');
const settings = { ...DEFAULT_FORECAST_SETTINGS, probabilitySource: 'user' as const };

beforeAll(() => {
  setEngine({
    dealForecast: async (input) => dealForecastView(ds, input, END_Q1),
    dealList: async (input) => dealListView(ds, input, END_Q1),
  } as Partial<EngineApi> as EngineApi);
});

function renderSection(search: string) {
  window.history.replaceState(null, '', `/forecast${search}`);
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <DealForecastSection version={1} filters={{}} settings={settings} open={{ count: 3, cents: 9_000_000 }} />
    </QueryClientProvider>,
  );
}

describe('the waterfall rows', () => {
  it('float each change from the running level: 5 + 80 + 40 − 10 + 10 − 0 − 5 − 30 = 90 (thousand)', () => {
    const w = dealForecastView(
      ds,
      { filters: {}, settings, stageCategories: {}, quarter: '2026-Q1' },
      END_Q1,
    ).waterfall!;
    expect(buildDealWaterfallRows(w).map((r) => [r.key, r.base / 1000, r.value / 1000])).toEqual([
      ['start', 0, 5],
      ['created', 5, 80],
      ['pulledIn', 85, 40],
      ['pushedOut', 115, 10],
      ['amountUp', 115, 10],
      ['amountDown', 125, 0],
      ['won', 120, 5],
      ['lost', 90, 30],
      ['end', 0, 90],
    ]);
  });
});

describe('the URL state', () => {
  it('keeps stage categories it knows and targets it can read, nothing else', () => {
    expect(parseStageCategories(new URLSearchParams('cat.sqo=best_case&cat.proposal=maybe&lookback=4'))).toEqual({
      sqo: 'best_case',
    });
    expect(parseDealTarget('{"kind":"waterfall","quarter":"2026-Q1","step":"won"}')).toEqual({
      kind: 'waterfall',
      quarter: '2026-Q1',
      step: 'won',
    });
    expect(parseDealTarget('{"kind":"waterfall","quarter":"2026-Q1","step":"nope"}')).toBeNull();
    expect(parseDealTarget('{"kind":"category","quarter":"Q1","category":"commit"}')).toBeNull();
    expect(parseDealTarget('not json')).toBeNull();
  });
});

describe('sorting a table', () => {
  it('sorts numbers by value, empty cells last either way, and cycles ascending → descending → off', () => {
    const rows = [
      ['a', 10],
      ['b', null],
      ['c', 2],
    ] as const;
    expect(sortRows(rows, { column: 1, direction: 'ascending' }).map((r) => r[0])).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, { column: 1, direction: 'descending' }).map((r) => r[0])).toEqual(['a', 'c', 'b']);
    expect(nextSort(nextSort(nextSort(null, 1), 1), 1)).toBeNull();
  });
});

describe('the deal-history section of the Forecast view', () => {
  it('states the waterfall identity in words', async () => {
    renderSection('?wfq=2026-Q1');
    expect(await screen.findByTestId('waterfall-identity', {}, { timeout: 5000 })).toHaveTextContent(
      'Start $5,000 + new $80,000 + pulled in $40,000 − pushed out $10,000 + amount up $10,000 − amount down $0 − won $5,000 − lost $30,000 = end $90,000',
    );
  });

  it('Enter on the "Pushed out" step lists P, pushed twice, and the list totals the step', async () => {
    renderSection('?wfq=2026-Q1');
    const step = await screen.findByRole(
      'button',
      { name: /^Pushed out: −\$10,000, 1 move — list its deals$/ },
      { timeout: 5000 },
    );
    fireEvent.keyDown(step, { key: 'Enter' });
    expect(new URLSearchParams(window.location.search).get('deals')).toBe(
      '{"kind":"waterfall","quarter":"2026-Q1","step":"pushedOut"}',
    );
    expect(
      await screen.findByRole('heading', { name: 'Deals behind: Pushed out, pipeline waterfall 2026-Q1' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('deal-list-total')).toHaveTextContent('1 deal; step amount in all: $10,000');
    const table = screen.getByRole('region', { name: 'Deal list: Pushed out, pipeline waterfall 2026-Q1' });
    const cells = within(within(table).getAllByRole('row')[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Deal, step amount, owner, status, stage, category, amount, close, p, weighted, age, in stage, pushed, overdue.
    expect(cells).toEqual([
      'P',
      '$10,000',
      '—',
      'open',
      'proposal',
      'Commit',
      '$10,000',
      expect.stringMatching(/Apr 20, 2026|2026-04-20/),
      '35%',
      '$3,500',
      '85',
      '49',
      '2',
      'no',
    ]);
  });

  it('with sqo mapped to Best case in the link, Q1’s best-case bar holds W and I, $45,000, and its list totals it', async () => {
    renderSection('?cat.sqo=best_case');
    const bar = await screen.findByRole(
      'button',
      { name: /^2026-Q1, Best case \(incl\. commit\): \$45,000, 2 deals — list its deals$/ },
      { timeout: 5000 },
    );
    fireEvent.keyDown(bar, { key: 'Enter' });
    expect(await screen.findByTestId('deal-list-total')).toHaveTextContent('2 deals; amount in all: $45,000');
    expect(screen.getByRole('combobox', { name: 'sqo' })).toHaveValue('best_case');
  });
});

describe('without deal history', () => {
  it('the waterfall and the slippage say what they need, never 0', async () => {
    const plain = buildDataset(recordSet({ opportunities: DEALS.map(({ changes: _changes, ...d }) => d) }));
    setEngine({
      dealForecast: async (input) => dealForecastView(plain, input, END_Q1),
    } as Partial<EngineApi> as EngineApi);
    renderSection('');
    expect(await screen.findByTestId('waterfall-not-measurable', {}, { timeout: 5000 })).toHaveTextContent(
      'not measurable — needs opportunity_history.csv',
    );
    expect(screen.getByTestId('slippage-not-measurable')).toHaveTextContent(
      'Slippage: not measurable — needs opportunity_history.csv',
    );
    expect(screen.queryByText('Pushed at least once')).toBeNull();
  });
});
