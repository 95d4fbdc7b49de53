/**
 * The design matrix of the suggested-weights fit: decayed activity counts per type (as of each
 * lead's history cut-off) and lead/account attributes, custom columns included. Dictionary columns
 * are one-hot encoded over their most frequent values (the rest share the baseline); numeric
 * columns are scaled to mean 0, s.d. 1 (log1p first for wide non-negative ones), a missing value is
 * imputed at the mean and flagged by its own 0/1 feature, never dropped.
 */
import type { Dataset } from '../model/columns';
import { decayFactor, decayRatePerMs } from './decay';
import { attributeView, listAttributes } from './attributes';

export type FeatureKind = 'onehot' | 'numeric' | 'missing' | 'activity';

export interface FeatureSpec {
  readonly name: string;
  /** Attribute ref, or `activity.<type>`. */
  readonly column: string;
  readonly kind: FeatureKind;
  /** One-hot: the category. */
  readonly value?: string;
  /** Numeric and activity: the scaling, in the (possibly log1p) transformed units. */
  readonly mean?: number;
  readonly std?: number;
  readonly log?: boolean;
}

export interface DesignMatrix {
  /** Row-major rows × d. */
  readonly X: Float64Array;
  readonly d: number;
  readonly specs: readonly FeatureSpec[];
  /** Columns that gave at least one feature. */
  readonly columns: readonly string[];
}

/** Columns left out unless asked for: who owns a lead is routing, not buyer signal. */
export const DEFAULT_EXCLUDED = ['lead.owner'];
const TOP_VALUES = 12;
const MIN_COUNT = 10;

export function isExcluded(column: string, exclude: readonly string[]): boolean {
  return exclude.some(
    (e) => e === column || column.endsWith(`.${e}`) || (e === 'activities' && column.startsWith('activity.')),
  );
}

function meanStd(v: Float64Array): { mean: number; std: number } {
  let n = 0;
  let s = 0;
  for (const x of v) {
    if (Number.isNaN(x)) continue;
    n++;
    s += x;
  }
  const mean = n ? s / n : 0;
  let q = 0;
  for (const x of v) if (!Number.isNaN(x)) q += (x - mean) ** 2;
  const std = n > 1 ? Math.sqrt(q / (n - 1)) : 0;
  return { mean, std };
}

