/** activities.csv and touches.csv (SPEC §3): rows that hang off leads and opportunities. */
import type { ActivityRecord, TouchRecord } from '../../engine/model/records';
import type { ReportBuilder } from '../report';
import { ACTIVITY_COLUMNS, TOUCH_COLUMNS } from './columns';
import { eachRow, type IdSet, type RowReader } from './row-reader';
import { openTable, type SourceFile, type TableSpec } from './table';

type NamedText = SourceFile;

/**
 * Reads activities.csv. Each activity must name a lead that was read (an orphan is rejected); any
 * type string is kept (unknown types score 0); `value` is an optional plain number.
 */
export function readActivities(file: NamedText, leadIds: IdSet, report: ReportBuilder): ActivityRecord[] {
  const table = openTable(file, ACTIVITIES_SPEC, report);
  const out: ActivityRecord[] = [];
  eachRow(
    table,
    report.file(file.name),
    activityRow(leadIds, (a) => out.push(a)),
  );
  return out;
}

export const ACTIVITIES_SPEC: TableSpec = {
  known: ACTIVITY_COLUMNS,
  required: ['lead_id', 'type', 'at'],
  keepsCustom: false,
};

/**
 * The rules of activities.csv for one row, shared by `readActivities` and the streaming reader:
 * each accepted activity is handed to `emit`.
 */
export function activityRow(leadIds: IdSet, emit: (a: ActivityRecord) => void): (r: RowReader) => void {
  return (r) => {
    const leadId = r.requiredRef('lead_id', leadIds, 'leads.csv');
    const type = r.required('type');
    const at = r.date('at', true);
    const value = r.number('value');
    if (r.rejected || leadId === undefined || type === undefined || at === undefined) return;
    emit(value === undefined ? { leadId, type, at } : { leadId, type, at, value });
  };
}

/**
 * Reads touches.csv. A touch names an opportunity, a lead or both; every reference given must
 * resolve, except that an unknown one is dropped (a repair) when the other one resolves.
 */
export function readTouches(
  file: NamedText,
  refs: { opportunityIds: IdSet; leadIds: IdSet },
  report: ReportBuilder,
): TouchRecord[] {
  const table = openTable(file, TOUCHES_SPEC, report);
  const out: TouchRecord[] = [];
  eachRow(
    table,
    report.file(file.name),
    touchRow(refs, (t) => out.push(t)),
  );
  return out;
}

export const TOUCHES_SPEC: TableSpec = { known: TOUCH_COLUMNS, required: ['channel', 'at'], keepsCustom: false };

/**
 * The rules of touches.csv for one row, shared by `readTouches` and the streaming reader: each
 * accepted touch is handed to `emit`.
 */
export function touchRow(
  refs: { opportunityIds: IdSet; leadIds: IdSet },
  emit: (t: TouchRecord) => void,
): (r: RowReader) => void {
  return (r) => {
    let opportunityId = r.text('opportunity_id');
    let leadId = r.text('lead_id');
    const channel = r.required('channel');
    const at = r.date('at', true);
    if (opportunityId === undefined && leadId === undefined) {
      r.tally.reject('opportunity_id', undefined, 'missing required field: opportunity_id or lead_id');
    }
    const oppOk = opportunityId !== undefined && refs.opportunityIds?.has(opportunityId) === true;
    const leadOk = leadId !== undefined && refs.leadIds?.has(leadId) === true;
    if ((opportunityId !== undefined || leadId !== undefined) && !oppOk && !leadOk) {
      const what = [
        opportunityId !== undefined && `opportunity_id "${opportunityId}" not found in opportunities.csv`,
        leadId !== undefined && `lead_id "${leadId}" not found in leads.csv`,
      ].filter(Boolean);
      r.tally.reject(
        opportunityId !== undefined ? 'opportunity_id' : 'lead_id',
        opportunityId ?? leadId,
        `orphan reference: ${what.join(' and ')}`,
      );
    } else if (opportunityId !== undefined && !oppOk) {
      r.tally.repair(
        'opportunity_id',
        opportunityId,
        `opportunity_id "${opportunityId}" not found in opportunities.csv: reference dropped, lead kept`,
      );
      opportunityId = undefined;
    } else if (leadId !== undefined && !leadOk) {
      r.tally.repair(
        'lead_id',
        leadId,
        `lead_id "${leadId}" not found in leads.csv: reference dropped, opportunity kept`,
      );
      leadId = undefined;
    }
    if (r.rejected || channel === undefined || at === undefined) return;
    const touch: TouchRecord = { channel, at };
    if (opportunityId !== undefined) touch.opportunityId = opportunityId;
    if (leadId !== undefined) touch.leadId = leadId;
    emit(touch);
  };
}
