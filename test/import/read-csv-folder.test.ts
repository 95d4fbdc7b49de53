import { describe, expect, it } from 'vitest';
import type { RecordSet } from '../../src/engine/model/records';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { expectBalanced, fileReport } from '../fixtures/import-report';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);

/** A small, fully valid canonical folder. */
const folder = [
  {
    name: 'acme/accounts.csv',
    text: [
      'id,name,industry,employees,annual_revenue,region,tech_stack,tier',
      'A1,Acme,Software,250,1250000.5,EMEA,Salesforce|HubSpot,gold',
      'A2,Globex,,,,,,',
    ].join('\n'),
  },
  {
    name: 'acme/leads.csv',
    text: [
      'id,created_at,account_id,email,title,source,is_bot,mql_at,sql_at,sqo_at,won_at,disqualified_reason,utm_medium',
      'L1,2026-01-05,A1,ana@acme.com,VP Sales,webinar,,2026-01-10,2026-01-20T09:30:00Z,2026-02-01,2026-03-15,,email',
      'L2,2026-01-06T12:00:00+02:00,,bob@example.com,,paid,yes,,,,,,',
    ].join('\r\n'),
  },
  {
    name: 'acme/opportunities.csv',
    text: [
      'id,account_id,lead_id,created_at,owner,amount,close_date,status,stage,sourced_by,q_budget,q_authority,q_need,q_timeline,deal_type',
      'O1,A1,L1,2026-02-01,Alice,48000.25,2026-03-15,won,won,marketing,true,1,no,,new',
    ].join('\n'),
  },
  {
    name: 'acme/opportunity_stages.csv',
    text: [
      'opportunity_id,stage,entered_at',
      'O1,sqo,2026-02-01',
      'O1,proposal,2026-02-20',
      'O1,sqo,2026-02-25',
      'O1,won,2026-03-15',
    ].join('\n'),
  },
  {
    name: 'acme/activities.csv',
    text: [
      'lead_id,type,at,value',
      'L1,pricing_view,2026-01-08T10:00:00Z,',
      'L1,webinar_attended,2026-01-09,45',
      'L2,page_view,2026-01-07,',
    ].join('\n'),
  },
  {
    name: 'acme/touches.csv',
    text: ['opportunity_id,lead_id,channel,at', 'O1,,outbound,2026-02-02', ',L1,paid_search,2026-01-04'].join('\n'),
  },
  {
    name: 'acme/plan.csv',
    text: ['quarter,quota,currency,fiscal_year_start_month', '2026-Q1,500000,EUR,2', '2026-Q2,600000.5,,'].join('\n'),
  },
];

const expected: RecordSet = {
  name: 'acme',
  plan: {
    currency: 'EUR',
    fiscalYearStartMonth: 2,
    quotas: [
      { quarter: '2026-Q1', quotaCents: 50_000_000 },
      { quarter: '2026-Q2', quotaCents: 60_000_050 },
    ],
  },
  accounts: [
    {
      id: 'A1',
      name: 'Acme',
      industry: 'Software',
      employees: 250,
      annualRevenueCents: 125_000_050,
      region: 'EMEA',
      techStack: ['Salesforce', 'HubSpot'],
      custom: { tier: 'gold' },
    },
    { id: 'A2', name: 'Globex', techStack: [], custom: {} },
  ],
  leads: [
    {
      id: 'L1',
      createdAt: utc(2026, 1, 5),
      accountId: 'A1',
      email: 'ana@acme.com',
      title: 'VP Sales',
      source: 'webinar',
      isBot: false,
      stageHistory: [
        { stage: 'lead', at: utc(2026, 1, 5) },
        { stage: 'mql', at: utc(2026, 1, 10) },
        { stage: 'sql', at: utc(2026, 1, 20, 9, 30) },
        { stage: 'sqo', at: utc(2026, 2, 1) },
        { stage: 'won', at: utc(2026, 3, 15) },
      ],
      custom: { utm_medium: 'email' },
    },
    {
      id: 'L2',
      createdAt: utc(2026, 1, 6, 10),
      email: 'bob@example.com',
      source: 'paid',
      isBot: true,
      stageHistory: [{ stage: 'lead', at: utc(2026, 1, 6, 10) }],
      custom: {},
    },
  ],
  activities: [
    { leadId: 'L1', type: 'pricing_view', at: utc(2026, 1, 8, 10) },
    { leadId: 'L1', type: 'webinar_attended', at: utc(2026, 1, 9), value: 45 },
    { leadId: 'L2', type: 'page_view', at: utc(2026, 1, 7) },
  ],
  opportunities: [
    {
      id: 'O1',
      accountId: 'A1',
      leadId: 'L1',
      createdAt: utc(2026, 2, 1),
      owner: 'Alice',
      amountCents: 4_800_025,
      closeDate: utc(2026, 3, 15),
      status: 'won',
      stage: 'won',
      sourcedBy: 'marketing',
      stageHistory: [
        { stage: 'sqo', at: utc(2026, 2, 1) },
        { stage: 'proposal', at: utc(2026, 2, 20) },
        { stage: 'sqo', at: utc(2026, 2, 25) },
        { stage: 'won', at: utc(2026, 3, 15) },
      ],
      qualification: { budget: true, authority: true, need: false },
      custom: { deal_type: 'new' },
    },
  ],
  touches: [
    { opportunityId: 'O1', channel: 'outbound', at: utc(2026, 2, 2) },
    { leadId: 'L1', channel: 'paid_search', at: utc(2026, 1, 4) },
  ],
};

