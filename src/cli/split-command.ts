import * as path from 'path';
import { formatVN } from '../planning/days';
import { Problem, hasErrors, problem } from '../planning/problems';
import { unitLabel } from '../planning/replan';
import { registerLabel } from '../planning/registers';
import { formatCount } from '../planning/text';
import { readPlanBook } from '../hosts/files/plan-book';
import { loadWorkbook } from '../hosts/files/load-workbook';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { keptNames } from '../sheets/book-forms';
import { consolidate } from '../sheets/consolidate';
import { PlanWorkbook, readPlanWorkbook } from '../sheets/read-plan-workbook';
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
    // A file already there is replaced only when it holds nothing but forms, and either no typed actual or
    // none the plan workbook lacks (a part of this plan split before: its figures are the master's).
    const placement = await placeInExisting(target, names);
    if (hasErrors(placement.problems)) {
      const lost = await figuresLost(target, book, placement.problems);
      if (lost.length > 0) return refuse(io, lost, target, NOT_SPLIT);
    }
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

/**
 * Why replacing `file`, which holds typed actuals (`typed`: placeInExisting's refusals), would lose figures
 * a unit typed; empty when it would not: the file is a part of this same plan (its markers carry the
 * master's plan id) and every figure typed in it is the master's already (consolidating it would copy
 * nothing). Fails closed: a file of another plan, or one that cannot be checked, is kept.
 */
async function figuresLost(file: string, master: PlanWorkbook, typed: readonly Problem[]): Promise<Problem[]> {
  const first = typed.find((p) => p.severity === 'error')?.cell ?? file;
  let found: Awaited<ReturnType<typeof readPlanBook>> | null = null;
  try {
    found = await readPlanBook(file, await loadWorkbook(file));
  } catch {
    found = null;
  }
  if (found === null || found.sheets === null || found.sheets.planId !== master.planId) {
    const id = found?.sheets ? { vi: ` (kế hoạch mã ${found.sheets.planId})`, en: ` (plan ${found.sheets.planId})` } : { vi: '', en: '' };
    return [problem('error', 'part-other-plan', first, null,
      `${file} đã có và có số thực hiện được nhập (ô ${first}), nhưng không phải là tệp tách từ kế hoạch mã ${master.planId} (lần lập ${master.revision})${id.vi}: ` +
        'có thể đó là số do đơn vị nhập, tách lại sẽ làm mất chúng. Hãy tách vào một thư mục mới (--out-dir).',
      `${file} already exists and holds typed actuals (cell ${first}), but it is not a file split from plan ${master.planId} (revision ${master.revision})${id.en}: ` +
        'they may be figures a unit typed, and splitting again would lose them. Split into a new folder (--out-dir).')];
  }
  const check = consolidate(master, [{ file, sheets: found.sheets }]);
  if (!hasErrors(check.problems) && check.copied === 0) return [];
  const P = master.plan.periods.length;
  const changed = check.actuals.findIndex((v, i) => v !== master.actuals[i]);
  let example = { vi: '', en: '' };
  if (changed >= 0) {
    const r = Math.floor(changed / P);
    const row = master.plan.rows[r];
    const period = master.plan.periods[changed % P];
    const u = master.plan.units[row.unitIndex];
    const was = master.actuals[changed];
    const span = `${formatVN(period.start)}–${formatVN(period.end)}`;
    example = {
      vi: ` (ví dụ ${unitLabel(u, 'vi')}, ${registerLabel(row.register, 'vi')}, kỳ ${span}: tệp ghi ${check.actuals[changed]}, ` +
        `sổ kế hoạch ${was === null ? 'để trống' : `ghi ${was}`} ở ô ${master.actualCell(r, changed % P)})`,
      en: ` (e.g. ${unitLabel(u, 'en')}, ${registerLabel(row.register, 'en')}, ${span}: the file says ${check.actuals[changed]}, ` +
        `the plan workbook ${was === null ? 'is blank' : `says ${was}`} at cell ${master.actualCell(r, changed % P)})`,
    };
  }
  const why = hasErrors(check.problems)
    ? { vi: 'không đối chiếu được với sổ kế hoạch (xem các lỗi dưới đây)', en: 'cannot be checked against the plan workbook (see the errors below)' }
    : { vi: `có ${formatCount(check.copied, 'vi')} số thực hiện mà sổ kế hoạch chưa có${example.vi}`, en: `holds ${formatCount(check.copied, 'en')} actual${check.copied === 1 ? '' : 's'} the plan workbook lacks${example.en}` };
  return [
    problem('error', 'part-not-consolidated', file, null,
      `${file} là một phần của kế hoạch này đã tách trước đây và ${why.vi}: tách lại sẽ thay tệp và làm mất số đơn vị đã nhập. ` +
        `Hãy tổng hợp tệp này vào sổ kế hoạch trước (quota-plan consolidate SỔ_KẾ_HOẠCH.xlsx "${file}" --out …) rồi tách từ sổ đã tổng hợp, hoặc tách vào một thư mục mới.`,
      `${file} is a part of this plan split before, and it ${why.en}: splitting again would replace it and lose what the unit typed. ` +
        `Consolidate it into the plan workbook first (quota-plan consolidate PLAN.xlsx "${file}" --out …) and split the consolidated workbook, or split into a new folder.`),
    ...check.problems.filter((p) => p.severity === 'error'),
  ];
}
