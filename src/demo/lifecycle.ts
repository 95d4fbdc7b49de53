/**
 * A demo lead's way through the lifecycle (SPEC §2), up to SQO. Each step's chance depends on the
 * lead's hidden fit and intent, so scores computed from firmographics and behaviour carry real
 * signal. Steps take realistic times; anything that would happen after the horizon is not recorded,
 * so recent cohorts are still open. Fast-tracked SQOs are planted here (see FastTrackKind).
 */
import { DAY_MS } from '../engine/time';
import type { LeadStage } from '../engine/model/stages';
import type { StageEvent } from '../engine/model/records';
import { BUYER, EVALUATOR, type IntentClass, type LeadProfile } from './people';
import type { Rng } from './prng';

/**
 * How a planted fast-tracked SQO breaks the rule (SPEC §10): `same-day` SQO under a day after SQL,
 * `no-sql` SQO without any SQL entry, `criteria` a required BANT criterion false or unrecorded.
 */
export type FastTrackKind = 'same-day' | 'no-sql' | 'criteria';

export interface LeadPath {
  /** Recorded stage entries from `lead` up to `sqo`; won/lost is appended with the opportunity. */
  readonly history: StageEvent[];
  disqualifiedReason?: string;
  /** Epoch ms of the SQO entry; NaN when the lead did not reach SQO before the horizon. */
  sqoAt: number;
  /** Set when the SQO is a planted fast-track. */
  fastTrack: FastTrackKind | null;
}

/** Chance of each step by intent class (browser, evaluator, buyer), before the fit adjustment. */
const P_MQL = [0.09, 0.55, 0.9];
const P_SQL = [0.08, 0.38, 0.76];
const P_SQO = [0.15, 0.33, 0.55];
/** Median days from creation to MQL by intent class. */
const DAYS_TO_MQL = [16, 6, 2];
/** Chance that a lead failing SAL→SQL is pushed to SQO anyway without an SQL entry. */
const FAST_TRACK_NO_SQL = 0.012;
/** Chance that a lead failing SQL→SQO is pushed to SQO anyway (under a day, or criteria missing). */
const FAST_TRACK_AT_SQL = 0.065;
/** Chance that a recycled lead comes back as an MQL later, by intent class. */
const P_REENGAGE = [0.06, 0.18, 0.35];

const HOUR_MS = 3_600_000;

/** A step's chance, kept below certainty: every step loses some leads. */
const chanceOf = (x: number): number => Math.min(0.98, Math.max(0, x));

/** Writes events in order; refuses (and ends the path) once an event would fall after the horizon. */
class PathWriter {
  constructor(
    readonly path: LeadPath,
    private readonly horizon: number,
  ) {}
  open = true;
  at = 0;
  /** Fast-tracks are planted on the first pass only, so the first SQL entry is the one they break. */
  plant = true;
  add(stage: LeadStage, at: number): boolean {
    // Entries are at least a minute apart so their order survives any stable sort by time.
    const t = Math.round(Math.max(at, this.at + 60_000));
    if (!this.open || t >= this.horizon) {
      this.open = false;
      return false;
    }
    this.path.history.push({ stage, at: t });
    this.at = t;
    return true;
  }
}

function days(rng: Rng, median: number, sigma: number): number {
  return rng.lognormal(median, sigma) * DAY_MS;
}

const DQ_AT_MQL = ['Bad contact data', 'Duplicate'];
const DQ_AT_SAL = ['No response', 'No response', 'No budget', 'Not ICP'];
const DQ_AT_SQL = ['No budget', 'No need', 'Lost to status quo'];

function dqReason(rng: Rng, p: LeadProfile, stage: 'mql' | 'sal' | 'sql'): string {
  if (p.student) return 'Student';
  if (p.competitor) return 'Competitor';
  if (p.accountIndex < 0) return 'No company match';
  if (stage === 'mql') return p.fit < 0.4 ? 'Not ICP' : rng.pick(DQ_AT_MQL);
  return rng.pick(stage === 'sal' ? DQ_AT_SAL : DQ_AT_SQL);
}

/** Ends a failed step: recycled (with a chance to come back later) or disqualified. */
function fail(rng: Rng, w: PathWriter, p: LeadProfile, stage: 'mql' | 'sal' | 'sql', pRecycle: number): void {
  const forced = p.student || p.competitor || p.accountIndex < 0;
  if (!forced && rng.chance(pRecycle)) {
    w.add('recycled', w.at + days(rng, 14, 0.6));
    return;
  }
  if (w.add('disqualified', w.at + days(rng, 5, 0.8))) w.path.disqualifiedReason = dqReason(rng, p, stage);
}

