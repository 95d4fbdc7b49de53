/** The lead, account and activity columns the streaming loader reads for scoring and the funnel. */
import type { AccountColumns, LeadColumns } from '../../engine/model/columns';

export type ScoringLeadColumns = Pick<LeadColumns, 'count' | 'account' | 'email' | 'persona' | 'seniority' | 'source' | 'isBot' | 'stageAt'>;
export type ScoringAccountColumns = Pick<AccountColumns, 'industry' | 'employees' | 'annualRevenueCents' | 'region'>;

/** Activities as flat arrays: activity j belongs to lead row `lead[j]` (-1 = unknown lead). */
export interface FlatActivities {
  readonly count: number;
  readonly lead: Int32Array;
  readonly type: Uint8Array;
  readonly typeNames: readonly string[];
  readonly at: Float64Array;
}

export interface ScoringInput {
  readonly leads: ScoringLeadColumns;
  readonly accounts: ScoringAccountColumns;
  readonly activities: FlatActivities;
}
