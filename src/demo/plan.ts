/**
 * The demo company's plan: a quota per quarter for the eight quarters of data and the next two.
 * Closed quarters get a quota their won bookings attain at 85–108%; the current and future quarters
 * get a quota from the recent run rate grown ~6% a quarter, so coverage is plausible.
 */
import type { OpportunityRecord, PlanRecord } from '../engine/model/records';
import { addQuarters, quarterOf } from '../engine/time';
import type { Rng } from './prng';
import { DEMO_FISCAL_START_MONTH, type DemoTimeline } from './timeline';

/** Quotas are round figures: multiples of $10,000, in cents. */
const QUOTA_STEP_CENTS = 10_000 * 100;
const GROWTH_PER_QUARTER = 1.06;

const roundQuota = (cents: number): number => Math.max(1, Math.round(cents / QUOTA_STEP_CENTS)) * QUOTA_STEP_CENTS;

/** Won bookings (cents) per fiscal quarter of close, summed over opportunities as they are made. */
export class WonBookings {
  private readonly byQuarter = new Map<string, number>();

  add(opportunities: readonly OpportunityRecord[]): void {
    for (const o of opportunities) {
      if (o.status !== 'won' || o.closeDate === undefined) continue;
      const q = quarterOf(o.closeDate, DEMO_FISCAL_START_MONTH);
      this.byQuarter.set(q, (this.byQuarter.get(q) ?? 0) + (o.amountCents ?? 0));
    }
  }

  get(quarter: string): number | undefined {
    return this.byQuarter.get(quarter);
  }
}

export function buildPlan(rng: Rng, won: WonBookings, tl: DemoTimeline): PlanRecord {
  const closed = tl.quarters.slice(0, -1);
  const current = tl.quarters[tl.quarters.length - 1]!;
  const quotas = closed.map((quarter) => ({
    quarter,
    quotaCents: roundQuota((won.get(quarter) ?? 0) / rng.uniform(0.85, 1.08)),
  }));
  // Run rate: the mean of the last two closed quarters.
  const recent = closed.slice(-2).map((q) => won.get(q) ?? 0);
  const runRate = recent.reduce((s, v) => s + v, 0) / Math.max(1, recent.length);
  for (let k = 0; k < 3; k++) {
    quotas.push({
      quarter: addQuarters(current, k, DEMO_FISCAL_START_MONTH),
      quotaCents: roundQuota(runRate * Math.pow(GROWTH_PER_QUARTER, k + 1) * rng.uniform(1.0, 1.05)),
    });
  }
  return { currency: 'USD', fiscalYearStartMonth: DEMO_FISCAL_START_MONTH, quotas };
}
