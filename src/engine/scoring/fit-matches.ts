/**
 * Which fit rules each lead matches, cached apart from the rules' points. The rule list splits
 * leads into "combos": the distinct sets of matched rules (a few hundred at most in practice),
 * found with one pass per attribute (each dictionary value's matched rules as a bit mask, then one
 * gather) and a hash of the masks. Cached per ordered list of conditions (attribute, operator,
 * values), so a points change rescoring every lead is one gather, `fit_i = comboFit[combo_i]`.
 * Points are whole numbers (BOUNDS.points), so the combo sums are exact and equal the per-attribute
 * sums of ./fit.ts.
 */
import type { Dataset } from '../model/columns';
import { accountAttributeView, attributeView, isAccountAttribute, type AttributeView } from './attributes';
import { lowerText, matchesNumber, textMatcher } from './fit';
import { matchesMissing, type FitRule } from './rules';

export interface FitMatches {
  /** Combo of each lead. */
  readonly combo: Int32Array;
  readonly combos: number;
  /** `member[c × rules + r]` = 1 when combo c matches rule r. */
  readonly member: Uint8Array;
  readonly rules: number;
  /** Attributes the dataset lacks (their rules match nothing). */
  readonly missingAttributes: readonly string[];
}

/** The part of a rule its matches depend on (everything but id, label and points). */
export function conditionKey(r: FitRule): string {
  switch (r.op) {
    case 'equals':
    case 'contains':
      return JSON.stringify([r.attribute, r.op, r.value]);
    case 'in':
      return JSON.stringify([r.attribute, r.op, r.values]);
    case 'range':
      return JSON.stringify([r.attribute, r.op, r.min ?? null, r.max ?? null]);
    case 'empty':
      return JSON.stringify([r.attribute, r.op]);
    case 'always':
      return JSON.stringify(['', r.op]);
  }
}

/** Match bitset of one rule (bit i of word i >> 5), or null when the attribute is missing (> 31 rules). */
function matchBits(ds: Dataset, r: FitRule): Uint32Array | null {
  const n = ds.leads.count;
  const bits = new Uint32Array((n + 31) >>> 5);
  if (r.op === 'always') {
    for (let i = 0; i < n; i++) bits[i >>> 5]! |= 1 << (i & 31);
    return bits;
  }
  const view = attributeView(ds, r.attribute);
  if (!view) return null;
  if (view.kind === 'dict') {
    const test = textMatcher(r);
    const table = Uint8Array.from(view.values, (v) => (test(lowerText(v), v) ? 1 : 0));
    const onMissing = matchesMissing(r);
    const { codes } = view;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      if (c >= 0 ? table[c] : onMissing) bits[i >>> 5]! |= 1 << (i & 31);
    }
  } else {
    const { values } = view;
    if (r.op === 'range') {
      const lo = r.min ?? -Infinity;
      const hi = r.max ?? Infinity;
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        if (v >= lo && v < hi) bits[i >>> 5]! |= 1 << (i & 31);
      }
    } else {
      for (let i = 0; i < n; i++) if (matchesNumber(r, values[i]!)) bits[i >>> 5]! |= 1 << (i & 31);
    }
  }
  return bits;
}

const MAX_MATCHES = 4;
const matchesCache = new WeakMap<Dataset, Map<string, FitMatches>>();

function lru<V>(map: Map<string, V>, key: string, max: number, make: () => V): V {
  if (map.has(key)) {
    const v = map.get(key) as V;
    map.delete(key);
    map.set(key, v);
    return v;
  }
  const v = make();
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, v);
  return v;
}

/** Up to this many rules, combos are found with a table indexed by the mask (2^rules entries). */
const DIRECT_BITS = 16;

