/**
 * Amounts in three currencies: USD (the plan's), EUR with the user's rate 1.1 and COP without a
 * rate. Converted amounts are rounded to the cent, halves away from zero; COP deals stay deals in
 * every count and are left out of every sum of money, with the count said.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { convertCents, withCurrencyRate } from '../../src/engine/model/currency';
import { moneyNotes } from '../../src/lib/money-notes';
import type { OpportunityRecord, RecordSet } from '../../src/engine/model/records';
import { writeCanonicalJson } from '../../src/import/canonical/write';
import { opportunityOutcomes } from '../../src/worker/handlers/data';
import { DEFAULT_FORECAST_SETTINGS, forecastView } from '../../src/worker/handlers/forecast';
import { createEngineService } from '../../src/worker/service';
import { ms, opportunity, recordSet } from '../fixtures/records';

const deal = (
  id: string,
  created: string,
  cents: number,
  currency: string | undefined,
  status: OpportunityRecord['status'],
  close: string,
  extra: Partial<OpportunityRecord> = {},
) =>
  opportunity(id, created, {
    amountCents: cents,
    status,
    closeDate: ms(close),
    ...(currency ? { currency } : {}),
    ...extra,
  });

/**
 * USD: U1 open $1,000.00, U2 won $500.00, L1 lost $300.00 (U1 names no currency: the plan's).
 * EUR at 1.1: E1 open €200.00 → $220.00 (its history sets €200.00 on 2026-05-01 → $220.00),
 *   E2 won €100.15 → 11,016.5 cents → $110.17, E3 open €0.15 → 16.5 cents → $0.17.
 * COP, no rate: C1 open 4,000,000.00, C2 won 1,000,000.00, C3 open 250,000.00 — left out.
 */
function threeCurrencies(): RecordSet {
  return recordSet({
    plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [], currencyRates: [{ currency: 'EUR', rate: 1.1 }] },
    opportunities: [
      deal('U1', '2026-04-10', 100_000, undefined, 'open', '2026-08-01'),
      deal('U2', '2026-04-05', 50_000, 'USD', 'won', '2026-05-01'),
      deal('E1', '2026-04-15', 20_000, 'EUR', 'open', '2026-08-15', {
        changes: [{ at: ms('2026-05-01'), amountCents: 20_000 }],
      }),
      deal('E2', '2026-04-01', 10_015, 'EUR', 'won', '2026-05-10'),
      deal('E3', '2026-05-01', 15, 'EUR', 'open', '2026-09-01'),
      deal('C1', '2026-04-20', 400_000_000, 'COP', 'open', '2026-08-20', {
        changes: [{ at: ms('2026-05-02'), amountCents: 400_000_000 }],
      }),
      deal('C2', '2026-04-02', 100_000_000, 'COP', 'won', '2026-06-01'),
      deal('C3', '2026-05-05', 25_000_000, 'COP', 'open', '2026-09-05'),
      deal('L1', '2026-04-03', 30_000, 'USD', 'lost', '2026-05-20'),
    ],
  });
}

const asOf = ms('2026-06-30T23:59:59.999Z');

describe('converting an amount to plan-currency cents', () => {
  it('rounds to the nearest cent, halves away from zero, from the rate as written', () => {
    expect(convertCents(10_015, 1.1)).toBe(11_017); // 11,016.5
    expect(convertCents(15, 1.1)).toBe(17); // 16.5
    expect(convertCents(100, 1.005)).toBe(101); // 100.5 exactly; binary floating point gives 100.4999…
    expect(convertCents(400_000_000, 0.00025)).toBe(100_000);
    expect(convertCents(14, 1.1)).toBe(15); // 15.4
    expect(convertCents(1, 1e-7)).toBe(0);
  });
});

