/**
 * A fitted logistic model turned into a rule set that ranks leads as the model does (SPEC §4, §10):
 * - a dictionary value the model one-hot encodes becomes an `equals` fit rule worth k_f × its weight;
 * - a numeric attribute becomes `range` rules over bins whose edges are training quantiles (10%, …,
 *   90%, 95%, 99%; equal edges merged), each worth k_f × weight × the bin's mean scaled value, and an
 *   `is empty` rule for a missing value (the model's "missing" weight); the attribute's points are
 *   centred (their mid-point moved into the base), since every lead matches exactly one of them;
 * - an activity type's points are k_i × weight per decayed activity (cap 100, so the cap never binds
 *   before the 0–100 clamp does);
 * - base points (rules matching every lead) carry the intercept: the 0.5% quantile of the training
 *   leads' fit sums lands at 0, and k_f is the largest scale that fits the 0.5%–99.5% range in 0–100
 *   and keeps every rule within the points bounds, so at most about 1% of leads are clamped.
 * The combined score W × fit + (1 − W) × intent ranks as the model's linear predictor when
 * W × k_f = (1 − W) × k_i; W is chosen from the fit-weight steps by the training AUC of the rounded
 * rule set (rounding to whole points is where ranking can be lost). A weight too small to give a
 * whole point gives no rule; k never exceeds 100 points per unit of log-odds.
 */
import type { Dataset } from '../model/columns';
import { rocAuc } from './accuracy';
import { attributeView } from './attributes';
import { BOUNDS, clampTo } from './bounds';
import type { FeatureSpec } from './features';
import type { ActivityRule, FitMatch, FitRule, RuleSet } from './rules';
import { combinedScore } from './score';

export interface ConversionInput {
  readonly ds: Dataset;
  readonly current: RuleSet;
  /** Lead index of each design row. */
  readonly rows: Uint32Array;
  /** Design rows the model was fitted on (the scale and the fit weight are chosen on them). */
  readonly train: Uint32Array;
  readonly y: Uint8Array;
  readonly specs: readonly FeatureSpec[];
  readonly weights: Float64Array;
  readonly X: Float64Array;
  readonly d: number;
}

/** Quantiles that cut a numeric attribute into bins (equal edges merged). */
const BIN_QUANTILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
/** Share of training leads allowed below 0 and above 100 (each side). */
const CLAMP_SHARE = 0.005;
/** Points per unit of log-odds, at most: a near-zero weight never becomes points. */
const MAX_SCALE = 100;

/** A fit rule before scaling: its match and its weight in log-odds. */
interface Pending {
  readonly id: string;
  readonly label: string;
  readonly attribute: string;
  readonly match: FitMatch;
  readonly logit: number;
}

interface Parts {
  readonly fit: Pending[];
  /** Per training row, the log-odds the fit rules give it (centred numeric attributes). */
  readonly fitLogit: Float64Array;
  /** Per training row, the decayed activity counts' log-odds (no mean subtracted). */
  readonly actLogit: Float64Array;
  /** Activity types: log-odds per decayed activity, and each training row's decayed count. */
  readonly activities: { readonly type: string; readonly logit: number; readonly counts: Float64Array }[];
}

function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))]!;
}

const fmt = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(4)));

