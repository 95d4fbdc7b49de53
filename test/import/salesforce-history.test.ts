import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportFile } from '../../src/import/pipeline';
import { expectBalanced } from '../fixtures/import-report';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
function folder(sub: string): ImportFile[] {
  const dir = `${DATA}${sub}`;
  if (!existsSync(dir))
    throw new Error(`shared data not found at ${dir}: the shared data folder must sit beside the project`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(`${dir}/${f}`)) }));
}
const enc = (s: string) => new TextEncoder().encode(s);
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

const OPPORTUNITY = [
  '\uFEFF"Id","Name","StageName","Amount","CloseDate","IsClosed","IsWon","CreatedDate","CurrencyIsoCode"',
  '"006A","Acme","Closed Won","1200.5","2024-03-20","1","1","2024-01-02T09:00:00.000+0000","EUR"',
  '"006B","Beta","Closed Lost","0","2024-02-28","1","","2024-01-05T09:00:00.000+0000","EUR"',
].join('\r\n');

describe('Salesforce OpportunityHistory', () => {
  const history = [
    '"Id","OpportunityId","CreatedDate","StageName","Amount","CloseDate","Probability","ForecastCategory","PrevAmount","PrevCloseDate","CurrencyIsoCode"',
    // Acme: pushed from 2024-02-15 (PrevCloseDate) to 2024-03-01, then to 2024-03-20, amount up, won.
    '"008a","006A","2024-01-22T20:36:47.000+0000","Qualification","1000","2024-03-01","20","Pipeline","","2024-02-15","EUR"',
    '"008b","006A","2024-02-10T08:00:00.000+0000","Proposal","1200.5","2024-03-20","60","BestCase","1000","2024-03-01","EUR"',
    '"008c","006A","2024-03-20T17:00:00.000+0000","Closed Won","1200.5","2024-03-20","100","Closed","1200.5","2024-03-20","EUR"',
    // Beta: prior amount 500 from creation, then 800, then lost.
    '"008d","006B","2024-01-10T10:00:00.000+0000","Qualification","800","2024-02-28","10","Forecast","500","","EUR"',
    '"008e","006B","2024-02-28T10:00:00.000+0000","Closed Lost","0","2024-02-28","0","Omitted","800","","EUR"',
  ].join('\r\n');
  const r = importFiles([
    { name: 'Opportunity.csv', bytes: enc(OPPORTUNITY) },
    { name: 'OpportunityHistory.csv', bytes: enc(history) },
  ]);
  const acme = r.records.opportunities.find((o) => o.id === '006A')!;
  const beta = r.records.opportunities.find((o) => o.id === '006B')!;

  it('reads one change per row, Salesforce timestamps, percent probabilities and API category names', () => {
    expectBalanced(r.report);
    expect(r.mode).toBe('salesforce');
    expect(acme.changes).toEqual([
      { at: day(2024, 1, 2) + 9 * 3_600_000, closeDate: day(2024, 2, 15) },
      {
        at: Date.UTC(2024, 0, 22, 20, 36, 47),
        stage: 'Qualification',
        amountCents: 100_000,
        closeDate: day(2024, 3, 1),
        probability: 0.2,
        forecastCategory: 'pipeline',
      },
      {
        at: Date.UTC(2024, 1, 10, 8),
        stage: 'Proposal',
        amountCents: 120_050,
        closeDate: day(2024, 3, 20),
        probability: 0.6,
        forecastCategory: 'best_case',
      },
      {
        at: Date.UTC(2024, 2, 20, 17),
        stage: 'Closed Won',
        amountCents: 120_050,
        closeDate: day(2024, 3, 20),
        probability: 1,
        forecastCategory: 'closed',
      },
    ]);
  });

  it('PrevAmount of the first change is the amount from creation; Forecast is Commit', () => {
    expect(beta.changes?.[0]).toEqual({ at: Date.UTC(2024, 0, 5, 9), amountCents: 50_000 });
    expect(beta.changes?.[1]).toMatchObject({ amountCents: 80_000, forecastCategory: 'commit', probability: 0.1 });
    expect(beta.changes?.[2]).toMatchObject({ stage: 'Closed Lost', forecastCategory: 'omitted' });
  });

  it('the stage history is read from the stage changes', () => {
    expect(acme.stageHistory.map((e) => e.stage)).toEqual(['Qualification', 'Proposal', 'Closed Won']);
    expect(acme.stageHistory[0]!.at).toBe(Date.UTC(2024, 0, 22, 20, 36, 47));
  });
});

