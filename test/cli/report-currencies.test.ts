/**
 * `revlens report` says which currencies the money figures are in: USD (the plan's), EUR converted
 * at the rate of currency_rates.csv, COP left out for want of a rate — and its money figures add
 * only USD and converted EUR.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report';
import { loadDataset } from '../../src/cli/load-dataset';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { ms, opportunity, recordSet } from '../fixtures/records';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Open: U1 $1,000.00, E1 €200.00 (→ $220.00), C1 4,000,000.00 COP; won: E2 €100.15 (→ $110.17). */
function folder(withRates: boolean): string {
  const open = (id: string, cents: number, currency: string) =>
    opportunity(id, '2026-04-10', { amountCents: cents, currency, closeDate: ms('2026-08-01') });
  const rs = recordSet({
    plan: {
      currency: 'USD',
      fiscalYearStartMonth: 1,
      quotas: [],
      currencyRates: withRates ? [{ currency: 'EUR', rate: 1.1 }] : [],
    },
    opportunities: [
      open('U1', 100_000, 'USD'),
      open('E1', 20_000, 'EUR'),
      open('C1', 400_000_000, 'COP'),
      opportunity('E2', '2026-04-01', {
        amountCents: 10_015,
        currency: 'EUR',
        status: 'won',
        closeDate: ms('2026-05-10'),
      }),
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'revlens-currencies-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(writeCanonicalCsv(rs))) writeFileSync(join(dir, name), text);
  return dir;
}

interface Report {
  currencies: {
    planCurrency: string;
    perCurrency: {
      currency: string;
      deals: number;
      amount: number;
      inPlanCurrency: number | null;
      rate: number | null;
      converted: boolean;
      reason: string | null;
    }[];
    leftOut: { deals: number; currencies: string[] };
    notes: string[];
  };
  pipeline: { currency: string; open: number; openCount: number };
}

describe('revlens report: currencies', () => {
  it('--json: the plan currency, each currency with its deals, rate (or null and why) and whether it was converted', () => {
    const r = JSON.parse(
      runReport(loadDataset(folder(true), { json: true, asOf: '2026-06-30', flags: { json: true } })),
    ) as Report;
    expect(r.currencies.planCurrency).toBe('USD');
    expect(r.currencies.perCurrency).toEqual([
      {
        currency: 'USD',
        deals: 1,
        amount: 1000,
        inPlanCurrency: 1000,
        rate: 1,
        converted: false,
        reason: 'the plan currency',
      },
      // €200.00 → $220.00 and €100.15 → 11,016.5 cents → $110.17.
      { currency: 'EUR', deals: 2, amount: 300.15, inPlanCurrency: 330.17, rate: 1.1, converted: true, reason: null },
      {
        currency: 'COP',
        deals: 1,
        amount: 4_000_000,
        inPlanCurrency: null,
        rate: null,
        converted: false,
        reason: 'no rate for COP in currency_rates.csv: its deals are counted and left out of every sum of money',
      },
    ]);
    expect(r.currencies.leftOut).toEqual({ deals: 1, currencies: ['COP'] });
    expect(r.currencies.notes[1]).toBe(
      '1 deal in COP left out of every sum of money (no rate to convert COP to USD) — give its rate in currency_rates.csv.',
    );
    // Open pipeline: $1,000.00 + $220.00; three open deals counted.
    expect(r.pipeline).toMatchObject({ currency: 'USD', open: 1220, openCount: 3 });
  });

  it('without currency_rates.csv: EUR is left out too, never added to USD', () => {
    const r = JSON.parse(
      runReport(loadDataset(folder(false), { json: true, asOf: '2026-06-30', flags: { json: true } })),
    ) as Report;
    expect(r.currencies.perCurrency.map((c) => [c.currency, c.rate, c.converted])).toEqual([
      ['USD', 1, false],
      ['EUR', null, false],
      ['COP', null, false],
    ]);
    expect(r.currencies.leftOut).toEqual({ deals: 3, currencies: ['EUR', 'COP'] });
    expect(r.pipeline).toMatchObject({ open: 1000, openCount: 3 });
  });

  it('text: says the money is in USD, EUR converted at 1.1, COP left out', () => {
    const text = runReport(loadDataset(folder(true), { json: false, asOf: '2026-06-30', flags: {} }));
    const at = text.split('\n').indexOf('Currencies: money is in USD');
    expect(at).toBeGreaterThan(0);
    expect(text.split('\n').slice(at + 1, at + 5)).toEqual([
      '  USD: 1 deal, the plan currency',
      '  EUR: 2 deals, converted at 1.1 USD per EUR',
      '  COP: 1 deal, no rate: left out of every sum of money (give its rate in currency_rates.csv)',
      '  Every figure of money below is in USD and leaves out 1 deal (1 in COP); they are counted as deals.',
    ]);
    expect(text).toContain('Pipeline: 3 open deals, $1,220 open');
  });
});

describe('revlens report --engine duckdb', () => {
  it('refuses amounts in a currency other than the plan’s rather than adding them to it', async () => {
    const { runDuckDbReport } = await import('../../src/cli/duckdb/report');
    await expect(runDuckDbReport(folder(true), { json: true, flags: { json: true } })).rejects.toThrow(
      'Opportunity amounts in COP, EUR beside the plan currency USD: --engine duckdb never adds two currencies',
    );
  });
});
