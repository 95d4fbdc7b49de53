/**
 * `pipeline_by_quarter`: per fiscal close quarter, the open pipeline due (count and amount), the
 * same weighted by p(stage), the won amount and the quota, as `pipelineByQuarter` in
 * src/engine/forecast/pipeline.ts:
 * - a deal counts from its creation; a closed deal whose close is after the as-of was still open;
 *   a closed deal's close is its close date, else its last won/lost stage entry;
 * - open deals are placed by their close date (open deals without one are left out), won deals by
 *   their close;
 * - p(stage) (SPEC §10): of the deals that entered the stage by the as-of and closed in the lookback
 *   (the 3 × n months up to the as-of; a closed deal without a close instant is in every window),
 *   the share won; the user's probability where fewer than `minClosed` closed deals passed through;
 * - a deal's stage at the as-of is its last stage entry by then, else its current stage, else sqo.
 * Amounts are in the dataset currency (not rounded); a deal without an amount adds nothing.
 * Quarters: every quarter with a quota, an open deal due or a won deal.
 */
import { DEFAULT_MIN_CLOSED, DEFAULT_STAGE_PROBABILITIES } from '../engine/forecast/stage-probability';
import { lookbackStart, DEFAULT_LOOKBACK_QUARTERS } from '../engine/forecast/lookback';
import { asOfSql, type AsOf } from './as-of';
import { quarterSql } from './quarter-sql';
import {
  agg,
  and,
  bin,
  bool,
  caseWhen,
  cast,
  col,
  cte,
  epochMs,
  fn,
  inList,
  isNotNull,
  isNull,
  msMinusMonths,
  not,
  NULL,
  num,
  or,
  rowNumber,
  select,
  source,
  str,
  type Expr,
  type Query,
} from './sql/ast';

export interface PipelineOptions {
  readonly asOf: AsOf;
  readonly fiscalYearStartMonth?: number;
  /** Quarters of closed deals p(stage) reads (default 4); null for all history. */
  readonly lookbackQuarters?: number | null;
  /** Fewest closed deals through a stage for its historical rate to be used (default 20). */
  readonly minClosed?: number;
  /** User probabilities per stage (0-1); unlisted stages use the `sqo` entry. */
  readonly userProbabilities?: Readonly<Record<string, number>>;
  /**
   * Leaves out the deals of bot leads, as the app's unfiltered views do (default false: every deal
   * of the table counts).
   */
  readonly botsOut?: boolean;
}

function userProbability(stage: Expr, user: Readonly<Record<string, number>>): Expr {
  const fallback = user.sqo ?? DEFAULT_STAGE_PROBABILITIES.sqo!;
  const entries = Object.entries(user);
  return entries.length
    ? caseWhen(
        entries.map(([s, p]) => [bin('=', stage, str(s)), num(p)] as const),
        num(fallback),
      )
    : num(fallback);
}

