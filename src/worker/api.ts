/**
 * The engine's API: one type for every call the UI can make. Each feature contributes a handler
 * interface; the worker and the in-process implementation both satisfy `EngineApi`.
 */
import type { DataHandlers } from './handlers/data';

export type EngineApi = DataHandlers;

export type { DataHandlers, DatasetSummary, InputFile } from './handlers/data';
