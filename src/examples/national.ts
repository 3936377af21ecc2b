import { Unit } from '../planning/units';
import { FORMER_LIST, formerListText } from '../hosts/files/places';
import { CurrentUnit, FormerUnit, formerUnits } from '../places/reform';
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

/** The communes since 1/7/2025 as units under their province (two levels), with invented counts. */
export function inventCurrentUnits(current: readonly CurrentUnit[], seed = 2026, sheet = 'Số liệu'): Unit[] {
  const invented = inventUnits(current.map((u) => ({ code: u.code, name: u.name, district: u.province.name, province: u.province.name })), seed, sheet);
  // A commune since 1/7/2025 holds the books of three former ones on average.
  return invented.map((u) => ({ ...u, counts: new Map([...u.counts].map(([r, n]) => [r, n * 3])) }));
}
