/**
 * One word, one definition. The names of rates that are easily confused, and how coverage and the
 * gap to quota are said, shared by the views, the CSV headers, the CLI and the README glossary.
 */
import { formatMoney } from './format';

export interface Term {
  /** As a label on screen and in the CLI. */
  readonly label: string;
  /** As a CSV column header. */
  readonly csv: string;
  /** What it means, with its denominator. */
  readonly definition: string;
}

export const TERMS = {
  /** The one "win rate": deals. */
  winRate: {
    label: 'Win rate (won ÷ closed)',
    csv: 'win_rate_won_over_closed',
    definition: 'Won ÷ (won + lost) of the deals closed in the period.',
  },
  /** Conversion of a cohort of SQOs, whenever they close. */
  sqoToWonCohort: {
    label: 'SQO→won, cohort',
    csv: 'sqo_to_won_cohort',
    definition: 'Won ÷ SQOs created in the period, whenever they closed (open ones count as not won yet).',
  },
  /** Share of matured leads that were won (the Intent tier table). */
  wonOfMatured: {
    label: 'Won ÷ matured leads',
    csv: 'won_over_matured_leads',
    definition: 'Leads won ÷ matured leads (won, lost, disqualified, or past the maturity window).',
  },
} as const satisfies Record<string, Term>;

/** Where a quarter stands against its quota. */
export type CoverageStatus = 'met' | 'on track' | 'at risk';

/**
 * `met` once won reaches quota; `on track` when the projection (won + weighted open due) reaches
 * it; else `at risk`. The colour of coverage follows this, so it never contradicts the projection.
 */
export function coverageStatus(q: {
  readonly coverage: number | 'quota met';
  readonly projectedCents: number;
  readonly quotaCents: number;
}): CoverageStatus {
  if (q.coverage === 'quota met') return 'met';
  return q.projectedCents >= q.quotaCents ? 'on track' : 'at risk';
}

/** The gap to quota in words: gap = quota − projected, so a negative gap is ahead. */
export function gapText(gapCents: number, currency: string): string {
  if (gapCents === 0) return 'on quota';
  const amount = formatMoney(Math.abs(gapCents), currency, true);
  return gapCents < 0 ? `ahead by ${amount}` : `short by ${amount}`;
}
