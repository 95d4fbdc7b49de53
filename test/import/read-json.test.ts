import { describe, expect, it } from 'vitest';
import { readCanonicalJson } from '../../src/import/canonical/read-json';
import { expectBalanced, fileReport, issuesAt } from '../fixtures/import-report';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

const valid = {
  name: 'Acme',
  currency: 'EUR',
  fiscalYearStartMonth: 4,
  quotas: [{ quarter: '2026-Q1', quota: 250000.5 }],
  accounts: [{ id: 'A1', name: 'Acme', employees: 120, annualRevenue: 1000000, techStack: ['HubSpot'], tier: 'gold' }],
  leads: [
    {
      id: 'L1',
      createdAt: '2026-01-05',
      accountId: 'A1',
      isBot: false,
      stageHistory: [
        { stage: 'lead', enteredAt: '2026-01-05' },
        { stage: 'mql', enteredAt: '2026-01-10T08:00:00Z' },
        { stage: 'recycled', enteredAt: '2026-01-20' },
        { stage: 'mql', enteredAt: '2026-02-01' },
      ],
      segment: 'mid',
      score: 42,
    },
    { id: 'L2', createdAt: '2026-01-06T10:00:00Z' },
  ],
  activities: [{ leadId: 'L1', type: 'demo_request', at: '2026-01-09', value: 1 }],
  opportunities: [
    {
      id: 'O1',
      leadId: 'L1',
      accountId: 'A1',
      createdAt: '2026-02-01',
      owner: 'Alice',
      amount: 48000,
      status: 'open',
      stage: 'proposal',
      stageHistory: [
        { stage: 'sqo', enteredAt: '2026-02-01' },
        { stage: 'proposal', enteredAt: '2026-02-10' },
      ],
      qualification: { budget: true, economicBuyer: false, need: null },
      touches: [{ channel: 'webinar', at: '2026-01-02' }],
    },
  ],
  touches: [{ leadId: 'L2', channel: 'paid_search', at: '2026-01-06' }],
};

describe('readCanonicalJson on a valid document', () => {
  const { records, report } = readCanonicalJson(JSON.stringify(valid), 'acme.json');

  it('reads every record, with money in cents and dates in epoch ms', () => {
    expectBalanced(report);
    expect(report.issues).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(records.name).toBe('Acme');
    expect(records.plan).toEqual({
      currency: 'EUR',
      fiscalYearStartMonth: 4,
      quotas: [{ quarter: '2026-Q1', quotaCents: 25_000_050 }],
    });
    expect(records.accounts).toEqual([
      {
        id: 'A1',
        name: 'Acme',
        employees: 120,
        annualRevenueCents: 100_000_000,
        techStack: ['HubSpot'],
        custom: { tier: 'gold' },
      },
    ]);
    expect(records.activities).toEqual([{ leadId: 'L1', type: 'demo_request', at: utc(2026, 1, 9), value: 1 }]);
  });

  it('keeps a lead history that goes back (recycled, then mql again), and unknown keys as custom text', () => {
    const l1 = records.leads[0]!;
    expect(l1.stageHistory.map((e) => e.stage)).toEqual(['lead', 'mql', 'recycled', 'mql']);
    expect(l1.custom).toEqual({ segment: 'mid', score: '42' });
  });

  it('implies the lead stage at creation when the history omits it', () => {
    expect(records.leads[1]).toEqual({
      id: 'L2',
      createdAt: utc(2026, 1, 6, 10),
      isBot: false,
      stageHistory: [{ stage: 'lead', at: utc(2026, 1, 6, 10) }],
      custom: {},
    });
  });

  it('reads opportunities with tri-state qualification and nested touches', () => {
    expect(records.opportunities[0]).toEqual({
      id: 'O1',
      leadId: 'L1',
      accountId: 'A1',
      createdAt: utc(2026, 2, 1),
      owner: 'Alice',
      amountCents: 4_800_000,
      status: 'open',
      stage: 'proposal',
      stageHistory: [
        { stage: 'sqo', at: utc(2026, 2, 1) },
        { stage: 'proposal', at: utc(2026, 2, 10) },
      ],
      qualification: { budget: true, economicBuyer: false },
      custom: {},
    });
    expect(records.touches).toEqual([
      { leadId: 'L2', channel: 'paid_search', at: utc(2026, 1, 6) },
      { opportunityId: 'O1', channel: 'webinar', at: utc(2026, 1, 2) },
    ]);
  });

  it('names each array as its own file, rows numbered from 1', () => {
    expect(report.files.map((f) => f.file)).toEqual([
      'acme.json#accounts',
      'acme.json#leads',
      'acme.json#opportunities',
      'acme.json#activities',
      'acme.json#touches',
      'acme.json#quotas',
    ]);
  });
});

