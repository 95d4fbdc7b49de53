/**
 * The import limit of the command line: the V8 heap left under its limit, over the importer's
 * measured memory per byte of file (see src/import/source/memory-limit.ts). A selection over it is
 * refused before any file is read, with the heap size that would read it.
 */
import { getHeapStatistics } from 'node:v8';
import { formatSize, importLimitBytes, nodeMemoryBudget, type LimitAdvice } from '../import/source/memory-limit';

const MIB = 1024 * 1024;

export interface NodeImportLimit {
  /** Bytes of files one import may read. */
  readonly bytes: number;
  readonly advice: LimitAdvice;
}

/** The limit under heap statistics `heap` (default: this process's). */
export function nodeImportLimit(
  heap: { heap_size_limit: number; used_heap_size: number } = getHeapStatistics(),
): NodeImportLimit {
  return {
    bytes: importLimitBytes(nodeMemoryBudget(heap)),
    advice: {
      capacity: `this Node process can import at once (its heap limit is ${formatSize(heap.heap_size_limit)})`,
      remedy: (needed) => {
        // Whole GiB above what is in use plus what the import needs.
        const mb = Math.ceil((heap.used_heap_size + needed) / MIB / 1024) * 1024;
        return `run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=${mb} in the environment, or read fewer files at a time`;
      },
    },
  };
}
