/**
 * The opportunity an AE opens when a demo lead reaches SQO: amount by segment, AE by region, outcome
 * by fit and intent (fast-tracked SQOs win at about 4%), stage history, qualification checklist,
 * sourcing credit and the touches logged on the deal. Planted pass-through and re-staged cases are
 * decided here.
 */
import type { OpportunityRecord, Qualification, TouchRecord } from '../engine/model/records';
import { QUALIFICATION_CRITERIA, type QualificationCriterion } from '../engine/model/stages';
import { DAY_MS } from '../engine/time';
import { AES } from './catalog-people';
import { NURTURE_CHANNELS } from './catalog-sources';
import { restagedStages, straightStages, type StagePlan } from './opportunity-stages';
import type { FastTrackKind } from './lifecycle';
import type { LeadProfile } from './people';
import type { Rng } from './prng';

/** The BANT criteria: every clean demo SQO has all four recorded true. */
export const BANT: readonly QualificationCriterion[] = ['budget', 'authority', 'need', 'timeline'];

/** Win chance of a fast-tracked SQO (the seeds report such cohorts win at 3–5%). */
const FAST_TRACK_WIN = 0.04;
/** Win chance by intent class (browser, evaluator, buyer), before the fit adjustment. */
const WIN_BY_INTENT = [0.14, 0.22, 0.3];
/** Share of clean SQOs of non-outbound leads planted as pass-through (AE claims the sourcing). */
const PASS_THROUGH = 0.035;
/** Share of clean SQOs planted as re-staged. */
const RESTAGE = 0.03;

export interface OpportunityInput {
  readonly id: string;
  readonly leadId: string;
  readonly accountId: string;
  readonly employees: number;
  readonly region: string;
  readonly profile: LeadProfile;
  /** Epoch ms of the SQO: the opportunity's creation. */
  readonly sqoAt: number;
  readonly fastTrack: FastTrackKind | null;
  readonly horizon: number;
}

export interface OpportunityDraft {
  readonly record: OpportunityRecord;
  readonly stages: StagePlan;
  readonly won: boolean;
  readonly passThrough: boolean;
}

const AES_BY_REGION: Readonly<Record<string, readonly string[]>> = (() => {
  const out: Record<string, string[]> = {};
  for (const [name, region] of AES) (out[region] ??= []).push(name);
  return out;
})();

/** Annual contract value in cents: log-normal around a median by segment, rounded to $100. */
function amountCents(rng: Rng, employees: number): number {
  const median = employees < 200 ? 20_000 : employees < 2000 ? 40_000 : 65_000;
  const dollars = Math.max(3_000, rng.lognormal(median, 0.45));
  return Math.round(dollars / 100) * 100 * 100;
}

/** Checklist: BANT true unless a criteria fast-track; the rest likelier true on won deals. */
function qualification(rng: Rng, status: 'open' | 'won' | 'lost', fastTrack: FastTrackKind | null): Qualification {
  const q: Qualification = {};
  const broken = new Set<QualificationCriterion>();
  if (fastTrack === 'criteria') {
    broken.add(rng.pick(BANT));
    if (rng.chance(0.4)) broken.add(rng.pick(BANT));
  }
  const pTrue = fastTrack ? 0.4 : status === 'won' ? 0.88 : status === 'open' ? 0.7 : 0.5;
  for (const c of QUALIFICATION_CRITERIA) {
    if (broken.has(c)) {
      if (rng.chance(0.6)) q[c] = false; // else left unrecorded
    } else if (BANT.includes(c)) {
      q[c] = true;
    } else {
      const u = rng.next();
      if (u < pTrue) q[c] = true;
      else if (u < pTrue + 0.1) continue;
      else q[c] = false;
    }
  }
  return q;
}

function winChance(p: LeadProfile, fastTrack: FastTrackKind | null, restage: boolean): number {
  if (fastTrack) return FAST_TRACK_WIN;
  const base = WIN_BY_INTENT[p.intent]! * (0.45 + 0.7 * p.fit);
  return restage ? base * 0.6 : base;
}

/** Expected close date of an open deal: the rep's estimate as a whole UTC day after the horizon. */
function expectedClose(rng: Rng, plannedClose: number, horizon: number): number {
  const estimate = Math.max(plannedClose + rng.normal() * 12 * DAY_MS, horizon + rng.uniform(1, 21) * DAY_MS);
  return Math.floor(estimate / DAY_MS) * DAY_MS;
}

/** Builds the opportunity and appends its deal touches to `touches`. */
export function generateOpportunity(rng: Rng, o: OpportunityInput, touches: TouchRecord[]): OpportunityDraft {
  const p = o.profile;
  const restage = o.fastTrack === null && rng.chance(RESTAGE);
  const passThrough = o.fastTrack === null && !restage && p.source.name !== 'outbound' && rng.chance(PASS_THROUGH);
  const won = rng.chance(winChance(p, o.fastTrack, restage));
  const stages = restage ? restagedStages(rng, o.sqoAt, won, o.horizon) : straightStages(rng, o.sqoAt, won, o.horizon);
  const closed = !Number.isNaN(stages.closedAt);
  const status = closed ? (won ? 'won' : 'lost') : 'open';
  const owners = AES_BY_REGION[o.region] ?? AES_BY_REGION.NA!;
  const record: OpportunityRecord = {
    id: o.id,
    leadId: o.leadId,
    accountId: o.accountId,
    createdAt: o.sqoAt,
    owner: rng.pick(owners),
    amountCents: amountCents(rng, o.employees),
    closeDate: closed ? stages.closedAt : expectedClose(rng, stages.plannedClose, o.horizon),
    status,
    stage: stages.history[stages.history.length - 1]!.stage,
    stageHistory: stages.history,
    qualification: qualification(rng, status, o.fastTrack),
    sourcedBy: passThrough ? 'ae' : rng.weighted(p.source.sourcedBy),
    custom: {},
  };
  // Touches logged on the deal while it is worked (field events, nurture e-mail, partner calls).
  const end = (closed ? stages.closedAt : o.horizon) - 1;
  const count = rng.int(0, 2);
  for (let k = 0; k < count && end > o.sqoAt; k++) {
    const channel = p.source.name === 'partner' && rng.chance(0.5) ? 'partner' : rng.weighted(NURTURE_CHANNELS);
    touches.push({ opportunityId: o.id, channel, at: Math.round(rng.uniform(o.sqoAt + 1, end)) });
  }
  return { record, stages, won: closed && won, passThrough };
}
