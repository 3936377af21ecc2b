import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { todayInVietnam } from '../planning/days';
import { planStages } from '../planning/stage-plan';
import { PlanSettings } from '../planning/settings';
import { planJson } from '../planning/plan-json';
import { Problem, describeProblem, hasErrors, problem } from '../planning/problems';
import { planId } from '../sheets/forms/marker';
import { FormOptions, defaultFormNames } from '../sheets/forms/options';
import { progressCells } from '../sheets/forms/progress-report';
import { LANGS, Lang } from '../sheets/forms/text';
import { planForms, sizeProblems } from '../sheets/forms/workbook';
import { Placement, placeForms } from '../sheets/placement';
import { existingSheets } from '../hosts/files/existing-sheets';
import { Grid } from '../sheets/grid';
import { TableSource, pickTable } from '../sheets/pick-table';
import { UnitsTable } from '../sheets/read-units';
import { isStageSheetName, readStageSheet } from '../sheets/read-stage-sheet';
import { loadWorkbook } from '../hosts/files/load-workbook';
import { gridOf } from '../xlsx/read-grid';
import { PendingFile, workbookFile, writeAtomically } from '../hosts/files/write-file';
import { ParsedArgs } from './args';
import { checkPlanOptions, oneOf, planSettingsFrom, startOption } from './plan-options';
import { Progress } from './progress';
import { planSummary } from './summary';
import { RefusedError, UsageError } from './usage-error';

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: Progress;
}

/** `quota-plan plan`: read the units sheet, plan, write the workbook and the JSON. Returns the exit code. */
export async function planCommand(args: ParsedArgs, io: CommandIO): Promise<number> {
  const input = args.positional[0];
  if (!input || args.positional.length > 1) {
    throw new UsageError('Cần đúng một tệp đầu vào .xlsx.', 'Exactly one input .xlsx file is needed.');
  }
  // The window comes from the options, or else from the input's stage sheet: then it is known once it is read.
  const windowGiven = args.options.has('stages') || (!!args.options.get('start') && !!args.options.get('end'));
  let settings: PlanSettings | null = windowGiven ? planSettingsFrom(args.options) : null;
  if (!settings) {
    checkPlanOptions(args.options);
    if (!(await exists(input))) planSettingsFrom(args.options); // no file to hold stages: the missing window is the error
  }
  const lang = oneOf<Lang>('lang', args.options.get('lang') ?? 'vi', LANGS);
  const outPath = args.options.get('out');
  const jsonPath = args.options.get('json');
  await checkOutputs(input, outPath, jsonPath);

  io.progress.step(`Đang đọc ${input}`, `Reading ${input}`);
  const workbook = await openWorkbook(input);
  const stageSheet = args.options.has('stages') ? undefined : workbook.worksheets.find((ws) => isStageSheetName(ws.name));
  const sheetProblems: Problem[] = [];
  if (stageSheet) {
    io.progress.step(`Đang đọc trang ${stageSheet.name}`, `Reading sheet ${stageSheet.name}`);
    const read = readStageSheet(gridOf(stageSheet), startOption(args.options));
    if (hasErrors(read.problems)) return refuse(io, read.problems, input);
    if (read.stages) settings = planSettingsFrom(args.options, read.stages);
    else {
      sheetProblems.push(problem('warning', 'no-stages', null, null,
        `Trang «${stageSheet.name}» không có bảng giai đoạn (cột Giai đoạn, Bắt đầu, Hạn): kế hoạch không chia theo giai đoạn.`,
        `Sheet "${stageSheet.name}" holds no stages table (columns Stage, Start, Deadline): the plan has no stages.`));
    }
  }
  settings ??= planSettingsFrom(args.options); // no stages anywhere: --start and --end are required
  io.progress.step('Đang đọc bảng đơn vị', 'Reading the units table');
  const { table: read, sheet } = pickSheet(workbook, args.options.get('sheet'));
  const table: UnitsTable = { ...read, problems: [...sheetProblems, ...read.problems] };
  if (hasErrors(table.problems)) return refuse(io, table.problems, input);

  io.progress.step('Đang lập kế hoạch', 'Planning');
  const plan = planStages(table.units, table.registers, settings);
  if (hasErrors(plan.problems)) return refuse(io, plan.problems, input);

  let names = defaultFormNames(lang);
  if (outPath) {
    const placement = await placeInExisting(outPath, names);
    if (hasErrors(placement.problems)) return refuse(io, placement.problems, outPath);
    names = placement.names;
  }
  io.progress.step('Đang lập biểu mẫu', 'Building the forms');
  const options: FormOptions = { lang, issuer: args.options.get('issuer') ?? '', planId: planId(plan), revision: 1, names, made: todayInVietnam() };
  const forms = planForms(plan, table, options);
  const tooLarge = sizeProblems(forms.sheets);
  if (tooLarge.length > 0) return refuse(io, tooLarge, input);

  const outputs: PendingFile[] = [];
  if (jsonPath) {
    const text = JSON.stringify(planJson(plan, table.problems, (i) => progressCells(forms.progress, i)), null, 1) + '\n';
    outputs.push({ target: jsonPath, write: (tmp) => fs.writeFile(tmp, text, 'utf8') });
  }
  if (outPath) outputs.push(workbookFile(outPath, forms.sheets));
  await writeOutputs(outputs, io);
  io.progress.done();
  io.out(planSummary(plan, `${input} (${sheet})`, table.problems));
  if (settings.stages && stageSheet) io.out(`Các giai đoạn lấy từ trang «${stageSheet.name}» / Stages read from sheet "${stageSheet.name}".`);
  const written = [outPath, jsonPath].filter(Boolean);
  if (written.length > 0) io.out(`\nĐã ghi / Written: ${written.join(', ')}`);
  return 0;
}

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

