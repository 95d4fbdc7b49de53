import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { emptyRecordSet, type OpportunityRecord } from '../../src/engine/model/records';
import { pipelineSummary } from '../../src/engine/forecast/pipeline';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { readCanonicalJson } from '../../src/import/canonical/read-json';
import { writeCanonicalCsv, writeCanonicalJson } from '../../src/import/canonical/write';
import { importFiles } from '../../src/import/pipeline';
import {
  parseCurrencyCode,
  parseForecastCategory,
  parseProbability,
  percentToProbability,
} from '../../src/import/values/deal-fields';
import { expectBalanced, issuesAt } from '../fixtures/import-report';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

describe('deal field values', () => {
  it('probability: 0–1, or a percentage with its sign; a bare number above 1 is refused, not guessed', () => {
    expect(parseProbability('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseProbability('25%')).toEqual({ ok: true, value: 0.25 });
    expect(parseProbability('100 %')).toEqual({ ok: true, value: 1 });
    expect(parseProbability('25')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/write 25% for a percentage/),
    });
    expect(parseProbability('120%')).toMatchObject({ ok: false });
    expect(parseProbability('-0.1')).toMatchObject({ ok: false });
    expect(parseProbability('high')).toMatchObject({ ok: false });
    expect(percentToProbability('90')).toEqual({ ok: true, value: 0.9 });
  });

  it('forecast category: ids, Salesforce labels and API values', () => {
    expect(parseForecastCategory('Best Case')).toEqual({ ok: true, value: 'best_case' });
    expect(parseForecastCategory('BestCase')).toEqual({ ok: true, value: 'best_case' });
    expect(parseForecastCategory('Forecast')).toEqual({ ok: true, value: 'commit' });
    expect(parseForecastCategory('Omitted')).toEqual({ ok: true, value: 'omitted' });
    expect(parseForecastCategory('maybe')).toMatchObject({ ok: false });
  });

  it('currency: three letters, upper-cased', () => {
    expect(parseCurrencyCode('cop')).toEqual({ ok: true, value: 'COP' });
    expect(parseCurrencyCode('US$')).toMatchObject({ ok: false });
  });
});

describe('opportunities.csv: probability, forecast_category, currency and an amount that may be unknown', () => {
  const { records, report } = readCanonicalCsv([
    {
      name: 'opportunities.csv',
      text: csv(
        'id,created_at,amount,currency,status,probability,forecast_category',
        'O1,2026-01-01,1000,EUR,open,0.4,Best Case',
        'O2,2026-01-01,,usd,open,40%,commit',
        'O3,2026-01-01,500,dollars,won,,Closed',
        'O4,2026-01-01,700,,open,40,sometimes',
      ),
    },
  ]);
  const byId = new Map(records.opportunities.map((o) => [o.id, o]));

  it('reads each field; an empty amount keeps the deal with its amount unknown', () => {
    expectBalanced(report);
    expect(records.opportunities).toHaveLength(4);
    expect(byId.get('O1')).toMatchObject({
      amountCents: 100_000,
      currency: 'EUR',
      probability: 0.4,
      forecastCategory: 'best_case',
    });
    expect(byId.get('O2')).toMatchObject({ currency: 'USD', probability: 0.4, forecastCategory: 'commit' });
    expect(byId.get('O2')!.amountCents).toBeUndefined();
  });

  it('a currency that is not a code makes the amount unknown rather than counted in another currency', () => {
    const o3 = byId.get('O3')!;
    expect([o3.amountCents, o3.currency, o3.forecastCategory]).toEqual([undefined, undefined, 'closed']);
    expect(issuesAt(report, 'opportunities.csv', 3)).toEqual([
      expect.objectContaining({
        column: 'currency',
        value: 'dollars',
        outcome: 'repaired',
        reason: expect.stringMatching(/amount is read as unknown/),
      }),
    ]);
  });

  it('a bad probability or category is dropped with the reason; the row stays', () => {
    expect(byId.get('O4')).toMatchObject({ amountCents: 70_000 });
    expect(byId.get('O4')!.probability).toBeUndefined();
    expect(issuesAt(report, 'opportunities.csv', 4).map((i) => [i.column, i.outcome])).toEqual([
      ['probability', 'repaired'],
      ['forecast_category', 'repaired'],
    ]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      '2 opportunities have no amount: kept as "amount unknown", counted in deal counts and left out of every sum of money',
    ]);
  });

  it('round trip: CSV and JSON write the fields and read them back equal', () => {
    const rs = { ...emptyRecordSet('x'), opportunities: records.opportunities };
    const back = readCanonicalCsv(
      Object.entries(writeCanonicalCsv(rs)).map(([name, text]) => ({ name, text })),
      { name: 'x' },
    );
    expect(back.records.opportunities).toEqual(records.opportunities);
    const json = readCanonicalJson(writeCanonicalJson(rs));
    expect(json.records.opportunities).toEqual(records.opportunities);
    expect(JSON.parse(writeCanonicalJson(rs)).opportunities[1]).not.toHaveProperty('amount');
  });

  it('JSON: an invalid amount still rejects; a missing one is unknown', () => {
    const doc = {
      opportunities: [
        { id: 'A', createdAt: '2026-01-01', status: 'open', probability: '30%', forecastCategory: 'Pipeline' },
        { id: 'B', createdAt: '2026-01-01', status: 'open', amount: 'lots' },
      ],
    };
    const r = readCanonicalJson(JSON.stringify(doc));
    expect(r.records.opportunities).toEqual([
      {
        id: 'A',
        createdAt: Date.UTC(2026, 0, 1),
        status: 'open',
        probability: 0.3,
        forecastCategory: 'pipeline',
        stageHistory: [],
        qualification: {},
        custom: {},
      },
    ]);
    expect(r.report.rejected).toBe(1);
  });
});