describe('readCanonicalJson on invalid records', () => {
  const doc: Record<string, unknown> = {
    accounts: [{ id: 'A1' }, { id: 'A1' }, 'not an object', { id: 'A3', employees: 'many', annualRevenue: -5 }],
    leads: [
      { id: 'L1', createdAt: '2026-01-01' },
      { id: 'L2' },
      { id: 'L3', createdAt: '01/02/2026' },
      {
        id: ' L4 ',
        createdAt: '2026-01-01',
        isBot: 'yes',
        accountId: 'A9',
        stageHistory: [{ stage: 'mql' }, { stage: 'bogus', enteredAt: '2026-01-02' }],
      },
      { id: 'L5', createdAt: '2026-01-01', constructor: 'x' },
    ],
    activities: [
      { leadId: 'L1', type: 'page_view', at: '2026-01-01' },
      { leadId: 'L9', type: 'page_view', at: '2026-01-01' },
      { leadId: 'L1', type: 'x', at: '2026-01-01', value: '3', extra: 1 },
    ],
    opportunities: [
      { id: 'O1', createdAt: '2026-01-01', amount: '100', status: 'open' },
      { id: 'O2', createdAt: '2026-01-01', amount: 100, status: 'closed' },
      { id: 'O3', createdAt: '2026-01-01', amount: -1, status: 'won' },
      {
        id: 'O4',
        createdAt: '2026-01-01',
        amount: 1,
        status: 'WON',
        qualification: { budget: 'yes', magic: true },
        touches: [{ channel: 'x' }],
      },
    ],
    touches: [
      { channel: 'outbound', at: '2026-01-01' },
      { opportunityId: 'O9', channel: 'outbound', at: '2026-01-01' },
    ],
    quotas: [
      { quarter: '2026-Q1', quota: 1 },
      { quarter: '2026-Q1', quota: 2 },
      { quarter: 'Q1', quota: 1 },
    ],
    currency: 'dollars',
    fiscalYearStartMonth: 13,
    mystery: true,
  };
  // JSON.parse makes `__proto__` an own key, as a hostile file would.
  const text = JSON.stringify(doc).replace(
    '"L5","createdAt":"2026-01-01"',
    '"L5","createdAt":"2026-01-01","__proto__":{"polluted":true}',
  );
  const { records, report } = readCanonicalJson(text);

  it('accounts every row and keeps the good ones', () => {
    expectBalanced(report);
    expect(records.accounts.map((a) => a.id)).toEqual(['A1', 'A3']);
    expect(issuesAt(report, '#accounts', 2)[0]!.reason).toBe('duplicate id "A1": rows 1 and 2 (row 1 kept)');
    expect(issuesAt(report, '#accounts', 3)[0]).toMatchObject({ outcome: 'rejected', reason: 'not an object' });
    expect(fileReport(report, '#accounts')).toMatchObject({ accepted: 1, repaired: 1, rejected: 2 });
  });

  it('rejects a missing or unparseable required date; repairs bad optional values', () => {
    expect(records.leads.map((l) => l.id)).toEqual(['L1', 'L4', 'L5']);
    expect(issuesAt(report, '#leads', 2)[0]).toMatchObject({
      column: 'createdAt',
      reason: 'missing required field createdAt',
    });
    expect(issuesAt(report, '#leads', 3)[0]).toMatchObject({
      column: 'createdAt',
      value: '01/02/2026',
      outcome: 'rejected',
    });
    const l4 = records.leads[1]!;
    expect(l4).toMatchObject({ id: 'L4', isBot: false, stageHistory: [{ stage: 'lead', at: Date.UTC(2026, 0, 1) }] });
    expect(l4.accountId).toBeUndefined();
    expect(issuesAt(report, '#leads', 4).map((i) => i.outcome)).toEqual([
      'repaired',
      'repaired',
      'repaired',
      'repaired',
      'repaired',
    ]);
  });

  it('refuses __proto__ and constructor keys without touching any prototype', () => {
    const l5 = records.leads[2]!;
    expect(Object.keys(l5.custom)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      report.warnings.some(
        (w) => w.file.endsWith('#leads') && /__proto__/.test(w.message) && /constructor/.test(w.message),
      ),
    ).toBe(true);
  });

  it('rejects orphan activities; a number given as text is not a number', () => {
    expect(records.activities).toEqual([
      { leadId: 'L1', type: 'page_view', at: Date.UTC(2026, 0, 1) },
      { leadId: 'L1', type: 'x', at: Date.UTC(2026, 0, 1) },
    ]);
    expect(issuesAt(report, '#activities', 2)[0]!.reason).toMatch(/orphan reference: leadId "L9"/);
    expect(issuesAt(report, '#activities', 3)[0]).toMatchObject({ column: 'value', outcome: 'repaired' });
    expect(report.warnings.some((w) => w.file.endsWith('#activities') && w.message.includes('extra'))).toBe(true);
  });

  it('rejects text, negative amounts and bad statuses; repairs bad criteria and nested touches', () => {
    expect(records.opportunities.map((o) => [o.id, o.status])).toEqual([['O4', 'won']]);
    expect(issuesAt(report, '#opportunities', 1)[0]).toMatchObject({ column: 'amount', outcome: 'rejected' });
    expect(issuesAt(report, '#opportunities', 2)[0]!.reason).toMatch(/bad status/);
    expect(issuesAt(report, '#opportunities', 3)[0]!.reason).toMatch(/negative/);
    expect(records.opportunities[0]!.qualification).toEqual({});
    expect(issuesAt(report, '#opportunities', 4)).toHaveLength(3);
  });

  it('rejects touches with no or unknown references, and repeated or bad quarters', () => {
    expect(records.touches).toEqual([]);
    expect(fileReport(report, '#touches')).toMatchObject({ rejected: 2 });
    expect(records.plan.quotas).toEqual([{ quarter: '2026-Q1', quotaCents: 100 }]);
    expect(fileReport(report, '#quotas')).toMatchObject({ accepted: 1, rejected: 2 });
  });

  it('falls back to defaults for invalid settings and names unknown top-level keys', () => {
    expect(records.plan.currency).toBe('USD');
    expect(records.plan.fiscalYearStartMonth).toBe(1);
    expect(records.name).toBe('dataset');
    const messages = report.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/currency/);
    expect(messages).toMatch(/fiscalYearStartMonth/);
    expect(messages).toMatch(/mystery/);
  });
});

