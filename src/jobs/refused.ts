import type { Problem } from '../planning/problems';

/**
 * A job that ends with nothing to write: every problem (errors, and the warnings found with them), and
 * whether they are about what was read (`input`) or about the workbook the forms would go into (`target`).
 */
export interface Refused {
  refused: true;
  problems: Problem[];
  about: 'input' | 'target';
}

export const refused = (problems: Problem[], about: Refused['about'] = 'input'): Refused => ({ refused: true, problems, about });

export const isRefused = <T extends object>(r: T | Refused): r is Refused => 'refused' in r;
