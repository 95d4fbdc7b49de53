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

/** A lead stage's name; any other stage (an opportunity stage named in the data) as it is. */
export function stageLabel(stage: string): string {
  return (STAGE_LABELS as Readonly<Record<string, string>>)[stage] ?? stage;
}

/** The step from one stage to the next, e.g. "MQL→SAL". */
export function stepLabel(step: { readonly from: string; readonly to: string }): string {
  return `${stageLabel(step.from)}→${stageLabel(step.to)}`;
}
