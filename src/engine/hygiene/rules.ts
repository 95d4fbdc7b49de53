/**
 * The editable rules of the four SQO hygiene detectors (SPEC §7, §10), with their defaults.
 */
import type { QualificationCriterion } from '../model/stages';

/** BANT: the default required criteria of the fast-track detector. */
export const BANT_CRITERIA: readonly QualificationCriterion[] = ['budget', 'authority', 'need', 'timeline'];

export interface FastTrackRule {
  /** Flag an SQO reached less than this many hours after the lead's SQL entry (default 24). */
  readonly maxHoursSqlToSqo: number;
  /** Flag an SQO with any of these criteria false or unrecorded (default BANT). */
  readonly requiredCriteria: readonly QualificationCriterion[];
  /** Flag an SQO whose lead has no SQL entry at all, or that has no lead (default true). */
  readonly flagMissingSql: boolean;
}

export interface PassThroughRule {
  /** The sourcing claim that is checked (default `ae`). */
  readonly claimedBy: string;
  /** First-touch channels that justify the claim (default `outbound`); any other channel flags. */
  readonly ownChannels: readonly string[];
}

export interface RestageRule {
  /** The stage a deal moves back to (default `sqo`) after having been in a later canonical stage. */
  readonly backTo: string;
}

export interface MarketingRule {
  /** Window before the SQO date in which the first touch must fall to credit marketing (default 90). */
  readonly windowDays: number;
  /** Channels that are not marketing (default `outbound`, `partner`). */
  readonly nonMarketingChannels: readonly string[];
}

export interface HygieneRules {
  readonly fastTrack: FastTrackRule;
  readonly passThrough: PassThroughRule;
  readonly restage: RestageRule;
  readonly marketing: MarketingRule;
}

export const DEFAULT_HYGIENE_RULES: HygieneRules = {
  fastTrack: { maxHoursSqlToSqo: 24, requiredCriteria: BANT_CRITERIA, flagMissingSql: true },
  passThrough: { claimedBy: 'ae', ownChannels: ['outbound'] },
  restage: { backTo: 'sqo' },
  marketing: { windowDays: 90, nonMarketingChannels: ['outbound', 'partner'] },
};
