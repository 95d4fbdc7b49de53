/**
 * Clamps a rule set into the shared bounds (./bounds.ts), so the engine never scores with a value
 * the UI could not have produced. Returns a new rule set; unknown criteria are dropped.
 */
import { QUALIFICATION_CRITERIA, type QualificationCriterion } from '../model/stages';
import { BOUNDS, clampTo } from './bounds';
import { FRAMEWORKS, type QualificationRules, type RuleSet } from './rules';

const th = (v: number) => clampTo(BOUNDS.threshold, v);

/** Qualification rules `q` (clamped) with the MQL mode and thresholds of `from`, clamped. */
export function clampMqlThresholds(q: QualificationRules, from: QualificationRules): QualificationRules {
  return {
    ...q,
    mqlMode: from.mqlMode === 'single-score' ? 'single-score' : 'two-score',
    mqlMinFit: th(from.mqlMinFit),
    mqlMinIntent: th(from.mqlMinIntent),
    mqlMinCombined: th(from.mqlMinCombined),
  };
}

export function clampRuleSet(r: RuleSet): RuleSet {
  const icpTier1 = th(r.tiers.icpTier1);
  const intentHigh = th(r.tiers.intentHigh);
  const q = r.qualification;
  return {
    fitRules: r.fitRules.map((f) => ({
      ...f,
      points: clampTo(f.op === 'always' ? BOUNDS.basePoints : BOUNDS.points, f.points),
    })),
    activities: r.activities.map((a) => ({
      ...a,
      points: clampTo(BOUNDS.points, a.points),
      cap: clampTo(BOUNDS.cap, a.cap),
    })),
    halfLifeDays: clampTo(BOUNDS.halfLifeDays, r.halfLifeDays),
    tiers: {
      icpTier1,
      icpTier2: Math.min(icpTier1, th(r.tiers.icpTier2)),
      intentHigh,
      intentMid: Math.min(intentHigh, th(r.tiers.intentMid)),
    },
    qualification: {
      mqlMode: q.mqlMode === 'single-score' ? 'single-score' : 'two-score',
      mqlMinFit: th(q.mqlMinFit),
      mqlMinIntent: th(q.mqlMinIntent),
      mqlMinCombined: th(q.mqlMinCombined),
      fitWeight: clampTo(BOUNDS.fitWeight, q.fitWeight),
      sqlActivity: q.sqlActivity,
      framework: (FRAMEWORKS as readonly string[]).includes(q.framework) ? q.framework : 'BANT',
      requiredCriteria: q.requiredCriteria.filter((c): c is QualificationCriterion =>
        (QUALIFICATION_CRITERIA as readonly string[]).includes(c),
      ),
    },
    maturityDays: clampTo(BOUNDS.maturityDays, r.maturityDays),
    scoringWindowDays: clampTo(BOUNDS.scoringWindowDays, r.scoringWindowDays),
  };
}
