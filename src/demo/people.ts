/**
 * Who a demo lead is: source, account, title, e-mail, country, SDR owner, and the two hidden traits
 * that drive everything after — how well the lead fits the ICP and how much buying intent it has.
 */
import { countryIn, type AccountPool } from './accounts';
import { REGIONS, type Region } from './catalog-firmographics';
import {
  BUSINESS_TITLES,
  COMPETITOR_DOMAINS,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  LAST_NAMES,
  SDRS,
  STUDENT_DOMAINS,
  STUDENT_TITLES,
  type TitleSpec,
} from './catalog-people';
import { SOURCE_TABLE, type SourceSpec } from './catalog-sources';
import type { Rng } from './prng';

/** Hidden intent class of a lead: browsers read, evaluators compare, buyers are in a buying cycle. */
export const BROWSER = 0;
export const EVALUATOR = 1;
export const BUYER = 2;
export type IntentClass = typeof BROWSER | typeof EVALUATOR | typeof BUYER;

export interface LeadProfile {
  readonly source: SourceSpec;
  /** Index into the account pool, -1 for none. */
  readonly accountIndex: number;
  readonly title: TitleSpec;
  readonly email: string;
  readonly country: string;
  readonly campaign?: string;
  readonly owner: string;
  readonly freeMail: boolean;
  readonly student: boolean;
  readonly competitor: boolean;
  /** Hidden fit, 0–1: firmographics (0.65) and role (0.35), minus disqualifiers. */
  readonly fit: number;
  readonly intent: IntentClass;
}

const ROLE_FIT = { buyer: 0.35, influencer: 0.2, none: 0.05, student: 0 } as const;

const SDRS_BY_REGION: Readonly<Record<string, readonly string[]>> = (() => {
  const out: Record<string, string[]> = {};
  for (const [name, region] of SDRS) (out[region] ??= []).push(name);
  return out;
})();

/** Quarterly campaign labels (`2026-Q3 Forecasting 101 webinar`), built once and shared. */
const CAMPAIGN_LABELS = new Map<string, Map<string, string>>();

function campaignLabel(quarter: string, name: string): string {
  let byName = CAMPAIGN_LABELS.get(quarter);
  if (!byName) CAMPAIGN_LABELS.set(quarter, (byName = new Map()));
  let label = byName.get(name);
  if (label === undefined) byName.set(name, (label = `${quarter} ${name}`));
  return label;
}

/** An account index skewed so some accounts bring many leads; `draws` > 1 keeps the most ICP-like. */
function pickAccount(rng: Rng, pool: AccountPool, draws: number): number {
  const n = pool.fit.length;
  let best = -1;
  for (let k = 0; k < draws; k++) {
    const i = Math.min(n - 1, Math.floor(n * Math.pow(rng.next(), 1.4)));
    if (best < 0 || pool.fit[i]! > pool.fit[best]!) best = i;
  }
  return best;
}

function localPart(rng: Rng): string {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return rng.chance(0.7) ? `${first}.${last}` : `${first.charAt(0)}${last}`;
}

function intentClass(rng: Rng, source: SourceSpec, fit: number, student: boolean): IntentClass {
  const pBuyer = student ? 0 : Math.min(0.9, source.buyer * (0.35 + 1.3 * fit));
  const pEval = source.evaluator * (student ? 0.3 : 0.7 + 0.6 * fit);
  const u = rng.next();
  if (u < pBuyer) return BUYER;
  return u < pBuyer + pEval ? EVALUATOR : BROWSER;
}

/** Draws a human lead created in `quarter` (a label such as `2026-Q3`, used in campaign names). */
export function drawProfile(rng: Rng, pool: AccountPool, quarter: string): LeadProfile {
  const source = rng.weighted(SOURCE_TABLE);
  const competitor = rng.chance(0.003);
  const student = !competitor && rng.chance(source.student);
  const freeMail = !competitor && !student && rng.chance(source.freeMail);
  const title = rng.weighted(student ? STUDENT_TITLES : BUSINESS_TITLES);
  // Students and competitors match no account; half the free-mail contacts are matched by enrichment.
  const hasAccount = !student && !competitor && pool.fit.length > 0 && (!freeMail || rng.chance(0.5));
  const accountIndex = hasAccount ? pickAccount(rng, pool, source.targeting) : -1;
  const region: Region = accountIndex >= 0 ? pool.regions[accountIndex]! : rng.weighted(REGIONS);
  const local = localPart(rng);
  // Joined rather than concatenated: a flat string is smaller than a rope of the parts.
  let email: string;
  if (competitor) email = [local, rng.pick(COMPETITOR_DOMAINS)].join('@');
  else if (student) email = [local, rng.pick(STUDENT_DOMAINS)].join('@');
  else if (freeMail || accountIndex < 0) email = [local + rng.int(1, 99), rng.pick(FREE_MAIL_DOMAINS)].join('@');
  else email = [local, pool.domains[accountIndex]!].join('@');

  let fit = (accountIndex >= 0 ? 0.65 * pool.fit[accountIndex]! : 0) + ROLE_FIT[title.role];
  if (freeMail) fit -= 0.25;
  if (student || competitor) fit = 0;
  fit = Math.min(1, Math.max(0, fit));

  const campaignName = source.campaigns.length > 0 ? rng.pick(source.campaigns) : undefined;
  const campaign =
    campaignName === undefined
      ? undefined
      : source.quarterlyCampaigns
        ? campaignLabel(quarter, campaignName)
        : campaignName;
  const owners = SDRS_BY_REGION[region] ?? SDRS_BY_REGION.NA!;
  return {
    source,
    accountIndex,
    title,
    email,
    country: countryIn(rng, region),
    campaign,
    owner: rng.pick(owners),
    freeMail,
    student,
    competitor,
    fit,
    intent: intentClass(rng, source, fit, student),
  };
}