function numericRules(inp: ConversionInput, j: number, missingJ: number, fitLogit: Float64Array, out: Pending[]): void {
  const s = inp.specs[j]!;
  const view = attributeView(inp.ds, s.column);
  if (!view || view.kind !== 'num') return;
  const w = inp.weights[j]!;
  const t = (v: number) => ((s.log ? Math.log1p(v) : v) - s.mean!) / s.std!;
  const raw = Float64Array.from(inp.train, (r) => view.values[inp.rows[r]!]!);
  const present = raw.filter((v) => !Number.isNaN(v)).sort();
  const edges = [...new Set(BIN_QUANTILES.map((q) => quantile(present, q)))].filter((e) => e > present[0]!);
  const bins = edges.length + 1;
  const binOf = (v: number) => {
    let b = 0;
    while (b < edges.length && v >= edges[b]!) b++;
    return b;
  };
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (const v of present) {
    const b = binOf(v);
    sum[b]! += t(v);
    count[b]!++;
  }
  const logits = Array.from(sum, (z, b) => (count[b]! > 0 ? (w * z) / count[b]! : 0));
  const emptyLogit = missingJ >= 0 ? inp.weights[missingJ]! : 0;
  const anyMissing = inp.rows.some((i) => Number.isNaN(view.values[i]!));
  const all = anyMissing ? [...logits, emptyLogit] : logits;
  const shift = (Math.max(...all) + Math.min(...all)) / 2;
  const name = s.name.replace(/ \(log\)$/, '');
  logits.forEach((logit, b) => {
    const lo = b === 0 ? undefined : edges[b - 1]!;
    const hi = b === edges.length ? undefined : edges[b]!;
    const label =
      lo === undefined
        ? `${name} below ${fmt(hi!)}`
        : hi === undefined
          ? `${name} ${fmt(lo)} or more`
          : `${name} ${fmt(lo)} to under ${fmt(hi)}`;
    out.push({
      id: `fit-${j}-${b}`,
      label,
      attribute: s.column,
      match: { op: 'range', ...(lo === undefined ? {} : { min: lo }), ...(hi === undefined ? {} : { max: hi }) },
      logit: logit - shift,
    });
  });
  if (anyMissing)
    out.push({
      id: `fit-${j}-empty`,
      label: `${name} is empty`,
      attribute: s.column,
      match: { op: 'empty' },
      logit: emptyLogit - shift,
    });
  raw.forEach((v, k) => (fitLogit[k]! += (Number.isNaN(v) ? emptyLogit : logits[binOf(v)]!) - shift));
}

/** The model's terms as pending rules, and each training row's fit and activity log-odds. */
function parts(inp: ConversionInput): Parts {
  const { specs, weights: w, X, d, train } = inp;
  const m = train.length;
  const fit: Pending[] = [];
  const fitLogit = new Float64Array(m);
  const actLogit = new Float64Array(m);
  const activities: Parts['activities'][number][] = [];
  specs.forEach((s, j) => {
    if (s.kind === 'onehot') {
      fit.push({
        id: `fit-${j}`,
        label: s.name,
        attribute: s.column,
        match: { op: 'equals', value: s.value! },
        logit: w[j]!,
      });
      train.forEach((r, k) => (fitLogit[k]! += w[j]! * X[r * d + j]!));
    } else if (s.kind === 'numeric') {
      const missingJ = specs.findIndex((o) => o.kind === 'missing' && o.column === s.column);
      numericRules(inp, j, missingJ, fitLogit, fit);
    } else if (s.kind === 'activity') {
      const per = w[j]! / s.std!;
      const counts = Float64Array.from(train, (r) => X[r * d + j]! * s.std! + s.mean!);
      activities.push({ type: s.column.slice('activity.'.length), logit: per, counts });
      counts.forEach((c, k) => (actLogit[k]! += per * c));
    }
  });
  return { fit, fitLogit, actLogit, activities };
}

const sortedCopy = (a: Float64Array) => Float64Array.from(a).sort();

/**
 * The rule set for one fit weight W, and the combined score it gives each training row (the
 * engine's arithmetic: clamped fit, capped types, clamped intent).
 */
