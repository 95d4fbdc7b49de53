/**
 * What an import keeps alive: the app keeps a loaded company's records (for exports) as long as
 * the dataset, so they must not hold on to the files they were read from — at a million leads
 * that is hundreds of megabytes of file bytes kept for nothing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles, type ImportFile } from '../../src/import/pipeline';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Lets the current job end (WeakRef targets stay alive until it does), then collects. */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

/** Imports a demo company's files, holding the files' bytes only through WeakRefs. */
function importHeldWeakly() {
  const enc = new TextEncoder();
  const written = writeCanonicalCsv(generateDemoCompany({ seed: 3, leads: 300 }).records);
  const files = Object.entries(written).map(([name, text]) => ({ name, bytes: enc.encode(text) }));
  const refs = files.map((f) => ({ name: f.name, bytes: new WeakRef(f.bytes) }));
  const imported: ImportFile[] = files;
  return { result: importFiles(imported, { now: Date.UTC(2026, 10, 20) }), refs };
}

describe('a streamed import', () => {
  it('keeps its records, not the bytes of the files they were read from', async () => {
    const { result, refs } = importHeldWeakly();
    expect(result.records.streamed?.leads?.count).toBeGreaterThan(250);
    await collect();
    expect(refs.filter((r) => r.bytes.deref() !== undefined).map((r) => r.name)).toEqual([]);
    // The records still make their rows (exports read them).
    expect(result.records.activities.length).toBe(result.records.streamed?.activities?.count);
  });
});

/** The import of ./retained-child.ts, run in a Node process of its own (see there why). */
function importByRead(ranged: boolean): {
  activities: number;
  reads: { read: string; othersLive: string[] }[];
  liveAfter: string[];
  sizes: Record<string, number>;
} {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./retained-child.ts', import.meta.url)), ...(ranged ? ['ranged'] : [])],
    { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`retained-child.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('an import of files given by read()', () => {
  it("never holds more than the largest file's worth of other files' bytes when a file's are read, and none after", () => {
    const { activities, reads, liveAfter, sizes } = importByRead(false);
    expect(activities).toBeGreaterThan(0);
    // The large files are read again for each pass over their rows (opened, dates sampled, read).
    for (const name of ['leads.csv', 'activities.csv', 'touches.csv'])
      expect(reads.filter((r) => r.read === `${name} read`).length).toBeGreaterThan(1);
    // Nothing in the import keeps a file's bytes past the step that reads them, but compiled code
    // may hold the scope of a step that read another file until its next collection (seen: the
    // leads' and the opportunities' bytes while the stages were read, on a busy machine only). What
    // memory needs is a bound: besides the file being read, never more than the largest file's
    // worth of bytes; none once the import is done.
    const largest = Math.max(...Object.values(sizes));
    const over = reads.filter((r) => r.othersLive.reduce((sum, name) => sum + sizes[name]!, 0) > largest);
    expect(over).toEqual([]);
    expect(liveAfter).toEqual([]);
  });

  it('with readRange too: a large file is read whole once (opened), then a window at a time', () => {
    const { activities, reads } = importByRead(true);
    expect(activities).toBeGreaterThan(0);
    for (const name of ['leads.csv', 'activities.csv', 'touches.csv']) {
      expect(reads.filter((r) => r.read === `${name} read`)).toHaveLength(1);
      expect(reads.map((r) => r.read)).toContain(`${name} readRange`);
    }
  });
});
