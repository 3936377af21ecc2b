import { formatVN } from '../planning/days';
import { Problem, hasErrors, problem } from '../planning/problems';
import { unitLabel } from '../planning/row-labels';
import { registerLabel } from '../planning/registers';
import { formatCount } from '../planning/text';
import { keptNames } from '../sheets/book-forms';
import { consolidate } from '../sheets/consolidate';
import { PlanWorkbook, PlanWorkbookSheets } from '../sheets/read-plan-workbook';
import { SplitBy, SplitPart, splitBook } from '../sheets/split';
import { Refused, Target, isRefused, placementIn, refused } from './target';

/**
 * The use case "split": a plan workbook read back in; one workbook of forms per district (or commune) out,
 * each with its rows and the figures reported so far, to send out and consolidate when it comes back.
 */

export function splitJob(book: PlanWorkbook, by: SplitBy, file: string): { parts: SplitPart[] } | Refused {
  const parts = splitBook(book, by);
  if (parts.length === 0) {
    return refused([problem('error', 'nothing-to-split', file, null,
      "Kế hoạch không có dòng nào để tách.", "The plan has no rows to split.")]);
  }
  return { parts };
}

/**
 * Replacing a file already where a part goes: allowed when it holds nothing but forms and no typed actual.
 * `typed`: it holds typed actuals, its first named by the first problem (`figuresLost` says whether they
 * would be lost); refused: it holds sheets of someone's own.
 */
export function partReplacement(book: PlanWorkbook, target: Target): { ok: true } | { typed: Problem[] } | Refused {
  const placed = placementIn(target, keptNames(book, book.lang));
  if (!isRefused(placed)) return { ok: true };
  return placed.problems.some((p) => p.code === 'sheets-lost') ? placed : { typed: placed.problems };
}

/**
 * Why replacing `file`, which holds typed actuals (`typed`: the placement's refusals), would lose figures
 * a unit typed; empty when it would not: the file is a part of this same plan (its markers carry the
 * master's plan id) and every figure typed in it is the master's already (consolidating it would copy
 * nothing). Fails closed: a file of another plan, or one that cannot be read as one (`found` null), is kept.
 */
export function figuresLost(file: string, master: PlanWorkbook, typed: readonly Problem[], found: PlanWorkbookSheets | null): Problem[] {
  const first = typed.find((p) => p.severity === 'error')?.cell ?? file;
  if (found === null || found.planId !== master.planId) {
    const id = found ? { vi: ` (kế hoạch mã ${found.planId})`, en: ` (plan ${found.planId})` } : { vi: '', en: '' };
    return [problem('error', 'part-other-plan', first, null,
      `${file} đã có và có số thực hiện được nhập (ô ${first}), nhưng không phải là tệp tách từ kế hoạch mã ${master.planId} (lần lập ${master.revision})${id.vi}: ` +
        'có thể đó là số do đơn vị nhập, tách lại sẽ làm mất chúng. Hãy tách vào một thư mục mới (--out-dir).',
      `${file} already exists and holds typed actuals (cell ${first}), but it is not a file split from plan ${master.planId} (revision ${master.revision})${id.en}: ` +
        'they may be figures a unit typed, and splitting again would lose them. Split into a new folder (--out-dir).')];
  }
  const check = consolidate(master, [{ file, sheets: found }]);
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
