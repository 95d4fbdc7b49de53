/**
 * A single-flight, latest-value-wins scheduler for engine requests that a slider fires on every move.
 *
 * Requests go into lanes (one per query family: the what-if, the status changes…). At most one
 * request of the whole scheduler runs at a time. While one runs, a new request replaces the one
 * waiting in its lane (the replaced one settles with an `AbortError` and never runs); when the running
 * request settles, the waiting lane that started least recently runs its newest request (lanes take
 * turns however their requests are replaced or cancelled and re-made). So the engine never holds a queue
 * of stale values, every lane keeps up with its latest value, and the last value of a drag is always
 * computed. A request whose `signal` aborts while it waits is dropped; once running it holds the
 * scheduler until it settles (the engine cannot stop a computation half-way).
 */

/** The error a request settles with when a newer one replaced it or its signal aborted while it waited. */
export function supersededError(reason = 'Superseded by a newer value'): DOMException {
  return new DOMException(reason, 'AbortError');
}

export function isSupersededError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export interface SingleFlight {
  /** Runs `task` once nothing else of this scheduler runs, unless a newer request on `lane` replaces it first. */
  run<T>(lane: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Requests running: 0 or 1. */
  readonly running: number;
  /** Requests waiting, at most one a lane. */
  readonly waiting: number;
}

interface Waiting {
  readonly task: () => Promise<unknown>;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
  readonly detach: () => void;
}

export function createSingleFlight(): SingleFlight {
  const waiting = new Map<string, Waiting>();
  // When each lane last started a request: the next to run is the waiting lane that started least
  // recently (never = first), so no lane starves even when a query library cancels and re-makes its
  // request on every move, which puts the lane last in `waiting`'s order each time.
  const lastStarted = new Map<string, number>();
  let starts = 0;
  let running = false;

  function pickLane(): string | undefined {
    let best: string | undefined;
    let bestAt = Infinity;
    for (const lane of waiting.keys()) {
      const at = lastStarted.get(lane) ?? -1;
      if (at < bestAt) {
        best = lane;
        bestAt = at;
      }
    }
    return best;
  }

  function pump(): void {
    if (running) return;
    const lane = pickLane();
    if (lane === undefined) return;
    const w = waiting.get(lane)!;
    waiting.delete(lane);
    lastStarted.set(lane, starts++);
    w.detach();
    running = true;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(w.task());
    } catch (e) {
      result = Promise.reject(e);
    }
    const settle = (done: () => void) => {
      running = false;
      done();
      pump();
    };
    result.then(
      (v) => settle(() => w.resolve(v)),
      (e: unknown) => settle(() => w.reject(e)),
    );
  }

  return {
    run<T>(lane: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) {
          reject(supersededError('Cancelled before it started'));
          return;
        }
        const onAbort = () => {
          if (waiting.get(lane) !== entry) return;
          waiting.delete(lane);
          reject(supersededError('Cancelled before it started'));
        };
        const entry: Waiting = {
          task,
          resolve: resolve as (v: unknown) => void,
          reject,
          detach: () => signal?.removeEventListener('abort', onAbort),
        };
        const previous = waiting.get(lane);
        if (previous) {
          previous.detach();
          previous.reject(supersededError());
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.set(lane, entry);
        pump();
      });
    },
    get running() {
      return running ? 1 : 0;
    },
    get waiting() {
      return waiting.size;
    },
  };
}
