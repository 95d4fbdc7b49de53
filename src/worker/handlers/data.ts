/** Loading datasets and describing the one that is loaded. */
import { buildDataset } from '../../engine/model/build-dataset';
import { isUsableRate, withCurrencyRate, type CurrencyUse } from '../../engine/model/currency';
import { summableCents, type Dataset } from '../../engine/model/columns';
import { leadCount, type RecordSet } from '../../engine/model/records';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON } from '../../engine/model/stages';
import { SEGMENTS, segmentOf, type Segment } from '../../engine/segments';
import { isoDate } from '../../engine/time';
import { readCanonicalCsv } from '../../import/canonical/read-csv-folder';
import { readCanonicalJson } from '../../import/canonical/read-json';
import type { ImportReport } from '../../import/report';
import type { DatasetOrigin, EngineState } from '../state';
import { loadDemoCompanyStepwise } from './demo-load';

export interface DatasetCounts {
  readonly accounts: number;
  readonly leads: number;
  /** Leads flagged as bots: excluded from every figure. */
  readonly bots: number;
  readonly activities: number;
  readonly opportunities: number;
  readonly touches: number;
  readonly quarters: number;
}

/** Opportunity outcomes of the whole dataset (no filters): what the Data view shows as a check. */
export interface OpportunityOutcomes {
  readonly open: number;
  readonly won: number;
  readonly lost: number;
  /** Sum of open opportunities' amounts, integer cents. */
  readonly openPipelineCents: number;
  /** won ÷ (won + lost), a fraction 0–1; null when no opportunity is closed (0/0). */
  readonly winRate: number | null;
}

export interface DatasetSummary {
  readonly version: number;
  readonly name: string;
  /** The plan currency: every figure of money is in it. */
  readonly currency: string;
  /**
   * Each currency the opportunities' amounts are in: its deals, its own total, and whether it is the
   * plan's, converted at the user's rate, or left out of money for want of a rate.
   */
  readonly currencies: readonly CurrencyUse[];
  /** ISO date of the as-of instant (the latest recorded event that is not a planned date). */
  readonly asOf: string;
  /** The exact as-of instant every figure is computed at, ISO 8601 UTC. */
  readonly asOfInstant: string;
  /** ISO date of the earliest record. */
  readonly from: string;
  readonly origin: DatasetOrigin;
  readonly counts: DatasetCounts;
  readonly outcomes: OpportunityOutcomes;
  readonly report: ImportReport;
  /** Values the filter bar offers. */
  readonly filterOptions: {
    readonly sources: readonly string[];
    readonly segments: readonly Segment[];
    readonly owners: readonly string[];
  };
  readonly manifest: unknown;
}

export interface InputFile {
  readonly name: string;
  readonly text: string;
}

export interface DataHandlers {
  /** The loaded dataset's summary, or null when nothing is loaded yet. */
  summary(): Promise<DatasetSummary | null>;
  /**
   * Generates and loads the seeded demo company, saying how far it is through `progress`; rejects
   * with a `DemoCancelled` error (the current dataset kept) after `cancelLoad`.
   */
  loadDemo(options?: { seed?: number; leads?: number }, progress?: (p: LoadProgress) => void): Promise<DatasetSummary>;
  /** Stops a demo generation in progress (between slices of leads). */
  cancelLoad(): Promise<void>;
  /** Reads canonical CSV files (or one canonical JSON file) and loads them when any row is usable. */
  loadCanonical(files: readonly InputFile[]): Promise<DatasetSummary>;
  /**
   * Sets the rate of `currency` (plan-currency units per 1 unit; a positive number) or removes it
   * (null), keeps it with the dataset (its canonical export writes it) and recomputes every figure.
   */
  currencyRateChanged(currency: string, rate: number | null): Promise<DatasetSummary>;
}

/** How far a dataset load is: generating leads (with counts), then building the columns. */
export type LoadProgress =
  | { readonly phase: 'generating'; readonly leadsDone: number; readonly leadsTotal: number }
  | { readonly phase: 'building' };

export const DEMO_SEED = 20261115;
export const DEMO_LEADS = 30_000;

function sortedValues(values: readonly string[]): string[] {
  return [...values].sort((a, b) => a.localeCompare(b));
}

/** Counts by status and the open pipeline over every opportunity loaded (before any filter). */
export function opportunityOutcomes(ds: Dataset): OpportunityOutcomes {
  let open = 0;
  let won = 0;
  let lost = 0;
  let openPipelineCents = 0;
  const { status, amountCents, count } = ds.opportunities;
  for (let i = 0; i < count; i++) {
    const s = status[i];
    if (s === STATUS_OPEN) {
      open++;
      openPipelineCents += summableCents(amountCents[i]!);
    } else if (s === STATUS_WON) won++;
    else if (s === STATUS_LOST) lost++;
  }
  return { open, won, lost, openPipelineCents, winRate: won + lost === 0 ? null : won / (won + lost) };
}

