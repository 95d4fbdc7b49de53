import { describe, expect, it } from 'vitest';
import {
  ASSUMED_MEMORY_BYTES,
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
    expect(browserMemoryBudget({ memory: { jsHeapSizeLimit: 4096 * MIB, usedJSHeapSize: 96 * MIB }, deviceMemoryGb: 2 })).toEqual({
      bytes: 4000 * MIB,
      source: 'heap limit',
    });
  });

  it('is a quarter of the device memory when only navigator.deviceMemory is known, else 1 GiB', () => {
    expect(browserMemoryBudget({ deviceMemoryGb: 8 })).toEqual({ bytes: 2 * GIB, source: 'device memory' });
    // A heap limit of 0 says nothing: the device memory is used.
    expect(browserMemoryBudget({ memory: { jsHeapSizeLimit: 0, usedJSHeapSize: 0 }, deviceMemoryGb: 4 })).toEqual({ bytes: GIB, source: 'device memory' });
    expect(browserMemoryBudget({})).toEqual({ bytes: ASSUMED_MEMORY_BYTES, source: 'assumed' });
    expect(ASSUMED_MEMORY_BYTES).toBe(GIB);
  });

  it('in Node is the V8 heap left under its limit', () => {
    expect(nodeMemoryBudget({ heap_size_limit: 4144 * MIB, used_heap_size: 48 * MIB })).toEqual({ bytes: 4096 * MIB, source: 'heap limit' });
    expect(nodeMemoryBudget({ heap_size_limit: 10, used_heap_size: 20 }).bytes).toBe(0);
  });
});

describe('the import limit', () => {
  it('is the budget over the measured bytes of memory per byte of file', () => {
    expect(IMPORT_BYTES_PER_INPUT_BYTE).toBe(13);
    // 4,000 MiB / 13 = 307.7 MiB, floored to whole bytes.
    expect(importLimitBytes({ bytes: 4000 * MIB, source: 'heap limit' })).toBe(Math.floor((4000 * MIB) / 13));
    expect(formatSize(importLimitBytes({ bytes: 4000 * MIB, source: 'heap limit' }))).toBe('308 MB');
    // 1 GiB / 13 = 78.8 MiB; 2 GiB / 13 = 157.5 MiB.
    expect(formatSize(importLimitBytes({ bytes: GIB, source: 'assumed' }))).toBe('79 MB');
    expect(formatSize(importLimitBytes({ bytes: 2 * GIB, source: 'device memory' }))).toBe('158 MB');
    expect(importLimitBytes({ bytes: 1200, source: 'assumed' }, 10)).toBe(120);
  });

  it('is stated in words, with where the memory figure comes from', () => {
    const heap = { bytes: 4000 * MIB, source: 'heap limit' } as const;
    expect(limitStatement(importLimitBytes(heap), heap)).toBe(
      'Files up to about 308 MB in all on this device: an import needs about 13 bytes of memory per byte of file, and this browser lets the page use about 4,000 MB more.',
    );
    const device = browserMemoryBudget({ deviceMemoryGb: 8 });
    expect(limitStatement(importLimitBytes(device), device)).toBe(
      "Files up to about 158 MB in all on this device: an import needs about 13 bytes of memory per byte of file, and it counts on a quarter of this device's 8 GB of memory.",
    );
    const assumed = browserMemoryBudget({});
    expect(limitStatement(importLimitBytes(assumed), assumed)).toMatch(/^Files up to about 79 MB in all on this device: .*does not say how much memory it has, so 1 GB is assumed\.$/);
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

describe('a selection over the limit', () => {
  const limit = 100 * MIB;

  it('is accepted up to the limit exactly, refused one byte above it', () => {
    expect(selectionProblem([{ name: 'leads.csv', size: limit }], limit)).toBeUndefined();
    expect(selectionProblem([{ name: 'leads.csv', size: 60 * MIB }, { name: 'accounts.csv', size: 40 * MIB }], limit)).toBeUndefined();
    expect(selectionProblem([{ name: 'leads.csv', size: limit + 1 }], limit)).toBe(
      'leads.csv is 100 MB, above the about 100 MB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
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

  it('passes the memory the selection needs (its bytes × the factor) to the remedy', () => {
    let needed = 0;
    const advice = { capacity: 'here', remedy: (n: number) => ((needed = n), 'do this') };
    expect(selectionProblem([{ name: 'a.csv', size: 3000 }], 2048, advice)).toBe('a.csv is 3 KB, above the about 2 KB here: do this');
    expect(needed).toBe(3000 * 13);
  });

  it('refuses a file longer than the engine holds as text, whatever the memory', () => {
    expect(selectionProblem([{ name: 'huge.csv', size: MAX_TEXT_BYTES + 1 }], Infinity)).toBe(
      'huge.csv is 512 MB, longer than the 512 MB a JavaScript engine can hold as text: split it (for example by year) or filter the export, then load the parts',
    );
    expect(selectionProblem([{ name: 'huge.csv', size: MAX_TEXT_BYTES }], Infinity)).toBeUndefined();
  });
});
