import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirtyRowLine, dirtyRows, generateDemoCompany } from '../../src/demo/generate';
import { leadMask } from '../../src/engine/filters/filters';
import { computeReach } from '../../src/engine/funnel/reach';
import { tallyFunnel } from '../../src/engine/funnel/tally';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { RecordSet } from '../../src/engine/model/records';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { LeadsFunnelStream } from '../../src/import/leads-funnel-stream';
import { importFiles } from '../../src/import/pipeline';

const company = generateDemoCompany({ seed: 3, leads: 1_500 }).records;
const csv = writeCanonicalCsv(company)['leads.csv']!;
const bytes = new TextEncoder().encode(csv);
const NOW = Date.parse('2030-01-01T00:00:00Z');

/** The app's funnel of a leads-only dataset (bots out, as of the latest date in the data). */
function funnelOf(rs: RecordSet, asOf?: number) {
  const ds = buildDataset(rs);
  return tallyFunnel(computeReach(ds, leadMask(ds, {}), asOf ?? ds.meta.latestAt, 'inclusive')).counts;
}

const imported = importFiles([{ name: 'leads.csv', bytes }], { now: NOW }).records;
const latest = buildDataset(imported).meta.latestAt;
const prefix = (rows: number): RecordSet => ({ ...imported, leads: imported.leads.slice(0, rows) });

/** The same file with quoted titles (commas, quotes, line breaks inside) every 7th row, and other line ends. */
function variant(eol: '\n' | '\r\n' | '\r'): Uint8Array {
  const lines = csv.trimEnd().split('\n');
  const title = lines[0]!.split(',').indexOf('title');
  for (let i = 1; i < lines.length; i += 7) {
    const cells = lines[i]!.split(',');
    cells[title] = `"Head, ""Ops""${eol}row ${i}"`;
    lines[i] = cells.join(',');
  }
  return new TextEncoder().encode(lines.join(eol) + eol);
}

/** Cuts `data` at the given (sorted, deduplicated) offsets. */
function cut(data: Uint8Array, at: readonly number[]): Uint8Array[] {
  const ends = [...new Set(at.map((x) => x % (data.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const end of [...ends, data.length]) {
    out.push(data.subarray(from, end));
    from = end;
  }
  return out;
}

describe('the funnel of a leads file while it is read', () => {
  it('reads every lead of a clean file', () => {
    expect(imported.leads).toHaveLength(1_500);
  });

  it('after every chunk, counts what the funnel engine counts over the rows read so far', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 12 }), (offsets) => {
        const s = new LeadsFunnelStream(bytes.length);
        let last = 0;
        for (const chunk of cut(bytes, offsets)) {
          s.pushBytes(chunk);
          const snap = s.snapshot();
          expect(snap.rowsRead).toBeGreaterThanOrEqual(last);
          last = snap.rowsRead;
          expect(snap.complete).toBe(false);
          expect(snap.counts).toEqual(funnelOf(prefix(snap.rowsRead), latest));
          if (snap.rowsRead > 0) expect(snap.estimatedRows).toBeGreaterThanOrEqual(snap.rowsRead);
        }
        s.end();
        const done = s.snapshot();
        expect(done).toMatchObject({ rowsRead: 1_500, estimatedRows: 1_500, complete: true });
        expect(done.counts).toEqual(funnelOf(imported));
      }),
      { numRuns: 40 },
    );
  });

  it('splits rows right whatever the line ends and quoted fields, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 30 }),
        (eol, offsets) => {
          const data = variant(eol);
          const s = new LeadsFunnelStream(data.length);
          for (const chunk of cut(data, offsets)) {
            s.pushBytes(chunk);
            const snap = s.snapshot();
            expect(snap.counts).toEqual(funnelOf(prefix(snap.rowsRead), latest));
          }
          s.end();
          expect(s.snapshot().rowsRead).toBe(1_500);
          expect(s.snapshot().counts).toEqual(funnelOf(imported));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('ends with the full funnel of the imported file, dirty rows, CRLF and quoted fields included', () => {
    const header = csv.slice(0, csv.indexOf('\n'));
    const dirty = dirtyRows()
      .filter((r) => r.file === 'leads.csv')
      .map((r) => dirtyRowLine(r, header))
      .join('');
    // A quoted title with a comma, a quote and a line break inside.
    const lines = (csv + dirty).split('\n');
    const cols = header.split(',');
    const row = lines[1]!.split(',');
    row[cols.indexOf('title')] = '"VP, ""Growth""\nEMEA"';
    lines[1] = row.join(',');
    const text = lines.join('\r\n');
    const data = new TextEncoder().encode(text);
    const s = new LeadsFunnelStream(data.length);
    for (let at = 0; at < data.length; at += 997) s.pushBytes(data.subarray(at, at + 997));
    s.end();
    const full = importFiles([{ name: 'leads.csv', bytes: data }], { now: NOW }).records;
    expect(full.leads[0]!.title).toBe('VP, "Growth"\nEMEA');
    expect(s.snapshot().rowsRead).toBe(1_500 + dirtyRows().filter((r) => r.file === 'leads.csv').length);
    expect(s.snapshot().counts).toEqual(funnelOf(full));
  });

  it('ignores a file that is not a leads file', () => {
    const s = new LeadsFunnelStream();
    s.pushText('id,name\nA-1,Acme\n');
    s.end();
    expect(s.relevant).toBe(false);
    expect(s.snapshot().counts.lead).toBe(0);
  });
});
