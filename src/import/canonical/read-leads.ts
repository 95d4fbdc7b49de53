/** leads.csv → LeadRecord (SPEC §3): one date column per stage becomes the stage history. */
import type { CustomAttributes, LeadRecord, StageEvent } from '../../engine/model/records';
import { LEAD_STAGE_CODE } from '../../engine/model/stages';
import type { ReportBuilder } from '../report';
import { DISQUALIFIED_STATUSES, LEAD_INPUT_COLUMNS, LEAD_STAGE_COLUMNS } from './columns';
import { beforeCreation } from '../values/row-checks';
import { eachRow, type IdSet, type RowReader } from './row-reader';
import { openTable, type SourceFile, type TableSpec } from './table';

const TEXT_FIELDS = ['email', 'title', 'persona', 'seniority', 'country', 'source', 'campaign', 'owner'] as const;

/**
 * The stage history a dated-columns row implies: `lead` at creation plus one entry per stage date,
 * in time order; entries at the same instant follow the funnel order.
 */
export function historyFromStageDates(createdAt: number, dates: readonly StageEvent[]): StageEvent[] {
  return [{ stage: 'lead' as const, at: createdAt }, ...dates].sort(
    (a, b) => a.at - b.at || LEAD_STAGE_CODE[a.stage] - LEAD_STAGE_CODE[b.stage],
  );
}

export const LEADS_SPEC: TableSpec = { known: LEAD_INPUT_COLUMNS, required: ['id', 'created_at'], keepsCustom: true };

/** The row numbers of the ids kept so far, for naming both rows of a duplicate. */
export interface KeptIds {
  rowOf(id: string): number | undefined;
}

/** The reading of leads.csv row by row: `row` per data row, then `end` once. */
export interface TableRowReader {
  readonly row: (r: RowReader) => void;
  readonly end: () => void;
}

/**
 * The rules of leads.csv for one row at a time, shared by the reader of parsed rows (`readLeads`)
 * and the streaming reader: each accepted lead is handed to `emit` with its row number. `kept`
 * answers for the ids emitted so far (by default a map of its own).
 */
export function leadRows(
  fileName: string,
  accountIds: IdSet,
  report: ReportBuilder,
  emit: (lead: LeadRecord, row: number) => void,
  kept?: KeptIds,
): TableRowReader {
  let firstRow: KeptIds;
  let take = emit;
  if (kept) firstRow = kept;
  else {
    const rows = new Map<string, number>();
    firstRow = { rowOf: (id) => rows.get(id) };
    take = (lead, row) => {
      rows.set(lead.id, row);
      emit(lead, row);
    };
  }
  // Lead status values, by value as written: how many leads each disqualified, or left as they were.
  const disqualifiedBy = new Map<string, number>();
  const otherStatus = new Map<string, number>();
  const row = (r: RowReader) => {
    const id = r.id('id');
    const createdAt = r.date('created_at', true);
    const accountId = r.ref('account_id', accountIds, 'accounts.csv');
    const text = {
      email: r.text('email'),
      title: r.text('title'),
      persona: r.text('persona'),
      seniority: r.text('seniority'),
      country: r.text('country'),
      source: r.text('source'),
      campaign: r.text('campaign'),
      owner: r.text('owner'),
    };
    const isBot = r.bool('is_bot') ?? false;
    const dates: StageEvent[] = [];
    for (const [column, stage] of LEAD_STAGE_COLUMNS) {
      let at = r.date(column, false);
      if (at !== undefined && createdAt !== undefined && beforeCreation(at, createdAt) !== undefined) {
        // A stage entered before the lead existed would give a negative time in stage.
        r.tally.repair(
          column,
          r.raw(column),
          `${column} is before created_at: the stage is kept, entered at created_at`,
        );
        at = createdAt;
      }
      if (at !== undefined) dates.push({ stage, at });
    }
    const status = r.text('status');
    const disqualifiedByStatus = status !== undefined && DISQUALIFIED_STATUSES.has(status.trim().toLowerCase());
    if (disqualifiedByStatus && !dates.some((d) => d.stage === 'disqualified') && createdAt !== undefined) {
      // The status carries no date: the lead is dated disqualified at its last recorded date.
      dates.push({ stage: 'disqualified', at: Math.max(createdAt, ...dates.map((d) => d.at)) });
    }
    const disqualifiedReason = r.text('disqualified_reason');
    let custom = r.custom();
    // The status stays a groupable attribute, as written (in a copy: a file without custom columns
    // shares one frozen empty object).
    if (status !== undefined && custom['status'] === undefined)
      custom = Object.assign(Object.create(null) as CustomAttributes, custom, { status });
    const first = id === undefined ? undefined : firstRow.rowOf(id);
    if (id !== undefined && first !== undefined) r.duplicate('id', id, first);
    if (r.rejected || id === undefined || createdAt === undefined) return;
    if (status !== undefined) {
      const tally = disqualifiedByStatus ? disqualifiedBy : otherStatus;
      tally.set(status, (tally.get(status) ?? 0) + 1);
    }
    const lead: LeadRecord = { id, createdAt, isBot, stageHistory: historyFromStageDates(createdAt, dates), custom };
    if (accountId !== undefined) lead.accountId = accountId;
    for (const k of TEXT_FIELDS) if (text[k] !== undefined) lead[k] = text[k];
    if (disqualifiedReason !== undefined) lead.disqualifiedReason = disqualifiedReason;
    take(lead, r.row);
  };
  const end = () => reportStatuses(fileName, disqualifiedBy, otherStatus, report);
  return { row, end };
}

/**
 * Reads leads.csv. `is_bot` empty means false (not a repair); `account_id` is checked against the
 * accounts read (when accounts.csv is in the folder). Instants are epoch ms, UTC.
 */
export function readLeads(file: SourceFile, accountIds: IdSet, report: ReportBuilder): LeadRecord[] {
  const table = openTable(file, LEADS_SPEC, report);
  const out: LeadRecord[] = [];
  const reader = leadRows(file.name, accountIds, report, (lead) => out.push(lead));
  eachRow(table, report.file(file.name), reader.row);
  reader.end();
  return out;
}

function reportStatuses(
  fileName: string,
  disqualifiedBy: Map<string, number>,
  otherStatus: Map<string, number>,
  report: ReportBuilder,
): void {
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([v, n]) => `"${v}" (${n.toLocaleString('en-US')})`)
      .join(', ');
  if (disqualifiedBy.size > 0) {
    const n = [...disqualifiedBy.values()].reduce((a, b) => a + b, 0);
    report.warn(
      fileName,
      `${n.toLocaleString('en-US')} lead${n === 1 ? '' : 's'} read as disqualified from their status ${list(disqualifiedBy)}; where no disqualified_at date was given, the lead is dated disqualified at its last recorded date`,
    );
  }
  if (otherStatus.size > 0) {
    report.warn(
      fileName,
      `lead status values not read as disqualified: ${list(otherStatus)}${otherStatus.size > 8 ? ' and others' : ''}; map a value to "disqualified" on the mapping screen if it means so`,
    );
  }
}
