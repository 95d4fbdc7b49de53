/** Streams a file as UTF-8 text chunks (4 MiB), for the columnar loader. */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { ScoringFiles } from '../src/import/columnar/load-scoring-columns';

export function textChunks(path: string): AsyncIterable<string> {
  return createReadStream(path, { encoding: 'utf8', highWaterMark: 4 << 20 }) as AsyncIterable<string>;
}

export function scoringFiles(dir: string): ScoringFiles {
  return {
    accounts: textChunks(join(dir, 'accounts.csv')),
    leads: textChunks(join(dir, 'leads.csv')),
    activities: textChunks(join(dir, 'activities.csv')),
  };
}
