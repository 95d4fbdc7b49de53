/**
 * The rule set: every editable setting of scoring and qualification (SPEC §4, §10). Plain JSON so it
 * can live in the URL, in localStorage and cross the worker boundary. Compile it with
 * `compileRules` before scoring.
 */
import type { QualificationCriterion } from '../model/stages';

/**
 * An attribute a fit rule reads, as `<table>.<field>`:
 * `lead.title|persona|seniority|country|source|campaign|emailDomain`,
 * `account.industry|employees|annualRevenue|region|techStack`, or a custom column as
 * `lead.custom.<name>` / `account.custom.<name>`.
 */
export type AttributeRef = string;

/** How a fit rule matches. Text comparisons ignore case. */
export type FitMatch =
  | { readonly op: 'equals'; readonly value: string }
  | { readonly op: 'in'; readonly values: readonly string[] }
  /** Numeric range, inclusive `min`, exclusive `max`; either end may be absent. Money in currency units. */
  | { readonly op: 'range'; readonly min?: number; readonly max?: number }
  | { readonly op: 'contains'; readonly value: string }
  /** The lead has no value for the attribute: no text (blank counts as none), no number, or no account. */
  | { readonly op: 'empty' }
  /**
   * Every lead, whatever its attributes: base points, added before the 0–100 clamp (a fitted model's
   * intercept). `attribute` is not read (by convention `''`); bounded by BOUNDS.basePoints.
   */
  | { readonly op: 'always' };

/** Whether a rule matches a lead that has no value for its attribute. */
export const matchesMissing = (r: FitMatch): boolean => r.op === 'empty' || r.op === 'always';

/** One fit rule: when the attribute matches, the lead gets `points` (negative for disqualifiers). */
export type FitRule = {
  readonly id: string;
  readonly label: string;
  readonly attribute: AttributeRef;
  readonly points: number;
} & FitMatch;

/** Points of one activity type: each activity adds `points`, decayed; the type's total is capped. */
export interface ActivityRule {
  readonly type: string;
  readonly points: number;
  /** Bound on the magnitude of the type's decayed total (points). */
  readonly cap: number;
}

export const FRAMEWORKS = ['BANT', 'MEDDIC', 'MEDDPICC', 'CHAMP', 'SQO checklist'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export type MqlMode = 'two-score' | 'single-score';

export interface QualificationRules {
  /** `two-score`: fit ≥ mqlMinFit AND intent ≥ mqlMinIntent; `single-score`: combined ≥ mqlMinCombined. */
  readonly mqlMode: MqlMode;
  readonly mqlMinFit: number;
  readonly mqlMinIntent: number;
  readonly mqlMinCombined: number;
  /** Combined score = fitWeight × fit + (1 − fitWeight) × intent. */
  readonly fitWeight: number;
  /** SQL rule: MQL AND at least one activity of this type (default `meeting_booked`). */
  readonly sqlActivity: string;
  readonly framework: Framework;
  /** SQO rule: every one of these criteria is recorded true on the lead's opportunity. */
  readonly requiredCriteria: readonly QualificationCriterion[];
}

export interface TierRules {
  /** ICP tier 1 when fit ≥ this. */
  readonly icpTier1: number;
  /** ICP tier 2 when fit ≥ this (and below tier 1). */
  readonly icpTier2: number;
  /** High intent when intent ≥ this. */
  readonly intentHigh: number;
  /** Mid intent when intent ≥ this (and below High). */
  readonly intentMid: number;
}

export interface RuleSet {
  readonly fitRules: readonly FitRule[];
  readonly activities: readonly ActivityRule[];
  /** Intent decay half-life, days. */
  readonly halfLifeDays: number;
  readonly tiers: TierRules;
  readonly qualification: QualificationRules;
  /** A lead without an outcome counts as matured once older than this many days. */
  readonly maturityDays: number;
  /** When scoring history for accuracy and what-if, at most this many days of activity count. */
  readonly scoringWindowDays: number;
}
