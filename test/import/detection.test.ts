import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/pipeline';
import { expectBalanced } from '../fixtures/import-report';

const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('Salesforce report exports with label headers', () => {
  const report = csv(
    '"Opportunity ID","Opportunity Name","Account Name","Stage","Amount","Probability (%)","Close Date","Created Date","Lead Source","Contact ID","Forecast Category","Closed","Won"',
    '"0061","Big deal","Acme","Closed Won","USD 15,000.00","100","1/15/2025","12/1/2024","Web","0031","Closed","1","1"',
    '"0062","Small","Beta","Prospecting","","10","3/31/2025","1/10/2025","Partner","0032","Pipeline","0","0"',
    '"0063","Mid","Gamma","Closed Lost","2,500","0","2/28/2025","1/20/2025","Web","0033","Omitted","1","0"',
  );
  const r = importFiles([{ name: 'report1700000000.csv', text: report }]);

  it('is read as Salesforce opportunities, not as HubSpot contacts', () => {
    expectBalanced(r.report);
    expect(r.mode).toBe('salesforce');
    expect([r.records.leads.length, r.records.opportunities.length]).toEqual([0, 3]);
  });

  it('reads status from Closed/Won, Probability (%) as 0–1, the forecast category and M/D/YYYY dates', () => {
    const o = r.records.opportunities;
    expect(o.map((x) => [x.id, x.status, x.amountCents, x.probability, x.forecastCategory])).toEqual([
      ['0061', 'won', 1_500_000, 1, 'closed'],
      ['0062', 'open', undefined, 0.1, 'pipeline'],
      ['0063', 'lost', 250_000, 0, 'omitted'],
    ]);
    expect(o[0]).toMatchObject({
      stage: 'Closed Won',
      createdAt: Date.UTC(2024, 11, 1),
      closeDate: Date.UTC(2025, 0, 15),
    });
  });

  it('a lead report with labels is read as leads', () => {
    const leads = importFiles([
      {
        name: 'leads-report.csv',
        text: csv(
          '"Lead ID","First Name","Lead Status","Lead Source","Created Date","Lead Owner","Email"',
          '"00Q1","Ann","Working","Web","2025-01-02","Bo","a@x.io"',
        ),
      },
    ]);
    expect(leads.mode).toBe('salesforce');
    expect(leads.records.leads).toEqual([
      expect.objectContaining({
        id: '00Q1',
        source: 'Web',
        owner: 'Bo',
        email: 'a@x.io',
        createdAt: Date.UTC(2025, 0, 2),
      }),
    ]);
  });
});

describe('HubSpot is never called from one column; what a preset cannot read goes to the mapping screen', () => {
  it('a file with only "Contact ID" among its columns is not HubSpot: mapping screen with a proposal', () => {
    const r = importFiles([{ name: 'people.csv', text: csv('Contact ID,Created,Source', 'C1,2025-01-02,Web') }]);
    expect(r.mode).toBe('mapping');
    expect(r.records.leads).toEqual([]);
    expect(r.unmapped.map((u) => [u.file, u.proposal.target])).toEqual([['people.csv', 'leads']]);
  });

  it('a HubSpot deals export without "Deal Stage" is detected, and offered on the mapping screen with a proposal', () => {
    const deals = csv(
      'Record ID,Deal Name,Create Date,Amount,Close Date,Pipeline,Deal owner',
      '11,Big,2025-01-02,100,2025-03-01,Sales,Ann',
    );
    const r = importFiles([{ name: 'deals.csv', text: deals }]);
    expect(r.mode).toBe('hubspot');
    expect(r.unmapped).toHaveLength(1);
    expect(r.unmapped[0]!.proposal).toMatchObject({ target: 'opportunities' });
    expect(r.unmapped[0]!.proposal.columns).toEqual(
      expect.arrayContaining([
        ['id', 'Record ID'],
        ['created_at', 'Create Date'],
        ['amount', 'Amount'],
      ]),
    );
    expect(r.report.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/not read by the HubSpot preset .*mapping screen/),
    ]);
  });

  it('a mapping for the file the preset could not read keeps the preset for the others', () => {
    const files = [
      {
        name: 'Opportunity.csv',
        text: csv('Id,IsDeleted,StageName,Amount,CreatedDate,IsClosed,IsWon', '006A,0,Closed Won,10,2025-01-02,1,1'),
      },
      { name: 'people.csv', text: csv('Contact ID,Created,Source', 'C1,2025-01-02,Web') },
    ];
    const first = importFiles(files);
    expect([first.mode, first.records.opportunities.length, first.unmapped.map((u) => u.file)]).toEqual([
      'salesforce',
      1,
      ['people.csv'],
    ]);
    const r = importFiles(files, { mapping: { version: 1, name: 'm', tables: [first.unmapped[0]!.proposal] } });
    expect([r.records.opportunities.length, r.records.leads.length, r.unmapped.length]).toEqual([1, 1, 0]);
  });
});
