// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetSummaryQuery, demoLeadsFromSearch, MAX_URL_DEMO_LEADS } from '../../src/lib/dataset-queries';
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
    expect(summary.origin).toEqual(expect.objectContaining({ kind: 'demo', leads: 1200 }));
  });
});