/** Builds features for the lead rows `rows`. */
export function buildDesignMatrix(
  ds: Dataset,
  rows: Uint32Array,
  cutoff: Float64Array,
  halfLifeDays: number,
  exclude: readonly string[],
): DesignMatrix {
  const m = rows.length;
  const cols: { spec: FeatureSpec; values: Float64Array }[] = [];
  const used = new Set<string>();
  // Activities: decayed count per type.
  const { start, type, at, typeNames } = ds.activities;
  const counts = typeNames.map(() => new Float64Array(m));
  const decayRate = decayRatePerMs(halfLifeDays);
  rows.forEach((i, r) => {
    const t0 = cutoff[i]!;
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      if (at[j]! > t0) break;
      counts[type[j]!]![r]! += decayFactor(t0 - at[j]!, decayRate);
    }
  });
  typeNames.forEach((name, code) => {
    const column = `activity.${name}`;
    if (isExcluded(column, exclude)) return;
    const v = counts[code]!;
    const { mean, std } = meanStd(v);
    if (!(std > 0)) return;
    cols.push({ spec: { name: `Activity: ${name}`, column, kind: 'activity', mean, std }, values: v });
    used.add(column);
  });
  for (const info of listAttributes(ds)) {
    if (isExcluded(info.ref, exclude)) continue;
    const view = attributeView(ds, info.ref);
    if (!view) continue;
    if (view.kind === 'dict') {
      const freq = new Float64Array(view.values.length);
      for (const i of rows) {
        const c = view.codes[i]!;
        if (c >= 0) freq[c]!++;
      }
      const top = Array.from(freq.keys())
        .filter((c) => freq[c]! >= MIN_COUNT && freq[c]! < m)
        .sort((a, b) => freq[b]! - freq[a]! || a - b)
        .slice(0, TOP_VALUES);
      for (const c of top) {
        const v = new Float64Array(m);
        rows.forEach((i, r) => (v[r] = view.codes[i] === c ? 1 : 0));
        cols.push({
          spec: { name: `${info.label} = ${view.values[c]}`, column: info.ref, kind: 'onehot', value: view.values[c]! },
          values: v,
        });
        used.add(info.ref);
      }
      continue;
    }
    const raw = Float64Array.from(rows, (i) => view.values[i]!);
    let min = Infinity;
    let max = -Infinity;
    let missing = 0;
    for (const x of raw) {
      if (Number.isNaN(x)) missing++;
      else {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    if (missing === m || min === max) continue;
    const log = min >= 0 && max > 1000;
    const v = log ? raw.map((x) => Math.log1p(x)) : raw;
    const { mean, std } = meanStd(v);
    if (!(std > 0)) continue;
    cols.push({
      spec: { name: `${info.label}${log ? ' (log)' : ''}`, column: info.ref, kind: 'numeric', mean, std, log },
      values: v,
    });
    if (missing > 0 && missing >= MIN_COUNT) {
      cols.push({
        spec: { name: `${info.label} missing`, column: info.ref, kind: 'missing' },
        values: raw.map((x) => (Number.isNaN(x) ? 1 : 0)),
      });
    }
    used.add(info.ref);
  }
  const d = cols.length;
  const X = new Float64Array(m * d);
  cols.forEach(({ spec, values }, k) => {
    const scaled = spec.kind === 'numeric' || spec.kind === 'activity';
    for (let r = 0; r < m; r++) {
      const x = values[r]!;
      X[r * d + k] = scaled ? (Number.isNaN(x) ? 0 : (x - spec.mean!) / spec.std!) : x;
    }
  });
  return { X, d, specs: cols.map((c) => c.spec), columns: [...used] };
}

/**
 * The design rows of any leads under features already built (their categories, scaling and
 * transforms as fitted): the same values `buildDesignMatrix` gave the leads it was built on.
 */
export function designRows(
  ds: Dataset,
  specs: readonly FeatureSpec[],
  rows: Uint32Array,
  cutoff: Float64Array,
  halfLifeDays: number,
): Float64Array {
  const m = rows.length;
  const d = specs.length;
  const X = new Float64Array(m * d);
  const { start, type, at, typeNames } = ds.activities;
  const decayRate = decayRatePerMs(halfLifeDays);
  specs.forEach((s, k) => {
    if (s.kind === 'activity') {
      const code = typeNames.indexOf(s.column.slice('activity.'.length));
      rows.forEach((i, r) => {
        let v = 0;
        const t0 = cutoff[i]!;
        if (code >= 0) {
          for (let j = start[i]!; j < start[i + 1]!; j++) {
            if (at[j]! > t0) break;
            if (type[j] === code) v += decayFactor(t0 - at[j]!, decayRate);
          }
        }
        X[r * d + k] = (v - s.mean!) / s.std!;
      });
      return;
    }
    const view = attributeView(ds, s.column);
    if (!view) return;
    if (view.kind === 'dict') {
      const code = view.values.indexOf(s.value!);
      rows.forEach((i, r) => (X[r * d + k] = code >= 0 && view.codes[i] === code ? 1 : 0));
      return;
    }
    rows.forEach((i, r) => {
      const x = view.values[i]!;
      if (s.kind === 'missing') X[r * d + k] = Number.isNaN(x) ? 1 : 0;
      else X[r * d + k] = Number.isNaN(x) ? 0 : ((s.log ? Math.log1p(x) : x) - s.mean!) / s.std!;
    });
  });
  return X;
}