/**
 * Where the forms go when `--out` already exists. The file is written anew, so it may only hold sheets
 * quota-planner made, one of each kind, and no typed actual; anything else is refused (fails closed).
 */
export async function placeInExisting(file: string, names: FormOptions['names']): Promise<Placement> {
  try {
    await fs.access(file);
  } catch {
    return placeForms([], names);
  }
  let existing;
  try {
    existing = await existingSheets(file);
  } catch {
    throw new RefusedError(
      `${file} đã có nhưng không phải là sổ tính .xlsx đọc được; không ghi đè. Hãy chọn tệp khác cho --out.`,
      `${file} exists but is not a readable .xlsx workbook; it is not overwritten. Choose another file for --out.`,
    );
  }
  const placement = placeForms(existing, names);
  // The file is written anew: a sheet the forms do not replace (someone's own, or a copy of a form) would be lost.
  const foreign = existing.filter((s) => !placement.replaced.includes(s.name)).map((s) => s.name);
  if (foreign.length > 0) {
    throw new RefusedError(
      `${file} có trang mà kế hoạch mới không thay (${foreign.join(', ')}: trang tự lập hoặc bản sao biểu mẫu); ghi lại tệp sẽ làm mất chúng. Hãy chọn tệp khác cho --out.`,
      `${file} holds sheets a new plan would not replace (${foreign.join(', ')}: sheets of your own, or copies of the forms); writing it anew would lose them. Choose another file for --out.`,
    );
  }
  return placement;
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
  try {
    await fs.access(file);
  } catch {
    throw new RefusedError(`Không tìm thấy tệp ${file}.`, `File not found: ${file}.`);
  }
  try {
    return await loadWorkbook(file);
  } catch {
    throw new RefusedError(
      `Không mở được ${file}: tệp không phải là sổ tính .xlsx hoặc đã hỏng.`,
      `Cannot open ${file}: it is not an .xlsx workbook, or it is damaged.`,
    );
  }
}

const exists = (file: string): Promise<boolean> => fs.access(file).then(() => true, () => false);

/**
 * The sheet asked for, or the first visible sheet that holds a units table (`pickTable`'s rule). A stages
 * sheet (`Giai đoạn`, `Stages`) is never the units table unless asked for by name.
 */
function pickSheet(workbook: ExcelJS.Workbook, wanted: string | undefined): { table: UnitsTable; sheet: string } {
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
      throw new RefusedError('Sổ tính chỉ có trang giai đoạn, không có bảng đơn vị.', 'The workbook holds only the stages sheet, no units table.');
    }
    throw new RefusedError('Sổ tính không có trang nào.', 'The workbook has no sheet.');
  }
  return { table: pick.table, sheet: pick.source.label };
}

/** Lists the problems that stop a command (`what`: what was not done) and returns exit code 1. */
export function refuse(io: CommandIO, problems: readonly Problem[], where: string, what = { vi: 'Không lập kế hoạch', en: 'Not planned' }): number {
  io.progress.done();
  const errors = problems.filter((p) => p.severity === 'error');
  io.err(`${what.vi}: ${errors.length} lỗi trong ${where}; không ghi tệp nào.`);
  io.err(`${what.en}: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${where}; nothing was written.`);
  for (const p of problems) io.err(`${p.severity === 'error' ? 'LỖI/ERROR' : 'Cảnh báo/Warning'} ${describeProblem(p)}`);
  return 1;
}

