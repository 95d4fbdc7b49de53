// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetSummaryQuery, demoLeadsFromSearch, MAX_URL_DEMO_LEADS } from '../../src/lib/dataset-queries';
import { remainingMs, useDatasetLoad } from '../../src/state/dataset-load';
import { setEngine } from '../../src/worker/client';
import { createEngineService } from '../../src/worker/service';

describe('demoLeadsFromSearch', () => {
  it('reads a whole number of leads', () => {
    expect(demoLeadsFromSearch('?demoLeads=1000000')).toBe(1_000_000);
    expect(demoLeadsFromSearch('?view=x&demoLeads=2500.7')).toBe(2500);
  });
  it('clamps to the maximum', () => {
    expect(MAX_URL_DEMO_LEADS).toBe(2_000_000);
    expect(demoLeadsFromSearch('?demoLeads=9000000')).toBe(2_000_000);
  });
  it('ignores a missing, empty, zero, negative or non-numeric parameter', () => {
    for (const s of ['', '?demoLeads=', '?demoLeads=0', '?demoLeads=-5', '?demoLeads=lots', '?other=3']) {
      expect(demoLeadsFromSearch(s)).toBeUndefined();
    }
  });
});

describe('datasetSummaryQuery', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('loads the demo at the size the URL asks for', async () => {
    window.history.replaceState(null, '', '/rules?demoLeads=1200');
    setEngine(createEngineService());
    const summary = await new QueryClient().fetchQuery(datasetSummaryQuery());
    expect(summary?.origin).toEqual(expect.objectContaining({ kind: 'demo', leads: 1200 }));
  });

  it('says how far the generation is while it runs, then clears', async () => {
    window.history.replaceState(null, '', '/overview?demoLeads=26000');
    setEngine(createEngineService());
    const seen: { phase: string; done?: number; total?: number }[] = [];
    const stop = useDatasetLoad.subscribe((s) => {
      if (s.load) seen.push({ phase: s.load.phase, done: s.load.done, total: s.load.total });
    });
    const summary = await new QueryClient().fetchQuery(datasetSummaryQuery());
    stop();
    expect(summary?.counts.leads).toBe(26_000);
    // Slices of 25,000 leads: 25,000, then 26,000, then the columns are built.
    expect(seen.filter((s) => s.phase === 'generating' && s.done !== undefined).map((s) => s.done)).toEqual([
      0, 25_000, 26_000,
    ]);
    expect(seen.at(-1)?.phase).toBe('building');
    expect(seen.every((s) => s.total === undefined || s.total === 26_000)).toBe(true);
    expect(useDatasetLoad.getState().load).toBeNull();
  });

  it('a cancelled first load leaves no dataset and no error', async () => {
    window.history.replaceState(null, '', '/overview?demoLeads=200000');
    const service = createEngineService();
    setEngine(service);
    const stop = useDatasetLoad.subscribe((s) => {
      if (s.load?.done === 25_000) void service.cancelLoad();
    });
    const summary = await new QueryClient().fetchQuery(datasetSummaryQuery());
    stop();
    expect(summary).toBeNull();
    expect(await service.summary()).toBeNull();
  });
});

describe('time left', () => {
  it('is the elapsed time scaled by what is left over what is done', () => {
    // 250,000 of 1,000,000 leads in 5 s: 750,000 more at 50,000 a second is 15 s.
    expect(remainingMs(250_000, 1_000_000, 5_000)).toBe(15_000);
    expect(remainingMs(0, 1_000_000, 5_000)).toBeNull();
    expect(remainingMs(10, 1_000_000, 50)).toBeNull();
    expect(remainingMs(1_000_000, 1_000_000, 9_000)).toBe(0);
  });
});
