/**
 * Integer splits that sum exactly, with a deterministic tie-break (the earliest slot wins). Targets are
 * written into a caller's Int32Array slice so that a national plan (≈22 million targets) allocates nothing
 * per row.
 */

/**
 * Splits `total` equally over the slots whose `active` flag is set: each gets ⌊total/n⌋ and the first
 * `total mod n` active slots one more. Inactive slots get 0, and so does every slot when none is active (the
 * caller has refused a window without a working day).
 */
export function splitEven(total: number, active: Uint8Array, out: Int32Array, offset: number, activeCount: number): void {
  const n = active.length;
  if (activeCount === 0) {
    out.fill(0, offset, offset + n);
    return;
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
}

/**
 * Slots grouped by weight, once per plan: slots with equal weights get equal remainders, so the
 * largest-remainder step can rank a handful of weight classes per row instead of sorting every slot.
 */
export interface WeightClasses {
  weights: Int32Array;
  weightSum: number;
  /** Distinct positive weights, and for each the indices of its slots in ascending order. */
  values: number[];
  slots: Int32Array[];
}

export function weightClasses(weights: Int32Array): WeightClasses {
  const bySlot = new Map<number, number[]>();
  let weightSum = 0;
  weights.forEach((w, i) => {
    weightSum += w;
    if (w > 0) (bySlot.get(w) ?? bySlot.set(w, []).get(w)!).push(i);
  });
  const values = [...bySlot.keys()];
  return { weights, weightSum, values, slots: values.map((v) => Int32Array.from(bySlot.get(v)!)) };
}

/**
 * Splits `total` in proportion to the weights (largest remainders, Hamilton's method): each slot gets
 * ⌊total·w/W⌋, and the units left over go to the slots with the largest remainders, ties to the earliest.
 * All products stay below 2^53 for the product's limits (10 million records × 366 days).
 */
export function splitWeighted(total: number, classes: WeightClasses, out: Int32Array, offset: number): void {
  const { weights, weightSum: W, values, slots } = classes;
  const n = weights.length;
  if (W === 0) {
    out.fill(0, offset, offset + n);
    return;
  }
  let left = total;
  for (let i = 0; i < n; i++) {
    const base = Math.floor((total * weights[i]) / W);
    out[offset + i] = base;
    left -= base;
  }
  if (left === 0) return;
  // Rank the weight classes by remainder; a run of classes with equal remainders shares its ties by slot order.
  const ranked = values.length === 1 ? [0] : values.map((_, c) => c).sort((a, b) => ((total * values[b]) % W) - ((total * values[a]) % W) || a - b);
  for (let r = 0; left > 0; ) {
    const rem = (total * values[ranked[r]]) % W;
    let end = r + 1;
    while (end < ranked.length && (total * values[ranked[end]]) % W === rem) end++;
    // One class is already in slot order; several tied classes are merged into slot order.
    const run = end - r === 1 ? slots[ranked[r]] : Int32Array.from(ranked.slice(r, end).flatMap((c) => Array.from(slots[c]))).sort();
    const take = Math.min(run.length, left);
    for (let k = 0; k < take; k++) out[offset + run[k]]++;
    left -= take;
    r = end;
  }
}
