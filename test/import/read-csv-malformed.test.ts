import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { expectBalanced, fileReport, issuesAt } from '../fixtures/import-report';

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const read = (files: Record<string, string>) =>
  readCanonicalCsv(Object.entries(files).map(([name, text]) => ({ name, text })));

describe('readCanonicalCsv rejects bad rows and keeps the rest', () => {
  it('missing required field: the row is rejected with file, row, column and reason', () => {
    const { records, report } = read({ 'leads.csv': csv('id,created_at', 'L1,2026-01-01', ',2026-01-02', 'L3,') });
    expectBalanced(report);
    expect(records.leads.map((l) => l.id)).toEqual(['L1']);
    expect(issuesAt(report, 'leads.csv', 2)).toEqual([
      { file: 'leads.csv', row: 2, column: 'id', value: '', reason: 'missing required field id', outcome: 'rejected' },
    ]);
    expect(issuesAt(report, 'leads.csv', 3)[0]).toMatchObject({ column: 'created_at', outcome: 'rejected' });
  });

  it('bad required date is rejected; strict ISO only (no 03/04/2025, no 31 February)', () => {
    const { records, report } = read({
      'leads.csv': csv(
        'id,created_at',
        'L1,03/04/2025',
        'L2,2025-02-31',
        'L3,2025-02-28T25:00:00Z',
        'L4,2025-02-28 13:05',
      ),
    });
    expectBalanced(report);
    expect(records.leads.map((l) => l.id)).toEqual(['L4']);
    expect(records.leads[0]!.createdAt).toBe(Date.UTC(2025, 1, 28, 13, 5));
    expect(issuesAt(report, 'leads.csv', 1)[0]).toMatchObject({
      column: 'created_at',
      value: '03/04/2025',
      outcome: 'rejected',
    });
    expect(issuesAt(report, 'leads.csv', 1)[0]!.reason).toMatch(/unparseable date/);
  });

  it('bad optional date is dropped and the row repaired, with the reason', () => {
    const { records, report } = read({ 'leads.csv': csv('id,created_at,mql_at', 'L1,2026-01-01,soon') });
    expectBalanced(report);
    expect(report.repaired).toBe(1);
    expect(records.leads[0]!.stageHistory).toEqual([{ stage: 'lead', at: Date.UTC(2026, 0, 1) }]);
    expect(issuesAt(report, 'leads.csv', 1)[0]).toMatchObject({ column: 'mql_at', value: 'soon', outcome: 'repaired' });
  });

  it('non-numeric and negative amounts are rejected; thousands separators and hex are not numbers; an empty amount is unknown', () => {
    const { records, report } = read({
      'opportunities.csv': csv(
        'id,created_at,amount,status',
        'O1,2026-01-01,abc,open',
        'O2,2026-01-01,-5,open',
        'O3,2026-01-01,"1,000",open',
        'O4,2026-01-01,0x10,open',
        'O5,2026-01-01,,open',
        'O6,2026-01-01,1e3,open',
      ),
    });
    expectBalanced(report);
    expect(records.opportunities.map((o) => [o.id, o.amountCents])).toEqual([
      ['O5', undefined],
      ['O6', 100_000],
    ]);
    expect(fileReport(report, 'opportunities.csv')).toMatchObject({ rejected: 4, accepted: 2 });
    expect(issuesAt(report, 'opportunities.csv', 2)[0]!.reason).toMatch(/negative/);
    expect(report.warnings.map((w) => w.message)).toEqual([
      '1 opportunity has no amount: kept as "amount unknown", counted in deal counts and left out of every sum of money',
    ]);
  });

  it('sub-cent amounts are rounded to cents as a repair', () => {
    const { records, report } = read({
      'opportunities.csv': csv('id,created_at,amount,status', 'O1,2026-01-01,10.005,open'),
    });
    expect(records.opportunities[0]!.amountCents).toBe(1001);
    expect(report.issues[0]).toMatchObject({ outcome: 'repaired', reason: 'rounded to whole cents' });
  });

  it('bad status is rejected; a status in capitals is repaired', () => {
    const { records, report } = read({
      'opportunities.csv': csv('id,created_at,amount,status', 'O1,2026-01-01,1,closed', 'O2,2026-01-01,1,Won'),
    });
    expectBalanced(report);
    expect(records.opportunities).toEqual([expect.objectContaining({ id: 'O2', status: 'won' })]);
    expect(issuesAt(report, 'opportunities.csv', 1)[0]).toMatchObject({
      column: 'status',
      value: 'closed',
      outcome: 'rejected',
    });
    expect(issuesAt(report, 'opportunities.csv', 2)[0]).toMatchObject({ outcome: 'repaired' });
  });

  it('duplicate id: the later row is rejected and the reason names both rows', () => {
    const { records, report } = read({ 'accounts.csv': csv('id,name', 'A1,First', 'A2,Other', 'A1,Second') });
    expectBalanced(report);
    expect(records.accounts.map((a) => a.name)).toEqual(['First', 'Other']);
    const [issue] = issuesAt(report, 'accounts.csv', 3);
    expect(issue).toMatchObject({ column: 'id', value: 'A1', outcome: 'rejected' });
    expect(issue!.reason).toBe('duplicate id "A1": rows 1 and 3 (row 1 kept)');
  });

  it('a row rejected for another reason does not claim its id', () => {
    const { records, report } = read({ 'leads.csv': csv('id,created_at', 'L1,never', 'L1,2026-01-01') });
    expect(records.leads.map((l) => l.id)).toEqual(['L1']);
    expect(fileReport(report, 'leads.csv')).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('orphan activity (unknown lead) is rejected; so are activities of a rejected lead', () => {
    const { records, report } = read({
      'leads.csv': csv('id,created_at', 'L1,2026-01-01', 'L2,bad'),
      'activities.csv': csv(
        'lead_id,type,at',
        'L1,page_view,2026-01-02',
        'L9,page_view,2026-01-02',
        'L2,page_view,2026-01-02',
      ),
    });
    expectBalanced(report);
    expect(records.activities).toHaveLength(1);
    expect(issuesAt(report, 'activities.csv', 2)[0]).toMatchObject({
      column: 'lead_id',
      value: 'L9',
      outcome: 'rejected',
    });
    expect(issuesAt(report, 'activities.csv', 2)[0]!.reason).toMatch(/orphan reference/);
    expect(issuesAt(report, 'activities.csv', 3)[0]!.outcome).toBe('rejected');
  });

  it('orphan stage history rows and orphan touches are rejected; an unknown optional reference is dropped', () => {
    const { records, report } = read({
      'accounts.csv': csv('id', 'A1'),
      'opportunities.csv': csv('id,account_id,created_at,amount,status', 'O1,A7,2026-01-01,1,open'),
      'opportunity_stages.csv': csv('opportunity_id,stage,entered_at', 'O1,sqo,2026-01-01', 'O2,sqo,2026-01-01'),
      'touches.csv': csv(
        'opportunity_id,lead_id,channel,at',
        'O2,,outbound,2026-01-01',
        'O1,L5,inbound,2026-01-01',
        ',,inbound,2026-01-01',
      ),
    });
    expectBalanced(report);
    expect(records.opportunities[0]!.accountId).toBeUndefined();
    expect(issuesAt(report, 'opportunities.csv', 1)[0]).toMatchObject({
      column: 'account_id',
      value: 'A7',
      outcome: 'repaired',
    });
    expect(records.opportunities[0]!.stageHistory).toHaveLength(1);
    expect(fileReport(report, 'opportunity_stages.csv')).toMatchObject({ accepted: 1, rejected: 1 });
    expect(records.touches).toEqual([{ opportunityId: 'O1', channel: 'inbound', at: Date.UTC(2026, 0, 1) }]);
    expect(fileReport(report, 'touches.csv')).toMatchObject({ rejected: 2, repaired: 1 });
  });

  it('ragged rows: extra values reject, extra empty fields and short rows are repaired', () => {
    const { records, report } = read({
      'accounts.csv': csv('id,name,region', 'A1,Acme,EMEA,oops', 'A2,Globex,APAC,,', 'A3,Initech'),
    });
    expectBalanced(report);
    expect(records.accounts.map((a) => a.id)).toEqual(['A2', 'A3']);
    expect(issuesAt(report, 'accounts.csv', 1)[0]!.reason).toBe(
      'row has 4 fields, header has 3: values are likely shifted',
    );
    expect(issuesAt(report, 'accounts.csv', 2)[0]!.outcome).toBe('repaired');
    expect(issuesAt(report, 'accounts.csv', 3)[0]!.reason).toMatch(/row has 2 fields, header has 3/);
  });

  it('malformed quotes are reported on their row; the rows before are kept', () => {
    const { records, report } = read({ 'accounts.csv': 'id,name\nA1,Fine\nA2,"Bad"name\nA3,x\n' });
    expectBalanced(report);
    expect(records.accounts.map((a) => a.id)).toEqual(['A1']);
    expect(issuesAt(report, 'accounts.csv', 2)[0]!.reason).toMatch(/malformed CSV/);
  });

  it('__proto__, constructor and prototype headers are refused with a warning; the rows still load', () => {
    const { records, report } = read({
      'leads.csv': csv('id,created_at,__proto__,constructor,prototype,team', 'L1,2026-01-01,{"polluted":1},x,y,north'),
    });
    expectBalanced(report);
    expect(report.accepted).toBe(1);
    const lead = records.leads[0]!;
    expect(Object.keys(lead.custom)).toEqual(['team']);
    expect(Object.getPrototypeOf(lead)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const messages = report.warnings.map((w) => w.message);
    expect(messages.filter((m) => m.includes('refused'))).toHaveLength(3);
  });

  it('a missing required column is a file warning and every row is rejected, still counted', () => {
    const { records, report } = read({ 'opportunities.csv': csv('id,amount,status', 'O1,10,open', 'O2,20,won') });
    expectBalanced(report);
    expect(records.opportunities).toEqual([]);
    expect(fileReport(report, 'opportunities.csv')).toMatchObject({ rowsRead: 2, rejected: 2 });
    expect(report.warnings[0]!.message).toMatch(/required column missing: created_at/);
  });

  it('no amount column: every deal is kept with its amount unknown, said once', () => {
    const { records, report } = read({
      'opportunities.csv': csv('id,created_at,status', 'O1,2026-01-01,open', 'O2,2026-01-01,won'),
    });
    expectBalanced(report);
    expect(records.opportunities.map((o) => [o.id, o.amountCents])).toEqual([
      ['O1', undefined],
      ['O2', undefined],
    ]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      '2 opportunities have no amount (no amount column): kept as "amount unknown", counted in deal counts and left out of every sum of money',
    ]);
  });

  it('duplicate and empty header names are kept as distinct custom attributes, with warnings', () => {
    const { records, report } = read({ 'accounts.csv': csv('id,team,team,,ID', 'A1,a,b,c,A9') });
    expectBalanced(report);
    expect(records.accounts[0]!.id).toBe('A1');
    expect(records.accounts[0]!.custom).toEqual({ team: 'a', team_2: 'b', column_4: 'c', ID: 'A9' });
    expect(report.warnings).toHaveLength(3);
  });

  it('whitespace around an id is trimmed (a repair); an empty is_bot is false (not a repair)', () => {
    const { records, report } = read({
      'leads.csv': csv('id,created_at,is_bot', ' L1 ,2026-01-01,', 'L2,2026-01-01,maybe'),
    });
    expectBalanced(report);
    expect(records.leads.map((l) => [l.id, l.isBot])).toEqual([
      ['L1', false],
      ['L2', false],
    ]);
    expect(issuesAt(report, 'leads.csv', 1)).toEqual([
      expect.objectContaining({
        column: 'id',
        value: ' L1 ',
        reason: 'surrounding whitespace trimmed',
        outcome: 'repaired',
      }),
    ]);
    expect(issuesAt(report, 'leads.csv', 2)[0]).toMatchObject({ column: 'is_bot', outcome: 'repaired' });
  });

  it('plan: bad quarter and repeated quarter are rejected, conflicting settings repaired', () => {
    const { records, report } = read({
      'plan.csv': csv('quarter,quota,currency', '2026-Q1,100,usd', '2026-Q5,100,', '2026-q1,200,', '2026-Q2,x,EUR'),
    });
    expectBalanced(report);
    expect(records.plan).toEqual({
      currency: 'USD',
      fiscalYearStartMonth: 1,
      quotas: [{ quarter: '2026-Q1', quotaCents: 10_000 }],
    });
    expect(issuesAt(report, 'plan.csv', 3).map((i) => i.reason)).toContain(
      'duplicate quarter "2026-Q1": rows 1 and 3 (row 1 kept)',
    );
    expect(issuesAt(report, 'plan.csv', 4).map((i) => i.outcome)).toEqual(['repaired', 'rejected']);
  });

  it('never throws on hostile input', () => {
    const junk = ['', '\n\n', '"', 'a,b\n"', '\ufeff', ',,,\n,,,', 'id\n' + '"'.repeat(1001)];
    for (const text of junk) {
      for (const name of ['leads.csv', 'accounts.csv', 'opportunities.csv', 'plan.csv', 'touches.csv']) {
        const { report } = read({ [name]: text });
        expectBalanced(report);
      }
    }
  });
});
