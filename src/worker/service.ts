/** The engine as plain objects: the worker exposes it, and tests call it in-process. */
import type { EngineApi } from './api';
import { dataHandlers } from './handlers/data';
import { forecastHandlers } from './handlers/forecast';
import { hygieneHandlers } from './handlers/hygiene';
import { createState } from './state';

export function createEngineService(): EngineApi {
  const state = createState();
  return {
    ...dataHandlers(state),
    ...forecastHandlers(state),
    ...hygieneHandlers(state),
  };
}
