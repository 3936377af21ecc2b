import { ReturnedFile, consolidationOf } from '../../jobs/consolidate';
import { Refused, isRefused, refused } from '../../jobs/refused';
import { consolidate } from '../../sheets/consolidate';
import type { PlanWorkbook } from '../../sheets/read-plan-workbook';
import type { ConsolidationPreview } from './model';

export { consolidateJob } from '../../jobs/consolidate';

/**
 * `consolidationOf` with what each file brings on its own; refused (errors only) as a whole when any file is.
 * Loaded with the first consolidation (see controller.ts), with the job it calls.
 */
export function checkConsolidation(master: PlanWorkbook, files: readonly ReturnedFile[]): ConsolidationPreview | Refused {
  const consolidated = consolidationOf(master, files);
  if (isRefused(consolidated)) return refused(consolidated.problems.filter((p) => p.severity === 'error'));
  const books = files.flatMap((f) => (f.status === 'read' ? [f.book] : []));
  const perFile = books.map((b) => ({ name: b.file, copied: books.length === 1 ? consolidated.copied : consolidate(master, [b]).copied }));
  return { consolidated, model: { revision: master.revision, copied: consolidated.copied, files: perFile, warnings: consolidated.warnings } };
}
