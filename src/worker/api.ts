/**
 * The engine's API: one type for every call the UI can make. Each feature contributes a handler
 * interface; the worker and the in-process implementation both satisfy `EngineApi`.
 */
import type { DataHandlers } from './handlers/data';
import type { ExportHandlers } from './handlers/export';
import type { ImportHandlers } from './handlers/import';

export type EngineApi = DataHandlers & ImportHandlers & ExportHandlers;

export type { DataHandlers, DatasetSummary, InputFile } from './handlers/data';
export type { ImportHandlers, ImportPreview, ImportSettings } from './handlers/import';
export type { ImportProgress } from './handlers/import-read';
export type { DatasetFile, ExportHandlers } from './handlers/export';
