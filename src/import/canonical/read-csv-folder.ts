/**
 * Reader of the canonical CSV folder (SPEC §3): files in, row records and an import report out.
 * Never throws on bad data: every data row ends accepted, repaired or rejected with a reason.
 */
import { currencyUses } from '../../engine/model/currency';
import { GrowingArray, IdIndex, type IdLookup } from '../../engine/model/grow';
import type { ActivityRecord, LeadRecord, RecordSet, StreamedTables, TouchRecord } from '../../engine/model/records';
import { LeadStore } from '../../engine/model/lead-store';
import { ActivityStore, TouchStore } from '../../engine/model/row-stores';
import { ReportBuilder, type FileTally, type ImportReport } from '../report';
import { CANONICAL_FILES, type CanonicalFile } from './columns';
import { ACTIVITIES_SPEC, TOUCHES_SPEC, activityRow, readActivities, readTouches, touchRow } from './read-activities';
import { readAccounts } from './read-accounts';
import { readOpportunityHistory } from './read-history';
import { LEADS_SPEC, leadRows, readLeads } from './read-leads';
import { readOpportunities, readOpportunityStages } from './read-opportunities';
import { readPlan } from './read-plan';
import { readCurrencyRates } from './read-rates';
import { namedIds, RowReader, type IdSet } from './row-reader';
import { plainActivities, plainLeads, plainTouches } from './plain-readers';
import { openTable, type PlainReader, type SourceFile, type StreamedSource, type TableSpec } from './table';

export interface NamedText {
  /** File name, optionally with a path (`acme/leads.csv`); only the last segment is matched. */
  readonly name: string;
  readonly text: string;
}

export interface ReadCsvOptions {
  /** Dataset name; default: the folder the files share, else "Imported dataset". */
  readonly name?: string;
  /** The user's explicit currency; wins over plan.csv's (a difference is reported). Default USD. */
  readonly currency?: string;
}

const DEFAULT_NAME = 'Imported dataset';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const dirName = (path: string) => path.split(/[\\/]/).slice(0, -1).pop() ?? '';

/** Picks the canonical files out of the list; anything else, or a second copy, is reported. */
function sortFiles(files: readonly NamedText[], report: ReportBuilder): Map<CanonicalFile, NamedText> {
  const found = new Map<CanonicalFile, NamedText>();
  for (const f of files) {
    const base = baseName(f.name).toLowerCase() as CanonicalFile;
    if (!(CANONICAL_FILES as readonly string[]).includes(base)) {
      report.warn(f.name, `not a canonical file name (expected ${CANONICAL_FILES.join(', ')}): not read`);
    } else if (found.has(base)) {
      report.warn(f.name, `a second ${base} (the first is ${found.get(base)!.name}): not read`);
    } else {
      found.set(base, f);
    }
  }
  if (found.size === 0) report.warn('', 'no canonical CSV file in the folder: nothing was read');
  return found;
}

function datasetName(opts: ReadCsvOptions, files: Iterable<{ readonly name: string }>): string {
  if (opts.name !== undefined && opts.name.trim() !== '') return opts.name;
  const dirs = new Set([...files].map((f) => dirName(f.name)));
  const only = dirs.size === 1 ? [...dirs][0] : undefined;
  return only !== undefined && only !== '' ? only : DEFAULT_NAME;
}

/**
 * Reads the canonical CSV folder. Files are recognised by name (case-insensitive, path ignored) and
 * read in dependency order (accounts, leads, opportunities, their stages and history, activities, touches,
 * plan, currency rates) so that references are checked against the rows actually kept. Money becomes
 * integer cents, instants epoch ms (UTC). Currency: `opts.currency`, else plan.csv's, else USD; fiscal
 * year start month: plan.csv's `fiscal_year_start_month`, else 1 (January). currency_rates.csv gives
 * the rates that convert other currencies' amounts to the plan's (when the dataset is built).
 */
export function readCanonicalCsv(
  files: readonly NamedText[],
  opts: ReadCsvOptions = {},
): { records: RecordSet; report: ImportReport } {
  const report = new ReportBuilder();
  const found = sortFiles(files, report);
  return { records: readCanonicalTables(found, report, opts), report: report.build() };
}

/**
 * Reads canonical tables already sorted by role (from the canonical folder, or mapped from a CRM
 * export) into a RecordSet, reporting on `report`. See `readCanonicalCsv` for the rules.
 */
