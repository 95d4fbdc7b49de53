import type { ComponentType } from 'react';
import { DataView } from '../features/data/data-view';
import { ForecastView } from '../features/forecast/forecast-view';
import { FunnelView } from '../features/funnel/funnel-view';
import { HygieneView } from '../features/hygiene/hygiene-view';
import { IntentView } from '../features/intent/intent-view';
import { OverviewView } from '../features/overview/overview-view';
import { RulesView } from '../features/rules/rules-view';
import type { ViewId } from '../state/views';

export const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  overview: OverviewView,
  funnel: FunnelView,
  intent: IntentView,
  rules: RulesView,
  forecast: ForecastView,
  hygiene: HygieneView,
  data: DataView,
};
