/**
 * Importing your own files in two steps: `previewImport` reads and validates them and returns the
 * report (nothing replaced yet); `commitImport` installs the previewed records as the dataset. The
 * mapping screen calls `remapImport` with the user's mapping on the files already read.
 */
import { activityCount, leadCount } from '../../engine/model/records';
import { currencyUses, type CurrencyUse } from '../../engine/model/currency';
import type { Mapping } from '../../import/mapping/schema';
import {
  importFiles,
  isUsable,
  rejectedRows,
  type ImportFile,
  type ImportMode,
  type ImportResult,
  type UnmappedFile,
} from '../../import/pipeline';
import { PRESET_BY_ID, type PresetId } from '../../import/presets/registry';
import type { ImportReport } from '../../import/report';
import type { EngineState } from '../state';
import { install, type DatasetSummary } from './data';
import { LeadsFunnelStream, type LeadsFunnelSnapshot } from '../../import/leads-funnel-stream';
import { BROWSER_ADVICE, currentBrowserMemoryBudget, importLimitBytes } from '../../import/source/memory-limit';
import {
  ImportCancelled,
  readBlobs,
  syncFileReader,
  withoutHeldBytes,
  readUrl,
  type CancelToken,
  type ChunkWatcher,
  type ProgressFn,
} from './import-read';

/**
 * Counts the stage funnel of the first canonical leads file among the files being read, chunk by
 * chunk, and adds its snapshot to every progress report from then on: the import screen shows the
 * funnel from the first chunks instead of after the whole read.
 */
function liveFunnel(progress: ProgressFn | undefined): { watch: ChunkWatcher; progress: ProgressFn | undefined } {
  let leads: { name: string; stream: LeadsFunnelStream } | null = null;
  let current: LeadsFunnelStream | null = null;
  let snapshot: LeadsFunnelSnapshot | undefined;
  const watch: ChunkWatcher = {
    start(name, size) {
      current = leads === null && /\.(csv|txt)$/i.test(name) ? new LeadsFunnelStream(size) : null;
    },
    bytes(name, chunk) {
      if (!current) return;
      current.pushBytes(chunk);
      if (!current.relevant) current = null;
      else if (current.isLeads) {
        // Claimed only once its header shows a leads file (a first chunk may end inside the header).
        leads ??= { name, stream: current };
        if (leads.stream === current) snapshot = current.snapshot();
      }
    },
    end() {
      if (!current) return;
      current.end();
      if (current.relevant && leads?.stream === current) snapshot = current.snapshot();
      current = null;
    },
  };
  return { watch, progress: progress && ((p) => progress(snapshot ? { ...p, funnel: snapshot } : p)) };
}

export interface ImportPreview {
  /** Pass to commitImport / remapImport. */
  readonly id: number;
  readonly mode: ImportMode;
  readonly files: readonly string[];
  readonly report: ImportReport;
  readonly counts: {
    readonly accounts: number;
    readonly leads: number;
    readonly activities: number;
    readonly opportunities: number;
    readonly touches: number;
  };
  /** At least one lead or opportunity was accepted: the import can replace the dataset. */
  readonly usable: boolean;
  /** The plan currency the loaded figures of money would be in. */
  readonly currency: string;
  /**
   * Each currency the opportunities' amounts are in, and what loading would do with it (plan,
   * converted at a rate read, or left out of money for want of one).
   */
  readonly currencies: readonly CurrencyUse[];
  readonly unmapped: readonly UnmappedFile[];
}

export interface ImportSettings {
  readonly preset?: PresetId;
  readonly mapping?: Mapping;
  /**
   * Bytes of files this import may read (the limit the Data view states, from the page's memory);
   * default: the worker's own estimate (see src/import/source/memory-limit.ts).
   */
  readonly limitBytes?: number;
}

/** The limit of one import: the caller's, else the worker's own estimate. */
function limitOf(settings: ImportSettings | undefined): number {
  return settings?.limitBytes ?? importLimitBytes(currentBrowserMemoryBudget());
}

