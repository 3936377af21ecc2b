import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { Unit } from '../planning/units';
import { seededRandom } from './random';

/** The official list of Viet Nam's 10,047 communes (GSO, 01/03/2025), shipped gzipped in data/. */
export const NATIONAL_CSV = path.join(__dirname, '..', '..', 'data', 'vn-units-2025-03.csv.gz');

export interface Commune {
  province: string;
  district: string;
  /** The commune's code in the list (`00001`, `16387`): two communes of one district may share a name. */
  code: string;
  name: string;
}

export function loadCommunes(file = NATIONAL_CSV): Commune[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split(/\r?\n/).filter(Boolean);
  return lines.slice(1).map((line) => {
    const f = line.split(',');
    return { province: f[1], district: f[3], code: f[4], name: f[5] };
  });
}

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
