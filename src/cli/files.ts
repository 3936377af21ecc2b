import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { PlanJson } from '../planning/plan-json';
import { formatCount } from '../planning/text';
import { Target } from '../jobs/target';
import { ReadPurpose } from '../xlsx/package-check';
import { existingSheets } from '../hosts/files/existing-sheets';
import { sweep, trackDir, untrack } from '../hosts/files/leftovers';
import { loadWorkbook } from '../hosts/files/load-workbook';
import { LockInfo, OutputLock, lockOutput, removeStaleLock } from '../hosts/files/output-lock';
import { readPlanBook } from '../hosts/files/plan-book';
import { WorkbookFile, WorkbookFileError, readWorkbookFile } from '../hosts/files/read-workbook-file';
import { ChangedMeanwhile, Identity, PendingFile, WorkbookOutput, identityOf, writeAtomically } from '../hosts/files/write-file';
import { Grid } from '../sheets/grid';
import { TableSource, pickTable } from '../sheets/pick-table';
import { PlanWorkbook, readPlanWorkbook } from '../sheets/read-plan-workbook';
import { UnitsTable } from '../sheets/read-units';
import { isStageSheetName } from '../sheets/read-stage-sheet';
import { gridOf } from '../xlsx/read-grid';
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

const cannotWrite = (files: string, why: string): RefusedError =>
  new RefusedError(
    `Không ghi được ${files} (tệp đang mở trong Excel, thư mục chỉ đọc hoặc đĩa đầy?): ${why}`,
    `Could not write ${files} (open in Excel, a read-only folder, or a full disk?): ${why}`,
  );

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A run's hold on the files it will write: each locked (output-lock.ts) and looked at (`identities`) when the
 * run starts, before it reads or computes anything, so that `writeOutputs` can check, just before replacing
 * them, that nobody wrote them meanwhile. Released (locks removed) when the run ends, however it ends.
 */
export interface OutputGuard {
  identities: Map<string, Identity | null>;
  release(): Promise<void>;
}

function busy(target: string, holder: LockInfo | null): RefusedError {
  const since = holder ? new Date(holder.started) : null;
  const time = since && !Number.isNaN(since.getTime()) ? since.toTimeString().slice(0, 8) : '?';
  const who = holder
    ? { vi: ` (lệnh ${holder.command}, tiến trình ${holder.pid} trên máy ${holder.computer}, từ ${time})`, en: ` (${holder.command}, process ${holder.pid} on ${holder.computer}, since ${time})` }
    : { vi: '', en: '' };
  return new RefusedError(
    `${target} đang được một lần chạy quota-plan khác ghi${who.vi}. Lần chạy này không ghi gì. Hãy đợi lần chạy kia xong rồi chạy lại, hoặc chọn tệp kết quả khác.`,
    `${target} is being written by another quota-plan run${who.en}. This run wrote nothing. Wait for that run to finish and run again, or choose another output file.`,
  );
}

/**
 * Runs `run` holding the files it will write (`outputs`, the absent ones left out): see `guardOutputs`; they
 * are let go however the run ends.
 */
export async function holdingOutputs<T>(outputs: readonly (string | undefined)[], command: string, io: CommandIO, run: (guard: OutputGuard) => Promise<T>): Promise<T> {
  const guard = await guardOutputs(outputs.filter((f): f is string => !!f), command, io);
  try {
    return await run(guard);
  } finally {
    await guard.release();
  }
}

/**
 * Takes hold of `targets` for `command`: removes what runs killed earlier left in their folders, locks each
 * (refused at once, naming who holds it, when another run does) and notes what each is now.
 */
async function guardOutputs(targets: readonly string[], command: string, io: CommandIO): Promise<OutputGuard> {
  const unique = [...new Set(targets.map((t) => path.resolve(t)))].sort();
  const byResolved = new Map(targets.map((t) => [path.resolve(t), t]));
  const locks: OutputLock[] = [];
  const createdDirs: string[] = [];
  const release = async (): Promise<void> => {
    await Promise.all(locks.map((l) => l.release()));
    for (const dir of createdDirs.reverse()) {
      untrack(dir);
      await fs.rmdir(dir).catch(() => undefined); // still empty: the run wrote nothing there
    }
  };
  try {
    let swept = 0;
    for (const dir of new Set(unique.map((t) => path.dirname(t)))) {
      const first = await fs.mkdir(dir, { recursive: true });
      for (let d = dir; first && d.length >= first.length; d = path.dirname(d)) {
        createdDirs.unshift(d);
        trackDir(d);
      }
      swept += (await sweep(dir, removeStaleLock)).length;
    }
    if (swept > 0) {
      io.err(`Đã xóa ${formatCount(swept, 'vi')} tệp tạm do lần chạy bị dừng trước đây để lại.`);
      io.err(`Removed ${formatCount(swept, 'en')} temporary file${swept === 1 ? '' : 's'} left by an earlier run that was stopped.`);
    }
    for (const target of unique) {
      const got = await lockOutput(target, command);
      if ('busy' in got) throw busy(byResolved.get(target)!, got.busy);
      locks.push(got);
    }
    const identities = new Map<string, Identity | null>();
    for (const target of targets) identities.set(target, await identityOf(target));
    return { identities, release };
  } catch (e) {
    await release();
    if (e instanceof RefusedError) throw e;
    throw cannotWrite(targets.join(', '), reason(e));
  }
}

/**
 * Writes every output atomically, or none (see writeAtomically), saying what could not be written; an output
 * someone else wrote since the run started is not replaced.
 */
