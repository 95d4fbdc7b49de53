/**
 * `funnel_reach`: how many leads reached each funnel stage, per lead source and creation quarter, in
 * both counting modes (SPEC §2, §5), as src/engine/funnel/reach.ts:
 * - in scope: not a bot, created by the as-of;
 * - recorded (strict): mql, sal, sql, disqualified from the lead's dates; sqo from its date or an
 *   opportunity created by the as-of; won from its date or an opportunity won (closed by the as-of,
 *   or without a close date); lost likewise, unless the lead is won;
 * - inclusive: a step stage (lead … sqo) counts when it or any later step stage, or lost, is recorded.
 * Rows: mode, source (NULL when the lead has none), created_quarter, then the count of each stage;
 * with `pairs`, also `both_<pair>`: the leads that reached both stages of each conversion of
 * src/engine/funnel/tally.ts (the numerators of its rates; in strict mode not the later count).
 */
import { STAGE_PAIRS } from '../engine/funnel/tally';
import { asOfSql, type AsOf } from './as-of';
import { quarterSql } from './quarter-sql';
import {
  agg,
  and,
  bin,
  bool,
  caseWhen,
  col,
  cte,
  epochMs,
  fn,
  isNotNull,
  num,
  or,
  select,
  source,
  str,
  not,
  type Expr,
  type Query,
  type Select,
} from './sql/ast';

export interface FunnelReachOptions {
  readonly asOf: AsOf;
  /** 1-12, default 1. */
  readonly fiscalYearStartMonth?: number;
  /** Adds the `both_<pair>` columns (default false). */
  readonly pairs?: boolean;
}

const STEPS = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won'] as const;
const STAGES = [...STEPS, 'lost', 'disqualified'] as const;

export function funnelReachQuery(o: FunnelReachOptions): Query {
  const asOf = asOfSql(o.asOf);
  const by = (c: string) => bin('<=', epochMs(col('l', c)), asOf.expr);
  const oppClosedBy = and(
    bin('<=', epochMs(col('o', 'created_at')), asOf.expr),
    fn('COALESCE', bin('<=', epochMs(col('o', 'close_date')), asOf.expr), bool(true)),
  );
  const opps = select({
    columns: [
      { e: col('o', 'lead_id'), as: 'lead_id' },
      {
        e: agg('MAX', caseWhen([[bin('<=', epochMs(col('o', 'created_at')), asOf.expr), num(1)]], num(0))),
        as: 'has_sqo',
      },
      {
        e: agg('MAX', caseWhen([[and(oppClosedBy, bin('=', col('o', 'status'), str('won'))), num(1)]], num(0))),
        as: 'has_won',
      },
      {
        e: agg('MAX', caseWhen([[and(oppClosedBy, bin('=', col('o', 'status'), str('lost'))), num(1)]], num(0))),
        as: 'has_lost',
      },
    ],
    from: source('opportunities', 'o'),
    where: isNotNull(col('o', 'lead_id')),
    groupBy: [col('o', 'lead_id')],
  });
  const flag = (e: Expr) => caseWhen([[e, bool(true)]], bool(false));
  const won = or(
    fn('COALESCE', by('won_at'), bool(false)),
    bin('=', fn('COALESCE', col('op', 'has_won'), num(0)), num(1)),
  );
  const recorded = select({
    columns: [
      { e: col('l', 'source'), as: 'source' },
      { e: quarterSql(col('l', 'created_at'), o.fiscalYearStartMonth ?? 1), as: 'created_quarter' },
      ...(['mql', 'sal', 'sql', 'disqualified'] as const).map((s) => ({ e: flag(by(`${s}_at`)), as: `r_${s}` })),
      {
        e: flag(
          or(fn('COALESCE', by('sqo_at'), bool(false)), bin('=', fn('COALESCE', col('op', 'has_sqo'), num(0)), num(1))),
        ),
        as: 'r_sqo',
      },
      { e: flag(won), as: 'r_won' },
      {
        e: flag(
          and(
            not(won),
            or(
              fn('COALESCE', by('lost_at'), bool(false)),
              bin('=', fn('COALESCE', col('op', 'has_lost'), num(0)), num(1)),
            ),
          ),
        ),
        as: 'r_lost',
      },
    ],
    from: source('leads', 'l'),
    joins: [
      { kind: 'LEFT', from: cte('lead_opportunities', 'op'), on: bin('=', col('op', 'lead_id'), col('l', 'id')) },
    ],
    where: and(not(fn('COALESCE', col('l', 'is_bot'), bool(false))), by('created_at')),
  });
  const r = (s: string) => col('r', `r_${s}`);
  const count = (e: Expr) => agg('SUM', caseWhen([[e, num(1)]], num(0)));
  const part = (mode: 'inclusive' | 'strict'): Select => {
    const reached = (s: (typeof STAGES)[number]): Expr => {
      if (s === 'lead') return bool(true);
      if (mode === 'strict' || s === 'won' || s === 'lost' || s === 'disqualified') return r(s);
      const later = STEPS.slice(STEPS.indexOf(s)).map((x) => r(x));
      return or(...later, r('lost'));
    };
    return select({
      columns: [
        { e: str(mode), as: 'mode' },
        { e: col('r', 'source'), as: 'source' },
        { e: col('r', 'created_quarter'), as: 'created_quarter' },
        ...STAGES.map((s) => ({ e: count(reached(s)), as: s === 'lead' ? 'leads' : s })),
        ...(o.pairs
          ? STAGE_PAIRS.map((p) => ({ e: count(and(reached(p.from), reached(p.to))), as: `both_${p.key}` }))
          : []),
      ],
      from: cte('recorded', 'r'),
      groupBy: [col('r', 'source'), col('r', 'created_quarter')],
    });
  };
  return {
    ctes: [...asOf.ctes, ['lead_opportunities', opps], ['recorded', recorded]],
    body: { k: 'union', parts: [part('inclusive'), part('strict')] },
  };
}
