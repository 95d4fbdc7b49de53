/**
 * An opportunity's `history` in the canonical JSON: `[{at, stage?, amount?, closeDate?,
 * probability?, forecastCategory?}]`, one entry per recorded change (as opportunity_history.csv).
 * A bad entry is dropped and the record repaired; the record survives.
 */
import { z } from 'zod';
import type { OpportunityChange } from '../../engine/model/records';
import { FORECAST_CATEGORY_HINT, parseForecastCategory } from '../values/forecast-category';
import { instant, money, text } from './json-fields';
import { preview, type JsonFile } from './json-record';

const category = text.transform((s, ctx) => {
  const c = parseForecastCategory(s);
  if (c === undefined) {
    ctx.addIssue(`unknown forecast category (${FORECAST_CATEGORY_HINT})`);
    return z.NEVER;
  }
  return c;
});

const changeShape = z.object({
  at: instant,
  stage: text.trim().min(1, 'must not be empty').optional(),
  amount: money.optional(),
  closeDate: instant.optional(),
  probability: z.number({ error: 'expected a number 0–1' }).min(0).max(1).optional(),
  forecastCategory: category.optional(),
});

/** The recorded changes, in time order (a list that needed sorting is repaired). */
export function readChanges(f: JsonFile, raw: unknown): OpportunityChange[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    f.tally.repair('history', preview(raw), 'history is not a list: dropped');
    return [];
  }
  const out: OpportunityChange[] = [];
  raw.forEach((e, i) => {
    const p = changeShape.safeParse(e);
    if (!p.success) {
      const issue = p.error.issues[0];
      const why = issue ? `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'invalid entry';
      return f.tally.repair('history', preview(e), `history[${i}] dropped: ${why}`);
    }
    const { at, stage, amount, closeDate, probability, forecastCategory } = p.data;
    const c: OpportunityChange = { at };
    if (stage !== undefined) c.stage = stage;
    if (amount !== undefined) c.amountCents = amount;
    if (closeDate !== undefined) c.closeDate = closeDate;
    if (probability !== undefined) c.probability = probability;
    if (forecastCategory !== undefined) c.forecastCategory = forecastCategory;
    if (Object.keys(c).length === 1)
      return f.tally.repair('history', preview(e), `history[${i}] dropped: it records no change`);
    out.push(c);
  });
  const sorted = [...out].sort((a, b) => a.at - b.at);
  if (sorted.some((c, i) => c !== out[i])) f.tally.repair('history', undefined, 'history sorted by at');
  return sorted;
}
