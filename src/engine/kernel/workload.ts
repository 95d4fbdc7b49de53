/**
 * The scoring workload of the fused recompute kernel: which lead features it reads, their default
 * points, and the three thresholds it applies. Twenty features per lead, as in SPEC §4:
 *
 * - ten **fit** features, each 0 or 1 (a firmographic or persona rule matched), weighted by points;
 *   fit = clamp(Σ points × feature, 0, 100);
 * - ten **intent** features, each the lead's count of one kind of activity (saturating at 255),
 *   capped per kind and decayed by the age of the lead's latest activity:
 *   intent = clamp(Σ min(cap, points × count) × 0.5^(ageDays / halfLifeDays), 0, 100).
 *
 * One decay factor per lead (age of the latest activity, whole days) keeps the kernel to one pass
 * over 20 bytes of features per lead; the per-activity decay of the full scoring model is computed
 * when the features are built.
 */

/** Number of features per lead in the row-major feature matrix. */
export const FEATURE_COUNT = 20;
/** The first FIT_COUNT features are fit indicators, the rest intent counts. */
export const FIT_COUNT = 10;
/** Number of intent features. */
export const INTENT_COUNT = FEATURE_COUNT - FIT_COUNT;
/** Age value meaning "no activity at all": the decay factor is 0. */
export const NO_ACTIVITY_AGE = 65_535;
/** Bins of the intent-score histogram (each 2 points wide over 0–100). */
export const HISTOGRAM_BINS = 50;
/** Intent tiers in output order. */
export const INTENT_TIERS = ['High', 'Mid', 'Low'] as const;
/** Funnel stages the counts are broken down by: a lead's furthest recorded funnel stage. */
export const KERNEL_STAGES = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won'] as const;

/** Fit features: a name (what matched) and the default points. */
export const FIT_FEATURES = [
  { name: 'icp_industry', points: 20 },
  { name: 'icp_employees', points: 15 },
  { name: 'enterprise_employees', points: 5 },
  { name: 'revenue_over_50m', points: 10 },
  { name: 'icp_region', points: 10 },
  { name: 'buyer_persona', points: 15 },
  { name: 'senior_title', points: 10 },
  { name: 'business_email', points: 10 },
  { name: 'student', points: -40 },
  { name: 'free_mail', points: -15 },
] as const;

/** Intent features: the activity types counted, default points per activity and the cap per kind. */
export const INTENT_FEATURES = [
  { name: 'case_study', types: ['case_study_download'], points: 5, cap: 15 },
  { name: 'pricing', types: ['pricing_view'], points: 10, cap: 20 },
  { name: 'demo_request', types: ['demo_request'], points: 20, cap: 40 },
  { name: 'webinar', types: ['webinar_attended'], points: 8, cap: 16 },
  { name: 'email_click', types: ['email_click'], points: 3, cap: 9 },
  { name: 'email_reply', types: ['email_reply'], points: 10, cap: 20 },
  { name: 'comparison_or_roi', types: ['comparison_download', 'roi_calculator'], points: 12, cap: 24 },
  { name: 'integration', types: ['integration_view'], points: 6, cap: 12 },
  { name: 'trial_invite', types: ['trial_invite'], points: 15, cap: 30 },
  { name: 'unsubscribe', types: ['unsubscribe'], points: -20, cap: 0 },
] as const;

/** Points of every feature and the decay; plain arrays so they cross a worker boundary as JSON. */
export interface KernelWeights {
  /** Points per fit feature (FIT_COUNT values). */
  readonly fit: readonly number[];
  /** Points per activity of each intent kind (INTENT_COUNT values). */
  readonly intent: readonly number[];
  /** Cap of each intent kind's points before decay (INTENT_COUNT values). */
  readonly caps: readonly number[];
  /** Half-life of the intent decay in days (> 0). */
  readonly halfLifeDays: number;
}

/** The three thresholds (score points, 0–100). */
export interface KernelThresholds {
  /** MQL rule: fit ≥ mqlMinFit AND intent ≥ midIntent. */
  readonly mqlMinFit: number;
  /** Intent tier Mid (and the MQL rule's minimum intent). */
  readonly midIntent: number;
  /** Intent tier High. */
  readonly highIntent: number;
}

export const DEFAULT_KERNEL_WEIGHTS: KernelWeights = {
  fit: FIT_FEATURES.map((f) => f.points),
  intent: INTENT_FEATURES.map((f) => f.points),
  caps: INTENT_FEATURES.map((f) => f.cap),
  halfLifeDays: 30,
};

export const DEFAULT_KERNEL_THRESHOLDS: KernelThresholds = { mqlMinFit: 40, midIntent: 30, highIntent: 60 };
