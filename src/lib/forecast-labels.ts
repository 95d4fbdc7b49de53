/**
 * The words the forecast figures are shown with, shared by the Forecast view, the Overview and the
 * CLI: the forecast methods, the pipeline waterfall's steps, the forecast categories, and how the
 * headline projection says which method it uses and why. The worker returns keys; these name them.
 */
import type { AccuracyMethod } from '../engine/forecast/accuracy-point';
import type { WaterfallStepKey } from '../engine/forecast/deal-waterfall';
import type { ForecastCategory } from '../engine/model/stages';
import type { HeadlineProjectionView } from '../worker/api';
import { formatPercent } from './format';

export const METHOD_LABEL: Readonly<Record<AccuracyMethod, string>> = {
  weighted: 'Weighted pipeline',
  commit: 'Commit',
  bestCase: 'Best case',
  sqoLag: 'SQO-lag model',
  repProbability: 'Rep-entered probability',
};

/** How each method builds its forecast, for the help notes. */
export const METHOD_DEFINITION: Readonly<Record<AccuracyMethod, string>> = {
  weighted: 'won so far + Σ open amount due × p(stage), p from the deals closed before that instant',
  commit: 'won so far + open deals due in the Commit category',
  bestCase: 'won so far + open deals due in Commit or Best case',
  sqoLag:
    'Σ SQOs created k quarters earlier × lag share(k) × average won deal, all as known then (a lag not yet observable counts as none)',
  repProbability: 'won so far + Σ open amount due × the probability the rep had entered',
};

export const STEP_LABELS: Readonly<Record<WaterfallStepKey, string>> = {
  start: 'Start',
  created: 'New',
  pulledIn: 'Pulled in',
  pushedOut: 'Pushed out',
  amountUp: 'Amount up',
  amountDown: 'Amount down',
  won: 'Won',
  lost: 'Lost',
  end: 'End',
};

export const CATEGORY_LABELS: Readonly<Record<ForecastCategory, string>> = {
  pipeline: 'Pipeline',
  best_case: 'Best case',
  commit: 'Commit',
  closed: 'Closed',
  omitted: 'Omitted',
};

/** A text whose methods came as `{{method:<key>}}` tokens (deal list notes), with each method named. */
export function fillMethods(text: string): string {
  return text.replace(
    /\{\{method:([A-Za-z]+)\}\}/g,
    (token, key: string) => (METHOD_LABEL as Readonly<Record<string, string>>)[key] ?? token,
  );
}

const quartersText = (n: number) => `${n} ${n === 1 ? 'quarter' : 'quarters'}`;

/**
 * Which method the headline projection uses and why: "Commit — most accurate here, MAPE 12.0% over
 * 6 quarters"; a chosen one beside the most accurate; or the weighted pipeline with what the
 * back-test needs ("Weighted pipeline — accuracy not measurable: needs deal history: …").
 */
export function projectionBasisText(
  p: Pick<HeadlineProjectionView, 'method' | 'basis' | 'mape' | 'measuredQuarters' | 'best' | 'notRankedReason'>,
): string {
  const label = METHOD_LABEL[p.method];
  if (p.basis === 'notRanked')
    return `${label} — accuracy not measurable: ${(p.notRankedReason ?? 'not measurable').replace(/^not measurable — /, '')}`;
  const mape =
    p.mape === null ? 'MAPE not measurable' : `MAPE ${formatPercent(p.mape)} over ${quartersText(p.measuredQuarters)}`;
  if (p.method === p.best) return `${label} — ${p.basis === 'chosen' ? 'chosen, and ' : ''}most accurate here, ${mape}`;
  const best = p.best === null ? 'no method is ranked' : `most accurate: ${METHOD_LABEL[p.best]}`;
  return `${label} — chosen; ${mape} (${best})`;
}
