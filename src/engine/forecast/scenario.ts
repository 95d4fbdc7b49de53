/**
 * The scenario planner (SPEC §6): MQLs through each step (given as a count or a rate) to SQOs,
 * pipeline = SQOs × ACV, expected bookings = pipeline × win rate, the gap to quota and the MQLs
 * needed to close it. Pure integer arithmetic: rates are taken in parts per million and products
 * are formed with BigInt, so the worked example comes out to the cent
 * (4,800 → 1,440 → 420 → 168; $8,064,000; $1,774,080 at 22%).
 */

/** A funnel step given either as the next stage's count or as the conversion rate (0–1). */
export type ScenarioStep =
  { readonly kind: 'count'; readonly count: number } | { readonly kind: 'rate'; readonly rate: number };

export interface ScenarioInput {
  /** MQLs in the period. */
  readonly mqls: number;
  /** MQL → SAL. */
  readonly sal: ScenarioStep;
  /** SAL → SQL. */
  readonly sql: ScenarioStep;
  /** SQL → SQO. */
  readonly sqo: ScenarioStep;
  /** Average contract value, integer cents. */
  readonly acvCents: number;
  /** SQO → won, 0–1. */
  readonly winRate: number;
  /** Quota of the period, integer cents; null for none. */
  readonly quotaCents: number | null;
}

/** Bounds shared by the planner's inputs and the engine's clamps. */
export const SCENARIO_BOUNDS = { maxCount: 100_000_000, maxAcvCents: 100_000_000_000 } as const;

export interface ScenarioResult {
  readonly stages: { readonly mql: number; readonly sal: number; readonly sql: number; readonly sqo: number };
  /** Step rates implied by the counts; null on 0/0. */
  readonly rates: {
    readonly mqlToSal: number | null;
    readonly salToSql: number | null;
    readonly sqlToSqo: number | null;
    readonly mqlToSqo: number | null;
  };
  /** SQOs × ACV, cents. */
  readonly pipelineCents: number;
  /** pipeline × win rate, rounded half up to the cent. */
  readonly expectedBookingsCents: number;
  readonly quotaCents: number | null;
  /** quota − expected bookings, cents (negative: above quota); null without a quota. */
  readonly gapCents: number | null;
  /** MQLs that would book the quota at these rates (rounded up); null without a quota or when bookings per MQL is 0. */
  readonly mqlsNeeded: number | null;
  /** mqlsNeeded − mqls, never below 0; null when mqlsNeeded is. */
  readonly additionalMqls: number | null;
}

/** The worked example of the seeds, as planner input. */
export const WORKED_EXAMPLE: ScenarioInput = {
  mqls: 4800,
  sal: { kind: 'count', count: 1440 },
  sql: { kind: 'count', count: 420 },
  sqo: { kind: 'count', count: 168 },
  acvCents: 48_000_00,
  winRate: 0.22,
  quotaCents: null,
};

const PPM = 1_000_000n;

const wholeCount = (n: number): number =>
  Number.isFinite(n) ? Math.min(SCENARIO_BOUNDS.maxCount, Math.max(0, Math.round(n))) : 0;

/** A rate 0–1 as integer parts per million. */
export const toPpm = (rate: number): bigint =>
  BigInt(Number.isFinite(rate) ? Math.round(Math.min(1, Math.max(0, rate)) * 1e6) : 0);

/** round(a × ppm / 10^6), half up, for a ≥ 0. */
const applyPpm = (a: bigint, ppm: bigint): bigint => (a * ppm + PPM / 2n) / PPM;

/** The next stage's count: a count as given (never above the previous), or prev × rate rounded to a whole lead. */
function next(prev: number, step: ScenarioStep): number {
  if (step.kind === 'count') return Math.min(prev, wholeCount(step.count));
  return Number(applyPpm(BigInt(prev), toPpm(step.rate)));
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function runScenario(input: ScenarioInput): ScenarioResult {
  const mql = wholeCount(input.mqls);
  const sal = next(mql, input.sal);
  const sql = next(sal, input.sql);
  const sqo = next(sql, input.sqo);
  const acv = BigInt(Math.min(SCENARIO_BOUNDS.maxAcvCents, Math.max(0, Math.round(input.acvCents || 0))));
  const win = toPpm(input.winRate);
  const pipeline = BigInt(sqo) * acv;
  const expected = applyPpm(pipeline, win);
  const quota =
    input.quotaCents === null || !Number.isFinite(input.quotaCents)
      ? null
      : BigInt(Math.max(0, Math.round(input.quotaCents)));
  // Bookings scale with MQLs at fixed rates: needed = ceil(quota × mql / (pipeline × win)).
  const denominator = pipeline * win;
  let needed: number | null = null;
  if (quota !== null && denominator > 0n && mql > 0) {
    const num = quota * BigInt(mql) * PPM;
    needed = Number((num + denominator - 1n) / denominator);
  }
  return {
    stages: { mql, sal, sql, sqo },
    rates: {
      mqlToSal: ratio(sal, mql),
      salToSql: ratio(sql, sal),
      sqlToSqo: ratio(sqo, sql),
      mqlToSqo: ratio(sqo, mql),
    },
    pipelineCents: Number(pipeline),
    expectedBookingsCents: Number(expected),
    quotaCents: quota === null ? null : Number(quota),
    gapCents: quota === null ? null : Number(quota - expected),
    mqlsNeeded: needed,
    additionalMqls: needed === null ? null : Math.max(0, needed - mql),
  };
}
