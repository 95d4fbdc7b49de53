/**
 * The engine's API: one type for every call the UI can make. Each feature contributes a handler
 * interface; the worker and the in-process implementation both satisfy `EngineApi`.
 */
import type { DataHandlers } from './handlers/data';
import type { ExportHandlers } from './handlers/export';
import type { ImportHandlers } from './handlers/import';
import type { FunnelHandlers } from './handlers/funnel';
import type { ScoringHandlers } from './handlers/scoring';
import type { ForecastHandlers } from './handlers/forecast';
import type { DealForecastHandlers } from './handlers/deal-forecast-handlers';
import type { ForecastAccuracyHandlers } from './handlers/forecast-accuracy';
import type { HeadlineProjectionHandlers } from './handlers/headline-projection';
import type { HygieneHandlers } from './handlers/hygiene';

export type EngineApi = DataHandlers &
  ImportHandlers &
  ExportHandlers &
  FunnelHandlers &
  ScoringHandlers &
  ForecastHandlers &
  DealForecastHandlers &
  ForecastAccuracyHandlers &
  HeadlineProjectionHandlers &
  HygieneHandlers;

export type { DataHandlers, DatasetSummary, InputFile, LoadProgress } from './handlers/data';
export type {
  DrillColumn,
  DrillRows,
  DrillTarget,
  FunnelHandlers,
  FunnelViewModel,
  OverviewModel,
} from './handlers/funnel';
export type { ConversionBasis, FunnelStageRow } from './handlers/funnel-model';
export type { OverviewFunnel, OverviewGap, OverviewStageRow } from './handlers/funnel-overview-opps';
export type { HeadlineKey, LeadHeadlineKey, OpportunityHeadlineKey } from './handlers/overview-headline';
export type {
  IntentViewModel,
  KeyedRules,
  LeadExplanationViewModel,
  LeadPredictionViewModel,
  ScoringCatalog,
  ScoringHandlers,
  StatusChangesViewModel,
  SuggestInput,
  WhatIfInput,
  WhatIfViewModel,
} from './handlers/scoring';
export type {
  ForecastHandlers,
  ForecastInput,
  ForecastQuarter,
  ForecastSettings,
  ForecastView,
  PipelinePanelView,
} from './handlers/forecast';
export type {
  CategoryQuarterView,
  CumulativeCategory,
  DealForecastInput,
  DealForecastView,
  DealWaterfallStep,
  DealWaterfallView,
  StageCategoryView,
} from './handlers/deal-forecast';
export type { DealForecastHandlers } from './handlers/deal-forecast-handlers';
export type {
  AccuracyPart,
  DealFigure,
  DealListInput,
  DealListRow,
  DealListView,
  DealTarget,
  SqoLagSeries,
} from './handlers/deal-list';
export type {
  AccuracyMethod,
  AccuracyMethodView,
  ForecastAccuracyHandlers,
  ForecastAccuracyView,
} from './handlers/forecast-accuracy';
export type {
  HeadlineProjectionHandlers,
  HeadlineProjectionInput,
  HeadlineProjectionView,
  MethodChoice,
} from './handlers/headline-projection';
export type {
  DetectorKey,
  DetectorView,
  HygieneHandlers,
  HygieneInput,
  HygieneRow,
  HygieneView,
} from './handlers/hygiene';
export type { ImportHandlers, ImportPreview, ImportSettings } from './handlers/import';
export type { ImportProgress } from './handlers/import-read';
export type { DatasetFile, ExportHandlers } from './handlers/export';
