/**
 * The rule set compiled to SQL producing `lead_scores`: one row per lead with `lead_id`, `fit`,
 * `intent`, `icp_tier`, `intent_tier`, `route`, `is_mql`, `is_sql`, `is_sqo` — the same figures as
 * the in-browser engine (src/engine/scoring):
 * - fit = Σ points of the matched fit rules, clamped to [0, 100];
 * - intent = Σ over activity types of the decayed points `points × Σ 0.5^(age_days / half_life)`,
 *   each type's total bounded to [−cap, cap], clamped to [0, 100]; activities after the lead's
 *   scoring instant do not count;
 * - the scoring instant is the as-of (`as-of`, the scores the app shows now) or, as the what-if and
 *   the model stage use (`history`), the earlier of the as-of, creation + the scoring window and the
 *   lead's first entry into SAL or a later stage;
 * - MQL: fit ≥ min fit AND intent ≥ min intent, or in single-score mode
 *   fitWeight × fit + (1 − fitWeight) × intent ≥ min combined;
 * - SQL: MQL AND an activity of the SQL rule's type at or before the as-of;
 * - SQO: SQL AND every required criterion true on the lead's first opportunity created by the as-of.
 * The rule set is clamped into the engine's bounds first, as the engine does.
 */
import type { RuleSet } from '../engine/scoring/rules';
import { ICP_TIERS, INTENT_TIERS, MATRIX_ROUTES } from '../engine/scoring/tiers';
import { clampRuleSet } from '../engine/scoring/validate';
import { DAY_MS } from '../engine/time';
import { asOfSql, FAR, type AsOf } from './as-of';
import { attributeSql, fitMatchSql } from './fit-sql';
import { criterionColumn, NO_CUSTOM_COLUMNS, type CustomColumns } from './schema';
import {
  agg,
  and,
  bin,
  bool,
  caseWhen,
  cast,
  clamp,
  col,
  cte,
  epochMs,
  fn,
  inList,
  isNotNull,
  num,
  rowNumber,
  select,
  source,
  str,
  sum,
  type Expr,
  type Query,
  type Select,
} from './sql/ast';

export type ScoringInstant = 'as-of' | 'history';

export interface LeadScoreOptions {
  readonly asOf: AsOf;
  /** Default `as-of`. */
  readonly scoringInstant?: ScoringInstant;
  /** Custom columns fit rules read, and whether each is a number (default: text). */
  readonly custom?: CustomColumns;
}

/** Σ points of the matched fit rules and base points (integers: the engine's bounds make points whole). */
function fitPoints(rules: RuleSet, custom: CustomColumns): Expr {
  const terms: Expr[] = [];
  for (const r of rules.fitRules) {
    if (r.points === 0) continue;
    if (r.op === 'always') {
      // Base points: every lead gets them, whatever the attribute names.
      terms.push(num(r.points));
      continue;
    }
    const attr = attributeSql(r.attribute, custom, 'l', 'a');
    if (!attr) continue;
    terms.push(caseWhen([[fitMatchSql(r, attr), num(r.points)]], num(0)));
  }
  return sum(terms);
}

/** The instant each lead is scored at, epoch ms. */
function scoringInstant(rules: RuleSet, instant: ScoringInstant, asOf: Expr): Expr {
  if (instant === 'as-of') return asOf;
  const window = bin('+', epochMs(col('l', 'created_at')), num(rules.scoringWindowDays * DAY_MS));
  const later = ['sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'].map((s) =>
    fn('COALESCE', epochMs(col('l', `${s}_at`)), num(FAR)),
  );
  return fn('LEAST', asOf, window, ...later);
}

/** Activity rules as the engine reads them: the last rule of a type wins; zero points count nothing. */
function activeRules(rules: RuleSet) {
  const byType = new Map(rules.activities.map((a) => [a.type, a]));
  return [...byType.values()].filter((a) => a.points !== 0);
}

