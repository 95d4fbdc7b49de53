/** The names the UI gives the lead funnel's stages: "MQL", "SQO", and a step between two, "MQL→SAL". */
import type { StepStage } from '../engine/funnel/reach';

export const STAGE_LABELS: Readonly<Record<StepStage | 'lost' | 'disqualified', string>> = {
  lead: 'Lead',
  mql: 'MQL',
  sal: 'SAL',
  sql: 'SQL',
  sqo: 'SQO',
  won: 'Won',
  lost: 'Lost',
  disqualified: 'Disqualified',
};

/** The opportunity funnel's first bar: every opportunity created. */
const CREATED_LABEL = 'Opportunities';

/**
 * A lead stage's name, or `created` (the opportunity funnel's first bar); any other stage (an
 * opportunity stage named in the data) as it is.
 */
export function stageLabel(stage: string): string {
  if (stage === 'created') return CREATED_LABEL;
  return (STAGE_LABELS as Readonly<Record<string, string>>)[stage] ?? stage;
}

/** The step from one stage to the next, e.g. "MQL→SAL". */
export function stepLabel(step: { readonly from: string; readonly to: string }): string {
  return `${stageLabel(step.from)}→${stageLabel(step.to)}`;
}

/**
 * The two ends of a conversion as its name writes them: "MQL" and "SQO"; a conversion to won says
 * "won" in lower case ("MQL→won"), as the glossary does.
 */
export function pairEnds(pair: { readonly from: string; readonly to: string }): { from: string; to: string } {
  return { from: stageLabel(pair.from), to: pair.to === 'won' ? 'won' : stageLabel(pair.to) };
}

/** A conversion's name, e.g. "MQL→SQO", "SQO→won". */
export function pairLabel(pair: { readonly from: string; readonly to: string }): string {
  const { from, to } = pairEnds(pair);
  return `${from}→${to}`;
}
