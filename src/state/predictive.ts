/**
 * The predictive model in use: the last suggested-weights fit of this session, calibrated on its
 * holdout. The lead explanation and the leads table show each lead's probability under it; before a
 * fit there is none, and they say so.
 */
import { create } from 'zustand';
import type { PredictiveModel } from '../engine/scoring/predictive';

const usePredictiveStore = create<{ readonly model: PredictiveModel | null }>(() => ({ model: null }));

export const usePredictiveModel = () => usePredictiveStore((s) => s.model);

export const predictiveActions = {
  modelFitted: (model: PredictiveModel) => usePredictiveStore.setState({ model }),
  modelCleared: () => usePredictiveStore.setState({ model: null }),
};
