import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { parseMapping, type Mapping } from '../../src/import/mapping/schema';
import { importFiles, type ImportFile } from '../../src/import/pipeline';
import { expectBalanced, fileReport } from '../fixtures/import-report';
import { recordSetArb } from '../fixtures/record-arbitraries';

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

describe('Salesforce preset on the workshop sample', () => {
  const r = importFiles(folder('salesforce-data-cloud-workshop/data'));

  it('is detected, and reads 60 leads, 50 opportunities and 22 accounts', () => {
    expectBalanced(r.report);
    expect(r.mode).toBe('salesforce');
    expect([r.records.leads.length, r.records.opportunities.length, r.records.accounts.length]).toEqual([60, 50, 22]);
  });

  it('status from IsWon/IsClosed: 12 won (IsWon=1), 3 lost (closed, not won), 35 open', () => {
    // From the file: IsClosed is 1 on 15 rows, IsWon on 12; StageName Closed Won ×12, Closed Lost ×3.
    const count = (s: string) => r.records.opportunities.filter((o) => o.status === s).length;
    expect([count('won'), count('lost'), count('open')]).toEqual([12, 3, 35]);
    const won = r.records.opportunities.filter((o) => o.status === 'won');
    expect(new Set(won.map((o) => o.stage))).toEqual(new Set(['Closed Won']));
  });

  it('amounts to cents and the first opportunity read exactly', () => {
    const o = r.records.opportunities.find((x) => x.id === '006Ec00000AieKFIAZ')!;
    expect(o).toMatchObject({
      amountCents: 112_474_115,
      status: 'open',
      stage: 'Qualification',
      closeDate: Date.UTC(2024, 10, 10),
    });
    expect(o.createdAt).toBe(Date.UTC(2024, 0, 22, 16, 14, 25));
  });

  it('reports its quirks: the load-date CreatedDate, the objects not used, contact-only campaign members', () => {
    const text = r.report.warnings.map((w) => `${w.file}: ${w.message}`).join('\n');
    expect(text).toMatch(/Opportunity.csv: every CreatedDate is 2024-01-22T16:14:25.000\+0000/);
    expect(text).toMatch(/Task.csv: not used by the Salesforce preset/);
    // 68 members: 34 name a lead (kept as touches), 34 only a contact (rejected with the reason).
    expect(fileReport(r.report, 'CampaignMember.csv')).toMatchObject({ rowsRead: 68, accepted: 34, rejected: 34 });
    expect(r.records.touches.every((t) => t.leadId !== undefined && t.channel !== '')).toBe(true);
    const rejected = r.report.issues.filter((i) => i.file === 'CampaignMember.csv');
    expect(rejected).toHaveLength(34);
    expect(new Set(rejected.map((i) => i.reason))).toEqual(
      new Set(['campaign member is a contact, not a lead: contacts are not imported']),
    );
  });

  it('keeps unmapped columns as custom attributes (Company), and the lead status as one too', () => {
    expect(r.records.leads[0]!.custom['status']).toBeDefined();
    expect(r.records.leads[0]!.custom['Company']).toBe('001Ec00000GINb1IAH');
  });
});

describe('HubSpot preset', () => {
  const contacts = [
    'Record ID,First Name,Email,Create Date,Lifecycle Stage,Original Source,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Contact owner',
    '101,Ada,ada@example.com,2025-01-06 09:15,customer,Organic Search,2025-01-10 10:00,2025-01-20 11:00,2025-02-01 12:00,2025-03-15 13:00,Sam',
    '102,Bob,bob@example.com,2025-02-03 08:00,marketingqualifiedlead,Paid Social,2025-02-05 08:30,,,,Sam',
  ].join('\r\n');
  const deals = [
    'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Deal owner',
    '9001,Ada deal,Closed Won,"12,500.00",2025-03-15,2025-02-01 12:00,Sales Pipeline,Kim',
    '9002,Other,closedlost,800,2025-04-01,2025-02-10,Sales Pipeline,Kim',
    '9003,Open one,Appointment Scheduled,1000,2025-12-01,2025-03-01,Sales Pipeline,Kim',
  ].join('\r\n');
  const r = importFiles([
    { name: 'hubspot-contacts.csv', bytes: enc(contacts) },
    { name: 'hubspot-deals.csv', bytes: enc(deals) },
  ]);

  it('is detected; contacts become leads with their "Became a … Date" history', () => {
    expectBalanced(r.report);
    expect(r.mode).toBe('hubspot');
    const ada = r.records.leads.find((l) => l.id === '101')!;
    expect(ada.stageHistory.map((e) => e.stage)).toEqual(['lead', 'mql', 'sql', 'sqo', 'won']);
    expect(ada.stageHistory[4]!.at).toBe(Date.UTC(2025, 2, 15, 13));
    expect(ada).toMatchObject({ source: 'Organic Search', owner: 'Sam', email: 'ada@example.com' });
    expect(ada.custom['Lifecycle Stage']).toBe('customer');
  });

  it('deals: Closed Won/closedwon → won, Closed Lost/closedlost → lost, any other stage → open', () => {
    expect(r.records.opportunities.map((o) => [o.id, o.status, o.amountCents])).toEqual([
      ['9001', 'won', 1_250_000],
      ['9002', 'lost', 80_000],
      ['9003', 'open', 100_000],
    ]);
    expect(r.records.opportunities[0]!.custom['Pipeline']).toBe('Sales Pipeline');
  });
});