export interface ImportHandlers {
  /** Reads Files (bytes counted as they arrive) and previews the import. */
  previewFiles(files: readonly File[], settings?: ImportSettings, progress?: ProgressFn): Promise<ImportPreview>;
  /** Fetches one URL (no credentials, size cap, timeout) and previews the import. */
  previewUrl(url: string, settings?: ImportSettings, progress?: ProgressFn): Promise<ImportPreview>;
  /** Reads already-decoded files (tests, CLI-like callers). */
  previewInputs(files: readonly ImportFile[], settings?: ImportSettings): Promise<ImportPreview>;
  /** Re-reads the previewed files with a mapping. */
  remapImport(id: number, mapping: Mapping): Promise<ImportPreview>;
  /** Replaces the current dataset with the previewed one. */
  commitImport(id: number): Promise<DatasetSummary>;
  /** Stops a read in progress (between chunks); the current dataset is unchanged. */
  cancelImport(): Promise<void>;
  /** The preview's rejected rows (file, row, column, value, reason, the source row as it was). */
  rejectedRows(id: number): Promise<{ header: string[]; rows: string[][] }>;
  /** Forgets a preview. */
  discardImport(id: number): Promise<void>;
}

interface Pending {
  readonly id: number;
  readonly files: readonly ImportFile[];
  /** The limit the files were read under (bytes of typical files). */
  readonly limit: number;
  result: ImportResult;
}

export function importHandlers(state: EngineState, clock: () => number = Date.now): ImportHandlers {
  let pending: Pending | null = null;
  let nextId = 1;
  let token: CancelToken = { cancelled: false };

  const preview = (p: Pending): ImportPreview => {
    const { records, report, mode, unmapped } = p.result;
    return {
      id: p.id,
      mode,
      files: p.files.map((f) => f.name),
      report,
      counts: {
        accounts: records.accounts.length,
        leads: leadCount(records),
        activities: activityCount(records),
        opportunities: records.opportunities.length,
        touches: records.touches.length,
      },
      usable: isUsable(records),
      currency: records.plan.currency,
      currencies: currencyUses(records),
      unmapped,
    };
  };

  const run = (files: readonly ImportFile[], settings: ImportSettings = {}, progress?: ProgressFn): ImportPreview => {
    progress?.({ phase: 'parsing', file: files.map((f) => f.name).join(', '), loaded: 0, total: null });
    const name = files.length === 1 ? files[0]!.name.replace(/\.[^.]*$/, '') : 'Imported dataset';
    const limit = limitOf(settings);
    const result = importFiles(files, {
      preset: settings.preset,
      mapping: settings.mapping,
      now: clock(),
      name,
      limit: { bytes: limit, advice: BROWSER_ADVICE },
    });
    // Files that can be read again let their bytes go: the mapping screen's import reads them again.
    pending = { id: nextId++, files: files.map(withoutHeldBytes), limit, result };
    progress?.({ phase: 'done', file: '', loaded: 0, total: null });
    return preview(pending);
  };

  const guarded = async <T>(work: (t: CancelToken) => Promise<T>): Promise<T> => {
    token = { cancelled: false };
    const mine = token;
    const out = await work(mine);
    if (mine.cancelled) throw new ImportCancelled();
    return out;
  };

  return {
    previewFiles: (files, settings, progress) =>
      guarded(async (t) => {
        const live = liveFunnel(progress);
        const whole =
          settings?.mapping !== undefined || (settings?.preset !== undefined && !PRESET_BY_ID[settings.preset].streams);
        const read = await readBlobs(files, t, limitOf(settings), {
          progress: live.progress,
          watch: live.watch,
          whole,
          reread: syncFileReader(),
        });
        return run(read, settings, live.progress);
      }),
    previewUrl: (url, settings, progress) =>
      guarded(async (t) => {
        const live = liveFunnel(progress);
        return run(
          [await readUrl(url, t, limitOf(settings), live.progress, { watch: live.watch })],
          settings,
          live.progress,
        );
      }),
    async previewInputs(files, settings) {
      return run(files, settings);
    },
    async remapImport(id, mapping) {
      if (!pending || pending.id !== id) throw new Error('This preview has expired: load the files again.');
      pending.result = importFiles(pending.files, {
        mapping,
        now: clock(),
        name: pending.result.records.name,
        limit: { bytes: pending.limit, advice: BROWSER_ADVICE },
      });
      return preview(pending);
    },
    async commitImport(id) {
      if (!pending || pending.id !== id) throw new Error('This preview has expired: load the files again.');
      const { records, report } = pending.result;
      if (!isUsable(records))
        throw new Error(
          'Nothing usable was read: no lead or opportunity row was accepted, so the current dataset is kept.',
        );
      const files = pending.files.map((f) => f.name);
      pending = null;
      return install(state, records, report, { kind: 'files', files }, null);
    },
    async cancelImport() {
      token.cancelled = true;
    },
    async rejectedRows(id) {
      if (!pending || pending.id !== id) throw new Error('This preview has expired: load the files again.');
      return rejectedRows(pending.result);
    },
    async discardImport(id) {
      if (pending?.id === id) pending = null;
    },
  };
}
