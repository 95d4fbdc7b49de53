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
} from '../../src/import/source/memory-limit';

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
      'Files up to about 333 MB in all on this device: an import needs about 12 bytes of memory per byte of a typical file (more for short fields), and this browser lets the page use about 4,000 MB more.',
    );
    const device = browserMemoryBudget({ deviceMemoryGb: 8 });
    expect(limitStatement(importLimitBytes(device), device)).toBe(
      "Files up to about 171 MB in all on this device: an import needs about 12 bytes of memory per byte of a typical file (more for short fields), and it counts on a quarter of this device's 8 GB of memory.",
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