export function pipelineByQuarterQuery(o: PipelineOptions): Query {
  const asOf = asOfSql(o.asOf);
  const fsm = o.fiscalYearStartMonth ?? 1;
  const q = o.lookbackQuarters === undefined ? DEFAULT_LOOKBACK_QUARTERS : o.lookbackQuarters;
  const from: Expr | null =
    q === null || !Number.isFinite(q)
      ? null
      : typeof o.asOf === 'number'
        ? num(lookbackStart(o.asOf, q))
        : msMinusMonths(asOf.expr, 3 * q);
  const lastClose = select({
    columns: [
      { e: col('h', 'opportunity_id'), as: 'opportunity_id' },
      { e: agg('MAX', col('h', 'entered_at')), as: 'closed_entry_at' },
    ],
    from: source('opportunity_stages', 'h'),
    where: inList(col('h', 'stage'), [str('won'), str('lost')]),
    groupBy: [col('h', 'opportunity_id')],
  });
  const lastStage = select({
    columns: [
      { e: col('h', 'opportunity_id'), as: 'opportunity_id' },
      { e: col('h', 'stage'), as: 'stage' },
      { e: rowNumber([col('h', 'opportunity_id')], [bin('-', num(0), epochMs(col('h', 'entered_at')))]), as: 'rn' },
    ],
    from: source('opportunity_stages', 'h'),
    where: bin('<=', epochMs(col('h', 'entered_at')), asOf.expr),
  });
  const closedTs = caseWhen(
    [[bin('=', col('o', 'status'), str('open')), NULL]],
    fn('COALESCE', col('o', 'close_date'), col('lc', 'closed_entry_at')),
  );
  const state = select({
    columns: [
      { e: col('o', 'id'), as: 'id' },
      { e: col('o', 'amount'), as: 'amount' },
      { e: col('o', 'close_date'), as: 'close_date' },
      { e: closedTs, as: 'closed_at' },
      {
        e: caseWhen(
          [
            [bin('=', col('o', 'status'), str('open')), str('open')],
            [or(isNull(closedTs), bin('<=', epochMs(closedTs), asOf.expr)), col('o', 'status')],
          ],
          str('open'),
        ),
        as: 'status_at',
      },
      { e: fn('COALESCE', col('ls', 'stage'), col('o', 'stage'), str('sqo')), as: 'stage_at' },
    ],
    from: source('opportunities', 'o'),
    joins: [
      { kind: 'LEFT', from: cte('last_close_entry', 'lc'), on: bin('=', col('lc', 'opportunity_id'), col('o', 'id')) },
      {
        kind: 'LEFT',
        from: cte('last_stage_entry', 'ls'),
        on: and(bin('=', col('ls', 'opportunity_id'), col('o', 'id')), bin('=', col('ls', 'rn'), num(1))),
      },
      ...(o.botsOut
        ? [{ kind: 'LEFT' as const, from: source('leads', 'bl'), on: bin('=', col('bl', 'id'), col('o', 'lead_id')) }]
        : []),
    ],
    where: and(
      bin('<=', epochMs(col('o', 'created_at')), asOf.expr),
      ...(o.botsOut ? [not(fn('COALESCE', col('bl', 'is_bot'), bool(false)))] : []),
    ),
  });
  const inWindow = and(
    inList(col('s', 'status_at'), [str('won'), str('lost')]),
    from === null ? bool(true) : or(isNull(col('s', 'closed_at')), bin('>', epochMs(col('s', 'closed_at')), from)),
  );
  const entered = select({
    distinct: true,
    columns: [
      { e: col('h', 'opportunity_id'), as: 'opportunity_id' },
      { e: col('h', 'stage'), as: 'stage' },
    ],
    from: source('opportunity_stages', 'h'),
    where: bin('<=', epochMs(col('h', 'entered_at')), asOf.expr),
  });
  const stats = select({
    columns: [
      { e: col('e', 'stage'), as: 'stage' },
      { e: agg('COUNT', '*'), as: 'closed' },
      { e: agg('SUM', caseWhen([[bin('=', col('s', 'status_at'), str('won')), num(1)]], num(0))), as: 'won' },
    ],
    from: cte('stage_entered', 'e'),
    joins: [
      { kind: 'INNER', from: cte('opportunity_state', 's'), on: bin('=', col('s', 'id'), col('e', 'opportunity_id')) },
    ],
    where: inWindow,
    groupBy: [col('e', 'stage')],
  });
  const user = o.userProbabilities ?? DEFAULT_STAGE_PROBABILITIES;
  const minClosed = o.minClosed ?? DEFAULT_MIN_CLOSED;
  const p = caseWhen(
    [
      [
        and(
          isNotNull(col('st', 'closed')),
          bin('>=', col('st', 'closed'), num(minClosed)),
          not(inList(col('s', 'stage_at'), [str('won'), str('lost')])),
        ),
        bin('/', cast(col('st', 'won'), 'double'), cast(col('st', 'closed'), 'double')),
      ],
    ],
    userProbability(col('s', 'stage_at'), user),
  );
  const open = and(bin('=', col('s', 'status_at'), str('open')), isNotNull(col('s', 'close_date')));
  const won = and(bin('=', col('s', 'status_at'), str('won')), isNotNull(col('s', 'closed_at')));
  const contributions = select({
    columns: [
      {
        e: caseWhen([
          [open, quarterSql(col('s', 'close_date'), fsm)],
          [won, quarterSql(col('s', 'closed_at'), fsm)],
        ]),
        as: 'quarter',
      },
      { e: caseWhen([[open, num(1)]], num(0)), as: 'open_due' },
      { e: caseWhen([[open, col('s', 'amount')]], num(0)), as: 'open_amount' },
      { e: caseWhen([[open, bin('*', col('s', 'amount'), p)]], num(0)), as: 'weighted_amount' },
      { e: caseWhen([[won, col('s', 'amount')]], num(0)), as: 'won_amount' },
    ],
    from: cte('opportunity_state', 's'),
    joins: [{ kind: 'LEFT', from: cte('stage_stats', 'st'), on: bin('=', col('st', 'stage'), col('s', 'stage_at')) }],
    where: or(open, won),
  });
  const byQuarter = select({
    columns: [
      { e: col('c', 'quarter'), as: 'quarter' },
      { e: agg('SUM', col('c', 'open_due')), as: 'open_due_count' },
      { e: agg('SUM', col('c', 'open_amount')), as: 'open_due_amount' },
      { e: agg('SUM', col('c', 'weighted_amount')), as: 'weighted_due_amount' },
      { e: agg('SUM', col('c', 'won_amount')), as: 'won_amount' },
    ],
    from: cte('contributions', 'c'),
    groupBy: [col('c', 'quarter')],
  });
  const quotas = select({
    columns: [
      { e: col('pl', 'quarter'), as: 'quarter' },
      { e: agg('SUM', col('pl', 'quota')), as: 'quota' },
    ],
    from: source('plan', 'pl'),
    groupBy: [col('pl', 'quarter')],
  });
  const allQuarters = {
    k: 'union' as const,
    parts: [
      select({ columns: [{ e: col('bq', 'quarter'), as: 'quarter' }], from: cte('by_quarter', 'bq') }),
      select({ columns: [{ e: col('qq', 'quarter'), as: 'quarter' }], from: cte('quotas', 'qq') }),
    ],
  };
  const quarters = select({
    distinct: true,
    columns: [{ e: col('a', 'quarter'), as: 'quarter' }],
    from: cte('quarter_list', 'a'),
  });
  const body = select({
    columns: [
      { e: col('k', 'quarter'), as: 'quarter' },
      { e: cast(fn('COALESCE', col('bq', 'open_due_count'), num(0)), 'bigint'), as: 'open_due_count' },
      { e: cast(fn('COALESCE', col('bq', 'open_due_amount'), num(0)), 'double'), as: 'open_due_amount' },
      { e: cast(fn('COALESCE', col('bq', 'weighted_due_amount'), num(0)), 'double'), as: 'weighted_due_amount' },
      { e: cast(fn('COALESCE', col('bq', 'won_amount'), num(0)), 'double'), as: 'won_amount' },
      { e: cast(col('qq', 'quota'), 'double'), as: 'quota' },
    ],
    from: cte('quarter_keys', 'k'),
    joins: [
      { kind: 'LEFT', from: cte('by_quarter', 'bq'), on: bin('=', col('bq', 'quarter'), col('k', 'quarter')) },
      { kind: 'LEFT', from: cte('quotas', 'qq'), on: bin('=', col('qq', 'quarter'), col('k', 'quarter')) },
    ],
    orderBy: [col('k', 'quarter')],
  });
  return {
    ctes: [
      ...asOf.ctes,
      ['last_close_entry', lastClose],
      ['last_stage_entry', lastStage],
      ['opportunity_state', state],
      ['stage_entered', entered],
      ['stage_stats', stats],
      ['contributions', contributions],
      ['by_quarter', byQuarter],
      ['quotas', quotas],
      ['quarter_list', allQuarters],
      ['quarter_keys', quarters],
    ],
    body,
  };
}
