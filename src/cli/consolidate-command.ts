import { planJson } from '../planning/plan-json';
import { Problem, describeProblem } from '../planning/problems';
import { formatCount } from '../planning/text';
import { ReturnedFile, consolidateJob } from '../jobs/consolidate';
import { isRefused } from '../jobs/target';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { progressCells, reportDateCell } from '../sheets/forms/progress-layout';
import { ParsedArgs } from './args';
import { OutputGuard, checkOutputs, fileTarget, holdingOutputs, jsonFile, openPlanBook, planBookOf, workbookRef, writeOutputs } from './files';
import { CommandIO, refuse } from './io';
import { UsageError } from './usage-error';

const NOT_CONSOLIDATED = { vi: 'Không tổng hợp', en: 'Not consolidated' };

export const CONSOLIDATE_OPTIONS = ['out', 'json'] as const;

/**
 * `quota-plan consolidate`: copy the actuals typed in workbooks sent back (split parts or whole copies) into
 * a new copy of the plan workbook. Every file is read and checked before anything is written.
 */
export async function consolidateCommand(args: ParsedArgs, io: CommandIO): Promise<number> {
  const [input, ...returnedFiles] = args.positional;
  if (!input || returnedFiles.length === 0) {
    throw new UsageError('Cần sổ kế hoạch .xlsx và ít nhất một tệp báo cáo gửi về.', 'The plan workbook (.xlsx) and at least one returned workbook are needed.');
  }
  const outPath = args.options.get('out');
  if (!outPath) throw new UsageError('Cần --out (tệp sổ kế hoạch đã tổng hợp).', '--out (the consolidated plan workbook) is required.');
  const jsonPath = args.options.get('json');
  // Neither the plan workbook nor any returned file is ever written.
  for (const file of [input, ...returnedFiles]) await checkOutputs(file, outPath, jsonPath);
  return holdingOutputs([outPath, jsonPath], 'consolidate', io, (guard) => consolidateInto(input, returnedFiles, outPath, jsonPath, io, guard));
}

/** The run itself, once its outputs are held: read every file, copy the actuals, write the copy. */
async function consolidateInto(input: string, returnedFiles: readonly string[], outPath: string, jsonPath: string | undefined, io: CommandIO, guard: OutputGuard): Promise<number> {
  const opened = await openPlanBook(input, io, NOT_CONSOLIDATED);
  if (typeof opened === 'number') return opened;
  const { book, others } = opened;

  const files: ReturnedFile[] = [];
  for (const file of returnedFiles) {
    io.progress.step(`Đang đọc ${file}`, `Reading ${file}`);
    const back = await planBookOf(file);
    files.push(back.sheets === null ? { name: file, status: 'refused', problems: back.problems } : { name: file, status: 'read', book: { file, sheets: back.sheets } });
  }
  io.progress.step('Đang tổng hợp', 'Consolidating');
  const made = consolidateJob({ book, files, target: await fileTarget(outPath) });
  if (isRefused(made)) return refuse(io, made.problems, made.about === 'target' ? outPath : returnedFiles.join(', '), NOT_CONSOLIDATED);

  // The workbook first: the JSON names it by its hash.
  const written = workbookFile(outPath, made.forms.sheets);
  const outputs: PendingFile[] = [written];
  if (jsonPath) {
    const json = planJson(book.plan, [...book.problems, ...made.warnings], (i) => progressCells(made.forms.progress, i), undefined, reportDateCell(made.forms.progress));
    outputs.push(jsonFile(jsonPath, () => ({ ...json, workbook: workbookRef(written, book.planId, book.revision) })));
  }
  await writeOutputs(outputs, io, guard);
  io.progress.done();

  const n = returnedFiles.length;
  io.out(`${input}: lần lập ${book.revision}; đã chép ${formatCount(made.copied, 'vi')} ô số thực hiện từ ${formatCount(n, 'vi')} tệp gửi về.`);
  io.out(`  (Revision ${book.revision}; ${formatCount(made.copied, 'en')} actual cell${made.copied === 1 ? '' : 's'} copied from ${formatCount(n, 'en')} returned file${n === 1 ? '' : 's'}.)`);
  printWarnings(io, made.warnings);
  if (others.length > 0) {
    io.out(`\nLưu ý: ${outPath} chỉ có các biểu mẫu; các trang khác của ${input} (${others.join(', ')}) không được chép sang.`);
    io.out(`Note: ${outPath} holds the forms only; the other sheets of ${input} (${others.join(', ')}) are not copied.`);
  }
  io.out(`\nĐã ghi / Written: ${[outPath, jsonPath].filter(Boolean).join(', ')}`);
  return 0;
}

function printWarnings(io: CommandIO, warnings: readonly Problem[]): void {
  if (warnings.length === 0) return;
  io.out(`\nCảnh báo / Warnings (${warnings.length}):`);
  for (const w of warnings) io.out(`- ${describeProblem(w)}`);
}