describe('a dataset with USD, EUR at 1.1 and COP without a rate', () => {
  const ds = buildDataset(threeCurrencies());
  const amount = (id: string) => ds.opportunities.amountCents[ds.opportunities.id.indexOf(id)];

  it('holds USD as is, EUR converted, COP as amount unknown', () => {
    expect(['U1', 'U2', 'E1', 'E2', 'E3', 'L1'].map(amount)).toEqual([100_000, 50_000, 22_000, 11_017, 17, 30_000]);
    expect(['C1', 'C2', 'C3'].map(amount).every(Number.isNaN)).toBe(true);
  });

  it('converts the deal history’s amounts the same way', () => {
    const { changes } = ds.opportunities;
    expect(Array.from(changes.amountCents)).toEqual([22_000, NaN]);
  });

  it('says in the meta which currency was converted at which rate and which has none', () => {
    expect(ds.meta.currency).toBe('USD');
    expect(ds.meta.currencyUse).toEqual([
      { currency: 'USD', deals: 3, amountCents: 180_000, planCents: 180_000, rate: 1, treatment: 'plan' },
      // 22,000 + 11,017 + 17: each deal converted and rounded, then added.
      { currency: 'EUR', deals: 3, amountCents: 30_030, planCents: 33_034, rate: 1.1, treatment: 'converted' },
      { currency: 'COP', deals: 3, amountCents: 525_000_000, planCents: null, rate: null, treatment: 'no-rate' },
    ]);
    expect(moneyNotes(ds.meta.currencyUse, 'USD')).toEqual([
      'Money is in USD; amounts in other currencies are converted at the rates entered: EUR at 1.1 USD per EUR (3 deals).',
      '3 deals in COP left out of every sum of money (no rate to convert COP to USD) — enter a rate on the Data view.',
    ]);
  });

  it('Data view outcomes: COP deals counted, open pipeline $1,000.00 + $220.00 + $0.17', () => {
    expect(opportunityOutcomes(ds)).toEqual({ open: 5, won: 3, lost: 1, openPipelineCents: 122_017, winRate: 0.75 });
  });

  it('Forecast: 5 open deals, open pipeline 122,017 cents; win rate 3 ÷ 4', () => {
    const v = forecastView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }, asOf);
    expect(v.openCount).toBe(5);
    expect(v.openCents).toBe(122_017);
    expect(v.won).toBe(3);
    expect(v.winRate).toBe(0.75);
  });

  it('Overview: 3 won in 2026-Q2 to date, won amount $500.00 + $110.17 (C2 left out), and the summary says why', async () => {
    const e = createEngineService();
    const summary = await e.loadCanonical([{ name: 'three.json', text: writeCanonicalJson(threeCurrencies()) }]);
    expect(summary.currencies.map((u) => [u.currency, u.rate, u.treatment])).toEqual([
      ['USD', 1, 'plan'],
      ['EUR', 1.1, 'converted'],
      ['COP', null, 'no-rate'],
    ]);
    expect(moneyNotes(summary.currencies, summary.currency)[1]).toBe(
      '3 deals in COP left out of every sum of money (no rate to convert COP to USD) — enter a rate on the Data view.',
    );
    const o = await e.overview({ filters: {}, mode: 'inclusive', asOf: '2026-06-30' });
    const fig = Object.fromEntries(o.headline.map((f) => [f.key, f.current]));
    expect(fig.won).toBe(3);
    expect(fig.wonAmount).toBe(61_017);
  });

  it('a rate entered for COP brings its deals into the money, and removing it takes them out again', async () => {
    const e = createEngineService();
    const before = await e.loadCanonical([{ name: 'three.json', text: writeCanonicalJson(threeCurrencies()) }]);
    const after = await e.currencyRateChanged('COP', 0.00025);
    expect(after.version).toBe(before.version + 1);
    // + C1 4,000,000.00 COP → $1,000.00 and C3 250,000.00 COP → $62.50.
    expect(after.outcomes.openPipelineCents).toBe(122_017 + 100_000 + 6_250);
    expect(moneyNotes(after.currencies, after.currency)).toEqual([
      'Money is in USD; amounts in other currencies are converted at the rates entered: EUR at 1.1 USD per EUR (3 deals), COP at 0.00025 USD per COP (3 deals).',
    ]);
    // The rate is kept with the dataset: its exports carry it.
    const json = JSON.parse(new TextDecoder().decode((await e.exportDataset('json')).bytes)) as {
      currencyRates: unknown;
    };
    expect(json.currencyRates).toEqual([
      { currency: 'EUR', rate: 1.1 },
      { currency: 'COP', rate: 0.00025 },
    ]);
    const zip = unzipSync((await e.exportDataset('zip')).bytes);
    const rates = Object.entries(zip).find(([name]) => name.endsWith('/currency_rates.csv'));
    expect(rates && strFromU8(rates[1])).toBe('currency,rate\nEUR,1.1\nCOP,0.00025\n');
    const removed = await e.currencyRateChanged('COP', null);
    expect(removed.outcomes.openPipelineCents).toBe(122_017);
    await expect(e.currencyRateChanged('COP', -2)).rejects.toThrow('A rate is a number above 0');
    await expect(e.currencyRateChanged('USD', 2)).rejects.toThrow('USD is the plan currency');
    await expect(e.currencyRateChanged('GBP', 2)).rejects.toThrow('No opportunity amount is in GBP');
  });

  it('with no rate at all, neither EUR nor COP is added to USD', () => {
    const none = buildDataset(withCurrencyRate(threeCurrencies(), 'EUR', null));
    expect(opportunityOutcomes(none).openPipelineCents).toBe(100_000);
    expect(moneyNotes(none.meta.currencyUse, 'USD')).toEqual([
      '6 deals left out of every sum of money for want of a rate to USD (3 in EUR, 3 in COP) — enter a rate on the Data view.',
    ]);
  });
});
