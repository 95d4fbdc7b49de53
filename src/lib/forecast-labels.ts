/**
 * The words the forecast figures are shown with, shared by the Forecast view and the Overview: the
 * forecast methods, and how the headline projection says which method it uses and why.
 */
import type { AccuracyMethod } from '../engine/forecast/accuracy-point';
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
