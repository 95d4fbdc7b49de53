/**
 * The benchmark workload as plain named columns (one per feature), the shape a SQL engine or a
 * dataframe library loads, and the roll-up of their grouped counts into the engine's aggregates.
 */
import type { ScoringFeatures } from '../../src/engine/kernel/features';
import { allocateAggregates, type KernelAggregates } from '../../src/engine/kernel/recompute';
import { FEATURE_COUNT, FIT_COUNT, INTENT_COUNT, NO_ACTIVITY_AGE, type KernelThresholds, type KernelWeights } from '../../src/engine/kernel/workload';

export type WorkloadColumns = Record<string, Uint8Array | Uint16Array>;

export function workloadColumns(f: ScoringFeatures): WorkloadColumns {
  const cols: WorkloadColumns = {};
  for (let k = 0; k < FEATURE_COUNT; k++) {
    const c = new Uint8Array(f.count);
    for (let i = 0; i < f.count; i++) c[i] = f.matrix[i * FEATURE_COUNT + k]!;
    cols[`f${k}`] = c;
  }
  cols.age = f.ageDays;
  cols.src = f.source;
  cols.stage = f.stage;
  cols.inc = f.include;
  return cols;
}

/** Grouped counts as columns: one row per (stage, src, mql, tier, bin). */
export interface GroupedCounts {
  readonly stage: ArrayLike<number>;
  readonly src: ArrayLike<number>;
  readonly mql: ArrayLike<number>;
  readonly tier: ArrayLike<number>;
  readonly bin: ArrayLike<number>;
  readonly n: ArrayLike<number>;
}

export function rollUp(g: GroupedCounts, sources: number): KernelAggregates {
  const out = allocateAggregates(sources);
  for (let r = 0; r < g.n.length; r++) {
    const n = Number(g.n[r]);
    const stage = Number(g.stage[r]);
    const src = Number(g.src[r]);
    out.included += n;
    if (Number(g.mql[r]) === 1) {
      out.mql += n;
      out.stageSource[stage * sources + src]! += n;
    }
    out.tierSource[Number(g.tier[r]) * sources + src]! += n;
    out.histogram[Number(g.bin[r])]! += n;
  }
  return out;
}

/** The fit and intent expressions, written out with the weights as literals. */
export function scoreTerms(w: KernelWeights, pow: (base: string, exp: string) => string, min: string) {
  const fit = Array.from({ length: FIT_COUNT }, (_, k) => `f${k} * ${w.fit[k]}`).join(' + ');
  const raw = Array.from({ length: INTENT_COUNT }, (_, k) => `${min}(${w.caps[k]}, ${w.intent[k]} * f${FIT_COUNT + k})`).join(' + ');
  return { fit, raw, decay: pow('0.5', `age / ${w.halfLifeDays}`), noActivity: NO_ACTIVITY_AGE };
}

export type { KernelThresholds };
