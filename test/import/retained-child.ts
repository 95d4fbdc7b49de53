/**
 * Run by test/import/retained.test.ts in a Node process of its own (as `revlens import` runs), not
 * in the test runner, whose instrumentation can keep a step's scope alive past it: imports a demo
 * company's files given by `read` (and `readRange` with the argument `ranged`), each file's bytes of
 * a class of their own, so that those still referenced are told apart by file (`queryObjects`
 * collects garbage first). Prints, as JSON, each read with the other files whose bytes were then
 * still referenced, those still referenced once the import is done and collected, and each file's
 * size.
 */
import { queryObjects } from 'node:v8';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles, type ImportFile } from '../../src/import/pipeline';
import { SAMPLE_BYTES, sizedFromSample } from '../../src/import/source/memory-limit';

const ranged = process.argv.includes('ranged');
const enc = new TextEncoder();
const written = writeCanonicalCsv(generateDemoCompany({ seed: 3, leads: 300 }).records);
class FileBytes extends Uint8Array {}
const kindName = (name: string) => `bytes_of_${name.replace(/\W/g, '_')}`;
const kinds = new Map(
  Object.keys(written).map((name) => [name, { [kindName(name)]: class extends FileBytes {} }[kindName(name)]!]),
);
const live = () => {
  const found = queryObjects(FileBytes, { format: 'summary' }) as string[];
  return [...kinds.keys()].filter((name) => found.some((d) => d.startsWith(`${kindName(name)}(`)));
};
const reads: { read: string; othersLive: string[] }[] = [];
const give = (name: string, encoded: Uint8Array, how: string) => {
  reads.push({ read: `${name} ${how}`, othersLive: live().filter((other) => other !== name) });
  const bytes = new (kinds.get(name)!)(encoded.byteLength);
  bytes.set(encoded);
  return bytes;
};

function run(): number {
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
  return importFiles(files, { now: Date.UTC(2026, 10, 20) }).records.streamed?.activities?.count ?? 0;
}

const activities = run();
// Let the current job end (WeakRef targets and the like stay alive until it does), then look.
await new Promise((resolve) => setTimeout(resolve, 0));
const sizes = Object.fromEntries(Object.entries(written).map(([name, text]) => [name, enc.encode(text).byteLength]));
process.stdout.write(JSON.stringify({ activities, reads, liveAfter: live(), sizes }));
