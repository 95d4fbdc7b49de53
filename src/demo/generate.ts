/**
 * The built-in demo company (SPEC §9): a seeded, deterministic generator of a whole RevOps dataset —
 * accounts, leads from sources of different quality, behavioural activities, opportunities with
 * stage histories and checklists, touches and a quarterly plan — with bots, skipped stages and
 * planted SQO gaming patterns described by a manifest. Pure: no clock, no `Math.random`, no DOM.
 */
import type {
  AccountRecord,
  ActivityRecord,
  LeadRecord,
  OpportunityRecord,
  PlanRecord,
  RecordSet,
  TouchRecord,
} from '../engine/model/records';
import { generateAccounts, type AccountPool } from './accounts';
import { generateActivities, generateBotActivities } from './activities';
import { FREE_MAIL_DOMAINS } from './catalog-people';
import { SOURCES } from './catalog-sources';
import { REGIONS } from './catalog-firmographics';
import { dirtyRows } from './dirty-rows';
import { padId } from './ids';
import { leadPath } from './lifecycle';
import { ManifestTally, type DemoManifest, type ManifestRows } from './manifest';
import { dealHistory, HistoryTally } from './deal-history';
import { BANT, generateOpportunity } from './opportunities';
import { BROWSER, drawProfile, type LeadProfile } from './people';
import { buildPlan, WonBookings } from './plan';
import { Rng, weightedTable } from './prng';
import { demoTimeline, leadCreationTimes, quarterLabelAt, type DemoTimeline } from './timeline';
import { generateLeadTouches } from './touches';

export type { DemoManifest } from './manifest';
export { dirtyRowLine, dirtyRows, withDirtyRows, type DirtyRow } from './dirty-rows';

/** Options of the demo generator. */
export interface DemoOptions {
  /** PRNG seed (an integer, taken modulo 2^32); the same seed always gives byte-identical records. Default 20261115. */
  seed?: number;
  /** Number of leads (bots included). Default 30,000; tested up to 2,000,000. */
  leads?: number;
  /** ISO date (YYYY-MM-DD) the data runs to, inclusive. Default `2026-11-15`. */
  asOf?: string;
}

export interface DemoCompany {
  readonly records: RecordSet;
  readonly manifest: DemoManifest;
}

export const DEMO_DEFAULTS = { seed: 20261115, leads: 30_000, asOf: '2026-11-15' } as const;
export const DEMO_COMPANY_NAME = 'Northwind Analytics (demo)';

/** Share of leads that are bots. */
const BOT_SHARE = 0.015;
const BOT_SOURCES = weightedTable(
  SOURCES.filter((s) => ['organic_search', 'paid_search', 'content_syndication'].includes(s.name)).map(
    (s) => [s, 1] as const,
  ),
);
const BOT_COUNTRIES = ['US', 'NL', 'SG', 'BR', 'DE'];

interface Planted {
  fastTracked: string[];
  restaged: string[];
  passThrough: string[];
}

/** Generation state shared by the per-lead steps. */
interface Run {
  readonly rng: Rng;
  readonly tl: DemoTimeline;
  readonly accounts: AccountPool;
  /** Rows of the current slice; emptied after each slice is handed out. */
  leads: LeadRecord[];
  activities: ActivityRecord[];
  opportunities: OpportunityRecord[];
  touches: TouchRecord[];
  /** Opportunities made so far, over all slices (numbers the next opportunity id). */
  opportunityCount: number;
  readonly planted: Planted;
  readonly oppWidth: number;
  readonly seed: number;
  readonly history: HistoryTally;
}

function botLead(run: Run, id: string, createdAt: number): LeadRecord {
  const { rng } = run;
  const source = rng.weighted(BOT_SOURCES);
  const lead: LeadRecord = { id, createdAt, isBot: true, stageHistory: [{ stage: 'lead', at: createdAt }], custom: {} };
  if (rng.chance(0.6)) lead.email = `${rng.u32().toString(36)}@${rng.pick(FREE_MAIL_DOMAINS)}`;
  lead.country = rng.pick(BOT_COUNTRIES);
  lead.source = source.name;
  generateBotActivities(rng, id, createdAt, run.tl.horizon, run.activities);
  generateLeadTouches(rng, id, source, BROWSER, createdAt, run.tl.horizon, run.touches);
  return lead;
}

