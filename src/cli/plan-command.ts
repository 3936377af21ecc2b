import { todayInVietnam } from '../planning/days';
import { PlanSettings } from '../planning/settings';
import { planJson } from '../planning/plan-json';
import { Problem, hasErrors, problem } from '../planning/problems';
import { planJob } from '../jobs/plan';
import { isRefused } from '../jobs/target';
import { progressCells, reportDateCell } from '../sheets/forms/progress-layout';
import { LANGS, Lang } from '../sheets/forms/text';
import { UnitsTable } from '../sheets/read-units';
import { isStageSheetName, readStageSheet } from '../sheets/read-stage-sheet';
import { gridOf } from '../xlsx/read-grid';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { planId } from '../sheets/forms/marker';
import { DocumentSettings } from '../sheets/document-settings';
import { ParsedArgs } from './args';
import { OutputGuard, checkOutputs, exists, fileTarget, holdingOutputs, jsonFile, openWorkbook, pickSheet, workbookRef, writeOutputs } from './files';
import { CommandIO, refuse, refuseJob } from './io';
import { checkPlanOptions, documentOptions, oneOf, planSettingsFrom, startOption } from './plan-options';
import { planSummary } from './summary';
import { UsageError } from './usage-error';

/** `quota-plan plan`: read the units sheet, plan, write the workbook and the JSON. Returns the exit code. */
export async function planCommand(args: ParsedArgs, io: CommandIO): Promise<number> {
  const input = args.positional[0];
  if (!input || args.positional.length > 1) {
    throw new UsageError('Cần đúng một tệp đầu vào .xlsx.', 'Exactly one input .xlsx file is needed.');
  }
  // The window comes from the options, or else from the input's stage sheet: then it is known once it is read.
  const windowGiven = args.options.has('stages') || (!!args.options.get('start') && !!args.options.get('end'));
  const settings: PlanSettings | null = windowGiven ? planSettingsFrom(args.options) : null;
  if (!settings) {
    checkPlanOptions(args.options);
    if (!(await exists(input))) planSettingsFrom(args.options); // no file to hold stages: the missing window is the error
  }
  const lang = oneOf<Lang>('lang', args.options.get('lang') ?? 'vi', LANGS);
  const document = documentOptions(args.options);
  const outPath = args.options.get('out');
  const jsonPath = args.options.get('json');
  await checkOutputs(input, outPath, jsonPath);
  return holdingOutputs([outPath, jsonPath], 'plan', io, (guard) => planInto(args, io, input, settings, lang, document, guard));
}

/** The run itself, once its outputs are held: read, plan, write. */
async function planInto(args: ParsedArgs, io: CommandIO, input: string, given: PlanSettings | null, lang: Lang, document: Partial<DocumentSettings>,
  guard: OutputGuard): Promise<number> {
  let settings = given;
  const outPath = args.options.get('out');
  const jsonPath = args.options.get('json');
  io.progress.step(`Đang đọc ${input}`, `Reading ${input}`);
  const { workbook } = await openWorkbook(input, 'units');
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
  const { table: read, sheet } = pickSheet(input, workbook, args.options.get('sheet'));
  const table: UnitsTable = { ...read, problems: [...sheetProblems, ...read.problems] };
  if (hasErrors(table.problems)) return refuse(io, table.problems, input);

  io.progress.step('Đang lập kế hoạch và biểu mẫu', 'Planning and building the forms');
  const target = await fileTarget(outPath);
  const made = planJob({ table, settings, document: { lang, made: todayInVietnam(), ...document }, target });
  if (isRefused(made)) return refuseJob(io, made, input, outPath);

  // The workbook first: the JSON names it by its hash.
  const book = outPath ? workbookFile(outPath, made.forms.sheets) : undefined;
  const outputs: PendingFile[] = book ? [book] : [];
  if (jsonPath) {
    const json = planJson(made.plan, table.problems, (i) => progressCells(made.forms.progress, i), undefined, reportDateCell(made.forms.progress));
    outputs.push(jsonFile(jsonPath, () => (book ? { ...json, workbook: workbookRef(book, planId(made.plan), 1) } : json)));
  }
  await writeOutputs(outputs, io, guard);
  io.progress.done();
  io.out(planSummary(made.plan, `${input} (${sheet})`, table.problems));
  if (settings.stages && stageSheet) io.out(`Các giai đoạn lấy từ trang «${stageSheet.name}» / Stages read from sheet "${stageSheet.name}".`);
  const written = [outPath, jsonPath].filter(Boolean);
  if (written.length > 0) io.out(`\nĐã ghi / Written: ${written.join(', ')}`);
  return 0;
}
