/**
 * The import figures of one size, each over `runs` runs: `importMs`, the whole canonical company
 * (leads, accounts, activities, touches, opportunities, their stages and history, plan) read from
 * disk and checked through `revlens import`'s entry point, which calls the app's importer
 * (`importFiles`, as the import worker handler does), report included; and `importPeakRssMb`, the
 * peak resident memory of that process. Each run is a fresh child process (./import-child.ts), so
 * neither figure carries memory or JIT state from an earlier phase or run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type Timing } from './stats';

export interface ImportFigures {
  readonly importMs: Timing | null;
  readonly importPeakRssMb: Timing | null;
  /** MiB of the CSV files read. */
  readonly importInputMb: number;
  /** Peak RSS per input byte (median run): the figure the import's memory limit is derived from. */
  readonly importRssPerInputByte: number | null;
  /** Why a figure is null. */
  readonly importNote?: string;
}

interface ChildRun {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly rowsRead: number;
  readonly refused: readonly string[];
}

/** Heap of the child: the bench's own, so the importer's memory limit is what stops a size. */
const CHILD_HEAP_MB = 12000;

function runChild(dir: string): ChildRun {
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), dir],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0)
    throw new Error(`The import of ${dir} failed (exit ${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildRun;
}

export async function measureImport(
  dir: string,
  _leads: number,
  runs: number,
  log: (line: string) => void,
): Promise<ImportFigures> {
  const inputBytes = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  const importInputMb = Math.round((inputBytes / 1024 / 1024) * 10) / 10;
  const done: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = runChild(dir);
    if (run.refused.length > 0) {
      return {
        importMs: null,
        importPeakRssMb: null,
        importInputMb,
        importRssPerInputByte: null,
        importNote: `refused by the importer's memory limit: ${run.refused.join('; ')}`,
      };
    }
    done.push(run);
    log(
      `  import run ${i + 1}/${runs}: ${Math.round(run.ms)} ms (cpu ${Math.round(run.cpuMs)}), peak RSS ${run.peakRssMb} MB, ${run.rowsRead.toLocaleString('en-US')} rows`,
    );
  }
  const importPeakRssMb = summarize(done.map((r) => r.peakRssMb));
  return {
    importMs: { ...summarize(done.map((r) => r.ms)), cpuMedian: summarize(done.map((r) => r.cpuMs)).median },
    importPeakRssMb,
    importInputMb,
    importRssPerInputByte: Math.round((importPeakRssMb.median / (inputBytes / 1024 / 1024)) * 10) / 10,
  };
}
