import { promises as fs } from 'fs';
import { planJson } from '../planning/plan-json';
import { Problem, describeProblem, hasErrors } from '../planning/problems';
import { stageAheadProblems } from '../planning/stage-check';
import { formatCount } from '../planning/text';
import { readPlanBook } from '../hosts/files/plan-book';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { keptNames, sameRevisionForms } from '../sheets/book-forms';
import { ReturnedBook, consolidate } from '../sheets/consolidate';
import { progressCells } from '../sheets/forms/progress-report';
import { sizeProblems } from '../sheets/forms/workbook';
import { readPlanWorkbook } from '../sheets/read-plan-workbook';
import { ParsedArgs } from './args';
import { CommandIO, checkOutputs, openWorkbook, placeInExisting, refuse, writeOutputs } from './plan-command';
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

  io.progress.step(`Đang đọc ${input}`, `Reading ${input}`);
  const found = await readPlanBook(input, await openWorkbook(input));
  if (found.sheets === null) return refuse(io, found.problems, input, NOT_CONSOLIDATED);
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) return refuse(io, book.problems, input, NOT_CONSOLIDATED);

  const returned: ReturnedBook[] = [];
  const unreadable: Problem[] = [];
  for (const file of returnedFiles) {
    io.progress.step(`Đang đọc ${file}`, `Reading ${file}`);
    const back = await readPlanBook(file, await openWorkbook(file));
    if (back.sheets === null) unreadable.push(...back.problems);
    else returned.push({ file, sheets: back.sheets });
  }
  const result = consolidate(book, returned);
  const problems = [...unreadable, ...result.problems];
  if (hasErrors(problems)) return refuse(io, problems, returnedFiles.join(', '), NOT_CONSOLIDATED);

  const names = keptNames(book, book.lang);
  const placement = await placeInExisting(outPath, names);
  if (hasErrors(placement.problems)) return refuse(io, placement.problems, outPath, NOT_CONSOLIDATED);
  io.progress.step('Đang lập biểu mẫu', 'Building the forms');
  const forms = sameRevisionForms(book, result.actuals, names);
  const tooLarge = sizeProblems(forms.sheets);
  if (tooLarge.length > 0) return refuse(io, tooLarge, input, NOT_CONSOLIDATED);

  // Actuals of a stage that pass the stage before them: the forms flag them, and so does the terminal.
  const warnings = [...result.problems, ...stageAheadProblems(book.plan, result.actuals, book.actualCell)];
  const outputs: PendingFile[] = [workbookFile(outPath, forms.sheets)];
  if (jsonPath) {
    const json = planJson(book.plan, [...book.problems, ...warnings], (i) => progressCells(forms.progress, i));
    outputs.push({ target: jsonPath, write: (tmp) => fs.writeFile(tmp, JSON.stringify(json, null, 1) + '\n', 'utf8') });
  }
  await writeOutputs(outputs, io);
  io.progress.done();

  const files = returnedFiles.length;
  io.out(`${input}: lần lập ${book.revision}; đã chép ${formatCount(result.copied, 'vi')} ô số thực hiện từ ${formatCount(files, 'vi')} tệp gửi về.`);
  io.out(`  (Revision ${book.revision}; ${formatCount(result.copied, 'en')} actual cell${result.copied === 1 ? '' : 's'} copied from ${formatCount(files, 'en')} returned file${files === 1 ? '' : 's'}.)`);
  if (warnings.length > 0) {
    io.out(`\nCảnh báo / Warnings (${warnings.length}):`);
    for (const w of warnings) io.out(`- ${describeProblem(w)}`);
  }
  if (found.others.length > 0) {
    io.out(`\nLưu ý: ${outPath} chỉ có các biểu mẫu; các trang khác của ${input} (${found.others.join(', ')}) không được chép sang.`);
    io.out(`Note: ${outPath} holds the forms only; the other sheets of ${input} (${found.others.join(', ')}) are not copied.`);
  }
  io.out(`\nĐã ghi / Written: ${[outPath, jsonPath].filter(Boolean).join(', ')}`);
  return 0;
}
