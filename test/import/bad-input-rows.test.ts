import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/escape';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { importFiles } from '../../src/import/pipeline';
import { parseAmount } from '../../src/import/values/amounts';
import { expectBalanced, issuesAt } from '../fixtures/import-report';

const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('bad input gets a row-level reason and nothing is lost', () => {
  it('a JSON file nested 5,000 deep is refused with a message, no stack', () => {
    const text = `{"leads":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = importFiles([{ name: 'deep.json', text }]);
    expect(r.records.leads).toEqual([]);
    expect(r.report.warnings).toEqual([
      { file: 'deep.json', message: expect.stringMatching(/^nested more than 64 levels deep/) },
    ]);
  });

  it('Indian digit grouping is read: $1,40,000.00 is 140,000; irregular grouping is still refused', () => {
    expect(parseAmount('$1,40,000.00')).toEqual({ ok: true, value: 140_000, plain: false });
    expect(parseAmount('12,34,56,789')).toMatchObject({ ok: true, value: 123_456_789 });
    expect(parseAmount('1,4,000')).toMatchObject({ ok: false });
    const r = importFiles([
      { name: 'opportunities.csv', text: csv('id,created_at,amount,status', 'O1,2026-01-01,"$1,40,000.00",open') },
    ]);
    expect(r.records.opportunities[0]!.amountCents).toBe(14_000_000);
  });

  it('ids of invisible characters: trimmed (repaired, said), an id left empty rejected', () => {
    const { records, report } = readCanonicalCsv([
      {
        name: 'leads.csv',
        text: csv('id,created_at', '\u200bL1,2026-01-01', '\u200b\u200b,2026-01-01', 'L2,2026-01-01'),
      },
    ]);
    expectBalanced(report);
    expect(records.leads.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(issuesAt(report, 'leads.csv', 1)).toEqual([
      expect.objectContaining({
        column: 'id',
        outcome: 'repaired',
        reason: expect.stringMatching(/invisible characters/),
      }),
    ]);
    expect(issuesAt(report, 'leads.csv', 2)).toEqual([
      expect.objectContaining({
        column: 'id',
        outcome: 'rejected',
        reason: expect.stringMatching(/empty once its invisible characters/),
      }),
    ]);
  });

  it('a created date in year 0000 rejects the row; a stage date before creation is kept at creation, said', () => {
    const { records, report } = readCanonicalCsv([
      { name: 'leads.csv', text: csv('id,created_at,mql_at', 'L1,0000-01-01,', 'L2,2026-02-01,2026-01-01') },
    ]);
    expectBalanced(report);
    expect(issuesAt(report, 'leads.csv', 1)).toEqual([
      expect.objectContaining({
        column: 'created_at',
        outcome: 'rejected',
        reason: expect.stringMatching(/year 0000, before 1900/),
      }),
    ]);
    expect(records.leads.map((l) => l.id)).toEqual(['L2']);
    expect(records.leads[0]!.stageHistory.find((e) => e.stage === 'mql')!.at).toBe(Date.UTC(2026, 1, 1));
    expect(issuesAt(report, 'leads.csv', 2)).toEqual([
      expect.objectContaining({
        column: 'mql_at',
        outcome: 'repaired',
        reason: expect.stringMatching(/before created_at/),
      }),
    ]);
  });

  it('a reference error names the file as the user named it', () => {
    const r = importFiles([
      { name: 'Account.csv', text: csv('Id,IsDeleted,Name', '001A,0,Acme') },
      {
        name: 'Opportunity.csv',
        text: csv(
          'Id,IsDeleted,AccountId,StageName,Amount,CreatedDate,IsClosed,IsWon',
          '006A,0,001Z,Open,10,2025-01-02,0,0',
        ),
      },
    ]);
    expect(r.report.issues.find((i) => i.column === 'account_id')!.reason).toBe(
      'account_id "001Z" not found in Account.csv: reference dropped',
    );
  });

  it('control characters and terminal escapes are escaped in text output; line breaks stay', () => {
    expect(escapeControls('a\u001b[31mred\u001b[0m\nb\u202etxt')).toBe('a\\u001b[31mred\\u001b[0m\nb\\u202etxt');
  });
});
