/**
 * The built-in demo company (SPEC §9): a seeded, deterministic generator of a whole RevOps dataset —
 * accounts, leads from sources of different quality, behavioural activities, opportunities with
 * stage histories and checklists, touches and a quarterly plan — with bots, skipped stages and
 * planted SQO gaming patterns described by a manifest. Pure: no clock, no `Math.random`, no DOM.
 */
import type {
  ActivityRecord,
  LeadRecord,
  OpportunityRecord,
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
import { buildManifest, type DemoManifest } from './manifest';
import { BANT, generateOpportunity } from './opportunities';
import { BROWSER, drawProfile, type LeadProfile } from './people';
import { buildPlan } from './plan';
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
  readonly leads: LeadRecord[];
  readonly activities: ActivityRecord[];
  readonly opportunities: OpportunityRecord[];
  readonly touches: TouchRecord[];
  readonly planted: Planted;
  readonly oppWidth: number;
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
    const oppId = padId('O', run.opportunities.length + 1, run.oppWidth);
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

/**
 * Generates the demo company. Leads (ids `L-…`) are in creation order; activities and touches are
 * grouped by lead in that order, each lead's activities sorted by time; opportunities (`O-…`)
 * follow their leads' order. Time and memory are linear in the number of leads: in Node a million
 * leads take under half a minute and about 1.4 GB of heap.
 */
export function generateDemoCompany(opts: DemoOptions = {}): DemoCompany {
  const seed = opts.seed ?? DEMO_DEFAULTS.seed;
  const count = Math.max(0, Math.floor(opts.leads ?? DEMO_DEFAULTS.leads));
  const asOf = opts.asOf ?? DEMO_DEFAULTS.asOf;
  const tl = demoTimeline(asOf);
  const rng = new Rng(seed);
  const accounts = generateAccounts(rng, count === 0 ? 0 : Math.max(1, Math.round(count / 6)));
  const created = leadCreationTimes(rng, count, tl);
  const run: Run = {
    rng,
    tl,
    accounts,
    leads: new Array<LeadRecord>(count),
    activities: [],
    opportunities: [],
    touches: [],
    planted: { fastTracked: [], restaged: [], passThrough: [] },
    oppWidth: Math.max(6, String(count).length),
  };
  const leadWidth = Math.max(6, String(count).length);
  for (let i = 0; i < count; i++) {
    const id = padId('L', i + 1, leadWidth);
    const createdAt = created[i]!;
    run.leads[i] = rng.chance(BOT_SHARE) ? botLead(run, id, createdAt) : humanLead(run, id, createdAt);
  }
  const records: RecordSet = {
    name: DEMO_COMPANY_NAME,
    plan: buildPlan(rng, run.opportunities, tl),
    accounts: accounts.records,
    leads: run.leads,
    activities: run.activities,
    opportunities: run.opportunities,
    touches: run.touches,
  };
  const manifest = buildManifest({
    seed,
    asOf,
    records,
    planted: run.planted,
    criteria: BANT,
    dirtyRows: dirtyRows().length,
  });
  return { records, manifest };
}
