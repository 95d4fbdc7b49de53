import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { matrixGrid, thresholdMarkers, tierRateCell } from '../../../src/features/intent/build-intent-model';
import type { IntentViewModel } from '../../../src/worker/api';

const bins = Array.from({ length: 20 }, (_, b) => ({ from: b * 5, to: b * 5 + 5, converted: 0, notConverted: 0 }));
const vm = {
  rules: DEFAULT_RULE_SET,
  histograms: { fit: bins, intent: bins },
  matrix: ['Tier 1', 'Tier 2', 'Tier 3'].flatMap((icpTier, r) =>
    (['High', 'Mid', 'Low'] as const).map((intentTier, c) => ({
      icpTier,
      intentTier,
      leads: 10,
      converted: r === 0 && c === 0 ? 5 : 1,
      rate: r === 0 && c === 0 ? 0.5 : 0.1,
      route: 'x',
    })),
  ),
} as unknown as IntentViewModel;

describe('intent view models', () => {
  it('groups thresholds that fall in the same bin into one marker', () => {
    // Fit: Tier 1 ≥ 70 (bin 70–75), Tier 2 ≥ 40 and MQL fit ≥ 40 (both bin 40–45).
    expect(thresholdMarkers(vm, 'fit')).toEqual([
      { bin: '70–75', label: 'Tier 1 ≥ 70' },
      { bin: '40–45', label: 'Tier 2 ≥ 40 · MQL fit ≥ 40' },
    ]);
    // Intent: High ≥ 60, Mid ≥ 30 and MQL intent ≥ 30 share the 30–35 bin.
    expect(thresholdMarkers(vm, 'intent')).toEqual([
      { bin: '60–65', label: 'High ≥ 60' },
      { bin: '30–35', label: 'Mid ≥ 30 · MQL intent ≥ 30' },
    ]);
  });

  it('shades matrix cells by conversion relative to the best cell', () => {
    const g = matrixGrid(vm);
    expect(g.map((r) => r.tier)).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    expect(g[0]!.cells[0]!.heat).toBe(1);
    expect(g[1]!.cells[1]!.heat).toBeCloseTo(0.2);
  });
});

describe('tier rates with their sample', () => {
  it('reads a rate with its 95% interval, and marks one under 30 matured leads with its n', () => {
    // 1 won of 2 matured leads: Wilson [0.0945, 0.9055] (worked in test/engine/funnel/stats.test.ts).
    expect(tierRateCell({ rate: 0.5, n: 2, lo: 0.09453, hi: 0.90547 })).toEqual({
      text: '50.0%',
      full: '50.0% (95% CI 9.5–90.5%, n = 2)',
      sample: 'n = 2',
    });
    expect(tierRateCell({ rate: 0.2, n: 500, lo: 0.1669, hi: 0.2378 }).sample).toBeNull();
  });
});