function ruleSetAt(inp: ConversionInput, p: Parts, fitWeight: number): { rules: RuleSet; score: Float64Array } {
  const fitSorted = sortedCopy(p.fitLogit);
  const spread = quantile(fitSorted, 1 - CLAMP_SHARE) - quantile(fitSorted, CLAMP_SHARE);
  const maxRule = p.fit.reduce((a, r) => Math.max(a, Math.abs(r.logit)), 0);
  const kfMax = Math.min(
    MAX_SCALE,
    spread > 0 ? 100 / spread : MAX_SCALE,
    maxRule > 0 ? BOUNDS.points.max / maxRule : MAX_SCALE,
  );
  const actHi = quantile(sortedCopy(p.actLogit), 1 - CLAMP_SHARE);
  const maxAct = p.activities.reduce((a, t) => Math.max(a, Math.abs(t.logit)), 0);
  const kiMax = Math.min(
    MAX_SCALE,
    actHi > 0 ? 100 / actHi : MAX_SCALE,
    maxAct > 0 ? BOUNDS.points.max / maxAct : MAX_SCALE,
  );
  let kf = kfMax;
  let ki = 0;
  if (fitWeight < 1) {
    kf = fitWeight > 0 ? Math.min(kfMax, (kiMax * (1 - fitWeight)) / fitWeight) : 0;
    ki = fitWeight > 0 ? (kf * fitWeight) / (1 - fitWeight) : kiMax;
  }
  const fitRules: FitRule[] = [];
  const points = new Map<string, number>();
  for (const r of p.fit) {
    const pts = clampTo(BOUNDS.points, kf * r.logit);
    if (pts === 0) continue;
    points.set(r.id, pts);
    fitRules.push({ id: r.id, label: r.label, attribute: r.attribute, points: pts, ...r.match } as FitRule);
  }
  // Base points: the low quantile of the rounded fit sums of the training rows lands at 0.
  const sums = fitSums(inp, p, points);
  const base = -Math.round(quantile(sortedCopy(sums), CLAMP_SHARE));
  const baseRules: FitRule[] = [];
  for (let left = base, k = 1; left !== 0 && k <= 4; k++) {
    const pts = clampTo(BOUNDS.basePoints, left);
    baseRules.push({
      id: `fit-base-${k}`,
      label: k === 1 ? 'Base points (every lead)' : `Base points (every lead), part ${k}`,
      attribute: '',
      op: 'always',
      points: pts,
    });
    left -= pts;
  }
  const activities: ActivityRule[] = [];
  const cap = BOUNDS.cap.max;
  const intent = new Float64Array(sums.length);
  for (const t of p.activities) {
    const pts = clampTo(BOUNDS.points, ki * t.logit);
    if (pts === 0) continue;
    activities.push({ type: t.type, points: pts, cap });
    t.counts.forEach((c, k) => (intent[k]! += Math.max(-cap, Math.min(cap, pts * c))));
  }
  const clamp100 = (v: number) => Math.min(100, Math.max(0, v));
  const score = sums.map((f, k) => combinedScore(clamp100(f + base), clamp100(intent[k]!), fitWeight));
  const rules: RuleSet = {
    ...inp.current,
    fitRules: [...baseRules, ...fitRules],
    activities,
    qualification: { ...inp.current.qualification, mqlMode: 'single-score', fitWeight },
  };
  return { rules, score };
}

/** Each training row's sum of the rounded points of the fit rules it matches (before base and clamp). */
function fitSums(inp: ConversionInput, p: Parts, points: ReadonlyMap<string, number>): Float64Array {
  const ds = inp.ds;
  const sums = new Float64Array(inp.train.length);
  const byAttr = new Map<string, { id: string; match: FitMatch }[]>();
  for (const r of p.fit) {
    if (!points.has(r.id)) continue;
    const list = byAttr.get(r.attribute) ?? [];
    list.push({ id: r.id, match: r.match });
    byAttr.set(r.attribute, list);
  }
  for (const [ref, list] of byAttr) {
    const view = attributeView(ds, ref);
    if (!view) continue;
    inp.train.forEach((r, k) => {
      const i = inp.rows[r]!;
      for (const { id, match } of list) {
        let hit: boolean;
        if (view.kind === 'dict') {
          const c = view.codes[i]!;
          hit =
            match.op === 'equals' &&
            c >= 0 &&
            view.values[c]!.trim().toLowerCase() === match.value.trim().toLowerCase();
        } else {
          const v = view.values[i]!;
          hit =
            match.op === 'empty'
              ? Number.isNaN(v)
              : match.op === 'range' && v >= (match.min ?? -Infinity) && v < (match.max ?? Infinity);
        }
        if (hit) sums[k]! += points.get(id)!;
      }
    });
  }
  return sums;
}

/** The steps of the fit weight tried (BOUNDS.fitWeight), or the single one a model without a part allows. */
function fitWeights(p: Parts): number[] {
  if (p.activities.length === 0) return [1];
  if (p.fit.length === 0) return [0];
  const out: number[] = [];
  const { min, max, step } = BOUNDS.fitWeight;
  for (let w = min + step; w < max - step / 2; w += step) out.push(clampTo(BOUNDS.fitWeight, w));
  return out;
}

/** The rule set of the model, with the fit weight whose rounded points rank the training rows best. */
export function modelToRuleSet(inp: ConversionInput): RuleSet {
  const p = parts(inp);
  const yTrain = Uint8Array.from(inp.train, (r) => inp.y[r]!);
  let best: { auc: number; rules: RuleSet } | null = null;
  for (const w of fitWeights(p)) {
    const { rules, score } = ruleSetAt(inp, p, w);
    const auc = rocAuc(score, yTrain) ?? 0;
    if (!best || auc > best.auc) best = { auc, rules };
  }
  return best!.rules;
}
