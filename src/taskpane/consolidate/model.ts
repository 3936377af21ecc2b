import type { Bilingual } from '../../i18n/strings';
import { Problem, problem } from '../../planning/problems';
import type { Consolidated, ReturnedFile } from '../../jobs/consolidate';

/**
 * The consolidation ("Tổng hợp số liệu") as the pane shows it: the returned files chosen, each read in the
 * browser (or why it could not be), and what copying their actuals into the plan workbook would do. Pure;
 * the controller reads the files and calls the job (check.ts).
 */

/** A file that could not be opened at all (not an .xlsx, damaged, the reader not loaded): its message names it. */
export function unreadableReturned(name: string, error: Bilingual): ReturnedFile {
  const named = (text: string): string => (text.includes(name) ? text : `${name}: ${text}`);
  return { name, status: 'refused', problems: [problem('error', 'returned-unreadable', null, null, named(error.vi), named(error.en))] };
}

/**
 * The files chosen so far with those just read: a file chosen again (by name: messages name files by their
 * name, so two of one name could not be told apart) replaces the one read before, in its place.
 */
export function mergeReturned(files: readonly ReturnedFile[], added: readonly ReturnedFile[]): ReturnedFile[] {
  const merged = files.slice();
  for (const file of added) {
    const i = merged.findIndex((f) => f.name === file.name);
    if (i >= 0) merged[i] = file;
    else merged.push(file);
  }
  return merged;
}

/** What the preview shows: the revision (kept), the cells copied in all, by file, and the values replaced. */
export interface ConsolidationModel {
  revision: number;
  /** Master cells whose value changes. */
  copied: number;
  /**
   * Each file read, with the cells it brings on its own (a figure new to the plan workbook). Two files giving
   * one cell the same figure both count it; `copied` counts it once.
   */
  files: { name: string; copied: number }[];
  /** Typed values replaced by another (`actual-replaced`), actuals ahead of the stage before: said, not refused. */
  warnings: Problem[];
}

/** What the preview holds: the job's answer, kept for the write, and what the pane shows of it. */
export interface ConsolidationPreview {
  consolidated: Consolidated;
  model: ConsolidationModel;
}
