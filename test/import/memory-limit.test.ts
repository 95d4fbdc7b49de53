import { describe, expect, it } from 'vitest';
import {
  ASSUMED_MEMORY_BYTES,
  blobFieldsPerByte,
  fieldsPerByte,
  memoryNeeded,
  IMPORT_BYTES_PER_INPUT_BYTE,
  MAX_TEXT_BYTES,
  browserMemoryBudget,
  formatSize,
  importLimitBytes,
  limitStatement,
  nodeMemoryBudget,
  selectionProblem,
  fallbackProblem,
  readWhole,
  sampleStreams,
  sizedBlob,
  sizedFromSample,
  streamsByName,
  STREAMED_BYTES_PER_INPUT_BYTE,
  type SizedFile,
} from '../../src/import/source/memory-limit';
import { importFiles } from '../../src/import/pipeline';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

describe('the memory an import may use', () => {
  it('is the JavaScript heap left where the browser says (performance.memory)', () => {
    // 4,096 MiB limit − 96 MiB in use = 4,000 MiB.
    expect(
      browserMemoryBudget({ memory: { jsHeapSizeLimit: 4096 * MIB, usedJSHeapSize: 96 * MIB }, deviceMemoryGb: 2 }),
    ).toEqual({
      bytes: 4000 * MIB,
      source: 'heap limit',
    });
  });

  it('is a quarter of the device memory when only navigator.deviceMemory is known, else 1 GiB', () => {
    expect(browserMemoryBudget({ deviceMemoryGb: 8 })).toEqual({ bytes: 2 * GIB, source: 'device memory' });
    // A heap limit of 0 says nothing: the device memory is used.
    expect(browserMemoryBudget({ memory: { jsHeapSizeLimit: 0, usedJSHeapSize: 0 }, deviceMemoryGb: 4 })).toEqual({
      bytes: GIB,
      source: 'device memory',
    });
    expect(browserMemoryBudget({})).toEqual({ bytes: ASSUMED_MEMORY_BYTES, source: 'assumed' });
    expect(ASSUMED_MEMORY_BYTES).toBe(GIB);
  });

  it('in Node is the V8 heap left under its limit', () => {
    expect(nodeMemoryBudget({ heap_size_limit: 4144 * MIB, used_heap_size: 48 * MIB })).toEqual({
      bytes: 4096 * MIB,
      source: 'heap limit',
    });
    expect(nodeMemoryBudget({ heap_size_limit: 10, used_heap_size: 20 }).bytes).toBe(0);
  });
});

describe('the import limit', () => {
  it('is the budget over the measured bytes of memory per byte of a typical file', () => {
    // 8 per byte + 40 per field × 0.1 fields per byte.
    expect(IMPORT_BYTES_PER_INPUT_BYTE).toBe(12);
    // 4,000 MiB / 12 = 333.3 MiB, floored to whole bytes.
    expect(importLimitBytes({ bytes: 4000 * MIB, source: 'heap limit' })).toBe(Math.floor((4000 * MIB) / 12));
    expect(formatSize(importLimitBytes({ bytes: 4000 * MIB, source: 'heap limit' }))).toBe('333 MB');
    // 1 GiB / 12 = 85.3 MiB; 2 GiB / 12 = 170.7 MiB.
    expect(formatSize(importLimitBytes({ bytes: GIB, source: 'assumed' }))).toBe('85 MB');
    expect(formatSize(importLimitBytes({ bytes: 2 * GIB, source: 'device memory' }))).toBe('171 MB');
    expect(importLimitBytes({ bytes: 1200, source: 'assumed' }, 10)).toBe(120);
  });

  it('is stated in words, with where the memory figure comes from', () => {
    const heap = { bytes: 4000 * MIB, source: 'heap limit' } as const;
    expect(limitStatement(importLimitBytes(heap), heap)).toBe(
      'Files up to about 333 MB in all on this device: an import needs about 12 bytes of memory per byte of a typical file (more for short fields), 5 for the leads, activities and touches CSV files of a canonical folder (read as they stream), and this browser lets the page use about 4,000 MB more.',
    );
    const device = browserMemoryBudget({ deviceMemoryGb: 8 });
    expect(limitStatement(importLimitBytes(device), device)).toBe(
      "Files up to about 171 MB in all on this device: an import needs about 12 bytes of memory per byte of a typical file (more for short fields), 5 for the leads, activities and touches CSV files of a canonical folder (read as they stream), and it counts on a quarter of this device's 8 GB of memory.",
    );
    const assumed = browserMemoryBudget({});
    expect(limitStatement(importLimitBytes(assumed), assumed)).toMatch(
      /^Files up to about 85 MB in all on this device: .*does not say how much memory it has, so 1 GB is assumed\.$/,
    );
  });

  it('formats sizes as MB with a decimal under 10 MB, KB under 1 MB', () => {
    expect(formatSize(380 * MIB)).toBe('380 MB');
    expect(formatSize(12_345 * MIB)).toBe('12,345 MB');
    expect(formatSize(2.5 * MIB)).toBe('2.5 MB');
    expect(formatSize(5000)).toBe('5 KB');
    expect(formatSize(10)).toBe('1 KB');
    expect(formatSize(0)).toBe('0 KB');
  });
});

