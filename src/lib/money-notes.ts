/** What a reader of any money figure must know about the currencies of the amounts behind it. */
import { leftOutForRate, type CurrencyUse } from '../engine/model/currency';

const count = (n: number) => n.toLocaleString('en-US');
const deals = (n: number) => `${count(n)} deal${n === 1 ? '' : 's'}`;

/**
 * The currency notes as sentences: which currencies were
 * converted and at which rate, and how many deals were left out for want of a rate, ending with
 * `hint` (where to give a rate). None when every amount is in the plan currency.
 */
export function moneyNotes(
  uses: readonly CurrencyUse[],
  plan: string,
  hint = 'enter a rate on the Data view',
): string[] {
  const notes: string[] = [];
  const converted = uses.filter((u) => u.treatment === 'converted');
  if (converted.length > 0) {
    const list = converted
      .map((u) => `${u.currency} at ${u.rate} ${plan} per ${u.currency} (${deals(u.deals)})`)
      .join(', ');
    notes.push(`Money is in ${plan}; amounts in other currencies are converted at the rates entered: ${list}.`);
  }
  const out = leftOutForRate(uses);
  if (out.currencies.length === 1) {
    const u = out.currencies[0]!;
    notes.push(
      `${deals(u.deals)} in ${u.currency} left out of every sum of money (no rate to convert ${u.currency} to ${plan}) — ${hint}.`,
    );
  } else if (out.currencies.length > 1) {
    const list = out.currencies.map((u) => `${count(u.deals)} in ${u.currency}`).join(', ');
    notes.push(`${deals(out.deals)} left out of every sum of money for want of a rate to ${plan} (${list}) — ${hint}.`);
  }
  return notes;
}
