import { lazy, type ComponentType } from 'react';
import type { ViewId } from '../state/views';

/**
 * Each view is its own chunk, loaded when first shown: the first paint downloads only the shell
 * and the view it opens on.
 */
export const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  overview: lazy(() => import('../features/overview/overview-view').then((m) => ({ default: m.OverviewView }))),
  funnel: lazy(() => import('../features/funnel/funnel-view').then((m) => ({ default: m.FunnelView }))),
  intent: lazy(() => import('../features/intent/intent-view').then((m) => ({ default: m.IntentView }))),
  rules: lazy(() => import('../features/rules/rules-view').then((m) => ({ default: m.RulesView }))),
  forecast: lazy(() => import('../features/forecast/forecast-view').then((m) => ({ default: m.ForecastView }))),
  hygiene: lazy(() => import('../features/hygiene/hygiene-view').then((m) => ({ default: m.HygieneView }))),
  data: lazy(() => import('../features/data/data-view').then((m) => ({ default: m.DataView }))),
};
