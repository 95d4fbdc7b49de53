import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/context';
import { importPaths, readFilesAt } from '../../src/cli/load-dataset';
import { nodeImportLimit } from '../../src/cli/memory';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KIB = 1024;
const MIB = 1024 * KIB;
const options = { json: false, flags: {} };

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'revlens-limit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A header and `rows` rows of 21 bytes and 3 fields each: 1/7 field per byte. */
const leadsCsv = (rows: number) =>
  `id,created_at,source\n${Array.from({ length: rows }, (_, i) => `L${String(i).padStart(4, '0')},2026-01-05,web\n`).join('')}`;

describe('revlens import under a memory limit', () => {
  const refusal = (opts: typeof options, limit: ReturnType<typeof nodeImportLimit>): CliError => {
    const dir = folder({ 'leads.csv': leadsCsv(300), 'plan.csv': 'quarter,quota_usd\n2026-Q1,100000\n' });
    let error: unknown;
    try {
      importPaths([dir], opts, Date.now(), limit);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  };

  it('refuses a selection over the limit before reading it, naming the largest file and the heap to ask for', () => {
    // leads.csv: 301 lines of 21 bytes = 6,321 bytes at 1/7 field per byte, read as it streams:
    // 6,321 × 5 × (1/7) / 0.1 = 45,150 bytes of memory. plan.csv, read whole: 33 bytes, 4 fields:
    // 33 × (8 + 40 × 4 / 33) = 424. Together 45,574, as much as 45,574 / 12 = 3,798 bytes (4 KB) of
    // typical CSV. Heap limit 48 KiB, 12 KiB in use: 36 KiB / 12 = 3 KiB of typical CSV.
    const limit = nodeImportLimit({ heap_size_limit: 48 * KIB, used_heap_size: 12 * KIB });
    expect(limit.bytes).toBe(3 * KIB);
    const error = refusal(options, limit);
    // Needed: 12 KiB in use + 45,574 bytes, well under 1 GiB, so 1024 MB is asked for.
    expect(error.message).toBe(
      'These 2 files are 6 KB together (the largest, leads.csv, is 6 KB), needing as much memory to import as about 4 KB of typical CSV (those that stream need less), above the about 3 KB this Node process can import at once (its heap limit is 48 KB): run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=1024 in the environment, or read fewer files at a time',
    );
    expect(error.exitCode).toBe(1);
  });

  it('counts every file as read whole under another preset than canonical', () => {
    // leads.csv read whole: 6,321 × (8 + 40 / 7) = 86,688, with plan.csv 87,112, as much as 7,259
    // bytes (7 KB) of typical CSV.
    const limit = nodeImportLimit({ heap_size_limit: 48 * KIB, used_heap_size: 12 * KIB });
    expect(refusal({ json: false, flags: { preset: 'hubspot' } }, limit).message).toBe(
      'These 2 files are 6 KB together (the largest, leads.csv, is 6 KB), and their short fields need as much memory to import as about 7 KB of typical CSV, above the about 3 KB this Node process can import at once (its heap limit is 48 KB): run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=1024 in the environment, or read fewer files at a time',
    );
  });

  it('asks for whole GiB above what the selection needs', () => {
    // A selection that needs 1,200 MiB, with 900 MiB in use: 2,100 MiB, rounded up to whole GiB: 3,072.
    const limit = nodeImportLimit({ heap_size_limit: 1000 * MIB, used_heap_size: 900 * MIB });
    expect(limit.advice.remedy(1200 * MIB)).toContain('NODE_OPTIONS=--max-old-space-size=3072');
  });

  it('reads a selection under the limit', () => {
    const dir = folder({ 'leads.csv': leadsCsv(3) });
    const { records } = importPaths(
      [dir],
      options,
      Date.now(),
      nodeImportLimit({ heap_size_limit: 64 * MIB, used_heap_size: 0 }),
    );
    expect(records.leads.map((l) => l.id)).toEqual(['L0000', 'L0001', 'L0002']);
  });

  it('the command refuses with exit 1 and the message under a small Node heap, instead of running out of memory', () => {
    // 1,500,000 leads of 21–24 bytes, about 33 MB, streamed at 5 × (1/7) / 0.1 ≈ 7 bytes per byte:
    // about 230 MB, far more than a 128 MB old space leaves.
    const dir = folder({ 'leads.csv': leadsCsv(1_500_000) });
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=128', '--import', 'tsx', 'src/cli/main.ts', 'import', dir],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^revlens: leads\.csv is 3\d MB, above the about \d+(\.\d)? MB this Node process can import at once \(its heap limit is \d+ MB\): run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=1024 in the environment/,
    );
  }, 30_000);

  it('stops with a message naming the file when a file changed after it was checked, whole or in part', () => {
    const dir = folder({ 'leads.csv': leadsCsv(30) });
    const [leads] = readFilesAt([dir]);
    expect(leads!.readRange!(0, 8)).toHaveLength(8);
    appendFileSync(join(dir, 'leads.csv'), 'L9999,2026-01-06,web\n');
    for (const read of [() => leads!.read!(), () => leads!.readRange!(0, 8)]) {
      let error: unknown;
      try {
        read();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toBe(
        `${join(dir, 'leads.csv')} changed while it was imported: import it again`,
      );
    }
  });
});