describe('readCanonicalCsv on a valid folder', () => {
  const { records, report } = readCanonicalCsv(folder);

  it('reads every file into the records worked out by hand', () => {
    expect(records).toEqual(expected);
  });

  it('accepts every row, with no issue and no warning', () => {
    expectBalanced(report);
    expect(report.issues).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.rowsRead).toBe(2 + 2 + 1 + 4 + 3 + 2 + 2);
    expect(report.accepted).toBe(report.rowsRead);
    expect(fileReport(report, 'leads.csv')).toMatchObject({ file: 'acme/leads.csv', rowsRead: 2, accepted: 2 });
  });

  it('keeps unknown columns as custom attributes, verbatim, on accounts, leads and opportunities', () => {
    expect(records.accounts[0]!.custom).toEqual({ tier: 'gold' });
    expect(records.leads[0]!.custom).toEqual({ utm_medium: 'email' });
    expect(records.opportunities[0]!.custom).toEqual({ deal_type: 'new' });
  });

  it('keeps a re-staged opportunity history in recorded order (proposal back to sqo)', () => {
    expect(records.opportunities[0]!.stageHistory.map((e) => e.stage)).toEqual(['sqo', 'proposal', 'sqo', 'won']);
  });

  it('files in any order and any case are recognised; the dataset name can be given', () => {
    const shuffled = [...folder].reverse().map((f) => ({ ...f, name: f.name.toUpperCase().replace('ACME/', 'x\\') }));
    const again = readCanonicalCsv(shuffled, { name: 'Acme Q1' });
    expect(again.records).toEqual({ ...expected, name: 'Acme Q1' });
  });

  it('uses the chosen currency over the file, and says so', () => {
    const again = readCanonicalCsv(folder, { currency: 'GBP' });
    expect(again.records.plan.currency).toBe('GBP');
    expect(again.report.warnings.map((w) => w.message).join()).toMatch(/EUR.*GBP/);
  });
});

describe('readCanonicalCsv defaults', () => {
  it('an empty folder gives an empty dataset in USD with a January fiscal year, and a warning', () => {
    const { records, report } = readCanonicalCsv([]);
    expect(records.plan).toEqual({ currency: 'USD', fiscalYearStartMonth: 1, quotas: [] });
    expect(records.name).toBe('Imported dataset');
    expect(report.warnings).toHaveLength(1);
    expectBalanced(report);
  });

  it('a leads file alone keeps account references unchecked (no accounts.csv to check against)', () => {
    const { records, report } = readCanonicalCsv([
      { name: 'leads.csv', text: 'id,created_at,account_id\nL1,2026-01-01,A9\n' },
    ]);
    expect(records.leads[0]!.accountId).toBe('A9');
    expect(report.accepted).toBe(1);
    expectBalanced(report);
  });

  it('a settings-only plan row sets currency and fiscal year without a quota', () => {
    const { records, report } = readCanonicalCsv([
      { name: 'plan.csv', text: 'quarter,quota,currency,fiscal_year_start_month\n,,CAD,7\n' },
    ]);
    expect(records.plan).toEqual({ currency: 'CAD', fiscalYearStartMonth: 7, quotas: [] });
    expect(report.accepted).toBe(1);
    expectBalanced(report);
  });

  it('ignores files that are not canonical, with a warning naming them', () => {
    const { report } = readCanonicalCsv([{ name: 'notes.txt', text: 'hello' }]);
    expect(report.warnings.some((w) => w.file === 'notes.txt')).toBe(true);
    expectBalanced(report);
  });
});
