/**
 * The thresholds in effect, kept in the URL so a shared link reproduces them: MQL mode and
 * thresholds, intent tiers and ICP tiers. A parameter absent from the URL falls back to the applied
 * rule set. Values outside the bounds are clamped, malformed ones ignored.
 */
import { BOUNDS, clampTo } from '../engine/scoring/bounds';
import type { MqlMode, RuleSet } from '../engine/scoring/rules';
import { useMemo } from 'react';
import { updateSearch, useSearchSlice } from './url';

export interface Thresholds {
  readonly mqlMode: MqlMode;
  readonly mqlMinFit: number;
  readonly mqlMinIntent: number;
  readonly mqlMinCombined: number;
  readonly intentHigh: number;
  readonly intentMid: number;
  readonly icpTier1: number;
  readonly icpTier2: number;
}

export type ThresholdName = Exclude<keyof Thresholds, 'mqlMode'>;

/** URL parameter of each threshold. */
export const THRESHOLD_PARAMS: Readonly<Record<ThresholdName, string>> = {
  mqlMinFit: 'mqlFit',
  mqlMinIntent: 'mqlIntent',
  mqlMinCombined: 'mqlScore',
  intentHigh: 'high',
  intentMid: 'mid',
  icpTier1: 'tier1',
  icpTier2: 'tier2',
};

export function thresholdsOf(r: RuleSet): Thresholds {
  const q = r.qualification;
  return { mqlMode: q.mqlMode, mqlMinFit: q.mqlMinFit, mqlMinIntent: q.mqlMinIntent, mqlMinCombined: q.mqlMinCombined, ...r.tiers };
}

export function parseThresholds(params: URLSearchParams, fallback: Thresholds): Thresholds {
  const out: Record<string, number | string> = { ...fallback };
  for (const [name, param] of Object.entries(THRESHOLD_PARAMS)) {
    const raw = params.get(param);
    if (raw === null || raw.trim() === '' || !Number.isFinite(Number(raw))) continue;
    out[name] = clampTo(BOUNDS.threshold, Number(raw));
  }
  const mode = params.get('mqlMode');
  if (mode === 'single') out.mqlMode = 'single-score';
  if (mode === 'two') out.mqlMode = 'two-score';
  return out as unknown as Thresholds;
}

export function writeThresholds(params: URLSearchParams, t: Thresholds): void {
  for (const [name, param] of Object.entries(THRESHOLD_PARAMS)) params.set(param, String(t[name as ThresholdName]));
  params.set('mqlMode', t.mqlMode === 'single-score' ? 'single' : 'two');
}

const THRESHOLD_KEYS: readonly string[] = [...Object.values(THRESHOLD_PARAMS), 'mqlMode'];

/** The thresholds in effect; the same object until a threshold parameter or `fallback` changes. */
export function useThresholds(fallback: RuleSet): Thresholds {
  const slice = useSearchSlice(THRESHOLD_KEYS).toString();
  return useMemo(() => parseThresholds(new URLSearchParams(slice), thresholdsOf(fallback)), [slice, fallback]);
}

/**
 * Events that change thresholds. Slider moves are live updates of the current history entry (the
 * URL follows within `LIVE_WRITE_MS`, at once on release); discrete choices push an entry.
 */
export const thresholdActions = {
  thresholdChanged: (name: ThresholdName, value: number) =>
    updateSearch((p) => p.set(THRESHOLD_PARAMS[name], String(clampTo(BOUNDS.threshold, value))), 'live'),
  mqlModeChosen: (mode: MqlMode) => updateSearch((p) => p.set('mqlMode', mode === 'single-score' ? 'single' : 'two')),
  thresholdsReplaced: (t: Thresholds) => updateSearch((p) => writeThresholds(p, t)),
};
