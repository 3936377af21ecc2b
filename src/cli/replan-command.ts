import { DayNumber, formatISO, formatVN, todayInVietnam } from '../planning/days';
import { planJson } from '../planning/plan-json';
import { planTotals } from '../planning/plan-totals';
import { describeProblem } from '../planning/problems';
import { METHODS, Method, parseWholeNumber } from '../planning/settings';
import { formatCount } from '../planning/text';
import { stageLabel } from '../planning/stages';
import { Unit } from '../planning/units';
import { resplitJob } from '../jobs/resplit';
import { isRefused } from '../jobs/target';
import { PendingFile, workbookFile } from '../hosts/files/write-file';
import { progressCells, reportDateCell } from '../sheets/forms/progress-layout';
import { LANGS, Lang } from '../sheets/forms/text';
import { DocumentSettings } from '../sheets/document-settings';
import { Revision } from '../sheets/revise';
import { ParsedArgs } from './args';
import { OutputGuard, checkOutputs, fileTarget, holdingOutputs, jsonFile, openPlanBook, workbookRef, writeOutputs } from './files';
import { CommandIO, refuseJob } from './io';
import { DOCUMENT_OPTIONS, date, documentOptions, oneOf, stagesOption } from './plan-options';
import { UsageError } from './usage-error';

const NOT_RESPLIT = { vi: 'Không chia lại', en: 'Not re-split' };

export const REPLAN_OPTIONS = ['as-of', 'end', 'method', 'rate', 'machines', 'stages', 'note', 'out', 'json', 'lang', 'release-held', ...DOCUMENT_OPTIONS] as const;

/**
 * `--machines "Phường Minh Hưng=2,Xã Minh Thắng=3"`: machines from now on, by unit name (or "name (mã 16387)"
 * where two units share a name). Every name must match exactly one unit.
 */
export function machinesByUnit(text: string, units: readonly Unit[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const name = eq < 0 ? '' : part.slice(0, eq).trim();
    const n = eq < 0 ? null : parseWholeNumber(part.slice(eq + 1).trim(), 0);
    if (!name || n === null) {
      throw new UsageError(`--machines: «${part}» phải có dạng TÊN ĐƠN VỊ=SỐ MÁY.`, `--machines: "${part}" must read UNIT NAME=MACHINES.`);
    }
    const code = /^(.*?)\s*\((?:mã|code)\s+([^)]+)\)$/.exec(name);
    const matches = units.flatMap((u, i) =>
      (code ? u.name === code[1] && u.code === code[2].trim() : u.name === name || u.code === name) ? [i] : []);
    if (matches.length !== 1) {
      throw new UsageError(
        matches.length === 0 ? `--machines: không có đơn vị «${name}» trong kế hoạch.` : `--machines: có ${matches.length} đơn vị tên «${name}»; hãy viết «${name} (mã …)».`,
        matches.length === 0 ? `--machines: the plan has no unit "${name}".` : `--machines: ${matches.length} units are named "${name}"; write "${name} (code …)".`,
      );
    }
    out.set(matches[0], n);
  }
  return out;
}

/** `quota-plan replan`: read a plan workbook and its actuals, re-split what is left, write the new revision. */
export async function replanCommand(args: ParsedArgs, io: CommandIO): Promise<number> {
  const input = args.positional[0];
  if (!input || args.positional.length > 1) {
    throw new UsageError('Cần đúng một sổ kế hoạch .xlsx.', 'Exactly one plan workbook (.xlsx) is needed.');
  }
  const opt = (name: (typeof REPLAN_OPTIONS)[number]): string | undefined => args.options.get(name);
  if (!opt('end')) throw new UsageError('Cần --end (hạn mới).', '--end (the new end date) is required.');
  const end = date('end', opt('end')!);
  const asOf = opt('as-of') ? date('as-of', opt('as-of')!) : todayInVietnam();
  const method = opt('method') ? oneOf<Method>('method', opt('method')!, METHODS) : undefined;
  const rateText = opt('rate');
  const rate = rateText === undefined ? undefined : parseWholeNumber(rateText, 1);
  if (rate === null) throw new UsageError(`--rate phải là số nguyên ≥ 1, không phải «${rateText}».`, `--rate must be a whole number ≥ 1, not "${rateText}".`);
  const release = opt('release-held');
  if (release !== undefined && release !== 'yes') throw new UsageError('--release-held chỉ nhận giá trị yes.', '--release-held takes only the value yes.');
  const document = documentOptions(args.options);
  const outPath = opt('out');
  const jsonPath = opt('json');
  await checkOutputs(input, outPath, jsonPath);
  return holdingOutputs([outPath, jsonPath], 'replan', io, (guard) => resplitInto(args, io, { input, end, asOf, method, rate, release, document }, guard));
}

interface ReplanOptions {
  input: string;
  end: DayNumber;
  asOf: DayNumber;
  method: Method | undefined;
  rate: number | undefined;
  release: string | undefined;
  /** The document settings given (only those: the others are kept from the book). */
  document: Partial<DocumentSettings>;
}