describe('the memory a file needs', () => {
  it('counts fields per byte: the most frequent separator plus line breaks, over the sample length', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    // 2 commas + 2 line breaks over 8 bytes.
    expect(fieldsPerByte(enc('a,b\nc,d\n'))).toBe(0.5);
    // 2 semicolons (one comma inside a value does not win) + 1 line break over 8 bytes.
    expect(fieldsPerByte(enc('a;b,c;d\n'))).toBe(3 / 8);
    expect(fieldsPerByte(new Uint8Array(0))).toBe(0.1);
  });

  it('samples a Blob from its start', async () => {
    expect(await blobFieldsPerByte(new Blob(['a,b\nc,d\n']))).toBe(0.5);
  });

  it('is 8 bytes per byte plus 40 per field, never less than a typical file needs', () => {
    // 1,000 bytes × (8 + 40 × 0.5) = 28,000.
    expect(memoryNeeded({ name: 'a.csv', size: 1000, fieldsPerByte: 0.5 })).toBe(28_000);
    // 0.02 fields per byte counts as 0.1: 1,000 × (8 + 4) = 12,000; so does an unsampled file.
    expect(memoryNeeded({ name: 'a.csv', size: 1000, fieldsPerByte: 0.02 })).toBe(12_000);
    expect(memoryNeeded({ name: 'a.csv', size: 1000 })).toBe(12_000);
  });
});

