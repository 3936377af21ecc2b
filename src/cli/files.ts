import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { Target } from '../jobs/target';
import { existingSheets } from '../hosts/files/existing-sheets';
import { loadWorkbook } from '../hosts/files/load-workbook';
import { readPlanBook } from '../hosts/files/plan-book';
import { PendingFile, writeAtomically } from '../hosts/files/write-file';
import { PlanWorkbook, readPlanWorkbook } from '../sheets/read-plan-workbook';
import { CommandIO, NotDone, refuse } from './io';
import { RefusedError, UsageError } from './usage-error';

/** The outputs must be two different files, neither of them the input: the input is never written. */
export async function checkOutputs(input: string, outPath: string | undefined, jsonPath: string | undefined): Promise<void> {
  for (const target of [outPath, jsonPath]) {
    if (target && (path.resolve(target) === path.resolve(input) || (await sameFile(target, input)))) {
      throw new UsageError('Tệp kết quả không được trùng tệp đầu vào: tệp đầu vào không bao giờ bị ghi đè.', 'The output must not be the input file: the input is never written.');
    }
  }
  if (outPath && jsonPath && path.resolve(outPath) === path.resolve(jsonPath)) {
    throw new UsageError('--out và --json phải là hai tệp khác nhau.', '--out and --json must be two different files.');
  }
}

/** Writes every output atomically, or none (see writeAtomically), saying what could not be written. */
export async function writeOutputs(outputs: readonly PendingFile[], io: CommandIO): Promise<void> {
  if (outputs.length === 0) return;
  const files = outputs.map((o) => o.target).join(', ');
  io.progress.step(`Đang ghi ${files}`, `Writing ${files}`);
  try {
    await writeAtomically(outputs);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new RefusedError(
      `Không ghi được ${files} (tệp đang mở trong Excel, thư mục chỉ đọc hoặc đĩa đầy?): ${why}`,
      `Could not write ${files} (open in Excel, a read-only folder, or a full disk?): ${why}`,
    );
  }
}

/** A JSON output, written with the others. */
export const jsonFile = (target: string, value: unknown): PendingFile => {
  const text = JSON.stringify(value, null, 1) + '\n';
  return { target, write: (tmp) => fs.writeFile(tmp, text, 'utf8') };
};

/**
 * The file an output workbook is written to (`--out`, or none), as a job's target: it is written anew, so
 * the sheets already in it (none when it does not exist) may only be forms it replaces; a file that is not a
 * readable .xlsx is refused here.
 */
export async function fileTarget(file: string | undefined): Promise<Target> {
  if (file === undefined || !(await exists(file))) return { existing: [], anew: true, label: file ?? null };
  try {
    return { existing: await existingSheets(file), anew: true, label: file };
  } catch {
    throw new RefusedError(
      `${file} đã có nhưng không phải là sổ tính .xlsx đọc được; không ghi đè. Hãy chọn tệp khác cho --out.`,
      `${file} exists but is not a readable .xlsx workbook; it is not overwritten. Choose another file for --out.`,
    );
  }
}

/** True when both paths name one existing file: the same path, a symlink, or `Data.xlsx` on a case-insensitive disk. */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!(await exists(file))) throw new RefusedError(`Không tìm thấy tệp ${file}.`, `File not found: ${file}.`);
  try {
    return await loadWorkbook(file);
  } catch {
    throw new RefusedError(
      `Không mở được ${file}: tệp không phải là sổ tính .xlsx hoặc đã hỏng.`,
      `Cannot open ${file}: it is not an .xlsx workbook, or it is damaged.`,
    );
  }
}

export const exists = (file: string): Promise<boolean> => fs.access(file).then(() => true, () => false);

/** A plan workbook read back with its actuals, and its other sheets; or the refusal's exit code, printed. */
export async function openPlanBook(file: string, io: CommandIO, what: NotDone): Promise<{ book: PlanWorkbook; others: string[] } | number> {
  io.progress.step(`Đang đọc ${file}`, `Reading ${file}`);
  const found = await readPlanBook(file, await openWorkbook(file));
  if (found.sheets === null) return refuse(io, found.problems, file, what);
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) return refuse(io, book.problems, file, what);
  return { book, others: found.others };
}
