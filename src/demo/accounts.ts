/** The demo company's accounts: firmographics drawn around a clear ICP. */
import type { AccountRecord } from '../engine/model/records';
import {
  COUNTRIES_BY_REGION,
  DOMAIN_TLDS,
  ICP_EMPLOYEES,
  ICP_INDUSTRIES,
  ICP_REGIONS,
  INDUSTRIES,
  NAME_CORES,
  NAME_PREFIXES,
  NAME_SUFFIXES,
  REGIONS,
  REVENUE_PER_EMPLOYEE_USD,
  TECH_STACK,
  type Region,
} from './catalog-firmographics';
import { padId } from './ids';
import type { Rng } from './prng';

/** Accounts plus what lead generation needs to know about each, by account index. */
export interface AccountPool {
  readonly records: AccountRecord[];
  /** E-mail domain of each account. */
  readonly domains: string[];
  readonly regions: Region[];
  /** Firmographic fit against the ICP, 0–1 (industry 0.4, employee band 0.35, region 0.25). */
  readonly fit: Float64Array;
}

/** Firmographic fit of an account, 0–1. */
export function accountFit(industry: string, employees: number, region: string): number {
  let fit = ICP_INDUSTRIES.has(industry) ? 0.4 : 0;
  if (employees >= ICP_EMPLOYEES.min && employees <= ICP_EMPLOYEES.max) fit += 0.35;
  else if (employees >= 50 && employees <= 20_000) fit += 0.12;
  if (ICP_REGIONS.has(region)) fit += 0.25;
  return fit;
}

function techStack(rng: Rng): string[] {
  const wanted = rng.int(1, 5);
  const out: string[] = [];
  for (let tries = 0; out.length < wanted && tries < 12; tries++) {
    const t = rng.weighted(TECH_STACK);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** Generates `count` accounts with ids `A-000001`…; iid draws, so an index carries no meaning. */
export function generateAccounts(rng: Rng, count: number): AccountPool {
  const records: AccountRecord[] = new Array<AccountRecord>(count);
  const domains: string[] = new Array<string>(count);
  const regions: Region[] = new Array<Region>(count);
  const fit = new Float64Array(count);
  const width = Math.max(6, String(count).length);
  for (let i = 0; i < count; i++) {
    const prefix = rng.pick(NAME_PREFIXES);
    const core = rng.pick(NAME_CORES);
    const suffix = rng.pick(NAME_SUFFIXES);
    const industry = rng.weighted(INDUSTRIES);
    const region = rng.weighted(REGIONS);
    const employees = Math.round(Math.min(250_000, Math.max(3, rng.lognormal(320, 1.5))));
    const perEmployee = (REVENUE_PER_EMPLOYEE_USD[industry] ?? 150_000) * rng.lognormal(1, 0.35);
    // Revenue rounded to $10k, then to cents.
    const annualRevenueCents = Math.max(1, Math.round((employees * perEmployee) / 10_000)) * 10_000 * 100;
    records[i] = {
      id: padId('A', i + 1, width),
      name: `${prefix} ${core} ${suffix}`,
      industry,
      employees,
      annualRevenueCents,
      region,
      techStack: techStack(rng),
      custom: {},
    };
    domains[i] = `${(prefix + core).toLowerCase()}.${rng.pick(DOMAIN_TLDS)}`;
    regions[i] = region;
    fit[i] = accountFit(industry, employees, region);
  }
  return { records, domains, regions, fit };
}

/** A country of the region, weighted. */
export function countryIn(rng: Rng, region: Region): string {
  return rng.weighted(COUNTRIES_BY_REGION[region]);
}
