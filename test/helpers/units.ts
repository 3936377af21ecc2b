import { Unit } from '../../src/planning/units';

/** A unit as the reader would give it, for tests of the planning core. */
export function unit(name: string, counts: Record<string, number>, opts: { parent?: string; machines?: number; row?: number; code?: string } = {}): Unit {
  return {
    name,
    code: opts.code ?? null,
    parent: opts.parent ?? null,
    machines: opts.machines ?? null,
    books: null,
    counts: new Map(Object.entries(counts)),
    cell: `Số liệu!B${opts.row ?? 1}`,
  };
}
