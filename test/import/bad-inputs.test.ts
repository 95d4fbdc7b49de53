/** Every bad input the importer must survive, each with its own fixture, through the full import. */
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportFile } from '../../src/import/pipeline';
import type { Mapping } from '../../src/import/mapping/schema';
import { expectBalanced, issuesAt } from '../fixtures/import-report';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string): ImportFile => ({ name, bytes: enc(text) });
const NOW = Date.UTC(2026, 10, 23);
const run = (files: ImportFile[], mapping?: Mapping) => {
  const r = importFiles(files, { now: NOW, mapping });
  expectBalanced(r.report);
  return r;
};
const warnings = (r: ReturnType<typeof run>) => r.report.warnings.map((w) => w.message).join('\n');

const OPP_HEADER = 'id,created_at,amount,status';

describe('line endings', () => {
  it.each([
    ['LF', 'id,created_at\nL1,2026-01-01\nL2,2026-01-02\n'],
    ['CRLF', 'id,created_at\r\nL1,2026-01-01\r\nL2,2026-01-02\r\n'],
    ['mixed', 'id,created_at\r\nL1,2026-01-01\nL2,2026-01-02\r\n'],
  ])('%s: two leads, no row issue', (_, text) => {
    const r = run([file('leads.csv', text)]);
    expect(r.records.leads.map((l) => [l.id, l.createdAt])).toEqual([
      ['L1', Date.UTC(2026, 0, 1)],
      ['L2', Date.UTC(2026, 0, 2)],
    ]);
    expect(r.report.issues).toEqual([]);
  });
});

describe('delimiters and decimals', () => {
  it('";" with "," decimals: detected, said, and 1.234,50 is 123,450 cents', () => {
    const r = run([
      file('opportunities.csv', 'id;created_at;amount;status\nO1;2026-01-01;1.234,50;open\nO2;2026-01-02;99,5;won\n'),
    ]);
    expect(r.records.opportunities.map((o) => o.amountCents)).toEqual([123_450, 9_950]);
    expect(warnings(r)).toMatch(/fields separated by ";", not commas; amounts read with "," as decimal separator/);
    expect(warnings(r)).toMatch(/2 values such as "1.234,50" read with "," as decimal separator/);
  });
});

