/**
 * How many bytes of files one import may read, from the memory it may use. Every file of a
 * selection is held at once (bytes, decoded text, parsed rows, records and report), so the limit is
 * on the selection's total, checked before any byte is read; a selection over it is refused with a
 * message naming its largest file, instead of running the page or the process out of memory.
 */

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * Peak memory of the importer per byte of CSV it reads. Measured by `npm run bench -- --json
 * --sizes 100000,200000` (`importRssPerInputByte`: the median peak resident set of a `revlens
 * import` process over the MiB of CSV of a canonical demo company, Node 20; bench/results/latest.json):
 * 12.5 at 100k leads (826 MB for 66.2 MB of CSV) and 11.6 at 200k (1,526 MB for 131.9 MB), 10.7
 * per added byte between them. The largest ratio is kept, rounded up: it counts the whole process
 * (runtime included), so the limit errs on the side of refusing.
 */
export const IMPORT_BYTES_PER_INPUT_BYTE = 13;

/** Memory assumed when the platform says nothing about it (Firefox, Safari): 1 GiB. */
export const ASSUMED_MEMORY_BYTES = GIB;

/**
 * Share of a device's memory one tab's import may count on. `navigator.deviceMemory` is the whole
 * device (capped at 8 GB by browsers) and is shared with the system, the browser and other tabs.
 */
export const DEVICE_MEMORY_SHARE = 1 / 4;

/**
 * The longest text a JavaScript engine holds (V8: 2^29 − 24 characters). A file is decoded into
 * one string, so a longer file is refused whatever the memory.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** Memory an import may use and where the figure comes from. */
export interface MemoryBudget {
  readonly bytes: number;
  readonly source: 'heap limit' | 'device memory' | 'assumed';
}

/** Chrome's non-standard `performance.memory`. */
export interface HeapMemory {
  readonly jsHeapSizeLimit: number;
  readonly usedJSHeapSize: number;
}

/**
 * The browser's budget: the JavaScript heap left (`performance.memory`, Chromium), else a share of
 * the device's memory (`navigator.deviceMemory`, in GB), else the assumed default.
 */
export function browserMemoryBudget(env: { readonly memory?: HeapMemory; readonly deviceMemoryGb?: number }): MemoryBudget {
  const m = env.memory;
  if (m && Number.isFinite(m.jsHeapSizeLimit) && m.jsHeapSizeLimit > 0) {
    return { bytes: Math.max(0, m.jsHeapSizeLimit - (Number.isFinite(m.usedJSHeapSize) ? m.usedJSHeapSize : 0)), source: 'heap limit' };
  }
  const gb = env.deviceMemoryGb;
  if (gb !== undefined && Number.isFinite(gb) && gb > 0) return { bytes: gb * GIB * DEVICE_MEMORY_SHARE, source: 'device memory' };
  return { bytes: ASSUMED_MEMORY_BYTES, source: 'assumed' };
}

/** `browserMemoryBudget` of the running page or worker. */
export function currentBrowserMemoryBudget(): MemoryBudget {
  const perf = (globalThis as { performance?: { memory?: HeapMemory } }).performance;
  const nav = (globalThis as { navigator?: { deviceMemory?: number } }).navigator;
  return browserMemoryBudget({ memory: perf?.memory, deviceMemoryGb: nav?.deviceMemory });
}

/** Node's budget: the V8 heap left under its limit (`v8.getHeapStatistics()`). */
export function nodeMemoryBudget(heap: { readonly heap_size_limit: number; readonly used_heap_size: number }): MemoryBudget {
  return { bytes: Math.max(0, heap.heap_size_limit - heap.used_heap_size), source: 'heap limit' };
}

/** Bytes of files an import may read with `budget`. */
export function importLimitBytes(budget: MemoryBudget, factor = IMPORT_BYTES_PER_INPUT_BYTE): number {
  return Math.floor(budget.bytes / factor);
}

/** A size for a message: "340 MB", "2.5 MB", "12 KB" (binary units, at least 1 KB when not empty). */
export function formatSize(bytes: number): string {
  if (bytes >= 10 * MIB) return `${Math.round(bytes / MIB).toLocaleString('en-US')} MB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MB`;
  return `${bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : 0} KB`;
}

/** What the Data view says before a read starts. */
export function limitStatement(limit: number, budget: MemoryBudget): string {
  const from =
    budget.source === 'heap limit'
      ? `this browser lets the page use about ${formatSize(budget.bytes)} more`
      : budget.source === 'device memory'
        ? `it counts on a quarter of this device's ${Math.round(budget.bytes / DEVICE_MEMORY_SHARE / GIB)} GB of memory`
        : 'this browser does not say how much memory it has, so 1 GB is assumed';
  return `Files up to about ${formatSize(limit)} in all on this device: an import needs about ${IMPORT_BYTES_PER_INPUT_BYTE} bytes of memory per byte of file, and ${from}.`;
}

export interface SizedFile {
  readonly name: string;
  readonly size: number;
}

/** How a refusal ends: where the limit comes from and what to do. */
export interface LimitAdvice {
  /** "this device can import at once" */
  readonly capacity: string;
  /** What to do, given the memory the selection would need (bytes). */
  readonly remedy: (neededBytes: number) => string;
}

/** The Data view's (and the import worker's) advice. */
export const BROWSER_ADVICE: LimitAdvice = {
  capacity: 'this device can import at once',
  remedy: () => 'load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
};

/**
 * Why a selection cannot be read, naming the file, or undefined when it may be. A file longer than
 * the engine's longest text is refused whatever the memory; otherwise the selection's total is
 * compared with `limit`.
 */
export function selectionProblem(files: readonly SizedFile[], limit: number, advice: LimitAdvice = BROWSER_ADVICE): string | undefined {
  const tooLong = files.find((f) => f.size > MAX_TEXT_BYTES);
  if (tooLong) {
    return `${tooLong.name} is ${formatSize(tooLong.size)}, longer than the ${formatSize(MAX_TEXT_BYTES)} a JavaScript engine can hold as text: split it (for example by year) or filter the export, then load the parts`;
  }
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total <= limit) return undefined;
  const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
  const what =
    files.length === 1
      ? `${largest.name} is ${formatSize(largest.size)}`
      : `These ${files.length} files are ${formatSize(total)} together (the largest, ${largest.name}, is ${formatSize(largest.size)})`;
  return `${what}, above the about ${formatSize(limit)} ${advice.capacity}: ${advice.remedy(total * IMPORT_BYTES_PER_INPUT_BYTE)}`;
}