/** Combos as the distinct per-lead match masks (≤ 31 rules), numbered by first appearance. */
function combosOfMasks(masks: Int32Array, R: number): { combo: Int32Array; combos: number; member: Uint8Array } {
  const n = masks.length;
  const combo = new Int32Array(n);
  const keys: number[] = [];
  if (R <= DIRECT_BITS) {
    // Few rules: a direct table of every possible mask.
    const ids = new Int32Array(1 << R).fill(-1);
    for (let i = 0; i < n; i++) {
      const m = masks[i]!;
      let id = ids[m]!;
      if (id < 0) {
        id = ids[m] = keys.length;
        keys.push(m);
      }
      combo[i] = id;
    }
    return withMembers(combo, keys, R);
  }
  let bits = 8;
  let table = new Int32Array(1 << bits).fill(-1);
  const slot = (m: number): number => {
    const mask = (1 << bits) - 1;
    let h = Math.imul(m, 0x9e3779b1) >>> (32 - bits);
    while (table[h] !== -1 && keys[table[h]!] !== m) h = (h + 1) & mask;
    return h;
  };
  let lastMask = -1;
  let lastId = -1;
  for (let i = 0; i < n; i++) {
    const m = masks[i]!;
    if (m === lastMask) {
      combo[i] = lastId;
      continue;
    }
    const h = slot(m);
    let id = table[h]!;
    if (id === -1) {
      id = keys.length;
      keys.push(m);
      table[h] = id;
      if (keys.length * 2 > 1 << bits) {
        bits++;
        table = new Int32Array(1 << bits).fill(-1);
        keys.forEach((k, j) => (table[slot(k)] = j));
      }
    }
    combo[i] = lastId = id;
    lastMask = m;
  }
  return withMembers(combo, keys, R);
}

function withMembers(
  combo: Int32Array,
  keys: readonly number[],
  R: number,
): { combo: Int32Array; combos: number; member: Uint8Array } {
  const combos = Math.max(1, keys.length);
  const member = new Uint8Array(combos * R);
  keys.forEach((m, c) => {
    for (let r = 0; r < R; r++) member[c * R + r] = (m >>> r) & 1;
  });
  return { combo, combos, member };
}

/** Combos by refining the split rule by rule (any number of rules). */
function combosByRefinement(
  bitsets: readonly (Uint32Array | null)[],
  n: number,
): { combo: Int32Array; combos: number; member: Uint8Array } {
  const R = bitsets.length;
  const combo = new Int32Array(n);
  // Combo c's parent and whether it matched the rule that split it off, per refinement step.
  const parentOf: Int32Array[] = [];
  const bitOf: Uint8Array[] = [];
  let combos = 1;
  for (let r = 0; r < R; r++) {
    const bits = bitsets[r];
    const map = new Int32Array(combos * 2).fill(-1);
    const parent: number[] = [];
    const bit: number[] = [];
    let next = 0;
    for (let i = 0; i < n; i++) {
      const m = bits && (bits[i >>> 5]! >>> (i & 31)) & 1 ? 1 : 0;
      const key = combo[i]! * 2 + m;
      let c = map[key]!;
      if (c < 0) {
        c = map[key] = next++;
        parent.push(combo[i]!);
        bit.push(m);
      }
      combo[i] = c;
    }
    parentOf.push(Int32Array.from(parent));
    bitOf.push(Uint8Array.from(bit));
    combos = Math.max(1, next);
  }
  const member = new Uint8Array(combos * R);
  // Walk each final combo back through the refinement steps to read its matched rules.
  for (let c = 0; c < combos && n > 0; c++) {
    let cur = c;
    for (let r = R - 1; r >= 0; r--) {
      member[c * R + r] = bitOf[r]![cur]!;
      cur = parentOf[r]![cur]!;
    }
  }
  return { combo, combos, member };
}

/** OR of `1 << k` into `masks[j]` for each row j whose value (a dictionary code, -1 missing) matches rule k. */
function orDictMatches(
  rules: readonly FitRule[],
  list: readonly number[],
  view: Extract<AttributeView, { kind: 'dict' }>,
  masks: Int32Array,
): void {
  const byCode = new Int32Array(view.values.length);
  const tests = list.map((k) => textMatcher(rules[k]!));
  const bits = list.map((k) => 1 << k);
  const values = view.values;
  for (let code = 0; code < values.length; code++) {
    const value = values[code]!;
    const lowered = lowerText(value);
    let m = 0;
    for (let t = 0; t < tests.length; t++) if (tests[t]!(lowered, value)) m |= bits[t]!;
    byCode[code] = m;
  }
  let onMissing = 0;
  for (const k of list) if (matchesMissing(rules[k]!)) onMissing |= 1 << k;
  const { codes } = view;
  for (let j = 0; j < masks.length; j++) {
    const c = codes[j]!;
    masks[j]! |= c >= 0 ? byCode[c]! : onMissing;
  }
}

/** OR of `1 << k` into `masks[j]` for each row j whose number (NaN missing) matches rule k. */
function orNumMatches(
  rules: readonly FitRule[],
  list: readonly number[],
  values: Float64Array,
  masks: Int32Array,
): void {
  for (const k of list) {
    const r = rules[k]!;
    const bit = 1 << k;
    if (r.op === 'range') {
      const lo = r.min ?? -Infinity;
      const hi = r.max ?? Infinity;
      for (let j = 0; j < masks.length; j++) {
        const v = values[j]!;
        if (v >= lo && v < hi) masks[j]! |= bit;
      }
    } else {
      for (let j = 0; j < masks.length; j++) if (matchesNumber(r, values[j]!)) masks[j]! |= bit;
    }
  }
}

