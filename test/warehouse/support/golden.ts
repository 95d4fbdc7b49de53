/** The rule set and options the golden SQL files are made from: every kind of rule. */
import type { CustomColumns } from '../../../src/warehouse/schema';
import { QUOTING_RULES } from './cases';

export const GOLDEN_RULES = QUOTING_RULES;
export const GOLDEN_CUSTOM: CustomColumns = {
  leads: { select: 'text', 'Deal Size': 'number' },
  accounts: { order: 'text' },
  complete: false,
};
