/** The leads behind a funnel figure, as table rows for the drill-down. */
import type { Dataset } from '../../engine/model/columns';
import { dictValue } from '../../engine/model/columns';
import { drillLeads, type DrillTarget } from '../../engine/funnel/drill';
import { STEP_STAGES } from '../../engine/funnel/reach';
import { segmentOf } from '../../engine/segments';
import { isoDate } from '../../engine/time';
import { resolveGroups, type ExtraDimension, type ResolvedScope } from './funnel-scope';

export interface DrillInput {
  readonly target: DrillTarget;
  /** Restrict to one group of a breakdown dimension (by label; "(none)" for no value). */
  readonly group?: { readonly dimension: string; readonly label: string };
}

/** Column keys of the drill-down rows, in order. */
export const DRILL_COLUMNS = [
  'id',
  'createdAt',
  'source',
  'campaign',
  'owner',
  'segment',
  'furthestStage',
  'mqlAt',
  'sqlAt',
  'sqoAt',
  'outcome',
  'amountCents',
] as const;

export type DrillColumn = (typeof DRILL_COLUMNS)[number];

export type DrillCell = string | number | null;

export interface DrillRows {
  readonly leads: number;
  /** What each cell of a row holds, in order (`DRILL_COLUMNS`). */
  readonly columns: readonly DrillColumn[];
  /** One row per lead, cells in `columns` order; dates are ISO days, amounts integer cents. */
  readonly rows: readonly (readonly DrillCell[])[];
}

const day = (t: number): string | null => (Number.isFinite(t) ? isoDate(t) : null);

export function buildDrillRows(
  ds: Dataset,
  scope: ResolvedScope,
  input: DrillInput,
  extra: readonly ExtraDimension[] = [],
): DrillRows {
  const { reach, periods } = scope;
  const groups = input.group ? resolveGroups(ds, input.group.dimension, extra) : null;
  if (input.group && !groups) throw new Error(`Unknown breakdown "${input.group.dimension}".`);
  const idx = drillLeads(
    reach,
    input.target,
    periods,
    groups && input.group ? { groups, label: input.group.label } : undefined,
  );
  const L = ds.leads;
  const rows = Array.from(idx, (i): DrillCell[] => {
    let furthest = 'lead';
    for (const s of STEP_STAGES) if (reach.reached[s][i]) furthest = s;
    const a = L.account[i]!;
    const outcome = reach.reached.won[i]
      ? 'won'
      : reach.reached.lost[i]
        ? 'lost'
        : reach.reached.disqualified[i]
          ? 'disqualified'
          : 'open';
    return [
      L.id[i]!,
      day(L.createdAt[i]!),
      dictValue(L.source, i) ?? null,
      dictValue(L.campaign, i) ?? null,
      dictValue(L.owner, i) ?? null,
      segmentOf(a < 0 ? NaN : ds.accounts.employees[a]!),
      furthest,
      day(reach.at.mql[i]!),
      day(reach.at.sql[i]!),
      day(reach.at.sqo[i]!),
      outcome,
      reach.amountCents[i]!,
    ];
  });
  return { leads: rows.length, columns: DRILL_COLUMNS, rows };
}