/** The run itself, once its outputs are held: read the book, re-split, write the next revision. */
async function resplitInto(args: ParsedArgs, io: CommandIO, { input, end, asOf, method, rate, release, document }: ReplanOptions, guard: OutputGuard): Promise<number> {
  const opt = (name: (typeof REPLAN_OPTIONS)[number]): string | undefined => args.options.get(name);
  const outPath = opt('out');
  const jsonPath = opt('json');
  const opened = await openPlanBook(input, io, NOT_RESPLIT);
  if (typeof opened === 'number') return opened;
  const { book, others } = opened;
  const lang = opt('lang') ? oneOf<Lang>('lang', opt('lang')!, LANGS) : book.lang;

  io.progress.step('Đang chia lại', 'Re-splitting');
  const machines = opt('machines') ? machinesByUnit(opt('machines')!, book.plan.units) : undefined;
  // A stage given without a start starts with the plan.
  const stages = opt('stages') !== undefined ? stagesOption(opt('stages')!, book.plan.settings.start) : undefined;
  const target = await fileTarget(outPath);
  const made = resplitJob({
    book, asOf, changes: { end, method, rate, machines, stages }, note: opt('note') ?? '', made: todayInVietnam(), releaseHeld: release === 'yes',
    lang, document, target,
  });
  if (isRefused(made)) return refuseJob(io, made, input, outPath, NOT_RESPLIT);
  const result = made.revision;

  // The workbook first: the JSON names it by its hash.
  const written = outPath ? workbookFile(outPath, made.forms.sheets) : undefined;
  const outputs: PendingFile[] = written ? [written] : [];
  if (jsonPath) {
    // The revision's problems hold the book's, its own (held cells, stages ahead) and the plan's, in that order.
    const json = planJson({ ...result.replan.plan, problems: [] }, result.problems, (i) => progressCells(made.forms.progress, i), result.replan.done, reportDateCell(made.forms.progress));
    outputs.push(jsonFile(jsonPath, () => (written ? { ...json, workbook: workbookRef(written, result.planId, result.revision) } : json)));
  }
  await writeOutputs(outputs, io, guard);
  io.progress.done();
  io.out(replanSummary(result, input));
  if (outPath && others.length > 0) {
    io.out(`\nLưu ý: ${outPath} chỉ có các biểu mẫu; các trang khác của ${input} (${others.join(', ')}) không được chép sang.`);
    io.out(`Note: ${outPath} holds the forms only; the other sheets of ${input} (${others.join(', ')}) are not copied.`);
  }
  const files = [outPath, jsonPath].filter(Boolean);
  if (files.length > 0) io.out(`\nĐã ghi / Written: ${files.join(', ')}`);
  return 0;
}

/** What the re-split did, for the terminal: the revision, what was done and is left, the new targets. */
function replanSummary(r: Revision, source: string): string {
  const e = r.history[r.history.length - 1];
  const { plan, firstOpen } = r.replan;
  const P = plan.periods.length;
  const { perPeriod, byStage } = planTotals(plan);
  const lines = [
    `${source}: lần lập ${e.revision}, số liệu đến ${formatVN(e.asOf!)}, hạn ${formatVN(e.oldEnd!)} → ${formatVN(e.end)}.`,
    `  (Revision ${e.revision}, actuals as of ${formatISO(e.asOf!)}, end ${formatISO(e.oldEnd!)} → ${formatISO(e.end)}.)`,
    `Cần số hóa / To digitize ${formatCount(e.need, 'vi')}; đã làm / done ${formatCount(e.done, 'vi')}; còn lại / left ${formatCount(e.left, 'vi')}` +
      (e.unscheduled > 0 ? `; chưa xếp lịch / unscheduled ${formatCount(e.unscheduled, 'vi')}` : '') + '.',
  ];
  if (byStage.length > 0) {
    lines.push('', `${byStage.length} giai đoạn / stages:`);
    for (const { stage, remaining, unscheduled } of byStage) {
      const what = stage.unit === 'books' ? 'quyển / books' : 'trường hợp / records';
      lines.push(`- ${stageLabel(stage, 'vi')} / ${stageLabel(stage, 'en')} ${formatVN(stage.start)}–${formatVN(stage.end)}${stage.lag > 0 ? ` +${stage.lag}` : ''}: ` +
        `còn lại / left ${formatCount(remaining, 'vi')} ${what}` + (unscheduled > 0 ? `, chưa xếp lịch / unscheduled ${formatCount(unscheduled, 'vi')}` : '') + '.');
    }
    const last = byStage[byStage.length - 1].stage;
    lines.push(`Chỉ tiêu mới là số trường hợp xong giai đoạn cuối «${stageLabel(last, 'vi')}». / The new targets are the records through the final stage "${stageLabel(last, 'en')}".`);
  }
  lines.push('', 'Chỉ tiêu mới / New targets:');
  for (let k = firstOpen; k < P; k++) lines.push(`  ${formatVN(plan.periods[k].start)}–${formatVN(plan.periods[k].end)}  ${formatCount(perPeriod[k], 'vi').padStart(12)}`);
  const warnings = r.problems.filter((p) => p.severity === 'warning');
  if (warnings.length > 0) {
    lines.push('', `Cảnh báo / Warnings (${warnings.length}):`);
    for (const w of warnings) lines.push(`- ${describeProblem(w)}`);
  }
  return lines.join('\n');
}
