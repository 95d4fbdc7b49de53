// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PredictiveModel } from '../../src/engine/scoring/predictive';
import { predictiveActions, usePredictiveModel } from '../../src/state/predictive';

const model: PredictiveModel = {
  outcome: 'sqo',
  specs: [],
  bias: 0,
  weights: [],
  calibration: { method: 'platt', a: 1, c: 0 },
  halfLifeDays: 30,
  maturityDays: 180,
  scoringWindowDays: 30,
};

describe('the predictive model in use', () => {
  it('is the last fit on the loaded dataset, and none once another dataset is loaded', () => {
    predictiveActions.modelCleared();
    const { result, rerender } = renderHook(({ version }) => usePredictiveModel(version), {
      initialProps: { version: 3 },
    });
    expect(result.current).toBeNull();
    act(() => predictiveActions.modelFitted(model, 3));
    expect(result.current).toBe(model);
    rerender({ version: 4 });
    expect(result.current).toBeNull();
  });
});
