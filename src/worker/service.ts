/** The engine as plain objects: the worker exposes it, and tests call it in-process. */
import type { EngineApi } from './api';
import { dataHandlers } from './handlers/data';
import { scoringHandlers } from './handlers/scoring';
import { createState } from './state';

export function createEngineService(): EngineApi {
  const state = createState();
  return {
    ...dataHandlers(state),
    ...scoringHandlers(state),
  };
}
