/**
 * Streams a file as UTF-8 byte chunks (4 MiB) for the columnar loader, read into one reused buffer
 * as `blobChunks` does in the browser (the first chunks smaller): no decoding, no new buffer per
 * chunk, and never the whole file in memory.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { FIRST_CHUNK } from '../src/import/columnar/blob-chunks';
import type { ScoringFiles } from '../src/import/columnar/load-scoring-columns';

export async function* byteChunks(path: string, size = 4 << 20): AsyncGenerator<Uint8Array, void, undefined> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(size);
    let want = Math.min(size, FIRST_CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, want, null);
      want = Math.min(size, 2 * want);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

export function scoringFiles(dir: string): ScoringFiles {
  return {
    accounts: byteChunks(join(dir, 'accounts.csv')),
    leads: byteChunks(join(dir, 'leads.csv')),
    activities: byteChunks(join(dir, 'activities.csv')),
  };
}

/** leads.csv alone (the 1M-lead canonical CSV of the cold-load target). */
export function leadsFile(dir: string): ScoringFiles {
  return { leads: byteChunks(join(dir, 'leads.csv')) };
}
