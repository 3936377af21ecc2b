import * as path from 'path';
import { hasErrors } from '../planning/problems';
import { formatCount } from '../planning/text';
import { readPlanBook } from '../hosts/xlsx/plan-book';
import { PendingFile, workbookFile } from '../hosts/xlsx/write-file';
import { keptNames } from '../sheets/book-forms';
import { readPlanWorkbook } from '../sheets/read-plan-workbook';
import { SPLIT_BY, SplitBy, splitBook } from '../sheets/split';
import { ParsedArgs } from './args';
import { CommandIO, checkOutputs, openWorkbook, placeInExisting, refuse, writeOutputs } from './plan-command';
import { oneOf } from './plan-options';
import { RefusedError, UsageError } from './usage-error';

const NOT_SPLIT = { vi: 'Không tách', en: 'Not split' };

export const SPLIT_OPTIONS = ['by', 'out-dir'] as const;

/** `quota-plan split`: one workbook per district (or unit) holding its rows of the plan's forms, to send out. */
export async function splitCommand(args: ParsedArgs, io: CommandIO): Promise<number> {
  const input = args.positional[0];
  if (!input || args.positional.length > 1) {
    throw new UsageError('Cần đúng một sổ kế hoạch .xlsx.', 'Exactly one plan workbook (.xlsx) is needed.');
  }
  const byText = args.options.get('by');
  if (!byText) throw new UsageError('Cần --by parent hoặc --by unit.', '--by parent or --by unit is required.');
  const by = oneOf<SplitBy>('by', byText, SPLIT_BY);
  const outDir = args.options.get('out-dir');
  if (!outDir) throw new UsageError('Cần --out-dir (thư mục ghi các tệp).', '--out-dir (the folder to write the files to) is required.');

  io.progress.step(`Đang đọc ${input}`, `Reading ${input}`);
  const workbook = await openWorkbook(input);
  const found = await readPlanBook(input, workbook);
  if (found.sheets === null) return refuse(io, found.problems, input, NOT_SPLIT);
  const book = readPlanWorkbook(found.sheets);
  if (book.plan === null) return refuse(io, book.problems, input, NOT_SPLIT);

  io.progress.step('Đang tách', 'Splitting');
  const parts = splitBook(book, by);
  if (parts.length === 0) {
    throw new RefusedError(`${input}: kế hoạch không có dòng nào để tách; không ghi tệp nào.`, `${input}: the plan has no rows to split; nothing was written.`);
  }
  const names = keptNames(book, book.lang);
  const outputs: PendingFile[] = [];
  for (const part of parts) {
    const target = path.join(outDir, `${part.name}.xlsx`);
    await checkOutputs(input, target, undefined);
    // A file already there is replaced only when it holds nothing but forms without typed actuals.
    const placement = await placeInExisting(target, names);
    if (hasErrors(placement.problems)) return refuse(io, placement.problems, target, NOT_SPLIT);
    outputs.push(workbookFile(target, part.forms.sheets));
  }
  await writeOutputs(outputs, io);
  io.progress.done();

  const what = by === 'parent' ? { vi: 'đơn vị cấp trên', en: 'parent' } : { vi: 'đơn vị', en: 'unit' };
  io.out(`${input}: lần lập ${book.revision}, tách theo ${what.vi} thành ${formatCount(parts.length, 'vi')} tệp.`);
  io.out(`  (Revision ${book.revision}, split by ${what.en} into ${formatCount(parts.length, 'en')} file${parts.length === 1 ? '' : 's'}.)`);
  if (found.others.length > 0) {
    io.out(`Lưu ý: các trang khác của ${input} (${found.others.join(', ')}) không được chép sang.`);
    io.out(`Note: the other sheets of ${input} (${found.others.join(', ')}) are not copied.`);
  }
  io.out('\nĐã ghi / Written:');
  parts.forEach((part, i) => {
    const units = new Set(part.rows.map((r) => book.plan.rows[r].unitIndex)).size;
    io.out(`  ${outputs[i].target}  (${units} đơn vị / unit${units === 1 ? '' : 's'}, ${part.rows.length} dòng / row${part.rows.length === 1 ? '' : 's'})`);
  });
  return 0;
}
