import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/pipeline';
import { decodeBytes, decodeWindows1252 } from '../../src/import/source/decode';
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
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x81]))).toBe('€…‘’“”–—™\ufffd');
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

describe('file size', () => {
  it('the import refuses a file longer than the longest text the engine holds before decoding it, without throwing', () => {
    // A stand-in that reports a length above the ceiling: the import must not touch its bytes.
    const fake = { name: 'big.csv', bytes: { byteLength: MAX_TEXT_BYTES + 1 } as Uint8Array };
    const { records, report } = importFiles([fake]);
    expect(records.leads).toEqual([]);
    expect(report.warnings).toEqual([
      {
        file: 'big.csv',
        message: 'big.csv is 512 MB, longer than the 512 MB a JavaScript engine can hold as text: split it (for example by year) or filter the export, then load the parts; not read',
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
