import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSingleFlight, isSupersededError } from '../../src/lib/single-flight';

/** A task whose completion the test controls. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** Records the settled outcome of a request without letting a rejection go unhandled. */
function outcome<T>(p: Promise<T>) {
  const o: { state: 'pending' | 'done' | 'superseded' | 'failed'; value?: T; error?: unknown } = { state: 'pending' };
  p.then(
    (v) => Object.assign(o, { state: 'done', value: v }),
    (e: unknown) => Object.assign(o, { state: isSupersededError(e) ? 'superseded' : 'failed', error: e }),
  );
  return o;
}

describe('createSingleFlight', () => {
  it('starts a request at once when nothing runs', async () => {
    const s = createSingleFlight();
    const started: number[] = [];
    await expect(s.run('a', async () => (started.push(1), 'one'))).resolves.toBe('one');
    expect(started).toEqual([1]);
    expect(s.running).toBe(0);
  });

  it('runs one request at a time and only the newest of a lane after the running one', async () => {
    const s = createSingleFlight();
    const started: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const req = (v: number) =>
      outcome(
        s.run('whatIf', () => {
          started.push(v);
          const d = deferred<number>();
          gates.set(v, d);
          return d.promise;
        }),
      );
    const r1 = req(1);
    const r2 = req(2);
    const r3 = req(3);
    const r4 = req(4);
    await flush();
    expect(started).toEqual([1]);
    expect(s.running).toBe(1);
    expect(s.waiting).toBe(1);
    expect([r2.state, r3.state]).toEqual(['superseded', 'superseded']);
    gates.get(1)!.resolve(10);
    await flush();
    expect(r1).toMatchObject({ state: 'done', value: 10 });
    expect(started).toEqual([1, 4]);
    gates.get(4)!.resolve(40);
    await flush();
    expect(r4).toMatchObject({ state: 'done', value: 40 });
    expect(started).toEqual([1, 4]);
    expect(s.running + s.waiting).toBe(0);
  });

  it('serves waiting lanes in the order they first asked, so no lane starves', async () => {
    const s = createSingleFlight();
    const started: string[] = [];
    const gates: Array<ReturnType<typeof deferred<void>>> = [];
    const req = (lane: string, v: number) =>
      s.run(lane, () => {
        started.push(`${lane}${v}`);
        const d = deferred<void>();
        gates.push(d);
        return d.promise;
      }).catch(() => undefined);
    void req('w', 1);
    void req('s', 1);
    void req('w', 2);
    void req('s', 2);
    void req('w', 3); // replaces w2 but keeps the lane's place after s
    for (let i = 0; i < 3; i++) {
      await flush();
      gates[i]!.resolve();
    }
    await flush();
    expect(started).toEqual(['w1', 's2', 'w3']);
  });

  it('takes turns between lanes whose requests are cancelled and re-made on every move (as a query library does)', async () => {
    const s = createSingleFlight();
    const started: string[] = [];
    const gates: Array<ReturnType<typeof deferred<void>>> = [];
    const controllers = new Map<string, AbortController>();
    // Each move cancels the lane's previous request through its signal, then makes a new one; the
    // what-if lane always moves first.
    const move = (v: number) => {
      for (const lane of ['whatIf', 'statusChanges']) {
        controllers.get(lane)?.abort();
        const c = new AbortController();
        controllers.set(lane, c);
        s.run(
          lane,
          () => {
            started.push(`${lane}${v}`);
            const d = deferred<void>();
            gates.push(d);
            return d.promise;
          },
          c.signal,
        ).catch(() => undefined);
      }
    };
    move(0);
    for (let v = 1; v <= 4; v++) {
      await flush();
      move(v);
      gates[gates.length - 1]!.resolve();
    }
    await flush();
    // Both lanes computed values during the drag, not the what-if alone.
    expect(started.filter((x) => x.startsWith('statusChanges')).length).toBeGreaterThanOrEqual(2);
    expect(started.slice(0, 4)).toEqual(['whatIf0', 'statusChanges1', 'whatIf2', 'statusChanges3']);
  });

  it('drops a waiting request whose signal aborts, and settles it as cancelled', async () => {
    const s = createSingleFlight();
    const gate = deferred<void>();
    const started: string[] = [];
    void s.run('a', () => (started.push('first'), gate.promise));
    const ctl = new AbortController();
    const r = outcome(s.run('b', async () => void started.push('aborted'), ctl.signal));
    ctl.abort();
    await flush();
    expect(r.state).toBe('superseded');
    gate.resolve();
    await flush();
    expect(started).toEqual(['first']);
    const pre = new AbortController();
    pre.abort();
    await expect(s.run('c', async () => 1, pre.signal)).rejects.toSatisfy(isSupersededError);
  });

  it('keeps the scheduler busy until a running request settles, even when its signal aborts', async () => {
    const s = createSingleFlight();
    const gate = deferred<string>();
    const ctl = new AbortController();
    const r = outcome(s.run('a', () => gate.promise, ctl.signal));
    ctl.abort();
    const started: number[] = [];
    void s.run('a', async () => void started.push(2));
    await flush();
    expect(started).toEqual([]);
    gate.resolve('late');
    await flush();
    expect(r).toMatchObject({ state: 'done', value: 'late' });
    expect(started).toEqual([2]);
  });

  it('passes a failure to its caller and goes on with the next request', async () => {
    const s = createSingleFlight();
    const gate = deferred<number>();
    const first = outcome(s.run('a', () => gate.promise));
    const second = outcome(s.run('a', async () => 2));
    const third = outcome(
      s.run('b', () => {
        throw new Error('thrown synchronously');
      }),
    );
    const fourth = outcome(s.run('c', async () => 4));
    gate.reject(new Error('engine failed'));
    await flush();
    await flush();
    expect(first.state).toBe('failed');
    expect((first.error as Error).message).toBe('engine failed');
    expect(second).toMatchObject({ state: 'done', value: 2 });
    expect(third.state).toBe('failed');
    expect(fourth).toMatchObject({ state: 'done', value: 4 });
  });

  it('always computes the last value of every lane, never more than one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ lane: fc.constantFrom('w', 's', 'e'), finish: fc.nat(3) }), { minLength: 1, maxLength: 40 }),
        async (steps) => {
          const s = createSingleFlight();
          let inFlight = 0;
          let maxInFlight = 0;
          const computed: Array<[string, number]> = [];
          const open: Array<() => void> = [];
          const results: Array<Promise<unknown>> = [];
          steps.forEach(({ lane, finish }, v) => {
            results.push(
              s
                .run(lane, () => {
                  inFlight++;
                  maxInFlight = Math.max(maxInFlight, inFlight);
                  computed.push([lane, v]);
                  return new Promise<void>((res) =>
                    open.push(() => {
                      inFlight--;
                      res();
                    }),
                  );
                })
                .catch(() => undefined),
            );
            // Some steps let the running request finish before the next value arrives.
            for (let k = 0; k < finish && open.length > 0; k++) open.shift()!();
          });
          while (s.running + s.waiting > 0 || open.length > 0) {
            await flush();
            while (open.length > 0) open.shift()!();
          }
          await Promise.all(results);
          expect(maxInFlight).toBeLessThanOrEqual(1);
          for (const lane of new Set(steps.map((x) => x.lane))) {
            const last = steps.map((x, i) => [x.lane, i] as const).filter(([l]) => l === lane).at(-1)![1];
            expect(computed.filter(([l]) => l === lane).at(-1)).toEqual([lane, last]);
          }
          // Values of a lane run in order.
          for (const lane of ['w', 's', 'e']) {
            const vs = computed.filter(([l]) => l === lane).map(([, v]) => v);
            expect(vs).toEqual([...vs].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
