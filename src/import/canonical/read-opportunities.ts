/** opportunities.csv and opportunity_stages.csv → OpportunityRecord (SPEC §3). */
import type { OpportunityRecord, Qualification } from '../../engine/model/records';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from '../../engine/model/stages';
import type { ReportBuilder } from '../report';
import { OPPORTUNITY_COLUMNS, OPPORTUNITY_STAGE_COLUMNS, QUALIFICATION_COLUMNS } from './columns';
import { parseCurrencyCode, parseForecastCategory, parseProbability } from '../values/deal-fields';
import { eachRow, type IdSet, type RowReader } from './row-reader';
import { openTable, type SourceFile } from './table';

type NamedText = SourceFile;

/** Status, case-insensitive; a case change is a repair, anything else rejects the row. */
function readStatus(r: RowReader): OpportunityStatus | undefined {
  const t = r.required('status');
  if (t === undefined) return undefined;
  const lower = t.toLowerCase();
  if (!(OPPORTUNITY_STATUSES as readonly string[]).includes(lower)) {
    r.tally.reject('status', t, `bad status "${t}": expected open, won or lost`);
    return undefined;
  }
  if (lower !== t) r.tally.repair('status', t, `status written as "${lower}"`);
  return lower as OpportunityStatus;
}

/**
 * Reads opportunities.csv. `amount` is in currency units and becomes integer cents (negative or
 * non-numeric rejects the row); an empty amount (or no amount column) keeps the deal with its
 * amount unknown, said once per file. `currency` is the amount's ISO 4217 code (empty: the plan's);
 * a code that is not one makes the amount unknown rather than counted in the wrong currency.
 * `probability` is 0–1 (or `25%`), `forecast_category` a FORECAST_CATEGORIES id or Salesforce
 * spelling; each `q_*` column is a tri-state criterion (empty = not recorded). The stage history
 * starts empty; `readOpportunityStages` fills it.
 */
export function readOpportunities(
  file: NamedText,
  refs: { accountIds: IdSet; leadIds: IdSet },
  report: ReportBuilder,
): OpportunityRecord[] {
  const spec = { known: OPPORTUNITY_COLUMNS, required: ['id', 'created_at', 'status'], keepsCustom: true };
  const table = openTable(file, spec, report);
  const out: OpportunityRecord[] = [];
  const firstRow = new Map<string, number>();
  let unknownAmounts = 0;
  eachRow(table, report.file(file.name), (r) => {
    const id = r.id('id');
    const accountId = r.ref('account_id', refs.accountIds, 'accounts.csv');
    const leadId = r.ref('lead_id', refs.leadIds, 'leads.csv');
    const createdAt = r.date('created_at', true);
    const owner = r.text('owner');
    let amountCents = r.optionalAmount('amount');
    const currencyText = r.text('currency');
    const currency = currencyText === undefined ? undefined : parseCurrencyCode(currencyText);
    if (currency?.ok === false && amountCents !== undefined) {
      r.tally.repair(
        'currency',
        currencyText,
        `${currency.reason}: the amount is read as unknown rather than counted in another currency`,
      );
      amountCents = undefined;
    } else if (currency?.ok === false) r.tally.repair('currency', currencyText, `${currency.reason}: value dropped`);
    const probability = r.value('probability', parseProbability);
    const forecastCategory = r.value('forecast_category', parseForecastCategory);
    const closeDate = r.date('close_date', false);
    const status = readStatus(r);
    const stage = r.text('stage');
    const sourcedBy = r.text('sourced_by');
    const qualification: Qualification = {};
    for (const [column, criterion] of QUALIFICATION_COLUMNS) {
      const b = r.bool(column);
      if (b !== undefined) qualification[criterion] = b;
    }
    const custom = r.custom();
    if (id !== undefined && firstRow.has(id)) r.duplicate('id', id, firstRow.get(id)!);
    if (r.rejected || id === undefined || createdAt === undefined || !status) return;
    firstRow.set(id, r.row);
    const opp: OpportunityRecord = { id, createdAt, status, stageHistory: [], qualification, custom };
    if (amountCents !== undefined) opp.amountCents = amountCents;
    else unknownAmounts++;
    if (currency?.ok === true) opp.currency = currency.value;
    if (probability !== undefined) opp.probability = probability;
    if (forecastCategory !== undefined) opp.forecastCategory = forecastCategory;
    if (leadId !== undefined) opp.leadId = leadId;
    if (accountId !== undefined) opp.accountId = accountId;
    if (owner !== undefined) opp.owner = owner;
    if (closeDate !== undefined) opp.closeDate = closeDate;
    if (stage !== undefined) opp.stage = stage;
    if (sourcedBy !== undefined) opp.sourcedBy = sourcedBy;
    out.push(opp);
  });
  if (unknownAmounts > 0) report.warn(file.name, amountUnknownMessage(unknownAmounts, table.columns.has('amount')));
  return out;
}

/** The file-level note on deals kept without an amount. */
export function amountUnknownMessage(count: number, hasColumn: boolean): string {
  const deals = `${count} opportunit${count === 1 ? 'y has' : 'ies have'}`;
  return `${deals} no amount${hasColumn ? '' : ' (no amount column)'}: kept as "amount unknown", counted in deal counts and left out of every sum of money`;
}

/**
 * Reads opportunity_stages.csv into the stage history of the opportunities read. Rows keep their
 * file order except that each history is stably sorted by time (the record's invariant), so
 * backwards moves and same-instant entries survive as recorded. A sort that changed anything is
 * reported as a file-level warning.
 */
export function readOpportunityStages(
  file: NamedText,
  opportunities: OpportunityRecord[],
  report: ReportBuilder,
): void {
  const spec = { known: OPPORTUNITY_STAGE_COLUMNS, required: OPPORTUNITY_STAGE_COLUMNS, keepsCustom: false };
  const table = openTable(file, spec, report);
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  const ids = new Set(byId.keys());
  eachRow(table, report.file(file.name), (r) => {
    const id = r.requiredRef('opportunity_id', ids, 'opportunities.csv');
    const stage = r.required('stage');
    const at = r.date('entered_at', true);
    if (r.rejected || id === undefined || stage === undefined || at === undefined) return;
    byId.get(id)!.stageHistory.push({ stage, at });
  });
  let reordered = 0;
  for (const o of opportunities) {
    const sorted = [...o.stageHistory].sort((a, b) => a.at - b.at);
    if (sorted.some((e, i) => e !== o.stageHistory[i])) {
      reordered++;
      o.stageHistory = sorted;
    }
  }
  if (reordered > 0) {
    report.warn(
      file.name,
      `${reordered} opportunit${reordered === 1 ? "y's" : "ies'"} stage history was not in time order and was sorted by entered_at`,
    );
  }
}
