/**
 * The rows of a deal list (the deals behind a forecast figure), each deal as it stood at `asOf`:
 * category, amount, close date, p(stage) and weighted amount, age, days in its current stage, how
 * many times its close date was pushed, and whether it is overdue (open, its close day over by asOf).
 */
import { dictValue, type Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON, type ForecastCategory } from '../model/stages';
import { DAY_MS, isoDate } from '../time';
import { categoryAt, DEFAULT_STAGE_CATEGORIES } from './categories';
import { dealStateAt } from './deal-history';
import { isOverdue } from './opportunity-time';
import { closeDateMoves } from './slippage';
import { daysInStage } from './stalled';
import { probabilityLookup, type StageProbabilityOptions } from './stage-probability';

export interface DealRow {
  readonly id: string;
  readonly owner: string | null;
  readonly status: 'open' | 'won' | 'lost';
  readonly stage: string;
  readonly category: string;
  /** Integer cents; null when unknown. */
  readonly amountCents: number | null;
  /** ISO date; null when none. */
  readonly closeDate: string | null;
  /** p(stage) of an open deal (1 won, 0 lost). */
  readonly p: number;
  readonly weightedCents: number | null;
  readonly ageDays: number;
  readonly daysInStage: number | null;
  readonly timesPushed: number;
  readonly overdue: boolean;
}

const STATUS = { [STATUS_OPEN]: 'open', [STATUS_WON]: 'won', [STATUS_LOST]: 'lost' } as const;

export interface DealRowOptions extends Partial<StageProbabilityOptions> {
  /** Stage → category map, as in `forecastCategories`; the default map where absent. */
  readonly stageCategories?: Readonly<Record<string, ForecastCategory>>;
}

export function dealRows(ds: Dataset, rows: readonly number[], asOf: number, opts: DealRowOptions = {}): DealRow[] {
  const O = ds.opportunities;
  const map = { ...DEFAULT_STAGE_CATEGORIES, ...opts.stageCategories };
  const lookup = probabilityLookup(ds, { ...opts, asOf });
  const pOf = (stage: string) => lookup(stage).p;
  return rows.map((j) => {
    const s = dealStateAt(ds, j, asOf);
    const status = STATUS[s.status as 0 | 1 | 2] ?? 'open';
    const p = status === 'won' ? 1 : status === 'lost' ? 0 : pOf(s.stage);
    const amount = Number.isFinite(s.amountCents) ? s.amountCents : null;
    const inStage = daysInStage(ds, j, asOf);
    return {
      id: O.id[j]!,
      owner: dictValue(O.owner, j) ?? null,
      status,
      stage: s.stage,
      category: categoryAt(ds, j, asOf, map)?.category ?? '',
      amountCents: amount,
      closeDate: Number.isFinite(s.closeDate) ? isoDate(s.closeDate) : null,
      p,
      weightedCents: amount === null ? null : Math.round(amount * p),
      ageDays: Math.floor((asOf - O.createdAt[j]!) / DAY_MS),
      daysInStage: status === 'open' && Number.isFinite(inStage) ? Math.floor(inStage) : null,
      timesPushed: closeDateMoves(ds, j, asOf).pushes,
      overdue: status === 'open' && isOverdue(s.closeDate, asOf),
    };
  });
}