describe('malformed CSV', () => {
  it('an unbalanced quote rejects its row (which swallowed the rest) and says so', () => {
    const r = run([file('leads.csv', 'id,created_at\nL1,2026-01-01\n"L2,2026-01-02\nL3,2026-01-03\n')]);
    expect(r.records.leads.map((l) => l.id)).toEqual(['L1']);
    expect(issuesAt(r.report, 'leads.csv', 2)[0]!.reason).toMatch(
      /malformed CSV: .*quote.*the rest of the file was read into this row/i,
    );
  });

  it('ragged rows: a short row is repaired, a long row with values is rejected (shifted)', () => {
    const r = run([
      file('leads.csv', 'id,created_at,title\nL1,2026-01-01\nL2,2026-01-02,CEO,oops\nL3,2026-01-03,CTO\n'),
    ]);
    expect(r.records.leads.map((l) => l.id)).toEqual(['L1', 'L3']);
    expect(issuesAt(r.report, 'leads.csv', 1)[0]).toMatchObject({
      outcome: 'repaired',
      reason: 'row has 2 fields, header has 3: the missing trailing fields were read as empty',
    });
    expect(issuesAt(r.report, 'leads.csv', 2)[0]).toMatchObject({ outcome: 'rejected', value: 'oops' });
  });

  it('duplicate headers: the first is used, the second kept as a custom attribute, both said', () => {
    const r = run([file('leads.csv', 'id,created_at,title,title\nL1,2026-01-01,CEO,Chief\n')]);
    expect(r.records.leads[0]!.title).toBe('CEO');
    expect(warnings(r)).toMatch(/"title" appears more than once; the first \(column 3\) is used/);
    expect(r.records.leads[0]!.custom['source_title']).toBe('Chief');
  });

  it('duplicate ids: the second row is rejected and both rows are named', () => {
    const r = run([file('leads.csv', 'id,created_at\nL1,2026-01-01\nL1,2026-01-02\n')]);
    expect(issuesAt(r.report, 'leads.csv', 2)[0]).toMatchObject({
      column: 'id',
      value: 'L1',
      reason: 'duplicate id "L1": rows 1 and 2 (row 1 kept)',
      outcome: 'rejected',
    });
  });

  it('__proto__, constructor and prototype headers are refused; no prototype is touched', () => {
    const r = run([
      file('leads.csv', 'id,created_at,__proto__,constructor,prototype\nL1,2026-01-01,{"polluted":1},x,y\n'),
    ]);
    const lead = r.records.leads[0]!;
    expect(Object.getPrototypeOf(lead.custom)).toBe(null);
    expect(Object.keys(lead.custom)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(r.report.warnings.filter((w) => /refused: this name is reserved/.test(w.message))).toHaveLength(3);
  });

  it('an empty file and a header-only file', () => {
    const r = run([file('leads.csv', ''), file('opportunities.csv', `${OPP_HEADER}\n`)]);
    expect(r.report.rowsRead).toBe(0);
    expect(warnings(r)).toMatch(/leads.csv|the file is empty/);
  });
});

describe('dates', () => {
  const leads = (dates: string[]) => `id,created_at\n${dates.map((d, i) => `L${i + 1},${d}`).join('\n')}\n`;

  it('MM/DD/YYYY is detected from a day above 12 and said', () => {
    const r = run([file('leads.csv', leads(['03/04/2025', '04/25/2025']))]);
    expect(r.records.leads.map((l) => l.createdAt)).toEqual([Date.UTC(2025, 2, 4), Date.UTC(2025, 3, 25)]);
    expect(warnings(r)).toMatch(/dates read as MM\/DD\/YYYY/);
  });

  it('DD/MM/YYYY likewise', () => {
    const r = run([file('leads.csv', leads(['03/04/2025', '25/04/2025']))]);
    expect(r.records.leads.map((l) => l.createdAt)).toEqual([Date.UTC(2025, 3, 3), Date.UTC(2025, 3, 25)]);
  });

  it('an ambiguous column is asked about, not guessed: rows rejected, warning says how to fix', () => {
    const r = run([file('leads.csv', leads(['03/04/2025', '01/02/2025']))]);
    expect(r.records.leads).toEqual([]);
    expect(warnings(r)).toMatch(
      /reads both as MM\/DD\/YYYY and DD\/MM\/YYYY; choose the date format in the mapping \(nothing was guessed/,
    );
    expect(r.report.rejected).toBe(2);
  });

  it('the ambiguous column reads once the mapping names the format', () => {
    const mapping: Mapping = {
      version: 1,
      name: 'uk',
      tables: [
        {
          file: 'people.csv',
          target: 'leads',
          columns: [
            ['id', 'id'],
            ['created_at', 'created_at'],
          ],
          values: [],
          defaults: [],
          dateFormat: 'dmy',
        },
      ],
    };
    const r = run([file('people.csv', leads(['03/04/2025']))], mapping);
    expect(r.records.leads[0]!.createdAt).toBe(Date.UTC(2025, 3, 3));
  });

  it('Salesforce timestamps and Excel serials', () => {
    const sf = run([file('leads.csv', leads(['2024-01-22T20:36:47.000+0000']))]);
    expect(sf.records.leads[0]!.createdAt).toBe(Date.UTC(2024, 0, 22, 20, 36, 47));
    const xl = run([file('leads.csv', leads(['45000', '45001']))]);
    expect(xl.records.leads.map((l) => l.createdAt)).toEqual([Date.UTC(2023, 2, 15), Date.UTC(2023, 2, 16)]);
    expect(warnings(xl)).toMatch(/Excel serial/);
  });

  it('future dates: a future creation rejects the row, a future stage date is dropped, a future close date is fine', () => {
    const r = run([
      file('leads.csv', 'id,created_at,mql_at\nL1,2030-01-01,\nL2,2026-01-01,2030-02-01\n'),
      file('opportunities.csv', `${OPP_HEADER},close_date\nO1,2026-01-01,10,open,2027-06-30\n`),
    ]);
    expect(issuesAt(r.report, 'leads.csv', 1)[0]).toMatchObject({
      outcome: 'rejected',
      reason: 'created_at 2030-01-01 is in the future (after the import date)',
    });
    expect(issuesAt(r.report, 'leads.csv', 2)[0]).toMatchObject({
      outcome: 'repaired',
      reason: 'mql_at 2030-02-01 is in the future (after the import date): date dropped',
    });
    expect(r.records.leads.map((l) => l.stageHistory.length)).toEqual([1]);
    expect(r.records.opportunities[0]!.closeDate).toBe(Date.UTC(2027, 5, 30));
  });
});

describe('money', () => {
  const opps = (amounts: string[]) =>
    `${OPP_HEADER}\n${amounts.map((a, i) => `O${i + 1},2026-01-01,"${a}",open`).join('\n')}\n`;

  it('$48,000.00 and 48.000,00 € become 4,800,000 cents', () => {
    const r = run([file('opportunities.csv', opps(['$48,000.00', '48.000,00 €']))]);
    expect(r.records.opportunities.map((o) => o.amountCents)).toEqual([4_800_000, 4_800_000]);
  });

  it('(1,200) is negative: rejected with the reason; so is -5 and a word', () => {
    const r = run([file('opportunities.csv', opps(['(1,200)', '-5', 'lots', '10']))]);
    expect(r.records.opportunities.map((o) => o.id)).toEqual(['O4']);
    expect(issuesAt(r.report, 'opportunities.csv', 1)[0]!.reason).toMatch(/^negative amount/);
    expect(issuesAt(r.report, 'opportunities.csv', 2)[0]!.reason).toMatch(/^negative amount/);
    expect(issuesAt(r.report, 'opportunities.csv', 3)[0]).toMatchObject({
      value: 'lots',
      reason: expect.stringMatching(/^not a number/),
    });
  });
});

describe('stages and statuses not in the model', () => {
  const mapping: Mapping = {
    version: 1,
    name: 'deals',
    tables: [
      {
        file: 'deals.csv',
        target: 'opportunities',
        columns: [
          ['id', 'Deal'],
          ['created_at', 'Opened'],
          ['amount', 'Value'],
          ['status', 'Stage'],
          ['stage', 'Stage'],
        ],
        values: [
          [
            'status',
            [
              ['Won', 'won'],
              ['Lost', 'lost'],
              ['Engaging', 'open'],
            ],
          ],
        ],
        defaults: [],
      },
    ],
  };
  it('an unmapped stage value rejects the row with the value and the allowed ones', () => {
    const r = run(
      [file('deals.csv', 'Deal,Opened,Value,Stage\nD1,2026-01-01,10,Won\nD2,2026-01-01,10,Negotiating\n')],
      mapping,
    );
    expect(r.records.opportunities.map((o) => [o.id, o.status, o.stage])).toEqual([['D1', 'won', 'Won']]);
    expect(issuesAt(r.report, 'deals.csv', 2)[0]).toMatchObject({
      column: 'status',
      value: 'Negotiating',
      reason: 'bad status "Negotiating": expected open, won or lost',
    });
  });

  it('a mapping default fills empty cells and says so on the row', () => {
    const withDefault: Mapping = { ...mapping, tables: [{ ...mapping.tables[0]!, defaults: [['amount', '0']] }] };
    const r = run([file('deals.csv', 'Deal,Opened,Value,Stage\nD1,2026-01-01,,Engaging\n')], withDefault);
    expect(r.records.opportunities[0]!.amountCents).toBe(0);
    expect(issuesAt(r.report, 'deals.csv', 1)[0]).toMatchObject({
      outcome: 'repaired',
      reason: 'Value empty: "0" used, as the mapping says',
    });
  });
});

describe('mixed line endings keep quoted line breaks', () => {
  it('a CRLF inside quotes survives while row breaks are normalised', () => {
    const r = run([
      file('leads.csv', 'id,created_at,title\r\nL1,2026-01-01,"Head of\r\nSales"\nL2,2026-01-02,CEO\r\n'),
    ]);
    expect(r.records.leads.map((l) => l.title)).toEqual(['Head of\r\nSales', 'CEO']);
    expect(warnings(r)).toMatch(/mixed line endings/);
  });
});
