/**
 * Marketing and sales touches of demo leads: the first touch, at creation, through the channel of
 * the lead's source (so an outbound lead's first touch is `outbound`), then nurture touches later.
 */
import type { TouchRecord } from '../engine/model/records';
import { DAY_MS } from '../engine/time';
import { NURTURE_CHANNELS, type SourceSpec } from './catalog-sources';
import type { IntentClass } from './people';
import type { Rng } from './prng';

/** Mean nurture touches after the first, by intent class (browser, evaluator, buyer). */
const NURTURE_MEAN = [0.5, 0.9, 1.1];

/** Appends the lead's touches to `out`: the first at `createdAt`, nurture ones strictly after it. */
export function generateLeadTouches(
  rng: Rng,
  leadId: string,
  source: SourceSpec,
  intent: IntentClass,
  createdAt: number,
  horizon: number,
  out: TouchRecord[],
): void {
  out.push({ leadId, channel: rng.weighted(source.channels), at: createdAt });
  const n = rng.poisson(NURTURE_MEAN[intent]!);
  for (let k = 0; k < n; k++) {
    const at = Math.round(createdAt + rng.uniform(1 / 24, 150) * DAY_MS);
    if (at < horizon) out.push({ leadId, channel: rng.weighted(NURTURE_CHANNELS), at });
  }
}
