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

/** A plan workbook read back as `replan` reads it; throws on any refusal. */
export async function readBook(file: string): Promise<PlanWorkbook> {
  const found = await readPlanBook(file, await loadWorkbook(file));
  if (found.sheets === null) throw new Error(JSON.stringify(found.problems));
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) throw new Error(JSON.stringify(book.problems));
  return book;
}