/** SQL → SQO, with planted fast-tracks among the leads that should not have qualified. */
function fromSql(rng: Rng, w: PathWriter, p: LeadProfile, intent: IntentClass): void {
  if (rng.chance(chanceOf(P_SQO[intent]! * (0.6 + 0.55 * p.fit)))) {
    // Clean SQOs come at least a day after the SQL.
    w.add('sqo', w.at + 1.05 * DAY_MS + days(rng, 6, 0.7));
  } else if (w.plant && rng.chance(FAST_TRACK_AT_SQL)) {
    const sameDay = rng.chance(0.55);
    const at = sameDay ? w.at + rng.uniform(1, 20) * HOUR_MS : w.at + 1.05 * DAY_MS + days(rng, 4, 0.6);
    if (w.add('sqo', at)) w.path.fastTrack = sameDay ? 'same-day' : 'criteria';
  } else {
    fail(rng, w, p, 'sql', 0.45);
    return;
  }
  if (w.path.history[w.path.history.length - 1]?.stage === 'sqo') w.path.sqoAt = w.at;
}

/** SAL → SQL (or, rarely, a planted jump to SQO without SQL). */
function fromSal(rng: Rng, w: PathWriter, p: LeadProfile, intent: IntentClass): void {
  if (p.accountIndex >= 0 && rng.chance(chanceOf(P_SQL[intent]! * (0.55 + 0.6 * p.fit)))) {
    if (w.add('sql', w.at + days(rng, 6, 0.8))) fromSql(rng, w, p, intent);
  } else if (w.plant && p.accountIndex >= 0 && rng.chance(FAST_TRACK_NO_SQL)) {
    if (w.add('sqo', w.at + days(rng, 4, 0.6))) {
      w.path.fastTrack = 'no-sql';
      w.path.sqoAt = w.at;
    }
  } else {
    fail(rng, w, p, 'sal', 0.55);
  }
}

/** MQL → SAL (a few MQLs skip SAL: the SDR books the meeting at once). */
function fromMql(rng: Rng, w: PathWriter, p: LeadProfile, intent: IntentClass): void {
  let pSal = 0.38 + 0.4 * p.fit + (intent === BUYER ? 0.1 : 0);
  if (p.freeMail && p.accountIndex < 0) pSal *= 0.5;
  if (p.student || p.competitor || !rng.chance(chanceOf(pSal))) {
    fail(rng, w, p, 'mql', 0.6);
  } else if (intent === BUYER && p.accountIndex >= 0 && rng.chance(0.08)) {
    if (w.add('sql', w.at + days(rng, 2, 0.7))) fromSql(rng, w, p, intent);
  } else if (w.add('sal', w.at + days(rng, 1.5, 0.8))) {
    fromSal(rng, w, p, intent);
  }
}

/**
 * The recorded path of a human lead created at `createdAt`. Demo requests often jump straight to
 * SQL and outbound leads skip MQL (the SDR accepts them directly); a recycled lead may come back.
 */
export function leadPath(rng: Rng, p: LeadProfile, createdAt: number, horizon: number): LeadPath {
  const path: LeadPath = { history: [], sqoAt: NaN, fastTrack: null };
  const w = new PathWriter(path, horizon);
  w.add('lead', createdAt);
  const intent = p.intent;
  if (!rng.chance(chanceOf(P_MQL[intent]! * (0.35 + 0.8 * p.fit)))) return path;
  const source = p.source.name;
  if (source === 'demo_request' && p.accountIndex >= 0 && rng.chance(0.5)) {
    if (w.add('sql', createdAt + days(rng, 1.5, 0.6))) fromSql(rng, w, p, intent);
  } else if (source === 'outbound' && rng.chance(0.8)) {
    if (w.add('sal', createdAt + days(rng, 4, 0.8))) fromSal(rng, w, p, intent);
  } else if (w.add('mql', createdAt + days(rng, DAYS_TO_MQL[intent]!, 0.9))) {
    fromMql(rng, w, p, intent);
  }
  // A recycled lead may come back to marketing-qualified months later, and go on from there.
  const last = path.history[path.history.length - 1];
  if (last?.stage === 'recycled' && rng.chance(P_REENGAGE[intent]!)) {
    const back = Math.max(intent, EVALUATOR) as IntentClass;
    w.plant = false;
    if (w.add('mql', w.at + days(rng, 90, 0.5))) fromMql(rng, w, p, back);
  }
  return path;
}
