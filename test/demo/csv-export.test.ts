/**
 * The demo as a canonical CSV folder: its records read back without a single complaint, and each
 * appended dirty row is rejected by the import, so the report has something to show.
 */
import { describe, expect, it } from 'vitest';
import { dirtyRowLine, dirtyRows, generateDemoCompany, withDirtyRows } from '../../src/demo/generate';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { writeCanonicalCsv } from '../../src/import/canonical/write';

const demo = generateDemoCompany({ seed: 5, leads: 1_500 });
const files = writeCanonicalCsv(demo.records);
const asInput = (f: Record<string, string>) => Object.entries(f).map(([name, text]) => ({ name, text }));

describe('the demo as CSV', () => {
  it('reads back with every row accepted', () => {
    const { records, report } = readCanonicalCsv(asInput(files));
    expect(report.rejected).toBe(0);
    expect(report.issues).toEqual([]);
    expect(records.leads).toHaveLength(demo.records.leads.length);
    expect(records.opportunities).toHaveLength(demo.records.opportunities.length);
    expect(records.activities).toHaveLength(demo.records.activities.length);
  });

  it('has dirty rows whose columns all exist in their files', () => {
    for (const row of dirtyRows()) {
      const text = files[row.file];
      expect(text, row.file).toBeDefined();
      const header = text!.slice(0, text!.indexOf('\n')).split(',');
      for (const column of Object.keys(row.values)) expect(header, `${row.file} ${column}`).toContain(column);
    }
  });

  it('lines a dirty row up with the header, leaving other columns empty', () => {
    const row = { file: 'x.csv', values: { b: 'two', d: 'has, comma' }, reason: 'test' };
    expect(dirtyRowLine(row, 'a,b,c,d')).toBe(',two,,"has, comma"\n');
  });

  it('has every dirty row rejected by the import, and nothing else', () => {
    const dirty = withDirtyRows(files);
    const { records, report } = readCanonicalCsv(asInput(dirty));
    expect(report.rejected).toBe(demo.manifest.dirtyRows);
    expect(report.rejected).toBe(dirtyRows().length);
    const rejectedFiles = report.issues.filter((i) => i.outcome === 'rejected').map((i) => i.file);
    expect(new Set(rejectedFiles)).toEqual(new Set(dirtyRows().map((r) => r.file)));
    expect(records.leads).toHaveLength(demo.records.leads.length);
  });
});
