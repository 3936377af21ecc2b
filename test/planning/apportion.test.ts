import fc from 'fast-check';
import { splitEven, splitWeighted, weightClasses } from '../../src/planning/apportion';
import { seeded } from '../helpers/property';

const even = (total: number, active: number[]): number[] => {
  const flags = Uint8Array.from(active);
  const out = new Int32Array(active.length);
  splitEven(total, flags, out, 0, active.reduce((a, b) => a + b, 0));
  return Array.from(out);
};
const weighted = (total: number, weights: number[]): number[] => {
  const out = new Int32Array(weights.length);
  splitWeighted(total, weightClasses(Int32Array.from(weights)), out, 0);
  return Array.from(out);
};

describe('splitEven', () => {
  it('gives the remainders to the earliest slots (Đại Lãnh: 461 deaths over 4 months)', () => {
    expect(even(461, [1, 1, 1, 1])).toEqual([116, 115, 115, 115]);
    expect(even(707, [1, 1, 1, 1])).toEqual([177, 177, 177, 176]);
  });
  it('skips inactive slots (a week with no working day gets nothing)', () => {
    expect(even(10, [1, 0, 1, 1])).toEqual([4, 0, 3, 3]);
  });
  it('writes at an offset without touching the rest of the buffer', () => {
    const out = new Int32Array([9, 9, 9, 9, 9]);
    splitEven(5, Uint8Array.from([1, 1]), out, 2, 2);
    expect(Array.from(out)).toEqual([9, 9, 3, 2, 9]);
  });
  it('writes 0 over an inactive slot whatever the buffer held (a re-used buffer of budgets)', () => {
    const out = new Int32Array([9, 9, 9]);
    splitEven(5, Uint8Array.from([1, 0, 1]), out, 0, 2);
    expect(Array.from(out)).toEqual([3, 0, 2]);
  });
  it('sums exactly and differs by at most one, remainders first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 400 }), (total, active) => {
        fc.pre(active.includes(1));
        const parts = even(total, active);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const live = parts.filter((_, i) => active[i] === 1);
        expect(Math.max(...live) - Math.min(...live)).toBeLessThanOrEqual(1);
        for (let i = 1; i < live.length; i++) expect(live[i]).toBeLessThanOrEqual(live[i - 1]);
        parts.forEach((p, i) => active[i] === 0 && expect(p).toBe(0));
      }),
      seeded(),
    );
  });
  it('writes zeros over its slots, and nothing else, when no slot is active', () => {
    const out = new Int32Array([9, 9, 9, 9, 9]);
    splitEven(3, new Uint8Array(2), out, 1, 0);
    expect(Array.from(out)).toEqual([9, 0, 0, 9, 9]);
  });
});

describe('splitWeighted', () => {
  it('splits in proportion to working days with largest remainders, ties to the earliest', () => {
    // 100 over 20, 21, 22, 22 days: exact shares 23.53, 24.71, 25.88, 25.88.
    expect(weighted(100, [20, 21, 22, 22])).toEqual([23, 25, 26, 26]);
    // Equal weights: the tie goes to the earliest slots.
    expect(weighted(5, [3, 3, 3])).toEqual([2, 2, 1]);
    expect(weighted(7, [0, 5, 5])).toEqual([0, 4, 3]);
  });
  it('the record left goes to the larger remainder, not the earlier period', () => {
    // 3 over 2 and 3 days: exact 1.2 and 1.8; 1 over 1 and 2 days: exact 0.33 and 0.67.
    expect(weighted(3, [2, 3])).toEqual([1, 2]);
    expect(weighted(1, [1, 2])).toEqual([0, 1]);
  });
  it('a tie between periods of different lengths also goes to the earliest: 4 records over weeks of 1, 4 and 1 working days', () => {
    // Exact shares 0.67, 2.67, 0.67: all three remainders tie, so the first two weeks get the two records left.
    expect(weighted(4, [1, 4, 1])).toEqual([1, 3, 0]);
    expect(weighted(5, [4, 1, 1, 4])).toEqual([2, 1, 0, 2]);
  });
  it('writes zeros over its slots, and nothing else, when every weight is zero', () => {
    const out = new Int32Array([9, 9, 9, 9, 9]);
    splitWeighted(3, weightClasses(new Int32Array(2)), out, 1);
    expect(Array.from(out)).toEqual([9, 0, 0, 9, 9]);
  });
  it('agrees with a plain sort of every slot by remainder (ties to the earliest)', () => {
    // Ties between weight classes are rare among random cases: 3,000 of them (0.2 s) catch a tie merge out
    // of slot order, or sorted as text (slot 10 before slot 9), from any seed tried (200 of 200).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const W = weights.reduce((a, b) => a + b, 0);
        fc.pre(W > 0);
        const expected = weights.map((w) => Math.floor((total * w) / W));
        const order = weights.map((_, i) => i).sort((a, b) => ((total * weights[b]) % W) - ((total * weights[a]) % W) || a - b);
        let left = total - expected.reduce((a, b) => a + b, 0);
        for (const i of order) if (left > 0 && weights[i] > 0) { expected[i]++; left--; }
        expect(weighted(total, weights)).toEqual(expected);
      }),
      seeded(3000),
    );
  });
  it('sums exactly, never strays more than one from the exact share, and zero weight gets zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 400 }), (total, weights) => {
        const W = weights.reduce((a, b) => a + b, 0);
        fc.pre(W > 0);
        const parts = weighted(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(Math.abs(p - (total * weights[i]) / W)).toBeLessThan(1);
          if (weights[i] === 0) expect(p).toBe(0);
        });
      }),
      seeded(),
    );
  });
});
