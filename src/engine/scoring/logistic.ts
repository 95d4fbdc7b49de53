/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares):
 * minimise Σ log(1 + e^{−ỹ·(b + x·w)}) + (λ/2)·|w|² over the given rows (the bias b is not
 * penalised). Features are a dense row-major matrix; d is small (tens to a few hundred), so each
 * step solves a d×d system by Cholesky. Deterministic: same input, same weights.
 */

export interface LogisticModel {
  readonly bias: number;
  readonly weights: Float64Array;
  readonly iterations: number;
}

export interface LogisticOptions {
  /** λ, the L2 penalty. */
  readonly l2: number;
  readonly maxIterations?: number;
  /** Stop when the largest Newton step is below this. */
  readonly tolerance?: number;
  /** Starting point (a fit at a nearby penalty converges in fewer steps); zeros when absent. */
  readonly init?: Pick<LogisticModel, 'bias' | 'weights'>;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A x = b in place for symmetric positive-definite A (size m×m, row-major). */
function choleskySolve(A: Float64Array, b: Float64Array, m: number): Float64Array {
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * m + j]!;
      for (let k = 0; k < j; k++) s -= L[i * m + k]! * L[j * m + k]!;
      if (i === j) L[i * m + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * m + j] = s / L[j * m + j]!;
    }
  }
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * m + k]! * y[k]!;
    y[i] = s / L[i * m + i]!;
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < m; k++) s -= L[k * m + i]! * x[k]!;
    x[i] = s / L[i * m + i]!;
  }
  return x;
}

/** Fits over `rows` of X (n×d row-major) with labels y (0/1). */
export function fitLogistic(
  X: Float64Array,
  d: number,
  y: Uint8Array,
  rows: Uint32Array,
  o: LogisticOptions,
): LogisticModel {
  const m = d + 1; // parameter 0 is the bias
  const beta = new Float64Array(m);
  if (o.init) {
    beta[0] = o.init.bias;
    beta.set(o.init.weights, 1);
  }
  const maxIt = o.maxIterations ?? 25;
  const tol = o.tolerance ?? 1e-7;
  const H = new Float64Array(m * m);
  const g = new Float64Array(m);
  const xi = new Float64Array(m);
  let it = 0;
  for (; it < maxIt; it++) {
    H.fill(0);
    g.fill(0);
    for (const r of rows) {
      xi[0] = 1;
      let z = beta[0]!;
      const off = r * d;
      for (let k = 0; k < d; k++) {
        const v = X[off + k]!;
        xi[k + 1] = v;
        z += beta[k + 1]! * v;
      }
      const p = sigmoid(z);
      const w = p * (1 - p);
      const resid = y[r]! - p;
      for (let a = 0; a < m; a++) {
        const xa = xi[a]!;
        if (xa === 0) continue;
        g[a]! += resid * xa;
        const wxa = w * xa;
        const rowOff = a * m;
        for (let b = 0; b <= a; b++) H[rowOff + b]! += wxa * xi[b]!;
      }
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) H[b * m + a] = H[a * m + b]!;
    for (let a = 1; a < m; a++) {
      g[a]! -= o.l2 * beta[a]!;
      H[a * m + a]! += o.l2;
    }
    H[0]! += 1e-9;
    const step = choleskySolve(H, g, m);
    let biggest = 0;
    for (let a = 0; a < m; a++) {
      beta[a]! += step[a]!;
      biggest = Math.max(biggest, Math.abs(step[a]!));
    }
    if (biggest < tol) {
      it++;
      break;
    }
  }
  return { bias: beta[0]!, weights: beta.slice(1), iterations: it };
}

/** Linear predictor b + x·w of row r. */
export function predictLogit(model: LogisticModel, X: Float64Array, d: number, r: number): number {
  let z = model.bias;
  for (let k = 0; k < d; k++) z += model.weights[k]! * X[r * d + k]!;
  return z;
}

/** A seeded hash of row i in [0, 1): the same (seed, row), the same value. */
export function rowHash(i: number, seed: number): number {
  let h = (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(seed | 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

/** A seeded holdout split: 1 = holdout. Hash of (seed, row), so the same seed gives the same split. */
export function holdoutSplit(n: number, share: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rowHash(i, seed) < share ? 1 : 0;
  return out;
}