export function describe(state: EngineState, ds: Dataset): DatasetSummary {
  let bots = 0;
  for (let i = 0; i < ds.leads.count; i++) bots += ds.leads.isBot[i]!;
  const present = new Set<Segment>();
  for (let i = 0; i < ds.accounts.count; i++) present.add(segmentOf(ds.accounts.employees[i]!));
  const owners = new Set([...ds.leads.owner.values, ...ds.opportunities.owner.values]);
  return {
    version: state.version,
    name: ds.meta.name,
    currency: ds.meta.currency,
    currencies: ds.meta.currencyUse,
    asOf: isoDate(ds.meta.latestAt),
    asOfInstant: new Date(ds.meta.latestAt).toISOString(),
    from: isoDate(ds.meta.earliestAt),
    origin: state.origin!,
    counts: {
      accounts: ds.accounts.count,
      leads: ds.leads.count,
      bots,
      activities: ds.activities.count,
      opportunities: ds.opportunities.count,
      touches: ds.touches.count,
      quarters: ds.quotas.size,
    },
    outcomes: opportunityOutcomes(ds),
    report: state.report!,
    filterOptions: {
      sources: sortedValues(ds.leads.source.values),
      segments: SEGMENTS.filter((s) => present.has(s)),
      owners: sortedValues([...owners]),
    },
    manifest: state.manifest,
  };
}

/** The records each installed dataset was built from, for exports; dropped with the dataset. */
const RECORDS = new WeakMap<Dataset, RecordSet>();

export function recordsOf(ds: Dataset): RecordSet | undefined {
  return RECORDS.get(ds);
}

export function install(
  state: EngineState,
  records: RecordSet,
  report: ImportReport,
  origin: DatasetOrigin,
  manifest: unknown,
): DatasetSummary {
  const ds = buildDataset(records);
  RECORDS.set(ds, records);
  state.dataset = ds;
  state.report = report;
  state.origin = origin;
  state.manifest = manifest;
  state.version += 1;
  return describe(state, ds);
}

/** See `DataHandlers.currencyRateChanged`; the dataset is rebuilt from its records with the new rate. */
export function setCurrencyRate(state: EngineState, currency: string, rate: number | null): DatasetSummary {
  const ds = state.dataset;
  const records = ds ? recordsOf(ds) : undefined;
  if (!ds || !records || !state.report || !state.origin)
    throw new Error('No dataset is loaded whose rates can be set: load a dataset on the Data view.');
  if (!ds.meta.currencyUse.some((u) => u.currency === currency))
    throw new Error(`No opportunity amount is in ${currency}: there is nothing to convert.`);
  if (currency === ds.meta.currency) throw new Error(`${currency} is the plan currency: its rate is 1.`);
  if (rate !== null && !isUsableRate(rate))
    throw new Error(`A rate is a number above 0 (units of ${ds.meta.currency} per 1 ${currency}), not ${rate}.`);
  return install(state, withCurrencyRate(records, currency, rate), state.report, state.origin, state.manifest);
}

function usable(records: RecordSet): boolean {
  return leadCount(records) + records.opportunities.length > 0;
}

export function dataHandlers(state: EngineState): DataHandlers {
  let cancel = { requested: false };
  return {
    async summary() {
      return state.dataset ? describe(state, state.dataset) : null;
    },
    async loadDemo(options = {}, progress) {
      const seed = options.seed ?? DEMO_SEED;
      const leads = options.leads ?? DEMO_LEADS;
      const mine = { requested: false };
      cancel = mine;
      const { records, report, manifest } = await loadDemoCompanyStepwise(seed, leads, {
        onProgress: (p) => progress?.({ phase: 'generating', ...p }),
        cancelled: () => mine.requested,
      });
      progress?.({ phase: 'building' });
      return install(state, records, report, { kind: 'demo', seed, leads }, manifest);
    },
    async cancelLoad() {
      cancel.requested = true;
    },
    async loadCanonical(files) {
      const json = files.length === 1 && files[0]!.name.toLowerCase().endsWith('.json');
      const { records, report } = json
        ? readCanonicalJson(files[0]!.text, files[0]!.name)
        : readCanonicalCsv([...files]);
      if (!usable(records)) {
        const reasons = report.issues.slice(0, 5).map((i) => `${i.file} row ${i.row}: ${i.reason}`);
        const warnings = report.warnings.slice(0, 5).map((w) => `${w.file}: ${w.message}`);
        throw new Error(
          ['Nothing usable was read: no lead or opportunity row was accepted.', ...warnings, ...reasons].join('\n'),
        );
      }
      return install(state, records, report, { kind: 'files', files: files.map((f) => f.name) }, null);
    },
    async currencyRateChanged(currency, rate) {
      return setCurrencyRate(state, currency, rate);
    },
  };
}
