/**
 * currency_rates.csv: one rate per currency, units of the plan currency per 1 unit. Bad rows are
 * rejected naming the file, row and field; good rows convert amounts when the dataset is built,
 * beside a canonical folder and beside a Salesforce export alike.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { readCanonicalJson } from '../../src/import/canonical/read-json';
import { writeCanonicalCsv, writeCanonicalJson } from '../../src/import/canonical/write';
import { importFiles } from '../../src/import/pipeline';
import { moneyNotes } from '../../src/lib/money-notes';
import { createEngineService } from '../../src/worker/service';
import { expectBalanced, fileReport, issuesAt } from '../fixtures/import-report';

const opportunities = {
  name: 'acme/opportunities.csv',
  text: [
    'id,created_at,amount,currency,status',
    'O1,2026-02-01,1000,USD,open',
    'O2,2026-02-01,200,eur,open',
    'O3,2026-02-01,4000000,COP,open',
  ].join('\n'),
};
const plan = { name: 'acme/plan.csv', text: 'quarter,quota,currency\n2026-Q1,500000,USD\n' };

describe('reading currency_rates.csv', () => {
  it('keeps good rates; a lower-case code is written in capitals (a repair)', () => {
    const rates = { name: 'acme/currency_rates.csv', text: 'currency,rate\neur,1.1\nCOP,0.00025\n' };
    const { records, report } = readCanonicalCsv([opportunities, plan, rates]);
    expectBalanced(report);
    expect(records.plan.currencyRates).toEqual([
      { currency: 'EUR', rate: 1.1 },
      { currency: 'COP', rate: 0.00025 },
    ]);
    expect(fileReport(report, 'currency_rates.csv')).toMatchObject({
      rowsRead: 2,
      accepted: 1,
      repaired: 1,
      rejected: 0,
    });
    // $1,000.00 + €200.00 × 1.1 + 4,000,000.00 COP × 0.00025 = $1,000 + $220 + $1,000.
    const ds = buildDataset(records);
    expect(Array.from(ds.opportunities.amountCents)).toEqual([100_000, 22_000, 100_000]);
  });

  it('rejects a negative, a zero, a non-numeric and a missing rate, a bad code and a repeated currency, naming file, row and field', () => {
    const rates = {
      name: 'acme/currency_rates.csv',
      text: [
        'currency,rate',
        'EUR,1.1',
        'MXN,-0.05',
        'PEN,abc',
        'COP,0',
        'EUR,1.2',
        'E1R,1',
        'BRL,',
        'USD,2',
        'USD,1',
        'GBP,1,3e0',
      ].join('\n'),
    };
    const { records, report } = readCanonicalCsv([opportunities, plan, rates]);
    expectBalanced(report);
    const reason = (row: number) =>
      issuesAt(report, 'currency_rates.csv', row).map((i) => [i.file, i.row, i.column, i.value, i.outcome, i.reason]);
    const hint = 'expected units of the plan currency per 1 unit of the row’s currency, e.g. 1.1';
    const file = 'acme/currency_rates.csv';
    expect(reason(1)).toEqual([]);
    expect(reason(2)).toEqual([[file, 2, 'rate', '-0.05', 'rejected', `a negative rate converts nothing: ${hint}`]]);
    expect(reason(3)).toEqual([[file, 3, 'rate', 'abc', 'rejected', `not a number: ${hint}`]]);
    expect(reason(4)).toEqual([[file, 4, 'rate', '0', 'rejected', `a rate of 0 would make every amount 0: ${hint}`]]);
    expect(reason(5)).toEqual([
      [file, 5, 'currency', 'EUR', 'rejected', 'duplicate currency "EUR": rows 1 and 5 (row 1 kept)'],
    ]);
    expect(reason(6)).toEqual([
      [
        file,
        6,
        'currency',
        'E1R',
        'rejected',
        'not a currency code: expected three letters of ISO 4217, e.g. USD, EUR',
      ],
    ]);
    expect(reason(7)).toEqual([[file, 7, 'rate', '', 'rejected', 'missing required field rate']]);
    expect(reason(8)).toEqual([[file, 8, 'rate', '2', 'rejected', 'USD is the plan currency: its rate is 1']]);
    // The plan currency at 1 is accepted and changes nothing; a row with a value beyond the header is refused.
    expect(reason(9)).toEqual([]);
    expect(reason(10).map((r) => r.slice(0, 5))).toEqual([[file, 10, undefined, '3e0', 'rejected']]);
    expect(records.plan.currencyRates).toEqual([{ currency: 'EUR', rate: 1.1 }]);
    expect(fileReport(report, 'currency_rates.csv')).toMatchObject({ rowsRead: 10, accepted: 2, rejected: 8 });
    // COP's rate was refused: its deal's amount is left out, not counted in dollars.
    expect(buildDataset(records).meta.currencyUse.find((u) => u.currency === 'COP')).toMatchObject({
      rate: null,
      treatment: 'no-rate',
    });
  });

  it('a rate for a currency no amount is in is kept and said to convert nothing', () => {
    const { records, report } = readCanonicalCsv([
      opportunities,
      plan,
      { name: 'acme/currency_rates.csv', text: 'currency,rate\nGBP,1.27\n' },
    ]);
    expect(records.plan.currencyRates).toEqual([{ currency: 'GBP', rate: 1.27 }]);
    expect(report.warnings).toEqual([
      {
        file: 'acme/currency_rates.csv',
        message: 'a rate for GBP, which no opportunity amount is in: kept, converts nothing',
      },
    ]);
  });

  it('a file without the rate column rejects every row, saying the column is missing', () => {
    const { report } = readCanonicalCsv([opportunities, { name: 'currency_rates.csv', text: 'currency\nEUR\n' }]);
    expect(issuesAt(report, 'currency_rates.csv', 1).map((i) => [i.column, i.reason])).toContainEqual([
      'rate',
      'required column rate is missing from the file',
    ]);
  });

  it('the canonical CSV and JSON exports carry the rates, and read back equal', () => {
    const rates = { name: 'currency_rates.csv', text: 'currency,rate\nEUR,1.1\nCOP,0.00025\n' };
    const { records } = readCanonicalCsv([opportunities, plan, rates]);
    const csv = writeCanonicalCsv(records);
    expect(csv['currency_rates.csv']).toBe('currency,rate\nEUR,1.1\nCOP,0.00025\n');
    const again = readCanonicalCsv(Object.entries(csv).map(([name, text]) => ({ name, text })));
    expect(again.records.plan.currencyRates).toEqual(records.plan.currencyRates);
    const json = readCanonicalJson(writeCanonicalJson(records), 'acme.json');
    expect(json.records.plan.currencyRates).toEqual(records.plan.currencyRates);
    expect(
      writeCanonicalCsv({ ...records, plan: { ...records.plan, currencyRates: [] } })['currency_rates.csv'],
    ).toBeUndefined();
  });

  it('canonical JSON: a bad rate is rejected naming its row and field', () => {
    const doc = {
      currency: 'USD',
      opportunities: [],
      accounts: [],
      leads: [],
      activities: [],
      currencyRates: [
        { currency: 'EUR', rate: -1 },
        { currency: 'COP', rate: 0.00025 },
        { currency: 'COP', rate: 0.0003 },
      ],
    };
    const { records, report } = readCanonicalJson(JSON.stringify(doc), 'd.json');
    expect(records.plan.currencyRates).toEqual([{ currency: 'COP', rate: 0.00025 }]);
    expect(report.issues.map((i) => [i.file, i.row, i.column, i.outcome])).toEqual([
      ['d.json#currencyRates', 1, 'rate', 'rejected'],
      ['d.json#currencyRates', 3, 'currency', 'rejected'],
    ]);
  });
});

describe('a Salesforce org with amounts in COP, MXN, PEN and USD', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const opportunity = [
    'Id,Name,StageName,Amount,CurrencyIsoCode,CloseDate,CreatedDate,IsClosed,IsWon',
    '006A,Deal A,Prospecting,1000.00,USD,2026-08-01,2026-04-01T10:00:00.000+0000,0,0',
    '006B,Deal B,Prospecting,40000000.00,COP,2026-08-01,2026-04-02T10:00:00.000+0000,0,0',
    '006C,Deal C,Prospecting,20000.00,MXN,2026-08-01,2026-04-03T10:00:00.000+0000,0,0',
    '006D,Deal D,Prospecting,3000.00,PEN,2026-08-01,2026-04-04T10:00:00.000+0000,0,0',
    '006E,Deal E,Prospecting,8000000.00,COP,2026-08-01,2026-04-05T10:00:00.000+0000,0,0',
  ].join('\n');

  it('without rates: only the USD deal is money; COP, MXN and PEN deals are counted and left out', () => {
    const r = importFiles([{ name: 'Opportunity.csv', bytes: enc(opportunity) }], { now: Date.UTC(2026, 10, 1) });
    expect(r.mode).toBe('salesforce');
    const ds = buildDataset(r.records);
    expect(ds.opportunities.count).toBe(5);
    expect(ds.meta.currencyUse.map((u) => [u.currency, u.deals, u.treatment])).toEqual([
      ['USD', 1, 'plan'],
      ['COP', 2, 'no-rate'],
      ['MXN', 1, 'no-rate'],
      ['PEN', 1, 'no-rate'],
    ]);
    expect(Array.from(ds.opportunities.amountCents).filter(Number.isFinite)).toEqual([100_000]);
  });

  it('with currency_rates.csv beside the export: converted to USD (MXN 0.055, PEN 0.27; COP still left out)', () => {
    const rates = 'currency,rate\nMXN,0.055\nPEN,0.27\n';
    const r = importFiles(
      [
        { name: 'Opportunity.csv', bytes: enc(opportunity) },
        { name: 'currency_rates.csv', bytes: enc(rates) },
      ],
      { now: Date.UTC(2026, 10, 1) },
    );
    expect(r.mode).toBe('salesforce');
    expect(r.report.warnings.filter((w) => w.file === 'currency_rates.csv')).toEqual([]);
    const ds = buildDataset(r.records);
    // 20,000.00 MXN × 0.055 = $1,100.00; 3,000.00 PEN × 0.27 = $810.00.
    expect(Array.from(ds.opportunities.amountCents).map((c) => (Number.isNaN(c) ? null : c))).toEqual([
      100_000,
      null,
      110_000,
      81_000,
      null,
    ]);
    expect(ds.meta.currencyUse.filter((u) => u.treatment === 'no-rate').map((u) => [u.currency, u.deals])).toEqual([
      ['COP', 2],
    ]);
  });

  it('the preview says, before loading, what will be converted and what left out', async () => {
    const e = createEngineService();
    const p = await e.previewInputs([
      { name: 'Opportunity.csv', bytes: enc(opportunity) },
      { name: 'currency_rates.csv', bytes: enc('currency,rate\nMXN,0.055\n') },
    ]);
    expect(p.currency).toBe('USD');
    expect(p.currencies.map((u) => [u.currency, u.deals, u.rate, u.treatment])).toEqual([
      ['USD', 1, 1, 'plan'],
      ['COP', 2, null, 'no-rate'],
      ['MXN', 1, 0.055, 'converted'],
      ['PEN', 1, null, 'no-rate'],
    ]);
    expect(moneyNotes(p.currencies, p.currency, 'a rate can be entered on the Data view once loaded')).toEqual([
      'Money is in USD; amounts in other currencies are converted at the rates entered: MXN at 0.055 USD per MXN (1 deal).',
      '3 deals left out of every sum of money for want of a rate to USD (2 in COP, 1 in PEN) — a rate can be entered on the Data view once loaded.',
    ]);
  });
});
