/**
 * Amounts in several currencies (SPEC §3: amounts of different currencies are never added without
 * a conversion rate the user gave). The dataset holds every amount in plan-currency cents: an
 * amount in another currency is converted with the user's rate, and one in a currency without a
 * rate becomes "amount unknown" (NaN) — still a deal in every count, never part of a sum of money.
 */
import { changedRecordSet, type CurrencyRate, type RecordSet } from './records';

/** How one currency's amounts enter the dataset's money. */
export type CurrencyTreatment = 'plan' | 'converted' | 'no-rate';

/** One currency the opportunities' amounts are in, as the dataset uses it. */
export interface CurrencyUse {
  /** ISO 4217 code. */
  readonly currency: string;
  /** Deals with an amount in this currency (deals whose amount is unknown name none). */
  readonly deals: number;
  /** Sum of those amounts in this currency (not converted), integer cents. */
  readonly amountCents: number;
  /** The same amounts in plan-currency cents, each converted and rounded; null when no rate. */
  readonly planCents: number | null;
  /** Plan-currency units per 1 unit of this currency; 1 for the plan's own; null: no rate given. */
  readonly rate: number | null;
  readonly treatment: CurrencyTreatment;
}

/** A rate as an exact decimal: `digits × 10^-scale`. */
interface DecimalRate {
  readonly digits: bigint;
  readonly scale: number;
}

/** The shortest decimal that reads back as `rate` (what the user typed, e.g. 1.1 → 11 × 10^-1). */
function decimalOf(rate: number): DecimalRate {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(rate));
  if (!m) throw new RangeError(`not a positive finite rate: ${rate}`);
  const frac = m[2] ?? '';
  let digits = m[1]! + frac;
  let scale = frac.length - Number(m[3] ?? 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { digits: BigInt(digits), scale };
}

/**
 * `cents × rate`, rounded to the nearest cent with halves away from zero, computed exactly from the
 * rate's decimal digits: 100 cents at 1.005 is exactly 100.5 → 101 cents, where binary floating
 * point gives 100.4999… → 100.
 */
export function convertCents(cents: number, rate: number | DecimalRate): number {
  const { digits, scale } = typeof rate === 'number' ? decimalOf(rate) : rate;
  const negative = cents < 0;
  const product = BigInt(Math.round(Math.abs(cents))) * digits;
  const divisor = 10n ** BigInt(scale);
  const quotient = product / divisor;
  const rounded = 2n * (product % divisor) >= divisor ? quotient + 1n : quotient;
  const out = Number(rounded);
  return negative ? -out : out;
}

/** Whether `rate` can convert money: a positive finite number. */
export function isUsableRate(rate: number): boolean {
  return Number.isFinite(rate) && rate > 0;
}

/**
 * Converts amounts of a record set to plan-currency cents: `toPlan(cents, currency)` gives the
 * plan-currency cents, or NaN when the amount is unknown or its currency has no rate.
 */
export function planConverter(rs: RecordSet): (cents: number | undefined, currency: string | undefined) => number {
  const plan = rs.plan.currency;
  const rates = new Map<string, DecimalRate>();
  for (const r of rs.plan.currencyRates ?? []) {
    if (r.currency !== plan && isUsableRate(r.rate)) rates.set(r.currency, decimalOf(r.rate));
  }
  return (cents, currency) => {
    if (cents === undefined) return NaN;
    if (currency === undefined || currency === plan) return cents;
    const rate = rates.get(currency);
    return rate === undefined ? NaN : convertCents(cents, rate);
  };
}

/**
 * Every currency the opportunities' amounts are in, with its deals, its own total and how it is
 * treated: the plan's first when used, then the others in order of appearance.
 */
export function currencyUses(rs: RecordSet): CurrencyUse[] {
  const plan = rs.plan.currency;
  const rates = new Map<string, number>();
  for (const r of rs.plan.currencyRates ?? []) if (isUsableRate(r.rate)) rates.set(r.currency, r.rate);
  const toPlan = planConverter(rs);
  const tally = new Map<string, { deals: number; cents: number; planCents: number }>();
  for (const o of rs.opportunities) {
    if (o.amountCents === undefined) continue;
    const c = o.currency ?? plan;
    const t = tally.get(c) ?? { deals: 0, cents: 0, planCents: 0 };
    t.deals++;
    t.cents += o.amountCents;
    t.planCents += toPlan(o.amountCents, c);
    tally.set(c, t);
  }
  const order = [...tally.keys()].sort((a, b) => (a === plan ? -1 : b === plan ? 1 : 0));
  return order.map((currency) => {
    const t = tally.get(currency)!;
    const rate = currency === plan ? 1 : (rates.get(currency) ?? null);
    const treatment: CurrencyTreatment = currency === plan ? 'plan' : rate === null ? 'no-rate' : 'converted';
    return {
      currency,
      deals: t.deals,
      amountCents: t.cents,
      planCents: treatment === 'no-rate' ? null : t.planCents,
      rate,
      treatment,
    };
  });
}

/** Deals whose amount is left out of every sum of money for want of a rate, per currency. */
export function leftOutForRate(uses: readonly CurrencyUse[]): {
  readonly deals: number;
  readonly currencies: readonly CurrencyUse[];
} {
  const currencies = uses.filter((u) => u.treatment === 'no-rate');
  return { deals: currencies.reduce((n, u) => n + u.deals, 0), currencies };
}

/** A record set with `currency`'s rate set (a positive number) or removed (null); others kept. */
export function withCurrencyRate(rs: RecordSet, currency: string, rate: number | null): RecordSet {
  const rest: CurrencyRate[] = (rs.plan.currencyRates ?? []).filter((r) => r.currency !== currency);
  const currencyRates = rate === null ? rest : [...rest, { currency, rate }];
  return changedRecordSet(rs, { plan: { ...rs.plan, currencyRates } });
}