describe('readCanonicalJson ids', () => {
  it('accepts whole-number ids (as many systems export them) and keeps them as text', () => {
    const doc = {
      accounts: [{ id: 7 }],
      leads: [{ id: 12, createdAt: '2026-01-01', accountId: 7 }],
      activities: [{ leadId: 12, type: 'chat', at: '2026-01-02' }],
      opportunities: [{ id: 3.5, createdAt: '2026-01-01', amount: 1, status: 'open' }],
    };
    const { records, report } = readCanonicalJson(JSON.stringify(doc));
    expectBalanced(report);
    expect(records.leads[0]).toMatchObject({ id: '12', accountId: '7' });
    expect(records.activities[0]!.leadId).toBe('12');
    expect(issuesAt(report, '#opportunities', 1)[0]).toMatchObject({ column: 'id', outcome: 'rejected' });
  });
});

describe('readCanonicalJson on broken documents', () => {
  it.each([
    ['not JSON', '{"leads": ['],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['empty text', ''],
  ])('%s: nothing read, one warning, no throw', (_label, text) => {
    const { records, report } = readCanonicalJson(text, 'x.json');
    expect(records.leads).toEqual([]);
    expect(report.rowsRead).toBe(0);
    expect(report.warnings).toHaveLength(1);
  });

  it('a missing array is a warning; an array of the wrong type too', () => {
    const { report } = readCanonicalJson(JSON.stringify({ leads: {}, accounts: [] }));
    const messages = report.warnings.map((w) => w.message);
    expect(messages).toContain('"leads" is not an array ({}): none imported');
    expect(messages).toContain('no "activities" array: none imported');
    expectBalanced(report);
  });
});