/**
 * OR of `1 << r` into `masks` for every lead matching rule r, one pass per lead attribute (≤ 31
 * rules). Account attributes are matched once per account, and the accounts' masks gathered to the
 * leads in one pass; a lead without an account reads every account attribute as missing.
 */
function matchMasks(ds: Dataset, rules: readonly FitRule[], missing: Set<string>): Int32Array {
  const n = ds.leads.count;
  const masks = new Int32Array(n);
  const byAttribute = new Map<string, number[]>();
  let always = 0;
  rules.forEach((r, k) => {
    if (r.op === 'always') {
      always |= 1 << k;
      return;
    }
    const list = byAttribute.get(r.attribute) ?? [];
    list.push(k);
    byAttribute.set(r.attribute, list);
  });
  let accountMasks: Int32Array | null = null;
  /** The bits a lead without an account gets from the account attributes. */
  const noAccount = new Int32Array(1);
  const missingCode = Int32Array.of(-1);
  const missingValue = Float64Array.of(NaN);
  for (const [ref, list] of byAttribute) {
    const perAccount = isAccountAttribute(ref);
    const view = perAccount ? accountAttributeView(ds, ref) : attributeView(ds, ref);
    if (!view) {
      missing.add(ref);
      continue;
    }
    let into: Int32Array = masks;
    if (perAccount) {
      into = accountMasks ??= new Int32Array(ds.accounts.count);
      if (view.kind === 'dict') orDictMatches(rules, list, { ...view, values: [], codes: missingCode }, noAccount);
      else orNumMatches(rules, list, missingValue, noAccount);
    }
    if (view.kind === 'dict') orDictMatches(rules, list, view, into);
    else orNumMatches(rules, list, view.values, into);
  }
  if (accountMasks) {
    const account = ds.leads.account;
    const none = noAccount[0]!;
    for (let i = 0; i < n; i++) {
      const a = account[i]!;
      masks[i]! |= a < 0 ? none : accountMasks[a]!;
    }
  }
  if (always !== 0) for (let i = 0; i < n; i++) masks[i]! |= always;
  return masks;
}

function computeMatches(ds: Dataset, rules: readonly FitRule[]): FitMatches {
  const R = rules.length;
  const missing = new Set<string>();
  let combos;
  if (R <= 31) combos = combosOfMasks(matchMasks(ds, rules, missing), R);
  else {
    const bitsets = rules.map((r) => {
      const b = matchBits(ds, r);
      if (!b) missing.add(r.attribute);
      return b;
    });
    combos = combosByRefinement(bitsets, ds.leads.count);
  }
  return { ...combos, rules: R, missingAttributes: [...missing] };
}

/** The matches of a rule list (cached per dataset and ordered list of conditions). */
export function fitMatches(ds: Dataset, rules: readonly FitRule[]): FitMatches {
  let m = matchesCache.get(ds);
  if (!m) matchesCache.set(ds, (m = new Map()));
  return lru(m, JSON.stringify(rules.map(conditionKey)), MAX_MATCHES, () => computeMatches(ds, rules));
}

/** Fit score of each combo under the rules' points: Σ matched points clamped to [0, 100]. */
export function comboFit(m: FitMatches, rules: readonly FitRule[]): Float32Array {
  const out = new Float32Array(m.combos);
  const R = m.rules;
  for (let c = 0; c < m.combos; c++) {
    let s = 0;
    for (let r = 0; r < R; r++) if (m.member[c * R + r]) s += rules[r]!.points;
    out[c] = s < 0 ? 0 : s > 100 ? 100 : s;
  }
  return out;
}

/** Fit scores of every lead into `out` (length = leads). */
export function fitFromMatches(m: FitMatches, byCombo: Float32Array, out: Float32Array): Float32Array {
  const { combo } = m;
  for (let i = 0; i < out.length; i++) out[i] = byCombo[combo[i]!]!;
  return out;
}

/** Bytes held by the combo column and the combos' rule table. */
export function fitMatchesBytes(m: FitMatches): number {
  return m.combo.byteLength + m.member.byteLength;
}

/** Drops the cached matches of a dataset (cold-cache measurements). */
export function clearFitMatches(ds: Dataset): void {
  matchesCache.delete(ds);
}