describe('a selection over the limit', () => {
  const limit = 100 * MIB;

  it('is accepted up to the limit exactly, refused one byte above it', () => {
    expect(selectionProblem([{ name: 'leads.csv', size: limit }], limit)).toBeUndefined();
    expect(
      selectionProblem(
        [
          { name: 'leads.csv', size: 60 * MIB },
          { name: 'accounts.csv', size: 40 * MIB },
        ],
        limit,
      ),
    ).toBeUndefined();
    expect(selectionProblem([{ name: 'leads.csv', size: limit + 1 }], limit)).toBe(
      'leads.csv is 100.0 MB, above the about 100.0 MB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
    );
  });

  it('names the largest file when only the files together are over it', () => {
    const files = [
      { name: 'leads.csv', size: 40 * MIB },
      { name: 'activities.csv', size: 70 * MIB },
      { name: 'plan.csv', size: 300 },
    ];
    expect(selectionProblem(files, limit)).toBe(
      'These 3 files are 110 MB together (the largest, activities.csv, is 70 MB), above the about 100 MB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
    );
  });

  it('tells apart sizes that round alike', () => {
    expect(selectionProblem([{ name: 'a.csv', size: 66.2 * MIB }], 65.8 * MIB)).toMatch(
      /^a\.csv is 66\.2 MB, above the about 65\.8 MB this device/,
    );
  });

  it('counts a file of short fields for the memory it needs, and says so', () => {
    // 60 MiB × (8 + 40 × 0.5) / 12 = 140 MiB of typical CSV, over 100 MiB although 60 MiB is not.
    expect(selectionProblem([{ name: 'leads.csv', size: 60 * MIB, fieldsPerByte: 0.5 }], limit)).toBe(
      'leads.csv is 60 MB of short fields (about 512 per KB), needing as much memory to import as about 140 MB of typical CSV, above the about 100 MB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
    );
    // 40 MiB at 0.1 + 30 MiB at 0.4: 40 + 30 × 24 / 12 = 100 MiB: just within.
    expect(
      selectionProblem(
        [
          { name: 'a.csv', size: 40 * MIB, fieldsPerByte: 0.1 },
          { name: 'b.csv', size: 30 * MIB, fieldsPerByte: 0.4 },
        ],
        limit,
      ),
    ).toBeUndefined();
    // 40 MiB at 0.1 + 30 MiB at 0.5: 40 + 30 × 28 / 12 = 110 MiB.
    expect(
      selectionProblem(
        [
          { name: 'a.csv', size: 40 * MIB, fieldsPerByte: 0.1 },
          { name: 'b.csv', size: 30 * MIB, fieldsPerByte: 0.5 },
        ],
        limit,
      ),
    ).toBe(
      'These 2 files are 70 MB together (the largest, a.csv, is 40 MB), and their short fields need as much memory to import as about 110 MB of typical CSV, above the about 100 MB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
    );
  });

  it('passes the memory the selection needs (its bytes × the factor) to the remedy', () => {
    let needed = 0;
    const advice = { capacity: 'here', remedy: (n: number) => ((needed = n), 'do this') };
    expect(selectionProblem([{ name: 'a.csv', size: 3000 }], 2048, advice)).toBe(
      'a.csv is 3 KB, above the about 2 KB here: do this',
    );
    expect(needed).toBe(3000 * 12);
  });

  it('refuses a file longer than the engine holds as text, whatever the memory', () => {
    expect(selectionProblem([{ name: 'huge.csv', size: MAX_TEXT_BYTES + 1 }], Infinity)).toBe(
      'huge.csv is 512 MB, longer than the 512 MB a JavaScript engine can hold as text: split it (for example by year) or filter the export, then load the parts',
    );
    expect(selectionProblem([{ name: 'huge.csv', size: MAX_TEXT_BYTES }], Infinity)).toBeUndefined();
  });
});

