import type { Bilingual } from '../i18n/strings';
import { Problem, problem } from '../planning/problems';
import { ReturnedBook, consolidate } from '../sheets/consolidate';
import { PlanWorkbook } from '../sheets/read-plan-workbook';

/**
 * The consolidation ("Tổng hợp số liệu") as the pane shows it: the returned files chosen, each read in the
 * browser (or why it could not be), and what copying their actuals into the plan workbook would do. Pure;
 * the controller reads the files and calls the hosts.
 */

/**
 * A problem's cell the host can select: `Sheet!C7` of the open workbook. Not a cell of a returned file
 * (`[Huyện X.xlsx]Phụ lục 02!D10`, as Excel names a cell of another workbook), nor a bare file name.
 */
export const inThisWorkbook = (cell: string): boolean => cell.includes('!') && !/^'?\[/.test(cell);

/** A returned file chosen: its forms read as grids, or why they could not be (each problem names the file). */
export type ReturnedFile = { name: string; status: 'read'; book: ReturnedBook } | { name: string; status: 'refused'; problems: Problem[] };

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
  /** Typed values replaced by another (`actual-replaced`): said, not refused. */
  warnings: Problem[];
}

export type ConsolidationCheck =
  | { ok: true; actuals: (number | null)[]; model: ConsolidationModel }
  /** A file unreadable or refused, two files disagreeing…: nothing is copied. Errors only. */
  | { ok: false; problems: Problem[] };

/** `consolidate` over the files read, refused as a whole when any file is not readable or not of this plan. */
export function checkConsolidation(master: PlanWorkbook, files: readonly ReturnedFile[]): ConsolidationCheck {
  const unreadable = files.flatMap((f) => (f.status === 'refused' ? f.problems : []));
  const books = files.flatMap((f) => (f.status === 'read' ? [f.book] : []));
  const result = consolidate(master, books);
  const errors = [...unreadable, ...result.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  const perFile = books.map((b) => ({ name: b.file, copied: books.length === 1 ? result.copied : consolidate(master, [b]).copied }));
  return { ok: true, actuals: result.actuals, model: { revision: master.revision, copied: result.copied, files: perFile, warnings: result.problems } };
}
