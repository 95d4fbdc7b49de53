/**
 * The engine's API: one type for every call the UI can make. Each feature contributes a handler
 * interface; the worker and the in-process implementation both satisfy `EngineApi`.
 */
import type { DataHandlers } from './handlers/data';
import type { ForecastHandlers } from './handlers/forecast';
import type { HygieneHandlers } from './handlers/hygiene';

export type EngineApi = DataHandlers & ForecastHandlers & HygieneHandlers;

export type { DataHandlers, DatasetSummary, InputFile } from './handlers/data';
export type {
  ForecastHandlers,
  ForecastInput,
  ForecastQuarter,
  ForecastSettings,
  ForecastView,
  PipelinePanelView,
  WaterfallBar,
  WaterfallInput,
  WaterfallView,
} from './handlers/forecast';
export type { DetectorKey, DetectorView, HygieneHandlers, HygieneInput, HygieneRow, HygieneView } from './handlers/hygiene';