export function readCanonicalTables(
  found: ReadonlyMap<CanonicalFile, SourceFile>,
  report: ReportBuilder,
  opts: ReadCsvOptions = {},
): RecordSet {
  const get = (f: CanonicalFile) => found.get(f);

  const accountsFile = get('accounts.csv');
  const accounts = accountsFile ? readAccounts(accountsFile, report) : [];
  const accountIds = accountsFile
    ? namedIds(
        accounts.map((a) => a.id),
        baseName(accountsFile.name),
      )
    : undefined;

  const leadsFile = get('leads.csv');
  // A streamed file's rows go straight into column stores; the others are read as row records.
  const leadStore = leadsFile && 'stream' in leadsFile ? streamLeads(leadsFile, accountIds, report) : undefined;
  const leads = leadsFile && !leadStore ? readLeads(leadsFile, accountIds, report) : [];
  // Activities and touches come grouped by lead: the last lead looked up is asked again most often.
  const leadRow = leadStore ? lastLookup(leadStore.index) : undefined;
  const leadIds = !leadsFile
    ? undefined
    : leadStore && leadRow
      ? { has: (id: string) => leadRow(id) !== undefined, file: baseName(leadsFile.name) }
      : namedIds(
          leads.map((l) => l.id),
          baseName(leadsFile.name),
        );

  const oppFile = get('opportunities.csv');
  const opportunities = oppFile ? readOpportunities(oppFile, { accountIds, leadIds }, report) : [];
  const opportunityIds = oppFile
    ? namedIds(
        opportunities.map((o) => o.id),
        baseName(oppFile.name),
      )
    : undefined;

  const stagesFile = get('opportunity_stages.csv');
  if (stagesFile) readOpportunityStages(stagesFile, opportunities, report);

  const historyFile = get('opportunity_history.csv');
  if (historyFile) readOpportunityHistory(historyFile, opportunities, report);

  const activitiesFile = get('activities.csv');
  let activityStore: ActivityStore | undefined;
  let activities: ActivityRecord[] = [];
  if (activitiesFile && 'stream' in activitiesFile) {
    const index = leadRow ?? lastLookup(new Map(leads.map((l, i) => [l.id, i])));
    activityStore = streamActivities(activitiesFile, leadIds, index, report, leadStore?.index);
  } else if (activitiesFile) activities = readActivities(activitiesFile, leadIds, report);

  const touchesFile = get('touches.csv');
  let touchStore: TouchStore | undefined;
  let touches: TouchRecord[] = [];
  if (touchesFile && 'stream' in touchesFile) {
    const leadIndex = leadStore?.index ?? new Map(leads.map((l, i) => [l.id, i]));
    const oppIndex = new Map(opportunities.map((o, i) => [o.id, i]));
    touchStore = streamTouches(touchesFile, { opportunityIds, leadIds }, leadIndex, oppIndex, report);
  } else if (touchesFile) touches = readTouches(touchesFile, { opportunityIds, leadIds }, report);

  const planFile = get('plan.csv');
  const plan = planFile ? readPlan(planFile, report) : { quotas: [] };

  if (opts.currency !== undefined && plan.currency !== undefined && opts.currency !== plan.currency) {
    report.warn(
      planFile?.name ?? 'plan.csv',
      `plan.csv declares ${plan.currency}; the chosen currency ${opts.currency} is used`,
    );
  }
  const currency = opts.currency ?? plan.currency ?? 'USD';
  const ratesFile = get('currency_rates.csv');
  const records: RecordSet = {
    name: datasetName(opts, found.values()),
    plan: {
      currency,
      fiscalYearStartMonth: plan.fiscalYearStartMonth ?? 1,
      quotas: plan.quotas,
      ...(ratesFile ? { currencyRates: readCurrencyRates(ratesFile, currency, report) } : {}),
    },
    accounts,
    leads,
    activities,
    opportunities,
    touches,
  };
  if (leadStore || activityStore || touchStore)
    attachStreamed(records, { leads: leadStore, activities: activityStore, touches: touchStore });
  if (ratesFile) noteUnusedRates(records, ratesFile.name, report);
  return records;
}

/**
 * Puts a streaming import's column stores on `records`: the columns are the data, and the row arrays
 * are made from them only if something asks (exports). A function of its own so that the lazy row
 * arrays keep only the stores and row arrays alive, not the reader's scope (its source files).
 */
