/**
 * The Forecast view's settings, read from and written to the URL so a link reproduces them:
 * `lookback` (quarters, or `all`), `psource` (`data` or `user`), `p.<stage>` (entered
 * probabilities, 0–1) and `wfq` (the waterfall's quarter).
 */
import { DEFAULT_STAGE_PROBABILITIES } from '../../engine/forecast/stage-probability';
import { updateSearch, useSearch } from '../../state/url';
import type { ForecastSettings } from '../../worker/api';

export const LOOKBACK_CHOICES = [2, 4, 8] as const;

export function parseForecastSettings(params: URLSearchParams): ForecastSettings {
  const lb = params.get('lookback');
  const n = Number(lb);
  const lookbackQuarters = lb === 'all' ? null : Number.isInteger(n) && n >= 1 && n <= 40 ? n : 4;
  const userProbabilities: Record<string, number> = { ...DEFAULT_STAGE_PROBABILITIES };
  for (const [key, raw] of params) {
    if (!key.startsWith('p.') || raw.trim() === '') continue;
    const v = Number(raw);
    if (Number.isFinite(v) && v >= 0 && v <= 1) userProbabilities[key.slice(2)] = v;
  }
  return {
    lookbackQuarters,
    probabilitySource: params.get('psource') === 'user' ? 'user' : 'data',
    userProbabilities,
    minClosed: 20,
  };
}

export function useForecastSettings(): ForecastSettings {
  return parseForecastSettings(useSearch());
}

export function useWaterfallQuarter(): string | undefined {
  return useSearch().get('wfq') ?? undefined;
}

export const forecastActions = {
  lookbackChanged(value: string): void {
    updateSearch((p) => (value === '4' ? p.delete('lookback') : p.set('lookback', value)));
  },
  probabilitySourceChanged(source: 'data' | 'user'): void {
    updateSearch((p) => (source === 'data' ? p.delete('psource') : p.set('psource', source)));
  },
  probabilityEntered(stage: string, value: number): void {
    updateSearch((p) => p.set(`p.${stage}`, String(Math.min(1, Math.max(0, value)))), 'replace');
  },
  waterfallQuarterChanged(quarter: string): void {
    updateSearch((p) => p.set('wfq', quarter));
  },
};
