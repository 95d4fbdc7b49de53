/**
 * The one scheduler of the engine requests a dragged slider makes on every move.
 *
 * - Latest value wins: a request whose `signal` aborts before it starts (React Query cancels the
 *   query of a value the slider moved past) never reaches the engine.
 * - One at a time: the engine cannot stop a computation half-way, so it is never handed a queue.
 * - Paced: a family's requests start at most every `paceMs`; the newest value waiting when its time
 *   comes goes. The figures a drag shows, and the renders they cost the main thread, come at a steady
 *   pace however fast the pointer moves.
 */

/** When each family may next let a request through (performance.now() ms). */
const nextSlot = new Map<string, number>();
let turn: Promise<unknown> = Promise.resolve();

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `task` once its family's pace allows and every request let through before it has settled; never if `signal` aborts first. */
export async function inTurn<T>(
  family: string,
  paceMs: number,
  task: () => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  signal.throwIfAborted();
  const wait = (nextSlot.get(family) ?? Number.NEGATIVE_INFINITY) - performance.now();
  if (wait > 0) await delay(wait, signal);
  signal.throwIfAborted();
  // Through: the family's next request waits a pace from now, even while this one waits its turn.
  nextSlot.set(family, performance.now() + paceMs);
  const run = turn.then(() => {
    signal.throwIfAborted();
    return task();
  });
  turn = run.catch(() => undefined);
  return run;
}
