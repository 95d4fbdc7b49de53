/**
 * Memory held by a value built by `build`: V8 heap + array buffer backing stores, measured after
 * forced GCs. Array buffer backing stores are freed by a sweeper after the GC, so the measure waits
 * for it to settle; without the wait, garbage buffers of growing arrays would still be counted.
 * Node's `external` leaves SharedArrayBuffers out (the columns the scoring pool reads live in them
 * where shared memory exists), so the buffers are counted by `arrayBuffers`, which holds both kinds;
 * the rest of `external` does not grow with a company.
 */
const gc = (globalThis as { gc?: () => void }).gc;

async function used(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export const canMeasureMemory = gc !== undefined;

export async function retainedBytes<T>(build: () => Promise<T>): Promise<{ value: T; bytes: number }> {
  const before = await used();
  const value = await build();
  const bytes = (await used()) - before;
  return { value, bytes };
}
