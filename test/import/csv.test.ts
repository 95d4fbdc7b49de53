import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/csv';
import { encodeCsv } from '../../src/import/csv-write';

const SPECTRUM = fileURLToPath(new URL('../../../shared/data/csv-spectrum/', import.meta.url));
if (!existsSync(SPECTRUM)) {
  throw new Error(`csv-spectrum data not found at ${SPECTRUM}: the shared data folder must sit beside the project`);
}

/** Rows as objects keyed by header, as the spectrum's JSON files give them. */
function asObjects(text: string): Record<string, string>[] {
  const t = parseCsv(text);
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i] ?? ''])));
}

const read = (dir: string, file: string) => readFileSync(`${SPECTRUM}${dir}/${file}`, 'utf8');
const cases = readdirSync(`${SPECTRUM}csvs`)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.slice(0, -4))
  .sort();

describe('parseCsv on csv-spectrum', () => {
  it('finds all twelve cases', () => {
    expect(cases).toHaveLength(12);
  });

  it('reads the *_crlf files as real CRLF files', () => {
    expect(read('csvs', 'simple_crlf.csv')).toContain('\r\n');
  });

  for (const name of cases.filter((c) => c !== 'location_coordinates')) {
    it(`parses ${name}.csv to its JSON`, () => {
      const t = parseCsv(read('csvs', `${name}.csv`));
      expect(t.errors).toEqual([]);
      expect(asObjects(read('csvs', `${name}.csv`))).toEqual(JSON.parse(read('json', `${name}.json`)));
    });
  }

  it('location_coordinates: known broken upstream (its JSON is not an array and its values differ), so it must NOT match', () => {
    const expected: unknown = JSON.parse(read('json', 'location_coordinates.json'));
    const rows = asObjects(read('csvs', 'location_coordinates.csv'));
    expect(Array.isArray(expected)).toBe(false);
    expect(rows).not.toEqual(expected);
    // What a correct reader does give: the file's own phone number and its bytes, which hold
    // U+FFFD replacement characters where the degree signs were lost upstream.
    expect(rows).toHaveLength(1);
    expect(rows[0]!['Contact Phone Number']).toBe('2095257564');
    expect(rows[0]!['Location Coordinates']).toBe('37\ufffd36\'37.8"N 121\ufffd2\'17.9"W');
  });
});

describe('parseCsv', () => {
  it('skips blank lines without numbering them, and keeps quote errors on the right row', () => {
    const t = parseCsv('a,b\n\n\n1,2\n\n3,"x"y\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows[0]).toEqual(['1', '2']);
    expect(t.errors.length).toBeGreaterThan(0);
    expect(t.errors.every((e) => e.row === 2)).toBe(true);
  });

  it('drops a byte-order mark from the first header', () => {
    expect(parseCsv('\ufeffid,name\n1,x').header).toEqual(['id', 'name']);
  });

  it('keeps ragged rows as they are, for the caller to judge', () => {
    expect(parseCsv('a,b,c\n1,2\n1,2,3,4\n').rows).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('detects a semicolon delimiter when none is given, and honours a given one', () => {
    expect(parseCsv('a;b\n1;2').rows).toEqual([['1', '2']]);
    expect(parseCsv('a;b\n1;2', { delimiter: ',' }).rows).toEqual([['1;2']]);
  });

  it('gives an empty table for empty text', () => {
    expect(parseCsv('')).toMatchObject({ header: [], rows: [], errors: [] });
  });

  it('reads back what encodeCsv wrote, quotes, commas and line breaks included', () => {
    const rows = [
      ['plain', 'with, comma', 'with "quote"'],
      ['line\nbreak', 'cr\r\nlf', ''],
    ];
    const t = parseCsv(encodeCsv(['a', 'b', 'c'], rows), { delimiter: ',' });
    expect(t.rows).toEqual(rows);
  });
});