export async function writeOutputs(outputs: readonly PendingFile[], io: CommandIO, guard: OutputGuard): Promise<void> {
  if (outputs.length === 0) return;
  const files = outputs.map((o) => o.target).join(', ');
  io.progress.step(`Đang ghi ${files}`, `Writing ${files}`);
  try {
    await writeAtomically(outputs, guard.identities);
  } catch (e) {
    if (e instanceof ChangedMeanwhile) {
      throw new RefusedError(
        `${e.target} đã bị thay đổi trong lúc lệnh chạy (một chương trình khác vừa lưu vào đó?); không ghi gì, ${e.target} giữ nguyên. Hãy chạy lại.`,
        `${e.target} changed while this run was working (saved by another program?); nothing was written and ${e.target} is left as it is. Run again.`,
      );
    }
    throw cannotWrite(files, reason(e));
  }
}

/** A JSON output, written with the others; its value is made when it is written (after the workbook it names). */
export const jsonFile = (target: string, value: () => unknown): PendingFile => ({
  target,
  write: (tmp) => fs.writeFile(tmp, JSON.stringify(value(), null, 1) + '\n', 'utf8'),
});

/**
 * What a JSON says of the workbook written with it: a run stopped between the two renames leaves one new and
 * one old, and the hash tells them apart.
 */
export const workbookRef = (book: WorkbookOutput, planId: string, revision: number): NonNullable<PlanJson['workbook']> =>
  ({ file: book.target, planId, revision, sha256: book.sha256 ?? '' });

/** A refusal of a file read, naming it. */
const refused = (p: { vi: string; en: string }): RefusedError => new RefusedError(p.vi, p.en);

/**
 * The file an output workbook is written to (`--out`, or none), as a job's target: it is written anew, so
 * the sheets already in it (none when it does not exist) may only be forms it replaces; a file that is not a
 * readable .xlsx is refused here.
 */
export async function fileTarget(file: string | undefined): Promise<Target> {
  if (file === undefined || !(await exists(file))) return { existing: [], anew: true, label: file ?? null };
  // Only its markers and typed actuals are read, by our own reader: the limits of an output, not of ExcelJS.
  const read = await readWorkbookFile(file, 'output');
  let why = 'severity' in read ? read : null;
  if (why === null) {
    try {
      return { existing: await existingSheets(read as WorkbookFile), anew: true, label: file };
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      why = e.problem;
    }
  }
  throw new RefusedError(
    `${file} đã có nhưng không phải là sổ tính .xlsx đọc được; không ghi đè. Hãy chọn tệp khác cho --out. (${why.vi})`,
    `${file} exists but is not a readable .xlsx workbook; it is not overwritten. Choose another file for --out. (${why.en})`,
  );
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

/** A workbook file read, checked and loaded for `purpose`; refused, naming it, when it cannot be. */
export async function openWorkbook(file: string, purpose: ReadPurpose): Promise<{ file: WorkbookFile; workbook: ExcelJS.Workbook }> {
  const read = await readWorkbookFile(file, purpose);
  if ('severity' in read) throw refused(read);
  try {
    return { file: read, workbook: await loadWorkbook(read) };
  } catch {
    throw new RefusedError(
      `Không mở được ${file}: tệp không phải là sổ tính .xlsx hoặc đã hỏng.`,
      `Cannot open ${file}: it is not an .xlsx workbook, or it is damaged.`,
    );
  }
}

export const exists = (file: string): Promise<boolean> => fs.access(file).then(() => true, () => false);

/** A plan workbook's forms found by their markers, or why not; a package that breaks while read is refused. */
export async function planBookOf(file: string) {
  const { file: read, workbook } = await openWorkbook(file, 'plan-book');
  try {
    return await readPlanBook(read, workbook);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw refused(e.problem);
    throw e;
  }
}

/** A plan workbook read back with its actuals, and its other sheets; or the refusal's exit code, printed. */
export async function openPlanBook(file: string, io: CommandIO, what: NotDone): Promise<{ book: PlanWorkbook; others: string[] } | number> {
  io.progress.step(`Đang đọc ${file}`, `Reading ${file}`);
  const found = await planBookOf(file);
  if (found.sheets === null) return refuse(io, found.problems, file, what);
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) return refuse(io, book.problems, file, what);
  return { book, others: found.others };
}

/**
 * The sheet asked for, or the first visible sheet that holds a units table (`pickTable`'s rule). A stages
 * sheet (`Giai đoạn`, `Stages`) is never the units table unless asked for by name.
 */
export function pickSheet(file: string, workbook: ExcelJS.Workbook, wanted: string | undefined): { table: UnitsTable; sheet: string } {
  const sources: TableSource[] = workbook.worksheets.map((ws) => {
    let grid: Grid | undefined;
    // Built when pickTable looks at the sheet: it stops at the first one with a table.
    return { label: ws.name, hidden: ws.state !== 'visible', get grid() { return (grid ??= gridOf(ws)); } };
  });
  const pick = pickTable(sources, wanted);
  if (pick.kind === 'not-found') {
    const names = pick.labels.join(', ');
    throw new UsageError(`Không có trang «${wanted}»; các trang: ${names}.`, `There is no sheet "${wanted}"; the sheets are: ${names}.`);
  }
  if (pick.kind === 'none') {
    if (workbook.worksheets.some((ws) => isStageSheetName(ws.name))) {
      throw new RefusedError(`${file} chỉ có trang giai đoạn, không có bảng đơn vị.`, `${file} holds only the stages sheet, no units table.`);
    }
    throw new RefusedError(`${file} không có trang nào.`, `${file} has no sheet.`);
  }
  return { table: pick.table, sheet: pick.source.label };
}
