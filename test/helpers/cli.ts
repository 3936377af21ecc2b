import { main } from '../../src/cli/main';
import { readPlanBook } from '../../src/hosts/files/plan-book';
import { loadWorkbook } from '../../src/hosts/files/load-workbook';
import { PlanWorkbook, readPlanWorkbook } from '../../src/sheets/read-plan-workbook';

/** Runs `quota-plan` in-process; returns the exit code and what it printed. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A progress line as `cli/progress.ts` prints it once a run passes a second: `[1.5 s] Đang ghi / Writing`,
 * or the heartbeat of a phase that drags on, ending in ` …`.
 */
export const PROGRESS_LINE = /^\[\d+\.\d s\] \S.* \/ \S.*$/;

/**
 * What a command printed on stderr besides its progress lines: what a quiet run prints, however long the
 * run took (a loaded machine makes any run print progress).
 */
export const besidesProgress = (err: string): string[] => err.split('\n').filter((line) => line !== '' && !PROGRESS_LINE.test(line));

/** A plan workbook read back as `replan` reads it; throws on any refusal. */
export async function readBook(file: string): Promise<PlanWorkbook> {
  const found = await readPlanBook(file, await loadWorkbook(file));
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) throw new Error(JSON.stringify(book.problems));
  return book;
}
