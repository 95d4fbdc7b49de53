import { describe, expect, it } from 'vitest';
import type { RecordSet } from '../../src/engine/model/records';
import { writeCanonicalCsv, writeCanonicalJson } from '../../src/import/canonical/write';

const rs: RecordSet = {
  name: 'Tiny',
  plan: { currency: 'EUR', fiscalYearStartMonth: 2, quotas: [{ quarter: '2026-Q1', quotaCents: 10_000_050 }] },
  accounts: [
    {
      id: 'A1',
      name: 'Acme, Inc.',
      annualRevenueCents: 150,
      techStack: ['HubSpot', 'Slack'],
      custom: { zeta: 'z', alpha: 'say "hi"' },
    },
  ],
  leads: [
    {
      id: 'L1',
      createdAt: Date.UTC(2026, 0, 5),
      isBot: false,
      stageHistory: [
        { stage: 'lead', at: Date.UTC(2026, 0, 5) },
        { stage: 'mql', at: Date.UTC(2026, 0, 6, 9, 30) },
        { stage: 'recycled', at: Date.UTC(2026, 0, 7) },
        { stage: 'mql', at: Date.UTC(2026, 0, 8) },
      ],
      custom: { id: 'clash', note: 'multi\nline' },
    },
  ],
  activities: [{ leadId: 'L1', type: 'page_view', at: Date.UTC(2026, 0, 6), value: 2.5 }],
  opportunities: [
    {
      id: 'O1',
      createdAt: Date.UTC(2026, 1, 1),
      amountCents: 4_800_000,
      status: 'open',
      stageHistory: [{ stage: 'sqo', at: Date.UTC(2026, 1, 1) }],
      qualification: { need: false, budget: true },
      custom: {},
    },
  ],
  touches: [{ opportunityId: 'O1', channel: 'outbound', at: Date.UTC(2026, 1, 2, 8) }],
};

describe('writeCanonicalCsv', () => {
  const files = writeCanonicalCsv(rs);

  it('writes all eight files with LF endings and a trailing newline', () => {
    expect(Object.keys(files)).toEqual([
      'accounts.csv',
      'leads.csv',
      'opportunities.csv',
      'opportunity_stages.csv',
      'opportunity_history.csv',
      'activities.csv',
      'touches.csv',
      'plan.csv',
    ]);
    for (const text of Object.values(files)) {
      expect(text.endsWith('\n')).toBe(true);
      expect(text.replace(/"[^"]*"/g, '')).not.toContain('\r');
    }
  });

  it('fixed columns first, custom columns sorted after, quoting only where needed, money in units', () => {
    expect(files['accounts.csv']).toBe(
      'id,name,industry,employees,annual_revenue,region,tech_stack,alpha,zeta\n' +
        'A1,"Acme, Inc.",,,1.5,,HubSpot|Slack,"say ""hi""",z\n',
    );
    expect(files['plan.csv']).toBe('quarter,quota,currency,fiscal_year_start_month\n2026-Q1,100000.5,EUR,2\n');
    expect(files['touches.csv']).toBe('opportunity_id,lead_id,channel,at\nO1,,outbound,2026-02-02T08:00:00.000Z\n');
  });

  it('leads: one date per stage (the first entry), and a custom name that is a column is not written', () => {
    const [header, row] = files['leads.csv']!.split('\n');
    expect(header).toBe(
      'id,created_at,account_id,email,title,persona,seniority,country,source,campaign,owner,is_bot,' +
        'mql_at,sal_at,sql_at,sqo_at,won_at,lost_at,disqualified_at,recycled_at,disqualified_reason,note',
    );
    expect(row).toBe('L1,2026-01-05,,,,,,,,,,false,2026-01-06T09:30:00.000Z,,,,,,,2026-01-07,,"multi');
  });

  it('qualification columns: true, false or empty for not recorded', () => {
    expect(files['opportunities.csv']!.split('\n')[1]).toBe('O1,,,2026-02-01,,48000,,,open,,,,,true,,false,,,,,,,,,,');
  });

  it('an empty plan still carries currency and fiscal year in a settings-only row', () => {
    const out = writeCanonicalCsv({ ...rs, plan: { currency: 'JPY', fiscalYearStartMonth: 4, quotas: [] } });
    expect(out['plan.csv']).toBe('quarter,quota,currency,fiscal_year_start_month\n,,JPY,4\n');
  });
});

describe('writeCanonicalJson', () => {
  it('writes camelCase keys, money in units, dates as ISO, the full lead history and custom keys inline', () => {
    const doc = JSON.parse(writeCanonicalJson(rs));
    expect(doc.currency).toBe('EUR');
    expect(doc.quotas).toEqual([{ quarter: '2026-Q1', quota: 100000.5 }]);
    expect(doc.accounts[0]).toEqual({
      id: 'A1',
      name: 'Acme, Inc.',
      annualRevenue: 1.5,
      techStack: ['HubSpot', 'Slack'],
      alpha: 'say "hi"',
      zeta: 'z',
    });
    expect(doc.leads[0].stageHistory.map((e: { stage: string }) => e.stage)).toEqual([
      'lead',
      'mql',
      'recycled',
      'mql',
    ]);
    expect(doc.leads[0].custom).toEqual({ id: 'clash' });
    expect(doc.leads[0].note).toBe('multi\nline');
    expect(doc.opportunities[0].qualification).toEqual({ budget: true, need: false });
    expect(Object.keys(doc.opportunities[0].qualification)).toEqual(['budget', 'need']);
  });
});