describe('the dataset: unknown amounts are counted, never summed; currencies are known', () => {
  const opp = (id: string, amountCents: number | undefined, currency?: string): OpportunityRecord => ({
    id,
    createdAt: Date.UTC(2026, 0, 1),
    status: 'open',
    stage: 'sqo',
    stageHistory: [{ stage: 'sqo', at: Date.UTC(2026, 0, 1) }],
    qualification: {},
    custom: {},
    ...(amountCents === undefined ? {} : { amountCents }),
    ...(currency === undefined ? {} : { currency }),
  });

  it('open pipeline: 3 deals counted, 1,000 + 250 summed, the unknown one left out', () => {
    const rs = { ...emptyRecordSet('x'), opportunities: [opp('A', 100_000), opp('B', undefined), opp('C', 25_000)] };
    const ds = buildDataset(rs);
    expect(Number.isNaN(ds.opportunities.amountCents[1]!)).toBe(true);
    const s = pipelineSummary(ds, { asOf: Date.UTC(2026, 1, 1), userProbabilities: { sqo: 0.5 }, source: 'user' });
    expect([s.openCount, s.openCents, s.weightedCents]).toEqual([3, 125_000, 62_500]);
  });

  it('meta.currencies: the plan currency first when used, then the others in order; unknown amounts name none', () => {
    const rs = {
      ...emptyRecordSet('x'),
      opportunities: [opp('A', 1, 'COP'), opp('B', 2), opp('C', 3, 'MXN'), opp('D', undefined, 'PEN')],
    };
    const ds = buildDataset(rs);
    expect(ds.meta.currencies).toEqual(['USD', 'COP', 'MXN']);
    expect(ds.opportunities.currency.values).toEqual(['COP', 'MXN', 'PEN']);
  });
});

describe('Salesforce Opportunity.csv: Probability, ForecastCategoryName, IsClosed/IsWon (konsul org)', () => {
  const dir = `${DATA}salesforce-konsul-org`;
  if (!existsSync(dir)) throw new Error(`shared data not found at ${dir}`);
  const r = importFiles([{ name: 'Opportunity.csv', bytes: new Uint8Array(readFileSync(`${dir}/Opportunity.csv`)) }]);

  it('reads Probability as 0–1 and the forecast category of every deal', () => {
    expectBalanced(r.report);
    expect(r.mode).toBe('salesforce');
    const o = r.records.opportunities;
    expect(o).toHaveLength(31);
    // First row: Qualification, Amount 15000, Probability 10, ForecastCategoryName Pipeline, open.
    expect(o[0]).toMatchObject({
      stage: 'Qualification',
      amountCents: 1_500_000,
      probability: 0.1,
      forecastCategory: 'pipeline',
      status: 'open',
    });
    // Third row: Closed Won, Probability 100, Closed, IsWon 1.
    expect(o[2]).toMatchObject({ stage: 'Closed Won', probability: 1, forecastCategory: 'closed', status: 'won' });
    expect(o.every((x) => x.probability !== undefined && x.forecastCategory !== undefined)).toBe(true);
  });
});
