/**
 * The Funnel view's state, kept in the URL so a link reproduces what the sender saw: counting mode,
 * conversion basis and window, breakdown, chart choices and the drill-down selection. Malformed
 * values fall back to the defaults, never throw.
 */
import type { GroupPickRule } from '../../engine/funnel/group-pick';
import { DEFAULT_MIN_SAMPLE } from '../../engine/funnel/stats';
import type { FunnelMode } from '../../engine/funnel/reach';
import type { PairKey } from '../../engine/funnel/tally';
import type { ConversionBasis, DrillTarget } from '../../worker/api';
import { updateSearch, useSearch } from '../../state/url';

export type { ConversionBasis, FunnelMode, GroupPickRule, PairKey };
export const GROUP_PICK_RULES: readonly GroupPickRule[] = ['sampled', 'volume', 'rate', 'chosen'];
export type ComparedRate = 'mqlToSqo' | 'sqlToSqo';

export const PAIR_KEYS: readonly PairKey[] = [
  'leadToMql',
  'mqlToSal',
  'salToSql',
  'sqlToSqo',
  'mqlToSqo',
  'mqlToWon',
  'sqoToWon',
];
export const WINDOWS: readonly (number | null)[] = [null, 30, 60, 90, 180];

/** Rates over fewer leads or deals than this are drawn faded and labelled with their n. */
export { DEFAULT_MIN_SAMPLE };
/** Bounds of the sample threshold, shared by the input and the URL parser. */
export const MIN_SAMPLE_BOUNDS = { min: 1, max: 1000 } as const;

function parseMinSample(raw: string | null): number {
  const v = Number(raw);
  return raw && Number.isInteger(v) && v >= MIN_SAMPLE_BOUNDS.min && v <= MIN_SAMPLE_BOUNDS.max
    ? v
    : DEFAULT_MIN_SAMPLE;
}

export interface DrillSelection {
  readonly target: DrillTarget;
  readonly group?: { readonly dimension: string; readonly label: string };
  /** What the user clicked, e.g. "Won" or "MQL→SQO, 2026-Q1, paid_search". */
  readonly title: string;
}

export interface FunnelParams {
  readonly mode: FunnelMode;
  readonly basis: ConversionBasis;
  /** Breakdown dimension id. */
  readonly by: string;
  /** Cohort window in days; null for none. */
  readonly window: number | null;
  /** The conversion shown by quarter. */
  readonly pair: PairKey;
  /** The rate compared across groups. */
  readonly compare: ComparedRate;
  /** How the comparison chart picks its groups; `sampled` (every group reaching the threshold) by default. */
  readonly groups: GroupPickRule;
  /** Groups ticked for the `chosen` rule (URL: one `g` per group). */
  readonly chosen: readonly string[];
  readonly measure: 'count' | 'amount';
  /** Sample threshold: a rate over fewer leads or deals is a small sample, drawn faded with its n. */
  readonly minSample: number;
  readonly drill: DrillSelection | null;
}

const KINDS = ['stage', 'skipped', 'cohort', 'entries', 'duration'];

function parseDrill(raw: string | null): DrillSelection | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as DrillSelection;
    return v && typeof v === 'object' && typeof v.title === 'string' && KINDS.includes(v.target?.kind) ? v : null;
  } catch {
    return null;
  }
}

export function parseFunnelParams(p: URLSearchParams): FunnelParams {
  const win = Number(p.get('window'));
  const pair = p.get('pair') as PairKey;
  return {
    mode: p.get('mode') === 'strict' ? 'strict' : 'inclusive',
    basis: p.get('basis') === 'period' ? 'period' : 'cohort',
    by: p.get('by') || 'source',
    window: WINDOWS.includes(win) && win > 0 ? win : null,
    pair: PAIR_KEYS.includes(pair) ? pair : 'mqlToSqo',
    compare: p.get('compare') === 'sqlToSqo' ? 'sqlToSqo' : 'mqlToSqo',
    groups: GROUP_PICK_RULES.find((r) => r === p.get('groups')) ?? 'sampled',
    chosen: p.getAll('g').filter((g) => g.length > 0),
    measure: p.get('measure') === 'amount' ? 'amount' : 'count',
    minSample: parseMinSample(p.get('minN')),
    drill: parseDrill(p.get('drill')),
  };
}

/** Writes a change; defaults leave no trace in the URL. */
export function writeFunnelParams(p: URLSearchParams, patch: Partial<FunnelParams>): void {
  const set = (key: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) p.delete(key);
    else p.set(key, value);
  };
  if (patch.mode !== undefined) set('mode', patch.mode, 'inclusive');
  if (patch.basis !== undefined) set('basis', patch.basis, 'cohort');
  if (patch.by !== undefined) set('by', patch.by, 'source');
  if (patch.window !== undefined) set('window', patch.window === null ? null : String(patch.window), null);
  if (patch.pair !== undefined) set('pair', patch.pair, 'mqlToSqo');
  if (patch.compare !== undefined) set('compare', patch.compare, 'mqlToSqo');
  if (patch.groups !== undefined) set('groups', patch.groups, 'sampled');
  if (patch.chosen !== undefined) {
    p.delete('g');
    for (const g of patch.chosen) p.append('g', g);
  }
  if (patch.measure !== undefined) set('measure', patch.measure, 'count');
  if (patch.minSample !== undefined) set('minN', String(patch.minSample), String(DEFAULT_MIN_SAMPLE));
  if (patch.drill !== undefined) set('drill', patch.drill === null ? null : JSON.stringify(patch.drill), null);
}

export function useFunnelParams(): FunnelParams {
  return parseFunnelParams(useSearch());
}

export const funnelActions = {
  optionChanged(patch: Partial<Omit<FunnelParams, 'drill'>>): void {
    updateSearch((p) => writeFunnelParams(p, patch));
  },
  barClicked(drill: DrillSelection): void {
    updateSearch((p) => writeFunnelParams(p, { drill }));
  },
  drillClosed(): void {
    updateSearch((p) => writeFunnelParams(p, { drill: null }));
  },
};
