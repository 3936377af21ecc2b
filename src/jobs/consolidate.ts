import { Problem } from '../planning/problems';
import { stageAheadProblems } from '../planning/stage-check';
import { keptNames, sameRevisionForms } from '../sheets/book-forms';
import { ReturnedBook, consolidate } from '../sheets/consolidate';
import { PlanWorkbook } from '../sheets/read-plan-workbook';
import { FormsToWrite, Refused, Target, formsInto, isRefused, refused } from './target';

/**
 * The use case "consolidate": the plan workbook and the workbooks sent back, read, in; the same revision's
 * forms with the returned actuals copied in, out. Every file is checked before anything is written.
 */

/** A returned file: its forms read as grids, or why they could not be (each problem names the file). */
export type ReturnedFile = { name: string; status: 'read'; book: ReturnedBook } | { name: string; status: 'refused'; problems: Problem[] };

export interface Consolidated {
  /** Row-major rows × periods: the plan workbook's actuals with the returned ones copied in. */
  actuals: (number | null)[];
  /** Cells whose value changes. */
  copied: number;
  /** Typed values replaced by another, and actuals ahead of the stage before them: said, not refused. */
  warnings: Problem[];
}

/** What copying the returned files' actuals would do; refused as a whole when any file is unreadable, of another plan, or in conflict. */
export function consolidationOf(book: PlanWorkbook, files: readonly ReturnedFile[]): Consolidated | Refused {
  const unreadable = files.flatMap((f) => (f.status === 'refused' ? f.problems : []));
  const result = consolidate(book, files.flatMap((f) => (f.status === 'read' ? [f.book] : [])));
  const problems = [...unreadable, ...result.problems];
  if (problems.some((p) => p.severity === 'error')) return refused(problems);
  // Actuals of a stage that pass the stage before them: the forms shade them, and the shells say so.
  const ahead = stageAheadProblems(book.plan, result.actuals, book.actualCell);
  return { actuals: result.actuals, copied: result.copied, warnings: [...result.problems, ...ahead] };
}

export interface ConsolidateJob {
  book: PlanWorkbook;
  files: readonly ReturnedFile[];
  /** What the files bring, already checked (the pane's preview); checked anew when absent. */
  consolidated?: Consolidated;
  target: Target;
}

export function consolidateJob(job: ConsolidateJob): (Consolidated & FormsToWrite) | Refused {
  const consolidated = job.consolidated ?? consolidationOf(job.book, job.files);
  if (isRefused(consolidated)) return consolidated;
  const { book } = job;
  const out = formsInto(job.target, keptNames(book, book.lang), book.plan, (names) => sameRevisionForms(book, consolidated.actuals, names));
  return isRefused(out) ? out : { ...consolidated, ...out };
}