function intentCtes(rules: RuleSet): (readonly [string, Select])[] {
  const acts = activeRules(rules);
  if (acts.length === 0) return [];
  const decayPerDay = Math.LN2 / rules.halfLifeDays;
  const ageDays = bin('/', bin('-', col('b', 'scored_at_ms'), epochMs(col('act', 'at'))), num(DAY_MS));
  const decayed = select({
    columns: [
      { e: col('b', 'lead_id'), as: 'lead_id' },
      { e: col('act', 'type'), as: 'type' },
      { e: fn('EXP', bin('*', num(-decayPerDay), ageDays)), as: 'decay' },
    ],
    from: cte('lead_base', 'b'),
    joins: [
      { kind: 'INNER', from: source('activities', 'act'), on: bin('=', col('act', 'lead_id'), col('b', 'lead_id')) },
    ],
    where: and(
      bin('<=', epochMs(col('act', 'at')), col('b', 'scored_at_ms')),
      inList(
        col('act', 'type'),
        acts.map((a) => str(a.type)),
      ),
    ),
  });
  const sums = select({
    columns: [
      { e: col('d', 'lead_id'), as: 'lead_id' },
      { e: col('d', 'type'), as: 'type' },
      { e: agg('SUM', col('d', 'decay')), as: 'decay_sum' },
    ],
    from: cte('decayed', 'd'),
    groupBy: [col('d', 'lead_id'), col('d', 'type')],
  });
  const capped = caseWhen(
    acts.map(
      (a) =>
        [
          bin('=', col('s', 'type'), str(a.type)),
          fn('LEAST', num(a.cap), fn('GREATEST', num(-a.cap), bin('*', num(a.points), col('s', 'decay_sum')))),
        ] as const,
    ),
    num(0),
  );
  const points = select({
    columns: [
      { e: col('s', 'lead_id'), as: 'lead_id' },
      { e: agg('SUM', capped), as: 'intent_points' },
    ],
    from: cte('type_sums', 's'),
    groupBy: [col('s', 'lead_id')],
  });
  return [
    ['decayed', decayed],
    ['type_sums', sums],
    ['intent_points', points],
  ];
}

