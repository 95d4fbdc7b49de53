/**
 * Qualification frameworks and the criteria each one asks for, in the canonical criterion names of
 * the data model. CHAMP reads Challenges as `pain`, Money as `budget`, Prioritisation as `timeline`.
 * The six-row SQO checklist reads: confirmed buying interest → `need`, named economic buyer →
 * `economicBuyer`, budget validated → `budget`, need quantified → `metrics`, timeline → `timeline`,
 * next step booked → `nextStep`.
 */
import type { QualificationCriterion } from '../model/stages';
import type { Framework } from './rules';

export const FRAMEWORK_CRITERIA: Readonly<Record<Framework, readonly QualificationCriterion[]>> = {
  BANT: ['budget', 'authority', 'need', 'timeline'],
  MEDDIC: ['metrics', 'economicBuyer', 'decisionCriteria', 'decisionProcess', 'pain', 'champion'],
  MEDDPICC: [
    'metrics',
    'economicBuyer',
    'decisionCriteria',
    'decisionProcess',
    'paperProcess',
    'pain',
    'champion',
    'competition',
  ],
  CHAMP: ['pain', 'authority', 'budget', 'timeline'],
  'SQO checklist': ['need', 'economicBuyer', 'budget', 'metrics', 'timeline', 'nextStep'],
};