describe('Salesforce OpportunityFieldHistory', () => {
  const fieldHistory = [
    '"Id","OpportunityId","CreatedDate","Field","DataType","OldValue","NewValue"',
    '"017a","006A","2024-01-15T10:00:00.000+0000","CloseDate","Date","2024-02-15","2024-03-01"',
    '"017b","006A","2024-02-01T10:00:00.000+0000","Amount","Currency","1000","1200.5"',
    '"017c","006A","2024-02-01T10:00:00.000+0000","StageName","Picklist","Qualification","Proposal"',
    '"017d","006A","2024-02-02T10:00:00.000+0000","ForecastCategoryName","Picklist","Pipeline","Commit"',
    '"017e","006A","2024-02-03T10:00:00.000+0000","Probability","Percent","20","60"',
    '"017f","006A","2024-02-04T10:00:00.000+0000","NextStep","Text","call","demo"',
  ].join('\n');
  const r = importFiles([
    { name: 'Opportunity.csv', bytes: enc(OPPORTUNITY) },
    { name: 'OpportunityFieldHistory.csv', bytes: enc(fieldHistory) },
  ]);
  const acme = r.records.opportunities.find((o) => o.id === '006A')!;

  it('each row sets the field it names; OldValue of the first amount and close date holds from creation', () => {
    expectBalanced(r.report);
    expect(acme.changes).toEqual([
      { at: Date.UTC(2024, 0, 2, 9), amountCents: 100_000, closeDate: day(2024, 2, 15) },
      { at: Date.UTC(2024, 0, 15, 10), closeDate: day(2024, 3, 1) },
      { at: Date.UTC(2024, 1, 1, 10), amountCents: 120_050 },
      { at: Date.UTC(2024, 1, 1, 10), stage: 'Proposal' },
      { at: Date.UTC(2024, 1, 2, 10), forecastCategory: 'commit' },
      { at: Date.UTC(2024, 1, 3, 10), probability: 0.6 },
    ]);
  });

  it('a change of an untracked field is rejected, naming the field', () => {
    const issue = r.report.issues.find((i) => i.file === 'OpportunityFieldHistory.csv' && i.outcome === 'rejected');
    expect(issue).toMatchObject({ row: 6, column: 'Field', value: 'NextStep' });
    expect(issue?.reason).toMatch(/NextStep are not tracked/);
  });
});

describe('the konsul org export', () => {
  const r = importFiles(folder('salesforce-konsul-org'));

  it('imports all 62 history rows as changes of its 31 opportunities', () => {
    expectBalanced(r.report);
    const opps = r.records.opportunities;
    expect(opps).toHaveLength(31);
    expect(opps.reduce((n, o) => n + (o.changes?.length ?? 0), 0)).toBe(62);
    expect(r.report.files.find((f) => f.file === 'OpportunityHistory.csv')).toMatchObject({
      rowsRead: 62,
      accepted: 62,
      rejected: 0,
    });
  });

  it('its first deal: close date moved from 2013-09-16 to 2018-08-22 at the load instant, Pipeline, p 10%', () => {
    const o = r.records.opportunities.find((x) => x.id === '0064600000J5S5TAAV')!;
    const at = Date.UTC(2018, 9, 13, 17, 16, 45);
    expect(o.changes).toEqual([
      {
        at,
        stage: 'Qualification',
        amountCents: 1_500_000,
        closeDate: day(2013, 9, 16),
        probability: 0.1,
        forecastCategory: 'pipeline',
      },
      {
        at,
        stage: 'Qualification',
        amountCents: 1_500_000,
        closeDate: day(2018, 8, 22),
        probability: 0.1,
        forecastCategory: 'pipeline',
      },
    ]);
    expect(o.stageHistory).toEqual([{ stage: 'Qualification', at }]);
  });
});
