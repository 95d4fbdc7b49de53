/**
 * The fiscal quarter label of an instant (`2026-Q1`) in SQL, as `quarterOf` in src/engine/time.ts:
 * the fiscal year is named after the calendar year in which it ends, unless it starts in January.
 */
import { bin, caseWhen, cast, extract, num, str, type Expr } from './sql/ast';

export function quarterSql(ts: Expr, fiscalYearStartMonth: number): Expr {
  const fsm = Math.trunc(fiscalYearStartMonth);
  if (!(fsm >= 1 && fsm <= 12)) throw new Error(`The fiscal year start month is 1-12, not ${fiscalYearStartMonth}`);
  const month = cast(extract('MONTH', ts), 'bigint');
  const year = cast(extract('YEAR', ts), 'bigint');
  const monthsIn = caseWhen(
    [[bin('>=', month, num(fsm)), bin('-', month, num(fsm))]],
    bin('+', bin('-', month, num(fsm)), num(12)),
  );
  const q = caseWhen(
    [
      [bin('<', monthsIn, num(3)), num(1)],
      [bin('<', monthsIn, num(6)), num(2)],
      [bin('<', monthsIn, num(9)), num(3)],
    ],
    num(4),
  );
  const startYear = caseWhen([[bin('>=', month, num(fsm)), year]], bin('-', year, num(1)));
  const fy = fsm === 1 ? startYear : bin('+', startYear, num(1));
  return bin('||', bin('||', cast(fy, 'text'), str('-Q')), cast(q, 'text'));
}
