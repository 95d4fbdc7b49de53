/**
 * Win rate of deals closed in each period (SPEC §5): won ÷ (won + lost) over the leads whose
 * opportunity closed in the period (by the won or lost time). The cohort win rate — won ÷ all SQOs
 * created in the period, once matured — is the cohort conversion SQO→won (conversion.ts).
 */
import type { Period } from './periods';
import { periodIndex } from './periods';
import type { StageReach } from './reach';
import { rateEstimate, type RateEstimate } from './stats';

/** `rate` is won ÷ (won + lost), null when nothing closed; `n` = won + lost, with its 95% Wilson bounds. */
export interface ClosedWinRate extends RateEstimate {
  readonly period: string;
  readonly won: number;
  readonly lost: number;
}

export function closedWinRates(reach: StageReach, periods: readonly Period[]): ClosedWinRate[] {
  const won = new Int32Array(periods.length);
  const lost = new Int32Array(periods.length);
  for (let i = 0; i < reach.inScope.length; i++) {
    if (!reach.inScope[i]) continue;
    if (reach.reached.won[i]) {
      const p = periodIndex(periods, reach.at.won[i]!);
      if (p >= 0) won[p]!++;
    } else if (reach.reached.lost[i]) {
      const p = periodIndex(periods, reach.at.lost[i]!);
      if (p >= 0) lost[p]!++;
    }
  }
  return periods.map((period, p) => ({
    period: period.label,
    won: won[p]!,
    lost: lost[p]!,
    ...rateEstimate(won[p]!, won[p]! + lost[p]!),
  }));
}