export function leadScoresQuery(input: RuleSet, o: LeadScoreOptions): Query {
  const rules = clampRuleSet(input);
  const custom = o.custom ?? NO_CUSTOM_COLUMNS;
  const asOf = asOfSql(o.asOf);
  const q = rules.qualification;
  const base = select({
    columns: [
      { e: col('l', 'id'), as: 'lead_id' },
      { e: fitPoints(rules, custom), as: 'fit_points' },
      { e: scoringInstant(rules, o.scoringInstant ?? 'as-of', asOf.expr), as: 'scored_at_ms' },
    ],
    from: source('leads', 'l'),
    joins: [{ kind: 'LEFT', from: source('accounts', 'a'), on: bin('=', col('a', 'id'), col('l', 'account_id')) }],
  });
  const intent = intentCtes(rules);
  const sqlActivity = select({
    distinct: true,
    columns: [{ e: col('act', 'lead_id'), as: 'lead_id' }],
    from: source('activities', 'act'),
    where: and(bin('=', col('act', 'type'), str(q.sqlActivity)), bin('<=', epochMs(col('act', 'at')), asOf.expr)),
  });
  const criteria = q.requiredCriteria.map((c) => bin('=', col('o', criterionColumn(c)), bool(true)));
  const firstOpp = select({
    columns: [
      { e: col('o', 'lead_id'), as: 'lead_id' },
      { e: criteria.length ? caseWhen([[and(...criteria), bool(true)]], bool(false)) : bool(true), as: 'criteria_met' },
      { e: rowNumber([col('o', 'lead_id')], [epochMs(col('o', 'created_at')), col('o', 'id')]), as: 'rn' },
    ],
    from: source('opportunities', 'o'),
    where: and(isNotNull(col('o', 'lead_id')), bin('<=', epochMs(col('o', 'created_at')), asOf.expr)),
  });
  const scored = select({
    columns: [
      { e: col('b', 'lead_id'), as: 'lead_id' },
      { e: cast(clamp(col('b', 'fit_points'), 0, 100), 'double'), as: 'fit' },
      {
        e: cast(intent.length ? clamp(fn('COALESCE', col('ip', 'intent_points'), num(0)), 0, 100) : num(0), 'double'),
        as: 'intent',
      },
      { e: isNotNull(col('sa', 'lead_id')), as: 'has_sql_activity' },
      { e: fn('COALESCE', col('fo', 'criteria_met'), bool(false)), as: 'criteria_met' },
    ],
    from: cte('lead_base', 'b'),
    joins: [
      ...(intent.length
        ? [
            {
              kind: 'LEFT' as const,
              from: cte('intent_points', 'ip'),
              on: bin('=', col('ip', 'lead_id'), col('b', 'lead_id')),
            },
          ]
        : []),
      { kind: 'LEFT', from: cte('sql_activity', 'sa'), on: bin('=', col('sa', 'lead_id'), col('b', 'lead_id')) },
      {
        kind: 'LEFT',
        from: cte('first_opportunity', 'fo'),
        on: and(bin('=', col('fo', 'lead_id'), col('b', 'lead_id')), bin('=', col('fo', 'rn'), num(1))),
      },
    ],
  });
  const fit = col('s', 'fit');
  const it = col('s', 'intent');
  const t = rules.tiers;
  const mql =
    q.mqlMode === 'single-score'
      ? bin('>=', bin('+', bin('*', num(q.fitWeight), fit), bin('*', num(1 - q.fitWeight), it)), num(q.mqlMinCombined))
      : and(bin('>=', fit, num(q.mqlMinFit)), bin('>=', it, num(q.mqlMinIntent)));
  const tiered = select({
    columns: [
      { e: col('s', 'lead_id'), as: 'lead_id' },
      { e: fit, as: 'fit' },
      { e: it, as: 'intent' },
      {
        e: caseWhen(
          [
            [bin('>=', fit, num(t.icpTier1)), str(ICP_TIERS[0])],
            [bin('>=', fit, num(t.icpTier2)), str(ICP_TIERS[1])],
          ],
          str(ICP_TIERS[2]),
        ),
        as: 'icp_tier',
      },
      {
        e: caseWhen(
          [
            [bin('>=', it, num(t.intentHigh)), str(INTENT_TIERS[0])],
            [bin('>=', it, num(t.intentMid)), str(INTENT_TIERS[1])],
          ],
          str(INTENT_TIERS[2]),
        ),
        as: 'intent_tier',
      },
      { e: caseWhen([[mql, bool(true)]], bool(false)), as: 'is_mql' },
      { e: col('s', 'has_sql_activity'), as: 'has_sql_activity' },
      { e: col('s', 'criteria_met'), as: 'criteria_met' },
    ],
    from: cte('scored', 's'),
  });
  const route = caseWhen(
    ICP_TIERS.flatMap((icp, i) =>
      INTENT_TIERS.map(
        (tier, j) =>
          [
            and(bin('=', col('x', 'icp_tier'), str(icp)), bin('=', col('x', 'intent_tier'), str(tier))),
            str(MATRIX_ROUTES[i]![j]!),
          ] as const,
      ),
    ),
  );
  const isSql = and(col('x', 'is_mql'), col('x', 'has_sql_activity'));
  const body = select({
    columns: [
      { e: col('x', 'lead_id'), as: 'lead_id' },
      { e: col('x', 'fit'), as: 'fit' },
      { e: col('x', 'intent'), as: 'intent' },
      { e: col('x', 'icp_tier'), as: 'icp_tier' },
      { e: col('x', 'intent_tier'), as: 'intent_tier' },
      { e: route, as: 'route' },
      { e: col('x', 'is_mql'), as: 'is_mql' },
      { e: isSql, as: 'is_sql' },
      { e: and(isSql, col('x', 'criteria_met')), as: 'is_sqo' },
    ],
    from: cte('tiered', 'x'),
  });
  return {
    ctes: [
      ...asOf.ctes,
      ['lead_base', base],
      ...intent,
      ['sql_activity', sqlActivity],
      ['first_opportunity', firstOpp],
      ['scored', scored],
      ['tiered', tiered],
    ],
    body,
  };
}
