/**
 * The engine's API: one type for every call the UI can make. Each feature contributes a handler
 * interface; the worker and the in-process implementation both satisfy `EngineApi`.
 */
import type { DataHandlers } from './handlers/data';
import type { ScoringHandlers } from './handlers/scoring';

export type EngineApi = DataHandlers & ScoringHandlers;

export type { DataHandlers, DatasetSummary, InputFile } from './handlers/data';
export type { IntentViewModel, ScoringCatalog, ScoringHandlers, StatusChangesViewModel, SuggestInput, WhatIfInput, WhatIfViewModel } from './handlers/scoring';
