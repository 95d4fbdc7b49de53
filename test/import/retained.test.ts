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

/** A file's bytes as `ImportFile.read` gives them: counted, alive or not, by `queryObjects`. */
class FileBytes extends Uint8Array {}

describe('an import of files given by read()', () => {
  it("holds one file's bytes at a time: each file's are collectable once it is opened or its table read", () => {
    const enc = new TextEncoder();
    const written = writeCanonicalCsv(generateDemoCompany({ seed: 3, leads: 300 }).records);
    // Live file bytes (any file's, subarrays included) each time the import asks for a file's bytes.
    const liveAtRead: { name: string; live: number }[] = [];
    const files: ImportFile[] = Object.entries(written).map(([name, text]) => {
      const encoded = enc.encode(text);
      return {
        name,
        sized: sizedFromSample(name, encoded.byteLength, encoded.subarray(0, SAMPLE_BYTES)),
        read: () => {
          // queryObjects collects garbage first: what it counts is still referenced.
          liveAtRead.push({ name, live: queryObjects(FileBytes, { format: 'count' }) as number });
          const bytes = new FileBytes(encoded.byteLength);
          bytes.set(encoded);
          return bytes;
        },
      };
    });
    const result = importFiles(files, { now: Date.UTC(2026, 10, 20) });
    expect(result.records.streamed?.activities?.count).toBeGreaterThan(0);
    // The large files are read again for each pass over their rows (opened, dates sampled, read).
    for (const name of ['leads.csv', 'activities.csv', 'touches.csv'])
      expect(liveAtRead.filter((r) => r.name === name).length).toBeGreaterThan(1);
    expect(liveAtRead.filter((r) => r.live > 0)).toEqual([]);
    expect(queryObjects(FileBytes, { format: 'count' })).toBe(0);
  });

  it("with readRange too: whenever a file's bytes are read, no other file's are still referenced", () => {
    const enc = new TextEncoder();
    const written = writeCanonicalCsv(generateDemoCompany({ seed: 3, leads: 300 }).records);
    // Each file's bytes of a class of their own, so that those alive are told apart by file.
    const kinds = new Map(Object.keys(written).map((name) => [name, class extends Uint8Array {}]));
    const othersLive: string[] = [];
    const reads: string[] = [];
    const give = (name: string, encoded: Uint8Array, how: string) => {
      reads.push(`${name} ${how}`);
      for (const [other, kind] of kinds) {
        if (other !== name && (queryObjects(kind, { format: 'count' }) as number) > 0)
          othersLive.push(`${other} at ${name} ${how}`);
      }
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
        readRange: (position, length) =>
          give(name, encoded.subarray(position, Math.min(encoded.byteLength, position + length)), 'readRange'),
      };
    });
    const result = importFiles(files, { now: Date.UTC(2026, 10, 20) });
    expect(result.records.streamed?.activities?.count).toBeGreaterThan(0);
    // The large files' rows were read by range.
    for (const name of ['leads.csv', 'activities.csv', 'touches.csv']) expect(reads).toContain(`${name} readRange`);
    expect(othersLive).toEqual([]);
    expect([...kinds.values()].map((kind) => queryObjects(kind, { format: 'count' }))).toEqual(
      [...kinds.keys()].map(() => 0),
    );
  });
});
