import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { activityDecay, scoreIntentCached } from '../../../src/engine/kernel/intent-decay-cache';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEFAULT_ACTIVITIES } from '../../../src/engine/scoring/defaults';
import { compileIntent, scoreIntent } from '../../../src/engine/scoring/intent';
import { lcg } from './random-features';

describe('intent from cached decay factors', () => {
  const ds = buildDataset(generateDemoCompany({ leads: 3000, seed: 11 }).records);
  const asOf = ds.meta.latestAt;

  it('is bit-identical to scoreIntent for random points and caps, with and without per-lead cut-offs', () => {
    const rnd = lcg(99);
    const cutoff = Float64Array.from({ length: ds.leads.count }, () => (rnd() < 0.5 ? asOf - rnd() * 200 * 86_400_000 : Number.NaN));
    for (const cut of [undefined, cutoff]) {
      const decay = activityDecay(ds, 30, asOf, cut);
      for (let trial = 0; trial < 5; trial++) {
        const rules = DEFAULT_ACTIVITIES.map((a) => ({ ...a, points: Math.round(rnd() * 60 - 20), cap: Math.round(rnd() * 50) }));
        const compiled = compileIntent(ds, rules, 30);
        const expected = scoreIntent(ds, compiled, asOf, new Float32Array(ds.leads.count), cut);
        const got = scoreIntentCached(ds, compiled, decay, new Float32Array(ds.leads.count));
        expect(Array.from(got)).toEqual(Array.from(expected));
      }
    }
  });

  it('refuses a cache built for another half-life', () => {
    const decay = activityDecay(ds, 30, asOf);
    expect(() => scoreIntentCached(ds, compileIntent(ds, DEFAULT_ACTIVITIES, 45), decay, new Float32Array(ds.leads.count))).toThrow(/half-life/);
  });
});
