/** The Forecast view's deal-history figures and the deal lists behind them. */
import { requireDataset, type EngineState } from '../state';
import { dealForecastView, type DealForecastInput, type DealForecastView } from './deal-forecast';
import { dealListView, type DealListInput, type DealListView } from './deal-list';

export interface DealForecastHandlers {
  dealForecast(input: DealForecastInput): Promise<DealForecastView>;
  dealList(input: DealListInput): Promise<DealListView>;
}

export function dealForecastHandlers(state: EngineState): DealForecastHandlers {
  return {
    async dealForecast(input) {
      return dealForecastView(requireDataset(state), input);
    },
    async dealList(input) {
      return dealListView(requireDataset(state), input);
    },
  };
}
