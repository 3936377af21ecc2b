import * as path from 'path';
import { formatCount } from '../planning/text';
import { figuresLost, partReplacement, splitJob } from '../jobs/split';
import { isRefused } from '../jobs/target';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { SPLIT_BY, SplitBy, SplitPart } from '../sheets/split';
import { PlanWorkbook } from '../sheets/read-plan-workbook';
import { ParsedArgs } from './args';
import { OutputGuard, checkOutputs, fileTarget, holdingOutputs, openPlanBook, planBookOf, writeOutputs } from './files';
import { refuse, refuseJob } from './io';
import type { CommandIO } from './io';
import { oneOf } from './plan-options';
import { UsageError } from './usage-error';

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

  const opened = await openPlanBook(input, io, NOT_SPLIT);
  if (typeof opened === 'number') return opened;
  const { book } = opened;

  io.progress.step('Đang tách', 'Splitting');
  const split = splitJob(book, by, input);
  if (isRefused(split)) return refuseJob(io, split, input, undefined, NOT_SPLIT);
  const { parts } = split;
  const targets = parts.map((part) => path.join(outDir, `${part.name}.xlsx`));
  for (const target of targets) await checkOutputs(input, target, undefined);
  return holdingOutputs(targets, 'split', io, (guard) => splitInto(input, opened, parts, by, targets, io, guard));
}

/** The run itself, once the parts' files are held: check what each would replace, write them all. */
async function splitInto(input: string, { book, others }: { book: PlanWorkbook; others: string[] }, parts: readonly SplitPart[], by: SplitBy,
  targets: readonly string[], io: CommandIO, guard: OutputGuard): Promise<number> {
  const outputs: PendingFile[] = [];
  for (const [i, part] of parts.entries()) {
    const target = targets[i];
    // A file already there is replaced only when it holds nothing but forms, and either no typed actual or
    // none the plan workbook lacks (a part of this plan split before: its figures are the master's).
    const replacing = partReplacement(book, await fileTarget(target));
    if (isRefused(replacing)) return refuseJob(io, replacing, input, target, NOT_SPLIT);
    if ('typed' in replacing) {
      const lost = figuresLost(target, book, replacing.typed, await partSheets(target));
      if (lost.length > 0) return refuse(io, lost, target, NOT_SPLIT);
    }
    outputs.push(workbookFile(target, part.forms.sheets));
  }
  await writeOutputs(outputs, io, guard);
  io.progress.done();

  const what = by === 'parent' ? { vi: 'đơn vị cấp trên', en: 'parent' } : { vi: 'đơn vị', en: 'unit' };
  io.out(`${input}: lần lập ${book.revision}, tách theo ${what.vi} thành ${formatCount(parts.length, 'vi')} tệp.`);
  io.out(`  (Revision ${book.revision}, split by ${what.en} into ${formatCount(parts.length, 'en')} file${parts.length === 1 ? '' : 's'}.)`);
  if (others.length > 0) {
    io.out(`Lưu ý: các trang khác của ${input} (${others.join(', ')}) không được chép sang.`);
    io.out(`Note: the other sheets of ${input} (${others.join(', ')}) are not copied.`);
  }
  io.out('\nĐã ghi / Written:');
  parts.forEach((part, i) => {
    const units = new Set(part.rows.map((r) => book.plan.rows[r].unitIndex)).size;
    io.out(`  ${outputs[i].target}  (${units} đơn vị / unit${units === 1 ? '' : 's'}, ${part.rows.length} dòng / row${part.rows.length === 1 ? '' : 's'})`);
  });
  return 0;
}

/** A part file already there read as a plan workbook's forms, or null when it holds none or cannot be read (kept, then). */
async function partSheets(file: string) {
  try {
    return (await planBookOf(file)).sheets;
  } catch {
    return null;
  }
}
