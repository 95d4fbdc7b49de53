/**
 * Reader of the canonical CSV folder (SPEC §3): files in, row records and an import report out.
 * Never throws on bad data: every data row ends accepted, repaired or rejected with a reason.
 */
import { currencyUses } from '../../engine/model/currency';
import type { RecordSet } from '../../engine/model/records';
import { ReportBuilder, type ImportReport } from '../report';
import { CANONICAL_FILES, type CanonicalFile } from './columns';
import { readActivities, readTouches } from './read-activities';
import { readAccounts } from './read-accounts';
import { readOpportunityHistory } from './read-history';
import { readLeads } from './read-leads';
import { readOpportunities, readOpportunityStages } from './read-opportunities';
import { readPlan } from './read-plan';
import { readCurrencyRates } from './read-rates';
import { namedIds } from './row-reader';
import type { SourceFile } from './table';

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
  const accountIds = accountsFile ? namedIds(accounts.map((a) => a.id), baseName(accountsFile.name)) : undefined;

  const leadsFile = get('leads.csv');
  const leads = leadsFile ? readLeads(leadsFile, accountIds, report) : [];
  const leadIds = leadsFile ? namedIds(leads.map((l) => l.id), baseName(leadsFile.name)) : undefined;

  const oppFile = get('opportunities.csv');
  const opportunities = oppFile ? readOpportunities(oppFile, { accountIds, leadIds }, report) : [];
  const opportunityIds = oppFile ? namedIds(opportunities.map((o) => o.id), baseName(oppFile.name)) : undefined;

  const stagesFile = get('opportunity_stages.csv');
  if (stagesFile) readOpportunityStages(stagesFile, opportunities, report);

  const historyFile = get('opportunity_history.csv');
  if (historyFile) readOpportunityHistory(historyFile, opportunities, report);

  const activitiesFile = get('activities.csv');
  const activities = activitiesFile ? readActivities(activitiesFile, leadIds, report) : [];

  const touchesFile = get('touches.csv');
  const touches = touchesFile ? readTouches(touchesFile, { opportunityIds, leadIds }, report) : [];

  const planFile = get('plan.csv');
  const plan = planFile ? readPlan(planFile, report) : { quotas: [] };

  if (opts.currency !== undefined && plan.currency !== undefined && opts.currency !== plan.currency) {
    report.warn(planFile?.name ?? 'plan.csv', `plan.csv declares ${plan.currency}; the chosen currency ${opts.currency} is used`);
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
  if (ratesFile) noteUnusedRates(records, ratesFile.name, report);
  return records;
}

/** A rate for a currency no opportunity amount is in converts nothing: said, not an error. */
function noteUnusedRates(records: RecordSet, ratesFile: string, report: ReportBuilder): void {
  const used = new Set(currencyUses(records).map((u) => u.currency));
  for (const r of records.plan.currencyRates ?? []) {
    if (!used.has(r.currency)) report.warn(ratesFile, `a rate for ${r.currency}, which no opportunity amount is in: kept, converts nothing`);
  }
}
