import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import type { RuleSet } from '../../../src/engine/scoring/rules';
import { whatIfQuery } from '../../../src/features/rules/queries';
import { createQueryClient } from '../../../src/lib/query-client';
import { setEngine, type EngineClient } from '../../../src/worker/client';
import type { WhatIfInput, WhatIfViewModel } from '../../../src/worker/api';

const withFit = (mqlMinFit: number): RuleSet => ({
  ...DEFAULT_RULE_SET,
  qualification: { ...DEFAULT_RULE_SET.qualification, mqlMinFit },
});
/** A what-if result that says which MQL fit threshold it was computed for (in `matured`). */
const resultFor = (fit: number) => ({ matured: fit }) as unknown as WhatIfViewModel;
const flush = () => new Promise((r) => setTimeout(r, 0));

/** An engine whose what-if answers only when the test says so, and records what it was asked. */
function manualEngine() {
  const asked: number[] = [];
  const pending: (() => void)[] = [];
  const api = {
    whatIf: (input: WhatIfInput) => {
      const fit = input.draft.qualification.mqlMinFit;
      asked.push(fit);
      return new Promise<WhatIfViewModel>((resolve) => pending.push(() => resolve(resultFor(fit))));
    },
  };
  setEngine(api as unknown as EngineClient);
  return { asked, answer: async () => (pending.shift()!(), await flush()) };
}

describe('what-if requests while a threshold slider moves', () => {
  it('sends the engine one request at a time and never a value the slider passed while it waited', async () => {
    const engine = manualEngine();
    const client = createQueryClient();
    // The rule sets differ only in a threshold: one key for all.
    const options = (fit: number) =>
      whatIfQuery(client, 1, {}, { rules: withFit(fit), key: 'k' }, { rules: DEFAULT_RULE_SET, key: 'k' });
    const observer = new QueryObserver(client, options(10));
    const shown: (number | undefined)[] = [];
    const stop = observer.subscribe((r) => shown.push(r.data?.matured));
    await flush();
    // The slider moves to 20, then 30, while 10 computes: 20 is passed before its turn.
    observer.setOptions(options(20));
    observer.setOptions(options(30));
    await flush();
    expect(engine.asked).toEqual([10]);
    await engine.answer();
    // 30 goes once the what-if's pace allows.
    await vi.waitFor(() => expect(engine.asked).toEqual([10, 30]), { timeout: 1000 });
    // 10 was passed while it computed: its true result is kept under its key and shown, marked as a placeholder.
    expect(client.getQueryData(options(10).queryKey)).toEqual(resultFor(10));
    observer.setOptions(options(30));
    expect(observer.getCurrentResult()).toMatchObject({ data: resultFor(10), isPlaceholderData: true });
    await engine.answer();
    expect(observer.getCurrentResult()).toMatchObject({ data: resultFor(30), isPlaceholderData: false });
    expect(shown.at(-1)).toBe(30);
    stop();
  });
});
