/**
 * The funnel handlers: the Funnel view's figures, the leads behind any of them, and the Overview's
 * headline figures. Every method returns a plain view-model; components compute nothing.
 */
import type { DrillTarget } from '../../engine/funnel/drill';
import { requireDataset, type EngineState } from '../state';
import { buildDrillRows, type DrillColumn, type DrillInput, type DrillRows } from './funnel-drill';
import { buildFunnelModel, type FunnelOptions, type FunnelViewModel } from './funnel-model';
import { buildOverviewModel, type OverviewModel } from './funnel-overview';
import { resolveScope, type ExtraDimension, type FunnelScope } from './funnel-scope';

export type FunnelViewInput = FunnelScope & FunnelOptions;
export type FunnelDrillInput = FunnelScope & DrillInput;

export interface FunnelHandlers {
  /** The Funnel view: stages, conversions by quarter, time in stage, win rates and the breakdown. */
  funnelView(input: FunnelViewInput): Promise<FunnelViewModel>;
  /** The leads behind a funnel figure. */
  funnelDrill(input: FunnelDrillInput): Promise<DrillRows>;
  /** The Overview's headline figures (quarter to date against the same point last quarter) and funnel. */
  overview(input: FunnelScope): Promise<OverviewModel>;
}

/**
 * `extraDimensions` adds breakdowns computed elsewhere — an ICP or intent tier per lead from the
 * scoring engine — as plain group codes; the funnel maths is the same for every dimension.
 */
export function funnelHandlers(
  state: EngineState,
  extraDimensions: () => readonly ExtraDimension[] = () => [],
): FunnelHandlers {
  return {
    async funnelView(input) {
      const ds = requireDataset(state);
      return buildFunnelModel(ds, input, input, extraDimensions(), input.filters);
    },
    async funnelDrill(input) {
      const ds = requireDataset(state);
      return buildDrillRows(ds, resolveScope(ds, input), input, extraDimensions());
    },
    async overview(input) {
      const ds = requireDataset(state);
      return buildOverviewModel(ds, resolveScope(ds, input), input.filters);
    },
  };
}

export type { DrillColumn, DrillTarget, DrillRows, ExtraDimension, FunnelViewModel, OverviewModel };
