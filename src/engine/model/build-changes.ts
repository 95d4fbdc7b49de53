/**
 * The deal history of the record set as CSR columns (see `ChangeColumns`). Each opportunity's
 * changes are stably sorted by time, so same-instant changes keep their recorded order.
 */
import type { ChangeColumns } from './columns';
import type { DictBuilder } from './dict-builder';
import type { OpportunityChange, OpportunityRecord } from './records';
import { FORECAST_CATEGORIES } from './stages';

const CATEGORY_CODE = new Map<string, number>(FORECAST_CATEGORIES.map((c, i) => [c, i]));

function sorted(changes: readonly OpportunityChange[]): readonly OpportunityChange[] {
  for (let i = 1; i < changes.length; i++) {
    if (changes[i]!.at < changes[i - 1]!.at) return [...changes].sort((x, y) => x.at - y.at);
  }
  return changes;
}

/** An empty history for `opportunities` deals. */
export function emptyChanges(opportunities: number): ChangeColumns {
  return {
    start: new Int32Array(opportunities + 1),
    at: new Float64Array(0),
    stage: new Int32Array(0),
    amountCents: new Float64Array(0),
    closeDate: new Float64Array(0),
    probability: new Float64Array(0),
    forecastCategory: new Int8Array(0),
  };
}

/**
 * Stage names of the changes are coded with `stageNames`, the same dictionary as the stage history.
 * `toPlan` turns an amount in the deal's currency into plan-currency cents (NaN when it cannot).
 */
export function buildChanges(
  opps: readonly OpportunityRecord[],
  stageNames: DictBuilder,
  toPlan: (cents: number | undefined, currency: string | undefined) => number = (c) => c ?? NaN,
): ChangeColumns {
  let total = 0;
  for (const o of opps) total += o.changes?.length ?? 0;
  const start = new Int32Array(opps.length + 1);
  const at = new Float64Array(total);
  const stage = new Int32Array(total);
  const amountCents = new Float64Array(total);
  const closeDate = new Float64Array(total);
  const probability = new Float64Array(total);
  const forecastCategory = new Int8Array(total);
  let k = 0;
  opps.forEach((o, i) => {
    start[i] = k;
    for (const c of sorted(o.changes ?? [])) {
      at[k] = c.at;
      stage[k] = c.stage === undefined ? -1 : stageNames.code(c.stage);
      amountCents[k] = toPlan(c.amountCents, o.currency);
      closeDate[k] = c.closeDate ?? NaN;
      probability[k] = c.probability ?? NaN;
      forecastCategory[k] = c.forecastCategory === undefined ? -1 : (CATEGORY_CODE.get(c.forecastCategory) ?? -1);
      k++;
    }
  });
  start[opps.length] = k;
  return { start, at, stage, amountCents, closeDate, probability, forecastCategory };
}
