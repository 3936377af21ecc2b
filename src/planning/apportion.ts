/**
 * Integer splits that sum exactly, with a deterministic tie-break (the earliest slot wins). Targets are
 * written into a caller's Int32Array slice so that a national plan (≈22 million targets) allocates nothing
 * per row.
 */

/**
 * Splits `total` equally over the slots whose `active` flag is set: each gets ⌊total/n⌋ and the first
 * `total mod n` active slots one more. Inactive slots get 0. Returns false (writing zeros) when no slot is active.
 */
export function splitEven(total: number, active: Uint8Array, out: Int32Array, offset: number, activeCount: number): boolean {
  const n = active.length;
  if (activeCount === 0) {
    out.fill(0, offset, offset + n);
    return total === 0;
  }
  const q = Math.floor(total / activeCount);
  let extra = total - q * activeCount;
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) {
      out[offset + i] = 0;
    } else if (extra > 0) {
      out[offset + i] = q + 1;
      extra--;
    } else {
      out[offset + i] = q;
    }
  }
  return true;
}

/**
 * Splits `total` in proportion to `weights` (largest remainders, Hamilton's method): each slot gets
 * ⌊total·w/W⌋, and the units left over go to the slots with the largest remainders, ties to the earliest.
 * `order` is scratch space of the weights' length. All products stay below 2^53 for the product's limits
 * (10 million records × 366 days).
 */
export function splitWeighted(total: number, weights: Int32Array, weightSum: number, out: Int32Array, offset: number, order: Int32Array): boolean {
  const n = weights.length;
  if (weightSum === 0) {
    out.fill(0, offset, offset + n);
    return total === 0;
  }
  let given = 0;
  let withRemainder = 0;
  for (let i = 0; i < n; i++) {
    const share = total * weights[i];
    const base = Math.floor(share / weightSum);
    out[offset + i] = base;
    given += base;
    if (share - base * weightSum > 0) order[withRemainder++] = i;
  }
  let left = total - given;
  if (left > 0) {
    const rem = (i: number): number => (total * weights[i]) % weightSum;
    const candidates = Array.from(order.subarray(0, withRemainder));
    candidates.sort((a, b) => rem(b) - rem(a) || a - b);
    for (let k = 0; left > 0; k++, left--) out[offset + candidates[k]]++;
  }
  return true;
}
