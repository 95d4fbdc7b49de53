/**
 * What an import keeps alive: the app keeps a loaded company's records (for exports) as long as
 * the dataset, so they must not hold on to the files they were read from — at a million leads
 * that is hundreds of megabytes of file bytes kept for nothing.
 */
import { queryObjects, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles, type ImportFile } from '../../src/import/pipeline';
import { SAMPLE_BYTES, sizedFromSample } from '../../src/import/source/memory-limit';

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

/**
 * Imports a demo company's files given by `read` (and `readRange` when `ranged`), each file's bytes
 * of a class of their own so that those still referenced are told apart by file (`queryObjects`
 * collects garbage first): whenever a file's bytes are asked for, the files whose bytes are then
 * still referenced are noted.
 */
function importByRead(ranged: boolean) {
  const enc = new TextEncoder();
  const written = writeCanonicalCsv(generateDemoCompany({ seed: 3, leads: 300 }).records);
  // Each file's bytes of a class of their own, named after it: one query says whose are alive.
  class FileBytes extends Uint8Array {}
  const kindName = (name: string) => `bytes_of_${name.replace(/\W/g, '_')}`;
  const kinds = new Map(
    Object.keys(written).map((name) => [name, { [kindName(name)]: class extends FileBytes {} }[kindName(name)]!]),
  );
  // queryObjects collects garbage first: what it lists is still referenced.
  const live = () => {
    const found = queryObjects(FileBytes, { format: 'summary' }) as string[];
    return [...kinds.keys()].filter((name) => found.some((d) => d.startsWith(`${kindName(name)}(`)));
  };
  // At each read, the other files whose bytes are still referenced.
  const othersLive: string[][] = [];
  const reads: string[] = [];
  const give = (name: string, encoded: Uint8Array, how: string) => {
    reads.push(`${name} ${how}`);
    othersLive.push(live().filter((other) => other !== name));
    const bytes = new (kinds.get(name)!)(encoded.byteLength);
    bytes.set(encoded);
    return bytes;
  };
  const files: ImportFile[] = Object.entries(written).map(([name, text]) => {
    const encoded = enc.encode(text);
    return {
      name,
      sized: sizedFromSample(name, encoded.byteLength, encoded.subarray(0, SAMPLE_BYTES)),
      read: () => give(name, encoded, 'read'),
      ...(ranged
        ? {
            readRange: (position: number, length: number) =>
              give(name, encoded.subarray(position, Math.min(encoded.byteLength, position + length)), 'readRange'),
          }
        : {}),
    };
  });
  const result = importFiles(files, { now: Date.UTC(2026, 10, 20) });
  return { result, reads, othersLive, liveAfter: live };
}

describe('an import of files given by read()', () => {
  it("never holds every file's bytes: when a file's are read, at most one other file's are still referenced", async () => {
    const { result, reads, othersLive, liveAfter } = importByRead(false);
    expect(result.records.streamed?.activities?.count).toBeGreaterThan(0);
    // The large files are read again for each pass over their rows (opened, dates sampled, read).
    for (const name of ['leads.csv', 'activities.csv', 'touches.csv'])
      expect(reads.filter((r) => r === `${name} read`).length).toBeGreaterThan(1);
    // Nothing in the import keeps a file's bytes past the step that reads them, but compiled code
    // may hold the scope of the last step that read another file until its next collection.
    expect(othersLive.filter((others) => others.length > 1)).toEqual([]);
    await collect();
    expect(liveAfter()).toEqual([]);
  });

  it('with readRange too: a large file is read whole once (opened), then a window at a time', () => {
    const { result, reads } = importByRead(true);
    expect(result.records.streamed?.activities?.count).toBeGreaterThan(0);
    for (const name of ['leads.csv', 'activities.csv', 'touches.csv']) {
      expect(reads.filter((r) => r === `${name} read`)).toHaveLength(1);
      expect(reads).toContain(`${name} readRange`);
    }
  });
});
