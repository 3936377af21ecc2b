import { Batch, Op, ROW_BATCH_BYTES, opBytes, sumBytes } from './operations';

/** Operations in batches of at most a budget of estimated bytes, each split in halves when Excel still refuses it. */

/** Operations packed in order into batches of at most `budget` estimated bytes. */
export function packBatches(ops: readonly Op[], budget: number): Batch[] {
  const out: Batch[] = [];
  let current: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    const b = opBytes(op);
    if (current.length && bytes + b > budget) {
      out.push(listBatch(current));
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += b;
  }
  if (current.length) out.push(listBatch(current));
  return out;
}

export function listBatch(ops: Op[]): Batch {
  return {
    bytes: sumBytes(ops),
    rows: 0,
    ops: () => ops,
    split: () => (ops.length < 2 ? null : [listBatch(ops.slice(0, ops.length >> 1)), listBatch(ops.slice(ops.length >> 1))]),
  };
}

/** A sheet's rows as a batch needs them: their operations and what each weighs (`SheetRender`). */
export interface RowSource {
  rowOps(first: number, end: number): Op[];
  /** An upper bound on what row `r` adds to a batch; `opensBatch` when it is the batch's first row. */
  rowBytes(r: number, opensBatch?: boolean): number;
}

/** Rows [first, end), after `head` (column sizes) and before `tail` (the sheet's last operations). */
export function rowBatch(rows: RowSource, first: number, end: number, head: Op[], tail: Op[], bytes: number): Batch {
  const size = (a: number, b: number, h: Op[], t: Op[]): number => {
    let n = ROW_BATCH_BYTES + sumBytes(h) + sumBytes(t);
    for (let r = a; r < b; r++) n += rows.rowBytes(r, r === a);
    return n;
  };
  return {
    bytes,
    rows: end - first,
    ops: () => [...head, ...rows.rowOps(first, end), ...tail],
    split: () => {
      if (end - first >= 2) {
        const mid = first + Math.floor((end - first) / 2);
        return [rowBatch(rows, first, mid, head, [], size(first, mid, head, [])), rowBatch(rows, mid, end, [], tail, size(mid, end, [], tail))];
      }
      return tail.length ? [rowBatch(rows, first, end, head, [], size(first, end, head, [])), listBatch(tail)] : null;
    },
  };
}