function humanLead(run: Run, id: string, createdAt: number): LeadRecord {
  const { rng, tl, accounts } = run;
  const p: LeadProfile = drawProfile(rng, accounts, quarterLabelAt(tl, createdAt));
  const path = leadPath(rng, p, createdAt, tl.horizon);
  const lead: LeadRecord = { id, createdAt, isBot: false, stageHistory: path.history, custom: {} };
  const account = p.accountIndex >= 0 ? accounts.records[p.accountIndex] : undefined;
  if (account) lead.accountId = account.id;
  lead.email = p.email;
  lead.title = p.title.title;
  lead.persona = p.title.persona;
  lead.seniority = p.title.seniority;
  lead.country = p.country;
  lead.source = p.source.name;
  if (p.campaign !== undefined) lead.campaign = p.campaign;
  lead.owner = p.owner;
  if (path.disqualifiedReason !== undefined) lead.disqualifiedReason = path.disqualifiedReason;

  generateLeadTouches(rng, id, p.source, p.intent, createdAt, tl.horizon, run.touches);
  let dealEnd = NaN;
  if (!Number.isNaN(path.sqoAt) && account) {
    const oppId = padId('O', ++run.opportunityCount, run.oppWidth);
    const draft = generateOpportunity(
      rng,
      {
        id: oppId,
        leadId: id,
        accountId: account.id,
        employees: account.employees ?? 0,
        region: account.region ?? rng.weighted(REGIONS),
        profile: p,
        sqoAt: path.sqoAt,
        fastTrack: path.fastTrack,
        horizon: tl.horizon,
      },
      run.touches,
    );
    const history = dealHistory(draft.record, tl.horizon, run.seed, run.opportunityCount);
    if (history.changes.length > 0) draft.record.changes = history.changes;
    run.history.add(oppId, history.planted);
    run.opportunities.push(draft.record);
    dealEnd = draft.stages.closedAt;
    if (!Number.isNaN(dealEnd)) path.history.push({ stage: draft.won ? 'won' : 'lost', at: dealEnd });
    if (path.fastTrack !== null) run.planted.fastTracked.push(oppId);
    if (draft.stages.restaged) run.planted.restaged.push(oppId);
    if (draft.passThrough) run.planted.passThrough.push(oppId);
  }
  generateActivities(
    rng,
    {
      leadId: id,
      createdAt,
      intent: p.intent,
      entryActivity: p.source.entryActivity,
      history: path.history,
      dealEnd,
      horizon: tl.horizon,
    },
    run.activities,
  );
  // An exact-size copy: arrays grown by push keep spare capacity, which adds up over millions of leads.
  lead.stageHistory = path.history.slice();
  return lead;
}

/** Rows that belong to a run of consecutive leads: their activities, opportunities and touches. */
export type DemoSlice = ManifestRows;

/** What the sliced generator returns once every slice has been handed out. */
export interface DemoCompanyTail {
  readonly name: string;
  readonly accounts: readonly AccountRecord[];
  readonly plan: PlanRecord;
  readonly manifest: DemoManifest;
  readonly totals: {
    readonly leads: number;
    readonly activities: number;
    readonly opportunities: number;
    readonly touches: number;
  };
}

/**
 * Generates the demo company a slice of `sliceLeads` consecutive leads at a time, handing each slice
 * (the leads with every activity, opportunity and touch generated for them, in record order) to
 * `onSlice` and keeping none of it: memory stays bounded by the accounts and one slice, whatever the
 * number of leads. The random stream is drawn in exactly the order of `generateDemoCompany`, so the
 * slices concatenated are its records, and the plan and manifest are the same: the plan only needs
 * the won bookings per quarter, and every manifest definition looks at one opportunity with its own
 * lead and touches, which always share a slice.
 */
export function generateDemoCompanyInSlices(
  opts: DemoOptions,
  sliceLeads: number,
  onSlice: (slice: DemoSlice, index: number) => void,
): DemoCompanyTail {
  const slices = demoSlices(opts, sliceLeads);
  let index = 0;
  for (;;) {
    const next = slices.next();
    if (next.done === true) return next.value;
    onSlice(next.value, index++);
  }
}

/**
 * The slices of `generateDemoCompanyInSlices` one at a time, so a caller may pause between them
 * (to report progress or stop); returns the tail once every slice has been handed out.
 */
