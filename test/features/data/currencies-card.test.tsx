// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CurrencyBanner } from '../../../src/app/currency-banner';
import { ViewExportProvider } from '../../../src/app/export-provider';
import { useExportContext } from '../../../src/ui/export-context';
import { parseRateInput } from '../../../src/features/data/currencies-model';
import { DataView } from '../../../src/features/data/data-view';
import { writeCanonicalJson } from '../../../src/import/canonical/write';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';
import { ms, opportunity, recordSet } from '../../fixtures/records';

/** Open: U1 $1,000.00; E1 €200.00 (rate 1.1 → $220.00); C1 4,000,000.00 COP and C2 1,000,000.00 COP, no rate. */
const dataset = () =>
  recordSet({
    plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [], currencyRates: [{ currency: 'EUR', rate: 1.1 }] },
    opportunities: [
      opportunity('U1', '2026-04-10', { amountCents: 100_000, closeDate: ms('2026-08-01') }),
      opportunity('E1', '2026-04-10', { amountCents: 20_000, currency: 'EUR', closeDate: ms('2026-08-01') }),
      opportunity('C1', '2026-04-10', { amountCents: 400_000_000, currency: 'COP', closeDate: ms('2026-08-01') }),
      opportunity('C2', '2026-04-11', { amountCents: 100_000_000, currency: 'COP', closeDate: ms('2026-08-01') }),
    ],
  });

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <CurrencyBanner />
      <DataView />
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  const engine = createEngineService();
  await engine.loadCanonical([{ name: 'three.json', text: writeCanonicalJson(dataset()) }]);
  setEngine(engine);
});

const rowOf = (card: HTMLElement, currency: string) =>
  within(card).getByRole('rowheader', { name: currency }).closest('tr')!;

describe('the Currencies card', () => {
  it('lists each currency with its deals and totals; a rate typed for COP brings its deals into the money', async () => {
    renderView();
    const card = (await screen.findByRole('heading', { name: 'Currencies' })).closest('section')!;
    expect(rowOf(card, 'USD')).toHaveTextContent('USD1$1,000$1,0001Plan currency');
    expect(rowOf(card, 'EUR')).toHaveTextContent('Converted at 1.1 USD per EUR');
    expect(rowOf(card, 'EUR')).toHaveTextContent('$220');
    expect(rowOf(card, 'COP')).toHaveTextContent('left out — no rate');
    expect(rowOf(card, 'COP')).toHaveTextContent('No rate: 2 deals left out of every sum of money');
    const banner = screen.getByRole('region', { name: 'Currencies of the money figures' });
    expect(banner).toHaveTextContent(
      '2 deals in COP left out of every sum of money (no rate to convert COP to USD) — enter a rate on the Data view.',
    );
    expect(screen.getByTestId('opportunity-outcomes')).toHaveTextContent('Open pipeline$1,220');

    const input = within(rowOf(card, 'COP')).getByRole('textbox', { name: 'Rate: USD per 1 COP' });
    await userEvent.type(input, '-1');
    await userEvent.click(within(rowOf(card, 'COP')).getByRole('button', { name: 'Set rate' }));
    expect(within(rowOf(card, 'COP')).getByRole('alert')).toHaveTextContent('A rate is above 0.');

    await userEvent.clear(input);
    await userEvent.type(input, '0.00025');
    await userEvent.click(within(rowOf(card, 'COP')).getByRole('button', { name: 'Set rate' }));
    // 5,000,000.00 COP × 0.00025 = $1,250.00; open pipeline $1,000 + $220 + $1,250.
    await screen.findByText('Converted at 0.00025 USD per COP');
    expect(rowOf(card, 'COP')).toHaveTextContent('$1,250');
    expect(screen.getByTestId('opportunity-outcomes')).toHaveTextContent('Open pipeline$2,470');
    expect(screen.getByRole('region', { name: 'Currencies of the money figures' })).not.toHaveTextContent('left out');

    await userEvent.click(within(rowOf(card, 'COP')).getByRole('button', { name: 'Remove rate' }));
    await screen.findByText('No rate: 2 deals left out of every sum of money');
    expect(screen.getByTestId('opportunity-outcomes')).toHaveTextContent('Open pipeline$1,220');
  });
});

function SubtitleProbe() {
  return <p data-testid="subtitle">{useExportContext().subtitle}</p>;
}

describe('exported charts', () => {
  it('carry the currency notes in their subtitle', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ViewExportProvider viewName="Forecast">
          <SubtitleProbe />
        </ViewExportProvider>
      </QueryClientProvider>,
    );
    await expect(screen.findByText(/2 deals in COP left out of every sum of money/)).resolves.toBeInTheDocument();
    expect(screen.getByTestId('subtitle')).toHaveTextContent(
      'Money is in USD; amounts in other currencies are converted at the rates entered: EUR at 1.1 USD per EUR (1 deal).',
    );
  });
});

describe('a typed rate', () => {
  it('is a number above 0', () => {
    expect(parseRateInput(' 1.1 ')).toEqual({ ok: true, rate: 1.1 });
    expect(parseRateInput('0')).toEqual({ ok: false, reason: 'A rate is above 0.' });
    expect(parseRateInput('-0.5')).toEqual({ ok: false, reason: 'A rate is above 0.' });
    expect(parseRateInput('1,1')).toEqual({
      ok: false,
      reason: '“1,1” is not a number: a rate is written like 1.1 or 0.00025.',
    });
    expect(parseRateInput('').ok).toBe(false);
  });
});
