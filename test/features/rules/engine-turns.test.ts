import { afterEach, describe, expect, it, vi } from 'vitest';
import { inTurn } from '../../../src/features/rules/engine-turns';

/** A task that records when it ran and settles when told. */
function task(log: string[], name: string) {
  let settle = () => {};
  const run = () => {
    log.push(name);
    return new Promise<string>((resolve) => (settle = () => resolve(name)));
  };
  return { run, settle: () => settle() };
}

describe('the engine request scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('hands the engine one request at a time, in order, and never one cancelled while it waited', async () => {
    const log: string[] = [];
    const [a, b, c] = [task(log, 'a'), task(log, 'b'), task(log, 'c')];
    const cancelB = new AbortController();
    const pa = inTurn('one-a', 0, a.run, new AbortController().signal);
    const pb = inTurn('one-b', 0, b.run, cancelB.signal);
    const pc = inTurn('one-c', 0, c.run, new AbortController().signal);
    await vi.waitFor(() => expect(log).toEqual(['a']));
    cancelB.abort();
    a.settle();
    await expect(pa).resolves.toBe('a');
    await expect(pb).rejects.toThrow();
    await vi.waitFor(() => expect(log).toEqual(['a', 'c']));
    c.settle();
    await expect(pc).resolves.toBe('c');
  });

  it('starts a family at most once a pace, with the newest value waiting when its time comes', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const answer = (name: string) => () => (log.push(name), Promise.resolve(name));
    await inTurn('paced', 100, answer('v1'), new AbortController().signal);
    // A slider moves every 16 ms; each move cancels the request of the value before.
    let previous: AbortController | null = null;
    const made: Promise<string>[] = [];
    for (let v = 2; v <= 6; v++) {
      previous?.abort();
      previous = new AbortController();
      made.push(inTurn('paced', 100, answer(`v${v}`), previous.signal).catch(() => 'cancelled'));
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(log).toEqual(['v1']);
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['v1', 'v6']);
    expect(await Promise.all(made)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'v6']);
  });
});

describe('pacing while the engine is busy', () => {
  afterEach(() => vi.useRealTimers());

  it('lets one request of a family through a pace even when the one before still waits for its turn', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    // Another family computes for 500 ms.
    let release = () => {};
    const busy = inTurn(
      'slow',
      0,
      () => (log.push('slow'), new Promise<string>((r) => (release = () => r('slow')))),
      new AbortController().signal,
    );
    let previous: AbortController | null = null;
    const made: Promise<string>[] = [];
    for (let v = 1; v <= 30; v++) {
      previous?.abort();
      previous = new AbortController();
      const name = `v${v}`;
      made.push(
        inTurn('fast', 100, () => (log.push(name), Promise.resolve(name)), previous.signal).catch(() => 'cancelled'),
      );
      await vi.advanceTimersByTimeAsync(16);
    }
    // 30 moves in 480 ms: 5 passed the pace (at 0, 100, 200…), each cancelled by the next move while the slow one ran.
    release();
    await busy;
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual(['slow', 'v30']);
    expect((await Promise.all(made)).filter((r) => r !== 'cancelled')).toEqual(['v30']);
  });
});
