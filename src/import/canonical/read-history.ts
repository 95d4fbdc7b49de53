/**
 * opportunity_history.csv → the recorded changes of each opportunity (SPEC §3). One row per change;
 * a field left empty is unchanged by the row. A deal whose stage history opportunity_stages.csv did
 * not give gets it from the stage changes here (a row that repeats the current stage is no entry).
 */
import type { OpportunityChange, OpportunityRecord } from '../../engine/model/records';
import { FORECAST_CATEGORY_HINT, parseForecastCategory, parseProbability } from '../values/forecast-category';
import type { ReportBuilder } from '../report';
import { OPPORTUNITY_HISTORY_COLUMNS } from './columns';
import { eachRow, type RowReader } from './row-reader';
import { openTable, type SourceFile } from './table';

/** A change as read, with the values before it when the file gives them. */
interface RowChange {
  readonly change: OpportunityChange;
  readonly prevAmountCents?: number;
  readonly prevCloseDate?: number;
}

function readChange(r: RowReader, at: number): RowChange {
  const change: OpportunityChange = { at };
  const stage = r.text('stage');
  const amountCents = r.money('amount', false);
  const closeDate = r.date('close_date', false);
  const p = r.text('probability');
  const category = r.text('forecast_category');
  if (stage !== undefined) change.stage = stage;
  if (amountCents !== undefined) change.amountCents = amountCents;
  if (closeDate !== undefined) change.closeDate = closeDate;
  if (p !== undefined) {
    const probability = parseProbability(p);
    if (probability === undefined)
      r.tally.repair('probability', p, 'not a probability (0–1, or a percentage like 25%): value dropped');
    else change.probability = probability;
  }
  if (category !== undefined) {
    const forecastCategory = parseForecastCategory(category);
    if (forecastCategory === undefined)
      r.tally.repair(
        'forecast_category',
        category,
        `unknown forecast category (${FORECAST_CATEGORY_HINT}): value dropped`,
      );
    else change.forecastCategory = forecastCategory;
  }
  const prevAmountCents = r.money('prev_amount', false);
  const prevCloseDate = r.date('prev_close_date', false);
  return {
    change,
    ...(prevAmountCents !== undefined && { prevAmountCents }),
    ...(prevCloseDate !== undefined && { prevCloseDate }),
  };
}

const setsSomething = (c: OpportunityChange) =>
  c.stage !== undefined ||
  c.amountCents !== undefined ||
  c.closeDate !== undefined ||
  c.probability !== undefined ||
  c.forecastCategory !== undefined;

/**
 * The value a deal had before its first recorded change of amount (or close date), from that
 * change's prev_ column, placed at the deal's creation; one that cannot be placed there is counted.
 */
function priorValues(
  o: OpportunityRecord,
  rows: readonly RowChange[],
): { changes: OpportunityChange[]; unplaced: number } {
  const prior: OpportunityChange = { at: o.createdAt };
  let unplaced = 0;
  const firstAmount = rows.find((x) => x.change.amountCents !== undefined);
  const firstClose = rows.find((x) => x.change.closeDate !== undefined);
  if (firstAmount?.prevAmountCents !== undefined) {
    if (o.createdAt < firstAmount.change.at) prior.amountCents = firstAmount.prevAmountCents;
    else unplaced++;
  }
  if (firstClose?.prevCloseDate !== undefined) {
    if (o.createdAt < firstClose.change.at) prior.closeDate = firstClose.prevCloseDate;
    else unplaced++;
  }
  return { changes: setsSomething(prior) ? [prior] : [], unplaced };
}

/** Stage entries from the stage changes: each change to a stage other than the current one. */
function stageEntries(changes: readonly OpportunityChange[]): { stage: string; at: number }[] {
  const out: { stage: string; at: number }[] = [];
  for (const c of changes) {
    if (c.stage !== undefined && c.stage !== out[out.length - 1]?.stage) out.push({ stage: c.stage, at: c.at });
  }
  return out;
}

/**
 * Reads opportunity_history.csv into `changes` of the opportunities read (each in time order; a
 * sort that changed anything is reported). A row that sets none of the fields is rejected.
 */
export function readOpportunityHistory(
  file: SourceFile,
  opportunities: OpportunityRecord[],
  report: ReportBuilder,
): void {
  const spec = { known: OPPORTUNITY_HISTORY_COLUMNS, required: ['opportunity_id', 'at'], keepsCustom: false };
  const table = openTable(file, spec, report);
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  const ids = new Set(byId.keys());
  const rows = new Map<OpportunityRecord, RowChange[]>();
  eachRow(table, report.file(file.name), (r) => {
    const id = r.requiredRef('opportunity_id', ids, 'opportunities.csv');
    const at = r.date('at', true);
    if (r.rejected || id === undefined || at === undefined) return;
    const row = readChange(r, at);
    if (!setsSomething(row.change)) {
      r.tally.reject(
        undefined,
        undefined,
        'the row records no stage, amount, close date, probability or forecast category',
      );
      return;
    }
    const o = byId.get(id)!;
    const list = rows.get(o) ?? [];
    list.push(row);
    rows.set(o, list);
  });
  let reordered = 0;
  let unplacedTotal = 0;
  let stagesFromHistory = 0;
  for (const [o, list] of rows) {
    const sorted = [...list].sort((a, b) => a.change.at - b.change.at);
    if (sorted.some((x, i) => x !== list[i])) reordered++;
    const { changes: prior, unplaced } = priorValues(o, sorted);
    unplacedTotal += unplaced;
    o.changes = [...prior, ...sorted.map((x) => x.change)];
    if (o.stageHistory.length === 0) {
      o.stageHistory = stageEntries(o.changes);
      if (o.stageHistory.length > 0) stagesFromHistory++;
    }
  }
  if (reordered > 0) {
    report.warn(
      file.name,
      `${reordered} opportunit${reordered === 1 ? "y's" : "ies'"} history was not in time order and was sorted by at`,
    );
  }
  if (unplacedTotal > 0) {
    report.warn(
      file.name,
      `${unplacedTotal} previous value${unplacedTotal === 1 ? '' : 's'} (prev_amount, prev_close_date) not used: the deal's created_at is not before its first change`,
    );
  }
  if (stagesFromHistory > 0) {
    report.warn(
      file.name,
      `the stage history of ${stagesFromHistory} opportunit${stagesFromHistory === 1 ? 'y' : 'ies'} was read from the stage changes of this file`,
    );
  }
}
