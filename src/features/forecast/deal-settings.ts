/**
 * The URL state of the Forecast view's deal-history part: `cat.<stage>` (a stage's forecast
 * category where it differs from the default map; its codec is in state/stage-categories.ts, as a
 * saved rule set restores it too) and `deals` (the figure whose deals are listed).
 */
import { FORECAST_CATEGORIES } from '../../engine/model/stages';
import { readStageCategories } from '../../state/stage-categories';
import { updateSearch, useSearch } from '../../state/url';
import type { AccuracyPart, CumulativeCategory, DealTarget, SqoLagSeries } from '../../worker/api';

export const CATEGORY_IDS = FORECAST_CATEGORIES;
export type CategoryId = (typeof CATEGORY_IDS)[number];

const CUMULATIVE: readonly CumulativeCategory[] = ['closed', 'commit', 'best_case', 'pipeline'];
const ACCURACY_PARTS: readonly AccuracyPart[] = [
  'weighted',
  'commit',
  'bestCase',
  'sqoLag',
  'repProbability',
  'wonToDate',
];
const SQO_LAG_SERIES: readonly SqoLagSeries[] = ['sqos', 'forecast', 'toDate'];
const STEPS = ['start', 'created', 'pulledIn', 'pushedOut', 'amountUp', 'amountDown', 'won', 'lost', 'end'] as const;

export const parseStageCategories = readStageCategories;

/** A target read from the URL; null when it is not one. */
export function parseDealTarget(raw: string | null): DealTarget | null {
  if (!raw) return null;
  let t: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    t = v as Record<string, unknown>;
  } catch {
    return null;
  }
  const q = typeof t.quarter === 'string' && /^\d{4}-Q[1-4]$/.test(t.quarter) ? t.quarter : null;
  switch (t.kind) {
    case 'waterfall':
      return q && (STEPS as readonly unknown[]).includes(t.step)
        ? { kind: 'waterfall', quarter: q, step: t.step as (typeof STEPS)[number] }
        : null;
    case 'category':
      return q && (CUMULATIVE as readonly unknown[]).includes(t.category)
        ? { kind: 'category', quarter: q, category: t.category as CumulativeCategory }
        : null;
    case 'due':
      return q ? { kind: 'due', quarter: q, weighted: t.weighted === true } : null;
    case 'open':
      return t.weighted === true ? { kind: 'open', weighted: true } : { kind: 'open' };
    case 'expected':
      return { kind: 'expected', basis: t.basis === 'winRate' ? 'winRate' : 'weighted' };
    case 'won':
      return q ? { kind: 'won', quarter: q } : null;
    case 'projected':
      return q ? { kind: 'projected', quarter: q } : null;
    case 'stage':
      return typeof t.stage === 'string' && t.stage !== ''
        ? { kind: 'stage', stage: t.stage, weighted: t.weighted === true }
        : null;
    case 'overdue':
      return { kind: 'overdue' };
    case 'undated':
      return { kind: 'undated' };
    case 'sqoLag':
      return q && (SQO_LAG_SERIES as readonly unknown[]).includes(t.series)
        ? { kind: 'sqoLag', quarter: q, series: t.series as SqoLagSeries }
        : null;
    case 'lookback':
      return { kind: 'lookback', won: t.won === true };
    case 'accuracy':
      return (ACCURACY_PARTS as readonly unknown[]).includes(t.part)
        ? { kind: 'accuracy', part: t.part as AccuracyPart }
        : null;
    case 'pushed':
      return { kind: 'pushed', twice: t.twice === true };
    case 'slipClosed':
      return { kind: 'slipClosed', pushed: t.pushed === true };
    case 'stalled':
      return typeof t.stage === 'string' && t.stage !== '' ? { kind: 'stalled', stage: t.stage } : { kind: 'stalled' };
    default:
      return null;
  }
}

export function useStageCategories(): Record<string, CategoryId> {
  return parseStageCategories(useSearch());
}

export function useDealTarget(): DealTarget | null {
  return parseDealTarget(useSearch().get('deals'));
}

export const dealActions = {
  /** `isDefault`: the choice equals the default map's, so it leaves no trace in the URL. */
  stageCategoryChanged(stage: string, category: CategoryId, isDefault: boolean): void {
    updateSearch((p) => (isDefault ? p.delete(`cat.${stage}`) : p.set(`cat.${stage}`, category)));
  },
  figureOpened(target: DealTarget): void {
    updateSearch((p) => p.set('deals', JSON.stringify(target)));
  },
  listClosed(): void {
    updateSearch((p) => p.delete('deals'));
  },
};
