/** The names the UI gives the qualification criteria (BANT, MEDDICC, CHAMP…). */
import type { QualificationCriterion } from '../engine/model/stages';

/** Readable names of the criteria, for the checklists. */
export const CRITERION_LABELS: Readonly<Record<QualificationCriterion, string>> = {
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timeline: 'Timeline',
  nextStep: 'Next step booked',
  metrics: 'Metrics',
  economicBuyer: 'Economic buyer',
  decisionCriteria: 'Decision criteria',
  decisionProcess: 'Decision process',
  paperProcess: 'Paper process',
  pain: 'Identified pain',
  champion: 'Champion',
  competition: 'Competition',
};