export function* demoSlices(opts: DemoOptions, sliceLeads: number): Generator<DemoSlice, DemoCompanyTail, void> {
  const seed = opts.seed ?? DEMO_DEFAULTS.seed;
  const count = Math.max(0, Math.floor(opts.leads ?? DEMO_DEFAULTS.leads));
  const asOf = opts.asOf ?? DEMO_DEFAULTS.asOf;
  const size = Math.max(1, Math.floor(sliceLeads));
  const tl = demoTimeline(asOf);
  const rng = new Rng(seed);
  const accounts = generateAccounts(rng, count === 0 ? 0 : Math.max(1, Math.round(count / 6)));
  const created = leadCreationTimes(rng, count, tl);
  const run: Run = {
    rng,
    tl,
    accounts,
    leads: [],
    activities: [],
    opportunities: [],
    touches: [],
    opportunityCount: 0,
    planted: { fastTracked: [], restaged: [], passThrough: [] },
    oppWidth: Math.max(6, String(count).length),
    seed,
    history: new HistoryTally(),
  };
  const won = new WonBookings();
  const manifest = new ManifestTally();
  const totals = { leads: 0, activities: 0, opportunities: 0, touches: 0 };
  const leadWidth = Math.max(6, String(count).length);
  const flush = (): DemoSlice => {
    const slice: DemoSlice = {
      leads: run.leads,
      activities: run.activities,
      opportunities: run.opportunities,
      touches: run.touches,
    };
    won.add(slice.opportunities);
    manifest.add(slice, BANT);
    totals.leads += slice.leads.length;
    totals.activities += slice.activities.length;
    totals.opportunities += slice.opportunities.length;
    totals.touches += slice.touches.length;
    run.leads = [];
    run.activities = [];
    run.opportunities = [];
    run.touches = [];
    return slice;
  };
  for (let i = 0; i < count; i++) {
    const id = padId('L', i + 1, leadWidth);
    const createdAt = created[i]!;
    run.leads.push(rng.chance(BOT_SHARE) ? botLead(run, id, createdAt) : humanLead(run, id, createdAt));
    if (run.leads.length === size) yield flush();
  }
  if (run.leads.length > 0 || totals.leads === 0) yield flush();
  return {
    name: DEMO_COMPANY_NAME,
    accounts: accounts.records,
    plan: buildPlan(rng, won, tl),
    manifest: manifest.finish({
      seed,
      asOf,
      planted: run.planted,
      history: run.history.result,
      criteria: BANT,
      dirtyRows: dirtyRows().length,
    }),
    totals,
  };
}

/**
 * Generates the demo company. Leads (ids `L-…`) are in creation order; activities and touches are
 * grouped by lead in that order, each lead's activities sorted by time; opportunities (`O-…`)
 * follow their leads' order. Time and memory are linear in the number of leads: in Node a million
 * leads take under half a minute and about 1.4 GB of heap (`generateDemoCompanyInSlices` writes
 * larger companies with bounded memory).
 */
export function generateDemoCompany(opts: DemoOptions = {}): DemoCompany {
  const company = new CompanyRows();
  const tail = generateDemoCompanyInSlices(opts, 100_000, (slice) => company.add(slice));
  return company.finish(tail);
}

/** Progress of a demo generation: leads generated so far of the total asked for. */
export interface DemoProgress {
  readonly leadsDone: number;
  readonly leadsTotal: number;
}

/** Thrown by `generateDemoCompanyStepwise` when asked to stop. */
export class DemoCancelled extends Error {
  constructor() {
    super('The demo company was not generated: cancelled.');
    this.name = 'DemoCancelled';
  }
}

/**
 * `generateDemoCompany` in slices of `sliceLeads` leads with a pause between slices, so a worker
 * can say how far it is and take a request to stop (`cancelled()` is asked after each pause).
 * The records are those of `generateDemoCompany`.
 */
export async function generateDemoCompanyStepwise(
  opts: DemoOptions,
  step: {
    readonly sliceLeads?: number;
    readonly onProgress?: (p: DemoProgress) => void;
    readonly cancelled?: () => boolean;
  },
): Promise<DemoCompany> {
  const total = Math.max(0, Math.floor(opts.leads ?? DEMO_DEFAULTS.leads));
  const company = new CompanyRows();
  const slices = demoSlices(opts, step.sliceLeads ?? 25_000);
  step.onProgress?.({ leadsDone: 0, leadsTotal: total });
  for (;;) {
    const next = slices.next();
    if (next.done === true) return company.finish(next.value);
    company.add(next.value);
    step.onProgress?.({ leadsDone: company.leads.length, leadsTotal: total });
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (step.cancelled?.() === true) throw new DemoCancelled();
  }
}

/** Collects slices into one record set. */
class CompanyRows {
  readonly leads: LeadRecord[] = [];
  private readonly activities: ActivityRecord[] = [];
  private readonly opportunities: OpportunityRecord[] = [];
  private readonly touches: TouchRecord[] = [];

  add(slice: DemoSlice): void {
    const append = <T>(to: T[], rows: readonly T[]) => {
      for (const r of rows) to.push(r);
    };
    append(this.leads, slice.leads);
    append(this.activities, slice.activities);
    append(this.opportunities, slice.opportunities);
    append(this.touches, slice.touches);
  }

  finish(tail: DemoCompanyTail): DemoCompany {
    const records: RecordSet = {
      name: tail.name,
      plan: tail.plan,
      accounts: [...tail.accounts],
      leads: this.leads,
      activities: this.activities,
      opportunities: this.opportunities,
      touches: this.touches,
    };
    return { records, manifest: tail.manifest };
  }
}
