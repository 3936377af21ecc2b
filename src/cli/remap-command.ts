import * as path from 'path';
import { describeProblem, hasErrors } from '../planning/problems';
import { formatCount } from '../planning/text';
import { IntoOption, remapJob } from '../jobs/remap';
import { isRefused } from '../jobs/target';
import { loadReform } from '../hosts/files/places';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { ParsedArgs } from './args';
import { OutputGuard, checkOutputs, exists, holdingOutputs, jsonFile, openWorkbook, pickSheet, writeOutputs } from './files';
import { CommandIO, NotDone, refuse, refuseJob } from './io';
import { oneOf } from './plan-options';
import { RefusedError, UsageError } from './usage-error';

export const REMAP_OPTIONS = ['sheet', 'out', 'json', 'into', 'lang'] as const;

const NOT_REMAPPED: NotDone = { vi: 'Không chuyển', en: 'Not remapped' };

/** `--into "Xã Đông Khê (mã 16387)=Phường Đông Sơn,…"`: where a former commune's books went, by the planner. */
export function intoOption(text: string | undefined): IntoOption[] {
  if (text === undefined) return [];
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((part) => {
    const eq = part.lastIndexOf('=');
    const unit = eq < 0 ? '' : part.slice(0, eq).trim();
    const to = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!unit || !to) throw new UsageError(`--into: «${part}» phải có dạng XÃ CŨ=XÃ MỚI.`, `--into: "${part}" must read FORMER COMMUNE=NEW COMMUNE.`);
    return { unit, to };
  });
}

/**
 * `quota-plan remap`: a units sheet of communes before 1/7/2025 in, a units sheet of the communes since then
 * out (and the JSON). The output is a new file: an existing one is never replaced.
 */
export async function remapCommand(args: ParsedArgs, io: CommandIO): Promise<number> {
  const input = args.positional[0];
  if (!input || args.positional.length > 1) throw new UsageError('Cần đúng một tệp đầu vào .xlsx.', 'Exactly one input .xlsx file is needed.');
  const outPath = args.options.get('out');
  if (!outPath) throw new UsageError('Cần --out (tệp bảng đơn vị mới).', '--out (the new units workbook) is required.');
  const jsonPath = args.options.get('json');
  const lang = oneOf<'vi' | 'en'>('lang', args.options.get('lang') ?? 'vi', ['vi', 'en']);
  const into = intoOption(args.options.get('into'));
  await checkOutputs(input, outPath, jsonPath);
  for (const target of [outPath, jsonPath]) {
    // The new units sheet is the planner's to edit (machines, books): a second run never writes over it.
    if (target && (await exists(target))) {
      throw new RefusedError(`${target} đã có; không ghi đè. Hãy chọn tên tệp khác hoặc xóa tệp cũ.`, `${target} already exists; it is not overwritten. Choose another file name or delete the old file.`);
    }
  }
  return holdingOutputs([outPath, jsonPath], 'remap', io, (guard) => remapInto(args, io, { input, outPath, jsonPath, lang, into }, guard));
}

/** The run itself, once its outputs are held: read, remap, write. */
async function remapInto(
  args: ParsedArgs,
  io: CommandIO,
  { input, outPath, jsonPath, lang, into }: { input: string; outPath: string; jsonPath: string | undefined; lang: 'vi' | 'en'; into: IntoOption[] },
  guard: OutputGuard,
): Promise<number> {

  io.progress.step(`Đang đọc ${input}`, `Reading ${input}`);
  const { workbook } = await openWorkbook(input, 'units');
  const { table, sheet } = pickSheet(input, workbook, args.options.get('sheet'));
  if (hasErrors(table.problems)) return refuse(io, table.problems, input, NOT_REMAPPED);
  io.progress.step('Đang đối chiếu với danh sách xã trước và sau 1/7/2025', 'Matching the communes before and since 1/7/2025');
  const made = remapJob({ table, reform: loadReform(), into, lang, source: `${path.basename(input)}, ${sheet}` });
  if (isRefused(made)) return refuseJob(io, made, input, outPath, NOT_REMAPPED);

  const outputs: PendingFile[] = [workbookFile(outPath, [made.sheet])];
  if (jsonPath) outputs.push(jsonFile(jsonPath, () => made.json));
  await writeOutputs(outputs, io, guard);
  io.progress.done();
  const former = made.rows.reduce((n, r) => n + r.from.length, 0);
  const records = made.rows.reduce((n, r) => n + [...r.counts.values()].reduce((a, b) => a + b, 0), 0);
  io.out(`Đã chuyển ${formatCount(former, 'vi')} xã trước 1/7/2025 (${input}, trang ${sheet}) thành ${formatCount(made.rows.length, 'vi')} xã, phường, đặc khu từ 1/7/2025; ${formatCount(records, 'vi')} trường hợp, không thiếu, không trùng.`);
  io.out(`  (Remapped ${formatCount(former, 'en')} former communes into ${formatCount(made.rows.length, 'en')} communes since 1 July 2025; ${formatCount(records, 'en')} records, none lost, none counted twice.)`);
  for (const p of made.warnings) io.out(`Cảnh báo/Warning ${describeProblem(p)}`);
  io.out(`\nĐã ghi / Written: ${[outPath, jsonPath].filter(Boolean).join(', ')}`);
  io.out(`Lập kế hoạch / Plan it: quota-plan plan ${outPath} --start … --end …`);
  return 0;
}
