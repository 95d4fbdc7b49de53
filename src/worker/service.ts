/** The engine as plain objects: the worker exposes it, and tests call it in-process. */
import type { EngineApi } from './api';
import { dataHandlers } from './handlers/data';
import { funnelHandlers } from './handlers/funnel';
import { scoringHandlers } from './handlers/scoring';
import { forecastHandlers } from './handlers/forecast';
import { dealForecastHandlers } from './handlers/deal-forecast-handlers';
import { forecastAccuracyHandlers } from './handlers/forecast-accuracy';
import { headlineProjectionHandlers } from './handlers/headline-projection';
import { hygieneHandlers } from './handlers/hygiene';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { tierDimensions } from './handlers/tier-dimensions';
import type { ScoringPool } from './pool/scoring-pool';
import { createState } from './state';

export interface EngineServiceOptions {
  /** Workers that compute the decayed activity sums over shared memory; none: all on this thread. */
  readonly scoringPool?: ScoringPool | null;
}

export function createEngineService(options: EngineServiceOptions = {}): EngineApi {
  const state = createState();
  return {
    ...dataHandlers(state),
    ...funnelHandlers(state, tierDimensions()),
    ...scoringHandlers(state, options.scoringPool ?? null),
    ...forecastHandlers(state),
    ...dealForecastHandlers(state),
    ...forecastAccuracyHandlers(state),
    ...headlineProjectionHandlers(state),
    ...hygieneHandlers(state),
    ...importHandlers(state),
    ...exportHandlers(state),
  };
}
