import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/pipeline';
import { rowsAtOffsets } from '../../src/import/csv';
import { decodeBytes, decodeWindows1252, invalidUtf8At } from '../../src/import/source/decode';
import { MAX_TEXT_BYTES } from '../../src/import/source/memory-limit';
import { expectBalanced } from '../fixtures/import-report';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('drops a UTF-8 byte-order mark and says nothing more', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name\n')]));
    expect(d).toEqual({ text: 'id,name\n', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16LE with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00, 0xe9, 0x00]);
    expect(decodeBytes(bytes)).toMatchObject({ text: 'idé', encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, and says so', () => {
    // "Zoë;€12" in Windows-1252: ë = 0xEB, € = 0x80 (Node's own decoder gets 0x80 wrong).
    const bytes = new Uint8Array([0x5a, 0x6f, 0xeb, 0x3b, 0x80, 0x31, 0x32]);
    const d = decodeBytes(bytes);
    expect(d.text).toBe('Zoë;€12');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warning).toMatch(/not valid UTF-8 \(first bad byte at offset 2\): read as Windows-1252/);
  });

  it('maps every 0x80–0x9F byte of Windows-1252 to its character, undefined bytes to U+FFFD', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x81]))).toBe(
      '€…‘’“”–—™\ufffd',
    );
  });

  it('the import reports the encoding fallback as a file warning and reads the names right', () => {
    const text = 'id,created_at,title\nL1,2026-01-05,Directeur général\n';
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const { records, report } = importFiles([{ name: 'leads.csv', bytes }]);
    expectBalanced(report);
    expect(records.leads[0]!.title).toBe('Directeur général');
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/Windows-1252/);
  });
});

describe('a UTF-8 file with a few invalid bytes', () => {
  // Row 2's "Zoë" carries a lone Windows-1252 byte (0xEB); every other accent is proper UTF-8.
  const head = utf8('id,created_at,title\nL1,2026-01-05,Café owner\nL2,2026-01-06,Zo');
  const tail = utf8(' manager\r\nL3,2026-01-07,Directeur général\n');
  const bytes = new Uint8Array([...head, 0xeb, ...tail]);

  it('decodes only the bad line as Windows-1252, the rest as UTF-8', () => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(
      'id,created_at,title\nL1,2026-01-05,Café owner\nL2,2026-01-06,Zoë manager\r\nL3,2026-01-07,Directeur général\n',
    );
    expect(d.repaired).toEqual([{ offset: d.text.indexOf('L2'), text: 'L2,2026-01-06,Zoë manager' }]);
    expect(d.warning).toMatch(/1 line is not: each such line was read as Windows-1252/);
  });

  it('the import keeps every row, marks only the bad one repaired and names it', () => {
    const { records, report } = importFiles([{ name: 'leads.csv', bytes }]);
    expectBalanced(report);
    expect(records.leads.map((l) => l.title)).toEqual(['Café owner', 'Zoë manager', 'Directeur général']);
    expect(report.files[0]).toMatchObject({ rowsRead: 3, accepted: 2, repaired: 1, rejected: 0 });
    expect(report.issues).toEqual([
      expect.objectContaining({
        file: 'leads.csv',
        row: 2,
        outcome: 'repaired',
        value: 'L2,2026-01-06,Zoë manager',
        reason: expect.stringMatching(/not valid UTF-8 on this line: read as Windows-1252/),
      }),
    ]);
  });

  it('a quoted field spanning lines puts the repair on the row it belongs to', () => {
    const b = new Uint8Array([
      ...utf8('id,created_at,title\nL1,2026-01-05,"Café\nsecond line"\nL2,2026-01-06,"Chef\nZo'),
      0xeb,
      ...utf8('"\n'),
    ]);
    const { report, records } = importFiles([{ name: 'leads.csv', bytes: b }]);
    expectBalanced(report);
    expect(records.leads[1]!.title).toBe('Chef\nZoë');
    expect(report.issues.map((i) => [i.row, i.outcome])).toEqual([[2, 'repaired']]);
  });

  it('a file with no valid UTF-8 sequence at all is still read whole as Windows-1252', () => {
    expect(decodeBytes(new Uint8Array([0x5a, 0x6f, 0xeb, 0x0a, 0xe9])).encoding).toBe('windows-1252');
  });

  it('finds invalid sequences exactly as the platform decoder does (overlongs, surrogates, truncation)', () => {
    const cases: number[][] = [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
      [0xc3, 0xa9],
      [0xf0, 0x9f, 0x98, 0x80],
      [0x41, 0xff],
    ];
    for (const c of cases) {
      const b = new Uint8Array(c);
      let platformOk = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        platformOk = false;
      }
      expect(invalidUtf8At(b) < 0, `bytes ${c.map((x) => x.toString(16)).join(' ')}`).toBe(platformOk);
    }
  });

  it('maps offsets to data rows as the CSV reader numbers them (blank lines skipped)', () => {
    const text = 'a,b\n1,2\n\n3,"x\ny"\n4,5';
    const at = (s: string) => text.indexOf(s);
    expect(rowsAtOffsets(text, ',', [0, at('1,2'), at('3,'), at('y"'), at('4,5')])).toEqual([0, 1, 2, 2, 3]);
  });
});

describe('file size', () => {
  it('the import refuses a file longer than the longest text the engine holds before decoding it, without throwing', () => {
    // A stand-in that reports a length above the ceiling: the import must not touch its bytes.
    const fake = { name: 'big.csv', bytes: { byteLength: MAX_TEXT_BYTES + 1 } as Uint8Array };
    const { records, report } = importFiles([fake]);
    expect(records.leads).toEqual([]);
    expect(report.warnings).toEqual([
      {
        file: 'big.csv',
        message:
          'big.csv is 512 MB, longer than the 512 MB a JavaScript engine can hold as text: split it (for example by year) or filter the export, then load the parts; not read',
      },
    ]);
  });

  it('an empty file is reported, not a crash', () => {
    const { records, report } = importFiles([{ name: 'leads.csv', bytes: new Uint8Array(0) }]);
    expect(records.leads).toEqual([]);
    expect(report.rowsRead).toBe(0);
    expect(report.warnings).toEqual([{ file: 'leads.csv', message: 'the file is empty: nothing to read' }]);
  });
});