describe('a file that streams', () => {
  const enc = (t: string) => new TextEncoder().encode(t);
  const REFUSAL_END =
    'this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory';

  it('is a canonical leads, activities or touches CSV file whose first line has a comma', () => {
    expect(['leads.csv', 'Activities.CSV', 'export/touches.csv'].map(streamsByName)).toEqual([true, true, true]);
    expect(['accounts.csv', 'leads.parquet', 'my_leads.csv', 'leads.json'].map(streamsByName)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(sampleStreams(enc('id,created_at\nL1,2026-01-01\n'))).toBe(true);
    // Semicolons, no line break within the sample, a UTF-16 byte-order mark: read whole.
    expect(sampleStreams(enc('id;created_at\nL1;2026-01-01\n'))).toBe(false);
    expect(sampleStreams(enc('id,created_at'))).toBe(false);
    expect(sampleStreams(new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x2c, 0x00, 0x0a, 0x00]))).toBe(false);
    expect(sizedFromSample('leads.csv', 1000, enc('id,b\n'))).toEqual({
      name: 'leads.csv',
      size: 1000,
      fieldsPerByte: 0.4,
      streamed: true,
    });
    expect(sizedFromSample('accounts.csv', 1000, enc('id,b\n')).streamed).toBeUndefined();
  });

  it('is sampled so from a Blob', async () => {
    expect((await sizedBlob(new File(['id,b\nL1,x\n'], 'leads.csv'))).streamed).toBe(true);
    expect((await sizedBlob(new File(['id;b\nL1;x\n'], 'leads.csv'))).streamed).toBeUndefined();
  });

  it('needs 5 bytes of memory per byte of a typical file, more in proportion for short fields', () => {
    expect(STREAMED_BYTES_PER_INPUT_BYTE).toBe(5);
    // 1,000 bytes × 5; at 0.2 fields per byte, twice a typical file's: 1,000 × 5 × 2.
    expect(memoryNeeded({ name: 'leads.csv', size: 1000, streamed: true })).toBe(5000);
    expect(memoryNeeded({ name: 'leads.csv', size: 1000, fieldsPerByte: 0.05, streamed: true })).toBe(5000);
    expect(memoryNeeded({ name: 'leads.csv', size: 1000, fieldsPerByte: 0.2, streamed: true })).toBeCloseTo(10_000, 9);
    // Read whole (a mapping): 1,000 × 12.
    expect(memoryNeeded(readWhole([{ name: 'leads.csv', size: 1000, streamed: true }])[0]!)).toBe(12_000);
  });

  // The demo company at 1M leads: 8 canonical files, 671 MiB, activities.csv 370 MiB; leads.csv and
  // touches.csv in the proportions of the generated company (28% and 10%).
  const folder = (names: (n: string) => string, streamed: boolean): SizedFile[] =>
    [
      ['activities.csv', 370 * MIB, true],
      ['leads.csv', 189 * MIB, true],
      ['touches.csv', 69 * MIB, true],
      ['accounts.csv', 14 * MIB, false],
      ['opportunity_history.csv', 13 * MIB, false],
      ['opportunities.csv', 9 * MIB, false],
      ['opportunity_stages.csv', 7 * MIB, false],
      ['plan.csv', 26 * 1024, false],
    ].map(([name, size, streams]) => {
      const f = { name: names(name as string), size: size as number };
      return streamed && streams ? { ...f, streamed: true } : f;
    });
  // Chromium with a 4,192 MiB heap, 4 MiB in use: 4,188 MiB / 12 = 349 MiB of typical files.
  const budget = browserMemoryBudget({ memory: { jsHeapSizeLimit: 4192 * MIB, usedJSHeapSize: 4 * MIB } });
  const limit = importLimitBytes(budget);

  it('lets a 1M-lead canonical folder (671 MB) be read under a 4 GB heap', () => {
    expect(formatSize(limit)).toBe('349 MB');
    const files = folder((n) => n, true);
    expect(formatSize(files.reduce((s, f) => s + f.size, 0))).toBe('671 MB');
    // Streamed: (370 + 189 + 69) MiB × 5 = 3,140 MiB; read whole: (14 + 13 + 9 + 7) MiB × 12 = 516
    // MiB and 26 KiB × 12 = 312 KiB. 3,656.3 MiB, as much as 304.7 MiB of typical files ≤ 349 MiB.
    const needed = files.reduce((s, f) => s + memoryNeeded(f), 0);
    expect(needed).toBe(3656 * MIB + 312 * 1024);
    expect(selectionProblem(files, limit)).toBeUndefined();
  });

  it('refuses the same folder read whole: with a mapping, or under names that are not canonical', () => {
    // 671 MiB × 12 = 8,052 MiB, as much as 671 MiB of typical files > 349 MiB.
    const refusal = `These 8 files are 671 MB together (the largest, activities.csv, is 370 MB), above the about 349 MB ${REFUSAL_END}`;
    expect(selectionProblem(readWhole(folder((n) => n, true)), limit)).toBe(refusal);
    // Sampled as typical files (1 comma and 1 line break in 20 bytes: 0.1 field per byte).
    const renamed = folder((n) => `crm_${n}`, false).map((f) =>
      sizedFromSample(f.name, f.size, enc('abcdefghi,abcdefghi\n')),
    );
    expect(renamed.some((f) => f.streamed)).toBe(false);
    expect(selectionProblem(renamed, limit)).toBe(refusal.replace('activities.csv', 'crm_activities.csv'));
  });

  it('says how much less the files that stream need when the selection is still over the limit', () => {
    // 100 MiB of activities × 5 + 20 MiB of accounts × 12 = 740 MiB, as much as 61.7 MiB of typical
    // files, over a 50 MiB limit.
    const files = [
      { name: 'activities.csv', size: 100 * MIB, streamed: true },
      { name: 'accounts.csv', size: 20 * MIB },
    ];
    expect(selectionProblem(files, 50 * MIB)).toBe(
      `These 2 files are 120 MB together (the largest, activities.csv, is 100 MB), needing as much memory to import as about 62 MB of typical CSV (those that stream need less), above the about 50 MB ${REFUSAL_END}`,
    );
  });

  it('is not held to the longest text, which a file read whole still is', () => {
    const huge = { name: 'activities.csv', size: MAX_TEXT_BYTES + 1, streamed: true };
    expect(selectionProblem([huge], Infinity)).toBeUndefined();
    expect(selectionProblem(readWhole([huge]), Infinity)).toMatch(
      /^activities\.csv is 512 MB, longer than the 512 MB a JavaScript engine can hold as text/,
    );
    expect(fallbackProblem('activities.csv', 'it is not plain', readWhole([huge]), Infinity)).toMatch(
      /^activities\.csv cannot be read as it streams \(it is not plain\), so it is read whole: activities\.csv is 512 MB, longer than/,
    );
  });

  it('found not to stream when read, is refused when the selection read whole is over the limit', () => {
    // leads.csv, counted as streaming from its first line, turns out to hold a Windows-1252 byte.
    // 39 bytes with 4 commas and 2 line breaks: 6 fields. Counted as streaming: 39 × 5 × (6 / 39) /
    // 0.1 = 300 bytes, as much as 25 bytes of typical CSV, within a 40-byte limit; read whole:
    // 39 × (8 + 40 × 6 / 39) = 552 bytes, as much as 46, over it.
    const bytes = new Uint8Array([...enc('id,created_at,owner\nL1,2026-01-01,Jos'), 0xe9, ...enc('\n')]);
    expect(bytes.length).toBe(39);
    const file = { name: 'leads.csv', bytes };
    const counted = sizedFromSample('leads.csv', 39, bytes);
    expect(memoryNeeded(counted)).toBeCloseTo(300, 9);
    expect(memoryNeeded(readWhole([counted])[0]!)).toBeCloseTo(552, 9);
    expect(selectionProblem([counted], 40)).toBeUndefined();
    const refused = importFiles([file], { limit: { bytes: 40 } });
    expect(refused.records.leads).toEqual([]);
    const warnings = refused.report.warnings.filter((w) => w.file === 'leads.csv').map((w) => w.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^leads\.csv cannot be read as it streams \(it is not plain UTF-8 comma-separated text with one kind of line ending\), so it is read whole: leads\.csv is 1 KB of short fields \(about 158 per KB\), needing as much memory to import as about 1 KB of typical CSV, above the about 1 KB this device can import at once: .*; not read$/,
    );
    // Under a limit that holds it read whole (46 ≤ 50), it is read, its byte repaired.
    const read = importFiles([file], { limit: { bytes: 50 } });
    expect(read.records.leads.map((l) => l.id)).toEqual(['L1']);
  });

  it('is refused, saying why, when the folder turns out to be read whole as another preset', () => {
    // A leads.csv with HubSpot's columns: 60 bytes, 4 commas and 2 line breaks (0.1 field per byte).
    // Counted as streaming: 60 × 5 = 300 bytes, as much as 25 of typical CSV; read whole as HubSpot:
    // 60 × 12 = 720, as much as 60: over a 40-byte limit, within a 60-byte one.
    const bytes = enc('Contact ID,Lead Status,Last Activity Date\nC1,New,2026-01-01\n');
    expect(bytes.length).toBe(60);
    expect(memoryNeeded(sizedFromSample('leads.csv', 60, bytes))).toBe(300);
    const file = { name: 'leads.csv', bytes };
    const warningsOf = (r: ReturnType<typeof importFiles>) =>
      r.report.warnings.filter((w) => w.file === 'leads.csv').map((w) => w.message);
    const end = `leads.csv is 1 KB, above the about 1 KB ${REFUSAL_END}; not read`;
    // Detected as HubSpot once read.
    expect(warningsOf(importFiles([file], { limit: { bytes: 40 } }))).toContain(
      `leads.csv cannot be read as it streams (the folder is not read as canonical), so it is read whole: ${end}`,
    );
    // Told to read it as HubSpot.
    expect(warningsOf(importFiles([file], { preset: 'hubspot', limit: { bytes: 40 } }))).toContain(
      `leads.csv cannot be read as it streams (the files are read as hubspot), so it is read whole: ${end}`,
    );
    expect(warningsOf(importFiles([file], { limit: { bytes: 60 } })).some((w) => w.includes('not read'))).toBe(false);
  });
});
