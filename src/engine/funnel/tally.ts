/**
 * Stage counts, amounts and all-data cohort rates, in total or per group. The rates here are over
 * all data: of the leads that reached A, the share that also reached B (in strict mode both entries
 * must be recorded). `winRate` is won ÷ (won + lost) leads. A rate whose denominator is 0 is `null`.
 */
import { NONE_LABEL, type GroupCodes } from './groups';
import {
  REACH_STAGES,
  SKIPPABLE_STAGES,
  type ReachStage,
  type SkippableStage,
  type StageReach,
  type StepStage,
} from './reach';
import { rateEstimate, type RateEstimate } from './stats';

/** A conversion from one funnel stage to a later one. */
export interface StagePair {
  readonly key: PairKey;
  readonly from: StepStage;
  readonly to: StepStage;
  readonly label: string;
}

export const STAGE_PAIRS = [
  { key: 'leadToMql', from: 'lead', to: 'mql', label: 'Lead→MQL' },
  { key: 'mqlToSal', from: 'mql', to: 'sal', label: 'MQL→SAL' },
  { key: 'salToSql', from: 'sal', to: 'sql', label: 'SAL→SQL' },
  { key: 'sqlToSqo', from: 'sql', to: 'sqo', label: 'SQL→SQO' },
  { key: 'mqlToSqo', from: 'mql', to: 'sqo', label: 'MQL→SQO' },
  { key: 'mqlToWon', from: 'mql', to: 'won', label: 'MQL→won' },
  { key: 'sqoToWon', from: 'sqo', to: 'won', label: 'SQO→won' },
] as const satisfies readonly { key: string; from: StepStage; to: StepStage; label: string }[];

export type PairKey = (typeof STAGE_PAIRS)[number]['key'];
export type RateKey = PairKey | 'winRate';

export function pairOf(key: PairKey): StagePair {
  return STAGE_PAIRS.find((p) => p.key === key)!;
}

/** Leads per stage (in the reach's mode). */
export type StageCounts = Record<ReachStage, number>;
/** Fractions 0–1, null when the denominator is 0. */
export type FunnelRates = Record<RateKey, number | null>;

export interface FunnelTally {
  readonly counts: StageCounts;
  /**
   * Pipeline amount per stage, integer cents: the sum of the opportunity amounts of the leads that
   * reached the stage (for `won`, only the won opportunities).
   */
  readonly amountCents: StageCounts;
  readonly rates: FunnelRates;
  /** Each rate with its denominator (leads or deals) and 95% Wilson interval. */
  readonly estimates: Record<RateKey, RateEstimate>;
  /** Leads that skipped each stage (recorded a later stage without this one). */
  readonly skipped: Record<SkippableStage, number>;
}

export interface GroupedTally {
  readonly dimension: string;
  /** Labels of the groups with leads in scope; a trailing "(none)" group holds leads without a value. */
  readonly labels: readonly string[];
  readonly tallies: readonly FunnelTally[];
}

/** Running counts of a tally: per stage, per pair (leads that reached both) and per skipped stage. */
export interface TallyAcc {
  counts: StageCounts;
  amountCents: StageCounts;
  both: Record<PairKey, number>;
  skipped: Record<SkippableStage, number>;
}

const zeroes = (): StageCounts => Object.fromEntries(REACH_STAGES.map((s) => [s, 0])) as StageCounts;

export function newTallyAcc(): TallyAcc {
  return {
    counts: zeroes(),
    amountCents: zeroes(),
    both: Object.fromEntries(STAGE_PAIRS.map((p) => [p.key, 0])) as Record<PairKey, number>,
    skipped: { mql: 0, sal: 0, sql: 0, sqo: 0 },
  };
}

function add(acc: TallyAcc, r: StageReach, i: number): void {
  for (const s of REACH_STAGES) {
    if (!r.reached[s][i]) continue;
    acc.counts[s]++;
    acc.amountCents[s] += s === 'won' ? r.wonCents[i]! : r.amountCents[i]!;
  }
  for (const p of STAGE_PAIRS) if (r.reached[p.from][i] && r.reached[p.to][i]) acc.both[p.key]++;
  for (const s of SKIPPABLE_STAGES) acc.skipped[s] += r.skipped[s][i]!;
}

/** The tally of running counts: rates and their 95% intervals. */
export function finishTally(acc: TallyAcc): FunnelTally {
  const estimates = Object.fromEntries(
    STAGE_PAIRS.map((p) => [p.key, rateEstimate(acc.both[p.key], acc.counts[p.from])]),
  ) as Record<RateKey, RateEstimate>;
  estimates.winRate = rateEstimate(acc.counts.won, acc.counts.won + acc.counts.lost);
  const rates = Object.fromEntries(Object.entries(estimates).map(([k, e]) => [k, e.rate])) as FunnelRates;
  return { counts: acc.counts, amountCents: acc.amountCents, rates, estimates, skipped: acc.skipped };
}

/** The whole funnel of the in-scope leads. O(leads). */
export function tallyFunnel(reach: StageReach): FunnelTally {
  const acc = newTallyAcc();
  for (let i = 0; i < reach.inScope.length; i++) if (reach.inScope[i]) add(acc, reach, i);
  return finishTally(acc);
}

/** The funnel per group. Group tallies add up to the total tally. O(leads). */
export function tallyByGroup(reach: StageReach, groups: GroupCodes): GroupedTally {
  const G = groups.labels.length;
  const accs = Array.from({ length: G + 1 }, newTallyAcc);
  for (let i = 0; i < reach.inScope.length; i++) {
    if (!reach.inScope[i]) continue;
    const g = groups.codes[i]!;
    add(accs[g < 0 || g >= G ? G : g]!, reach, i);
  }
  const labels: string[] = [];
  const tallies: FunnelTally[] = [];
  accs.forEach((acc, g) => {
    if (acc.counts.lead === 0) return; // groups without a lead in scope are left out
    labels.push(g === G ? NONE_LABEL : groups.labels[g]!);
    tallies.push(finishTally(acc));
  });
  return { dimension: groups.name, labels, tallies };
}
