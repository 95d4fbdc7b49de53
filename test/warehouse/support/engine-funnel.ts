/** The engine's stage reach, counted per source and creation quarter as the `funnel_reach` rows. */
import { leadMask } from '../../../src/engine/filters/filters';
import { computeReach, REACH_STAGES, type FunnelMode } from '../../../src/engine/funnel/reach';
import { dictValue, type Dataset } from '../../../src/engine/model/columns';
import { quarterOf } from '../../../src/engine/time';
import type { Row } from './duckdb';

export function engineFunnelReach(ds: Dataset, asOf: number): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const mode of ['inclusive', 'strict'] as FunnelMode[]) {
    const reach = computeReach(ds, leadMask(ds, {}), asOf, mode);
    for (let i = 0; i < ds.leads.count; i++) {
      if (!reach.inScope[i]) continue;
      const key = JSON.stringify([
        mode,
        dictValue(ds.leads.source, i) ?? null,
        quarterOf(ds.leads.createdAt[i]!, ds.meta.fiscalYearStartMonth),
      ]);
      let row = out.get(key);
      if (!row) out.set(key, (row = Object.fromEntries(REACH_STAGES.map((s) => [s === 'lead' ? 'leads' : s, 0]))));
      for (const s of REACH_STAGES) if (reach.reached[s][i]) row[s === 'lead' ? 'leads' : s]!++;
    }
  }
  return out;
}

/** SQL rows keyed as the engine's map, counts as numbers. */
export function funnelRowsByKey(rows: readonly Row[]): Map<string, Record<string, number>> {
  return new Map(
    rows.map((r) => [
      JSON.stringify([r.mode, r.source === '' ? null : (r.source ?? null), r.created_quarter]),
      Object.fromEntries(['leads', ...REACH_STAGES.slice(1)].map((s) => [s, Number(r[s])])),
    ]),
  );
}