describe('mapping screen proposal on the Maven data', () => {
  const files = folder('maven-crm-sales-opportunities');
  const first = importFiles(files);

  it('nothing describes the files: each comes back unmapped with a proposal', () => {
    expect(first.mode).toBe('mapping');
    expect(first.records.opportunities).toEqual([]);
    const pipeline = first.unmapped.find((u) => u.file === 'sales_pipeline.csv')!;
    expect(pipeline.proposal.target).toBe('opportunities');
    expect(pipeline.proposal.columns).toEqual(
      expect.arrayContaining([
        ['id', 'opportunity_id'],
        ['amount', 'close_value'],
        ['status', 'deal_stage'],
        ['created_at', 'engage_date'],
      ]),
    );
    expect(pipeline.proposal.values).toEqual([
      [
        'status',
        expect.arrayContaining([
          ['Won', 'won'],
          ['Lost', 'lost'],
          ['Engaging', 'open'],
          ['Prospecting', 'open'],
        ]),
      ],
    ]);
  });

  it('with the proposal as the mapping: 4,238 won and 2,473 lost (win rate 4,238 / 6,711); open deals without an amount are kept, amount unknown', () => {
    const mapping: Mapping = { version: 1, name: 'Maven', tables: first.unmapped.map((u) => u.proposal) };
    expect(parseMapping(JSON.parse(JSON.stringify(mapping)))).toEqual({ ok: true, mapping });
    const r = importFiles(files, { mapping });
    expectBalanced(r.report);
    const won = r.records.opportunities.filter((o) => o.status === 'won').length;
    const lost = r.records.opportunities.filter((o) => o.status === 'lost').length;
    expect([won, lost]).toEqual([4238, 2473]);
    // 8,800 rows: 1,589 Engaging + 500 Prospecting have no close_value; the 500 Prospecting deals
    // have no engage_date either, so no creation date: those are rejected with that reason.
    expect(fileReport(r.report, 'sales_pipeline.csv')).toMatchObject({ rowsRead: 8800, rejected: 500 });
    expect(
      r.report.issues
        .filter((i) => i.outcome === 'rejected')
        .every((i) => i.reason === 'missing required field created_at'),
    ).toBe(true);
    const open = r.records.opportunities.filter((o) => o.status === 'open');
    expect([open.length, open.filter((o) => o.amountCents === undefined).length]).toEqual([1589, 1589]);
    expect(r.report.warnings.map((w) => w.message)).toContain(
      '1589 opportunities have no amount: kept as "amount unknown", counted in deal counts and left out of every sum of money',
    );
  });
});

describe('mapping validation', () => {
  it('refuses unknown keys, a wrong version and unknown targets, saying where', () => {
    expect(parseMapping({ version: 2, name: 'x', tables: [] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/version/),
    });
    const bad = parseMapping({ version: 1, name: 'x', tables: [{ file: 'a.csv', target: 'widgets', columns: [] }] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/tables\.0\.target/) });
    expect(
      parseMapping({ version: 1, name: 'x', extra: 1, tables: [{ file: 'a.csv', target: 'skip', columns: [] }] }),
    ).toMatchObject({ ok: false });
  });
});

describe('round trip through the import', () => {
  it('canonical CSV written, encoded as UTF-8 bytes and imported gives the same record set', () => {
    fc.assert(
      fc.property(recordSetArb(), (rs) => {
        const files = Object.entries(writeCanonicalCsv(rs)).map(([name, text]) => ({ name, bytes: enc(text) }));
        const r = importFiles(files, { name: rs.name });
        expectBalanced(r.report);
        expect(r.report.issues).toEqual([]);
        expect(r.records).toEqual(rs);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the canonical folder as the CLI and the app read it', () => {
  it('a manifest.json and a stray file beside the canonical CSVs are reported, the CSVs read', () => {
    const r = importFiles([
      { name: 'demo/leads.csv', bytes: enc('id,created_at\nL1,2026-01-01\n') },
      { name: 'demo/manifest.json', bytes: enc('{"seed":1}') },
      { name: 'demo/notes.csv', bytes: enc('a,b\n1,2\n') },
    ]);
    expectBalanced(r.report);
    expect(r.mode).toBe('canonical');
    expect(r.records.leads.map((l) => l.id)).toEqual(['L1']);
    expect(r.report.warnings.map((w) => w.file)).toEqual(['demo/manifest.json', 'demo/notes.csv']);
  });
});
