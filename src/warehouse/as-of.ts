/**
 * The "as of" instant of the compiled SQL (SPEC §10): an instant fixed when the SQL is made, or the
 * latest recorded event in the tables, as the app defaults to: lead creation and stage entries,
 * activities, opportunity creation, stage history and recorded changes, and the close of closed deals (a planned
 * close date of an open deal never moves it).
 */
import { agg, bin, col, cte, epochMs, fn, num, scalar, select, source, str, type Expr, type Select } from './sql/ast';
import { LEAD_STAGE_COLUMNS } from './schema';

/** Epoch ms, or `latest` for the latest recorded event in the data. */
export type AsOf = number | 'latest';

/** Beyond any instant a JavaScript date can hold (±8.64e15 ms). */
export const FAR = 8.64e15;

const AS_OF_CTE = 'revlens_as_of';

function maxOf(table: string, column: string, where?: Expr): Expr {
  return fn(
    'COALESCE',
    scalar({
      ctes: [],
      body: select({
        columns: [{ e: agg('MAX', epochMs(col('t', column))), as: 'm' }],
        from: source(table, 't'),
        ...(where ? { where } : {}),
      }),
    }),
    num(-FAR),
  );
}

/** The CTE that computes the latest recorded instant (epoch ms) as `as_of_ms`. */
function latestCte(): Select {
  const maxes = [
    maxOf('leads', 'created_at'),
    ...LEAD_STAGE_COLUMNS.map((s) => maxOf('leads', `${s}_at`)),
    maxOf('activities', 'at'),
    maxOf('opportunities', 'created_at'),
    maxOf('opportunity_stages', 'entered_at'),
    maxOf('opportunity_history', 'at'),
    maxOf('opportunities', 'close_date', bin('<>', col('t', 'status'), str('open'))),
  ];
  return select({ columns: [{ e: fn('GREATEST', ...maxes), as: 'as_of_ms' }] });
}

/** The as-of expression (epoch ms) and the CTEs it needs. */
export function asOfSql(asOf: AsOf): { readonly expr: Expr; readonly ctes: readonly (readonly [string, Select])[] } {
  if (asOf !== 'latest') {
    if (!Number.isFinite(asOf)) throw new Error(`The as-of instant must be a finite epoch-ms number, not ${asOf}`);
    return { expr: num(asOf), ctes: [] };
  }
  const ref = scalar({
    ctes: [],
    body: select({ columns: [{ e: col('ao', 'as_of_ms'), as: 'as_of_ms' }], from: cte(AS_OF_CTE, 'ao') }),
  });
  return { expr: ref, ctes: [[AS_OF_CTE, latestCte()]] };
}
