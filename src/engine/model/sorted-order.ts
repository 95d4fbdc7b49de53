/**
 * The order that sorts numbers ascending, as `Float64Array.prototype.sort` does (−0 before +0), with
 * equal values kept in their input order. A least-significant-digit radix sort over the numbers' bits
 * (four 16-bit digits, digits every key shares skipped): linear in the count, so a million stage
 * durations sort in milliseconds where a comparison sort with a comparator takes a second.
 */

const SIGN = 0x80000000;
/** Index of the low and high 32-bit word of a number in its 8 bytes (little-endian on every current platform). */
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** Indices into `keys` in ascending order of their values. `keys` must hold no NaN. */
export function sortedOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  // The IEEE-754 bits made to order as unsigned integers: negatives inverted, positives with the sign set.
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2).slice();
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + HI]!;
    if (hi & SIGN) {
      words[2 * i + LO] = ~words[2 * i + LO]! >>> 0;
      words[2 * i + HI] = ~hi >>> 0;
    } else words[2 * i + HI] = (hi | SIGN) >>> 0;
  }
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let digit = 0; digit < 4; digit++) {
    const word = digit < 2 ? LO : HI;
    const shift = (digit & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(words[2 * i + word]! >>> shift) & 0xffff]!++;
    if (counts[(words[word]! >>> shift) & 0xffff] === n) continue; // every key has this digit
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(words[2 * i + word]! >>> shift) & 0xffff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}
