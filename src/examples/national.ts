import { Unit } from '../planning/units';
import { FORMER_LIST, formerListText } from '../hosts/files/places';
import { FormerUnit, formerUnits } from '../places/reform';
import { seededRandom } from './random';

/** The official list of Viet Nam's 10,047 communes (GSO, 01/03/2025), shipped gzipped in data/. */
export const NATIONAL_CSV = FORMER_LIST;

/** A commune of the list; its code (`00001`, `16387`) tells apart two communes of one district that share a name. */
export type Commune = FormerUnit;

export const loadCommunes = (file = NATIONAL_CSV): Commune[] => formerUnits(formerListText(file));

/** The registers examples and benchmarks use, largest first as in real books. */
export const EXAMPLE_REGISTERS = ['KS', 'KH', 'KT', 'TDCC', 'NCMC', 'XNHN'];
const SCALE = [6000, 1500, 1200, 300, 80, 400];

/** Units with invented but plausible counts (the list has none), the same on every run. */
export function inventUnits(communes: readonly Commune[], seed = 2025, sheet = 'Số liệu'): Unit[] {
  const rnd = seededRandom(seed);
  return communes.map((c, i) => ({
    name: c.name,
    code: c.code,
    parent: c.district,
    machines: 1 + Math.floor(rnd() * 2),
    books: null,
    counts: new Map(EXAMPLE_REGISTERS.map((r, k) => [r, Math.floor(SCALE[k] * (0.3 + rnd() * 1.4))])),
    cell: `${sheet}!C${i + 5}`,
  }));
}