function attachStreamed(
  records: RecordSet,
  stores: { leads: LeadStore | undefined; activities: ActivityStore | undefined; touches: TouchStore | undefined },
): void {
  const { leads: leadStore, activities: activityStore, touches: touchStore } = stores;
  const leads = records.leads;
  const opportunities = records.opportunities;
  const leadIdsOf = () => (leadStore ? leadStore.ids : leads.map((l) => l.id));
  const streamed: { -readonly [K in keyof StreamedTables]: StreamedTables[K] } = {};
  if (leadStore) {
    streamed.leads = leadStore;
    lazyArray(records, 'leads', () => leadStore.toRecords());
  }
  if (activityStore) {
    streamed.activities = activityStore;
    lazyArray(records, 'activities', () => activityStore.toRecords(leadIdsOf()));
  }
  if (touchStore) {
    streamed.touches = touchStore;
    lazyArray(records, 'touches', () =>
      touchStore.toRecords(
        leadIdsOf(),
        opportunities.map((o) => o.id),
      ),
    );
  }
  // Not enumerable: a copy of the record set (`{ ...records }`) takes the rows, not the columns.
  Object.defineProperty(records, 'streamed', {
    value: streamed,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

/** Replaces `records[key]` by a property that makes the array on first use and keeps it. */
function lazyArray<K extends 'leads' | 'activities' | 'touches'>(
  records: RecordSet,
  key: K,
  make: () => RecordSet[K],
): void {
  let value: RecordSet[K] | undefined;
  Object.defineProperty(records, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= make()),
    set: (v: RecordSet[K]) => {
      value = v;
    },
  });
}

/**
 * Feeds a streamed file's rows through `row` with a fresh tally; true for each rejected row. With
 * `plain`, clean rows may be taken from their bytes first (see `PlainReader`), unless a required
 * column is missing (every row is then rejected).
 */
function streamRows(
  file: StreamedSource,
  spec: TableSpec,
  report: ReportBuilder,
  row: (r: RowReader) => void,
  plain?: (tally: FileTally) => PlainReader,
): void {
  const table = openTable(file, spec, report);
  const tally = report.file(file.name);
  const r = new RowReader(table, tally);
  file.stream(
    (n, cells, errors, notes) => {
      if (r.start(n, cells, errors, notes)) row(r);
      return tally.isRejected;
    },
    plain && table.missing.length === 0 ? plain(tally) : undefined,
  );
  tally.end();
}

/** leads.csv as it streams by, into a LeadStore (the rules are `leadRows`', as for parsed rows). */
function streamLeads(file: StreamedSource, accountIds: IdSet, report: ReportBuilder): LeadStore {
  const store = new LeadStore(file.rowsHint);
  const rowOfLead = new GrowingArray(Int32Array, 0, file.rowsHint);
  const kept = {
    rowOf: (id: string) => {
      const i = store.index.get(id);
      return i === undefined ? undefined : rowOfLead.get(i);
    },
  };
  const emit = (lead: LeadRecord, row: number) => {
    store.append(lead);
    rowOfLead.push(row);
  };
  const reader = leadRows(file.name, accountIds, report, emit, kept);
  const taken = (row: number) => rowOfLead.push(row);
  streamRows(file, LEADS_SPEC, report, reader.row, (tally) => plainLeads(accountIds, store, taken, tally));
  reader.end();
  return store;
}

/** touches.csv as it streams by, into a TouchStore (the rules are `touchRow`'s). */
function streamTouches(
  file: StreamedSource,
  refs: { opportunityIds: IdSet; leadIds: IdSet },
  leadIndex: IdLookup,
  oppIndex: ReadonlyMap<string, number>,
  report: ReportBuilder,
): TouchStore {
  const store = new TouchStore(file.rowsHint);
  const row = (index: IdLookup, id: string | undefined) => (id === undefined ? -1 : (index.get(id) ?? -1));
  // The indexes hold the same ids as `refs` (none when the file is not in the folder).
  const plain = (tally: FileTally) =>
    plainTouches(
      (id) => oppIndex.get(id),
      // A streamed leads file's index finds an id from its bytes.
      leadIndex instanceof IdIndex ? leadIndex : (id) => leadIndex.get(id),
      store,
      tally,
    );
  streamRows(
    file,
    TOUCHES_SPEC,
    report,
    touchRow(refs, (t) => store.append(row(oppIndex, t.opportunityId), row(leadIndex, t.leadId), t.channel, t.at)),
    plain,
  );
  return store;
}

/**
 * `index.get` remembering its last answer: the same id asked again (the next activity of the same
 * lead) is answered without hashing it.
 */
function lastLookup(index: IdLookup): (id: string) => number | undefined {
  let lastId: string | undefined;
  let last: number | undefined;
  return (id) => {
    if (id !== lastId) {
      lastId = id;
      last = index.get(id);
    }
    return last;
  };
}

/** activities.csv as it streams by, into an ActivityStore (the rules are `activityRow`'s). */
function streamActivities(
  file: StreamedSource,
  leadIds: IdSet,
  leadRowOf: (id: string) => number | undefined,
  report: ReportBuilder,
  leadIndex?: IdIndex,
): ActivityStore {
  const store = new ActivityStore(file.rowsHint);
  // `leadRowOf` (and `leadIndex`, a streamed leads file's, from bytes) finds the same ids as
  // `leadIds` (which is undefined without leads.csv).
  const plain = (tally: FileTally) => plainActivities(leadIds ? (leadIndex ?? leadRowOf) : undefined, store, tally);
  streamRows(
    file,
    ACTIVITIES_SPEC,
    report,
    activityRow(leadIds, (a) => store.append(leadRowOf(a.leadId) ?? -1, a.type, a.at, a.value)),
    plain,
  );
  return store;
}

/** A rate for a currency no opportunity amount is in converts nothing: said, not an error. */
function noteUnusedRates(records: RecordSet, ratesFile: string, report: ReportBuilder): void {
  const used = new Set(currencyUses(records).map((u) => u.currency));
  for (const r of records.plan.currencyRates ?? []) {
    if (!used.has(r.currency))
      report.warn(ratesFile, `a rate for ${r.currency}, which no opportunity amount is in: kept, converts nothing`);
  }
}
