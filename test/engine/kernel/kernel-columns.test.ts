import { describe, expect, it } from 'vitest';
import { encodeFeatures } from '../../../src/engine/kernel/kernel-columns';
import { FEATURE_COUNT, FIT_COUNT, INTENT_COUNT, NO_ACTIVITY_AGE } from '../../../src/engine/kernel/workload';
import { randomFeatures } from './random-features';

describe('encodeFeatures', () => {
  it('packs the fit indicators into a code and each intent count vector into a shared pattern', () => {
    const f = randomFeatures(6000, 77);
    const k = encodeFeatures(f);
    const distinct = new Set<string>();
    for (let i = 0; i < f.count; i++) {
      const row = f.matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
      for (let j = 0; j < FIT_COUNT; j++) expect((k.fitCode[i]! >> j) & 1).toBe(row[j]);
      const decoded = Array.from(k.patterns.subarray(k.pattern[i]! * INTENT_COUNT, (k.pattern[i]! + 1) * INTENT_COUNT));
      const expected = f.ageDays[i] === NO_ACTIVITY_AGE ? new Array<number>(INTENT_COUNT).fill(0) : Array.from(row.subarray(FIT_COUNT));
      expect(decoded).toEqual(expected);
      distinct.add(expected.join(','));
    }
    // Every distinct vector is stored once (the table grows and rehashes several times here).
    expect(k.patternCount).toBe(distinct.size);
    expect(k.patternCount).toBeGreaterThan(2048);
  });
});
