/**
 * The predictive model in use: the last suggested-weights fit of this session on the loaded
 * dataset, calibrated on its holdout. The lead explanation and the list of leads show each lead's
 * probability under it; before a fit, or once another dataset is loaded, there is none and they say so.
 */
import { create } from 'zustand';
import type { PredictiveModel } from '../engine/scoring/predictive';

interface PredictiveState {
  readonly model: PredictiveModel | null;
  /** The dataset version the model was fitted on. */
  readonly version: number;
}

const usePredictiveStore = create<PredictiveState>(() => ({ model: null, version: -1 }));

/** The model fitted on dataset `version`, or null. */
export const usePredictiveModel = (version: number) =>
  usePredictiveStore((s) => (s.version === version ? s.model : null));

export const predictiveActions = {
  modelFitted: (model: PredictiveModel, version: number) => usePredictiveStore.setState({ model, version }),
  modelCleared: () => usePredictiveStore.setState({ model: null, version: -1 }),
};
