/**
 * The actuals typed in workbooks sent back (split parts, or copies of the whole plan) gathered into the
 * plan workbook's. Pure, over grids. Values are copied, never added, so a file given twice, or consolidated
 * again, counts once; a blank never erases; two files that disagree are refused, nothing guessed.
 */
import { formatVN } from '../planning/days';
import { formatCount } from '../planning/text';
import { Problem, hasErrors, problem } from '../planning/problems';
import { registerLabel } from '../planning/registers';
import { groupByParent, unitLabels } from './forms/groups';
import { ProgressLayout, colsOf, progressLayout } from './forms/progress-layout';
import { quotaLayout } from './forms/quota-assignment';
import { FORM_TEXT, LANGS } from './forms/text';
import { CellValue, Grid, shownCell } from './grid';
import { isBlank } from './parse-count';
import { readPlanSettings } from './read-plan-settings';
import { PlanWorkbook, PlanWorkbookSheets, readActual, sheetCells, textOf } from './read-plan-workbook';
import { subsetPlan } from './split';

export interface ReturnedBook {
  /** The file as the user named it: every problem about it names it. */
  file: string;
  sheets: PlanWorkbookSheets;
}

export interface Consolidation {
  /** Row-major master rows × periods: the master's actuals with the returned ones copied in (unchanged when refused). */
  actuals: (number | null)[];
  /** Master cells whose value changes. */
  copied: number;
  /** Errors refuse the whole consolidation (write nothing); warnings say which typed values were replaced. */
  problems: Problem[];
}

/** An actual found in a returned file: master cell `index` (r·P + k), where it was typed. */
interface Found {
  index: number;
  value: number;
  file: string;
  at: string;
}

/**
 * A cell of a returned workbook as Excel names a cell of another workbook (`[Huyện X.xlsx]Phụ lục 02!D10`),
 * so that with several files a message says which one.
 */
const inFile = (file: string, address: string): string => `[${file}]${address}`;

export function consolidate(master: PlanWorkbook, returned: readonly ReturnedBook[]): Consolidation {
  const plan = master.plan;
  const P = plan.periods.length;
  const problems: Problem[] = [];
  const first = new Map<number, Found>();
  const keys = rowKeys(master);
  // Its columns and first row are every part's too: they depend on the periods alone.
  const layout = progressLayout(plan, groupByParent(plan), master.names.progress);
  for (const book of returned) {
    if (book.sheets.planId !== master.planId) {
      problems.push(otherPlan(master, book));
      continue;
    }
    const read = readReturned(master, keys, layout, book);
    problems.push(...read.problems);
    for (const found of read.found) {
      // A figure the file carries unchanged from the master (a whole copy, a part sent with what was reported
      // so far) is no news: only a changed figure competes with another file's.
      if (found.value === master.actuals[found.index]) continue;
      const earlier = first.get(found.index);
      if (!earlier) first.set(found.index, found);
      else if (earlier.value !== found.value) problems.push(conflict(master, earlier, found));
    }
  }
  if (hasErrors(problems)) return { actuals: master.actuals.slice(), copied: 0, problems };

  const actuals = master.actuals.slice();
  let copied = 0;
  for (const found of [...first.values()].sort((a, b) => a.index - b.index)) {
    const old = actuals[found.index];
    if (old === found.value) continue;
    if (old !== null) {
      const r = Math.floor(found.index / P);
      const at = master.actualCell(r, found.index % P);
      problems.push(problem('warning', 'actual-replaced', at, plan.units[plan.rows[r].unitIndex].name,
        `Ô ${at} của sổ kế hoạch đã có số thực hiện ${old}; ô ${found.at} ghi ${found.value}: đã thay ${old} bằng ${found.value}.`,
        `Cell ${at} of the plan workbook held the actual ${old}; cell ${found.at} gives ${found.value}: ${old} was replaced by ${found.value}.`));
    }
    actuals[found.index] = found.value;
    copied++;
  }
  return { actuals, copied, problems };
}

/** A file whose markers carry another plan id: another plan, or another revision of this one. */
function otherPlan(master: PlanWorkbook, { file, sheets }: ReturnedBook): Problem {
  const stored = readPlanSettings(sheets.calendar).plan;
  const rev = stored ? { vi: `, lần lập ${stored.revision} theo trang «${sheets.calendar.sheet}»`, en: `, revision ${stored.revision} by its sheet "${sheets.calendar.sheet}"` } : { vi: '', en: '' };
  return problem('error', 'other-plan', file, null,
    `Tệp ${file} thuộc kế hoạch mã ${sheets.planId}${rev.vi}, không phải kế hoạch mã ${master.planId} (lần lập ${master.revision}) của sổ kế hoạch: ` +
      'đó là một kế hoạch khác hoặc một lần lập khác, nên các dòng và chỉ tiêu không khớp. Không chép số nào từ tệp này; ' +
      'hãy nhờ đơn vị nhập số liệu vào biểu mẫu của lần lập hiện tại.',
    `${file} belongs to plan ${sheets.planId}${rev.en}, not to plan ${master.planId} (revision ${master.revision}) of the plan workbook: ` +
      'it is another plan or another revision, so its rows and targets do not match. Nothing is copied from it; ' +
      "ask the unit to type its figures into the current revision's forms.");
}

function conflict(master: PlanWorkbook, a: Found, b: Found): Problem {
  const plan = master.plan;
  const P = plan.periods.length;
  const r = Math.floor(a.index / P);
  const period = plan.periods[a.index % P];
  const row = plan.rows[r];
  const unit = plan.units[row.unitIndex].name;
  const what = `${unit} – ${registerLabel(row.register, 'vi')}, ${formatVN(period.start)}–${formatVN(period.end)}`;
  const whatEn = `${unit} – ${registerLabel(row.register, 'en')}, ${formatVN(period.start)}–${formatVN(period.end)}`;
  return problem('error', 'actual-conflict', b.at, unit,
    `Hai số thực hiện khác nhau được gửi về cho cùng một ô (${what}; ô ${master.actualCell(r, a.index % P)} của sổ kế hoạch): ô ${a.at} ghi ${a.value}, ô ${b.at} ghi ${b.value}. ` +
      'Không đoán số nào đúng: hãy sửa tệp sai rồi tổng hợp lại.',
    `Two different actuals came back for one cell (${whatEn}; cell ${master.actualCell(r, a.index % P)} of the plan workbook): cell ${a.at} says ${a.value}, cell ${b.at} says ${b.value}. ` +
      'Nothing is guessed: correct the wrong file and consolidate again.');
}


/** Keys of the master's rows as a returned Phụ lục 02 shows them: parent, unit label and register label, in either language. */
interface RowKeys {
  /** The plan rows each key's sheet row shows: one per stage. */
  rows: Map<string, number[]>;
  /** Parent and unit label, to say which part of a row that matches nothing is wrong. */
  units: Set<string>;
}

function rowKeys(master: PlanWorkbook): RowKeys {
  const plan = master.plan;
  const rows = new Map<string, number[]>();
  const units = new Set<string>();
  for (const lang of LANGS) {
    const labels = unitLabels(plan, lang);
    plan.rows.forEach((row, r) => {
      // Labels alone repeat across parents (two districts' Xã Tân Lập); with the parent they name one unit.
      const unit = `${plan.units[row.unitIndex].parent ?? ''}\u0000${labels[row.unitIndex].trim()}`;
      units.add(unit);
      const key = `${unit}\u0000${registerLabel(row.register, lang)}`;
      const line = rows.get(key);
      if (line) line.push(r);
      else rows.set(key, [r]);
    });
  }
  return { rows, units };
}

/**
 * The actuals of one returned file, each matched to its master row by what its row shows (parent, unit,
 * register), so a part holding a few of the master's rows reads as well as a whole copy. Its targets and
 * records to digitize must be the master's.
 */
function readReturned(master: PlanWorkbook, keys: RowKeys, layout: ProgressLayout, { file, sheets }: ReturnedBook): { found: Found[]; problems: Problem[] } {
  const plan = master.plan;
  const P = plan.periods.length;
  const grid = sheets.progress;
  const { at, address } = sheetCells(grid);
  const where = (row: number, col: number): string => inFile(file, address(row, col));
  const found: Found[] = [];
  const problems: Problem[] = [];
  const matched = new Set<number>();

  const end = (grid.firstRow ?? 1) + grid.rows.length;
  const totals = new Set(LANGS.map((l) => FORM_TEXT[l].total));
  for (let row = layout.firstRow; row < end; row++) {
    const parent = textOf(at(row, layout.parent));
    const name = textOf(at(row, 1));
    const label = textOf(at(row, 2));
    // The total closes the table (the signatures come after it); a heading or a subtotal names no register.
    if (label === '' && totals.has(name)) break;
    if (label === '' && name !== '') continue;
    if (name === '' && label === '') {
      for (const c of layout.inputs) {
        if (isBlank(at(row, c))) continue;
        const cellAt = where(row, c);
        problems.push(problem('error', 'returned-extra-row', cellAt, null,
          `Ô ${cellAt} có số liệu nhưng dòng ${row} không ghi đơn vị và loại sổ, nên không biết số thuộc dòng nào của kế hoạch.`,
          `Cell ${cellAt} holds a figure but row ${row} names no unit and register, so it belongs to no row of the plan.`));
        break;
      }
      continue;
    }
    const line = keys.rows.get(`${parent}\u0000${name}\u0000${label}`);
    if (line === undefined) {
      const unitKnown = keys.units.has(`${parent}\u0000${name}`);
      const nameKnown = [...keys.units].some((k) => k.endsWith(`\u0000${name}`));
      const bad = unitKnown ? 2 : nameKnown ? layout.parent : 1;
      const cellAt = where(row, bad);
      const shownRow = `${name} – ${label}${parent ? ` (${parent})` : ''}`;
      problems.push(problem('error', 'foreign-row', cellAt, name || null,
        `Dòng ${row} của trang «${grid.sheet}» trong tệp ${file} là «${shownRow}», nhưng sổ kế hoạch không có dòng này (ô ${cellAt}): ` +
          'tệp đã bị sửa (đổi tên, thêm dòng) hoặc thuộc kế hoạch khác. Hãy trả dòng về như khi nhận.',
        `Row ${row} of sheet "${grid.sheet}" in ${file} is "${shownRow}", which the plan workbook does not have (cell ${cellAt}): ` +
          'the file was edited (renamed, rows added) or belongs to another plan. Put the row back as it was sent.'));
      continue;
    }
    for (const r of line) {
      const c = colsOf(layout, r);
      matched.add(r);
      const unit = plan.units[plan.rows[r].unitIndex].name;
      const check = (col: number, want: number, what: 'need' | 'target'): void => {
        const v = at(row, col);
        if (v !== want) problems.push(editedTarget(where(row, col), unit, v, want, what));
      };
      check(c.need, plan.rows[r].remaining, 'need');
      for (let k = 0; k < P; k++) if (c.target[k] >= 0) check(c.target[k], plan.targets[r * P + k], 'target');
      for (let k = 0; k < P; k++) {
        if (c.actual[k] < 0) continue;
        const cellAt = where(row, c.actual[k]);
        const v = readActual(at(row, c.actual[k]), cellAt, unit);
        if (typeof v === 'number') found.push({ index: r * P + k, value: v, file, at: cellAt });
        else if (v !== null) problems.push(v);
      }
    }
  }
  // Phụ lục 01 is laid out for the units matched here: with a row of Phụ lục 02 unmatched, that layout is a guess.
  const unmatched = problems.some((p) => p.code === 'foreign-row' || p.code === 'returned-extra-row');
  if (sheets.quota && !unmatched) problems.push(...quotaTargets(master, file, sheets.quota, matched));
  return { found, problems };
}

/**
 * Phụ lục 01 of a returned file: its rows sit where `quotaAssignmentSheet` put them for the units the file
 * holds (those of the rows matched on Phụ lục 02, laid out as `splitBook` lays a part out). A target may
 * show the master's plan or a target the planner typed over on the master's Phụ lục 01 (a whole copy
 * carries it); anything else was edited.
 */
function quotaTargets(master: PlanWorkbook, file: string, grid: Grid, matched: ReadonlySet<number>): Problem[] {
  const plan = master.plan;
  const P = plan.periods.length;
  const unitSet = new Set([...matched].map((r) => plan.rows[r].unitIndex));
  if (unitSet.size === 0) return [];
  const unitIndices = [...unitSet].sort((a, b) => a - b);
  const rows = plan.rows.flatMap((row, r) => (unitSet.has(row.unitIndex) ? [r] : []));
  const labels = unitLabels(plan, master.lang);
  const labelsIn = LANGS.map((l) => unitLabels(plan, l));
  const sub = subsetPlan(plan, unitIndices, rows, labels).plan;
  const layout = quotaLayout(sub, groupByParent(sub));
  const { at, address } = sheetCells(grid);
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    const row = layout.rowOf[i];
    const unitIndex = plan.rows[r].unitIndex;
    const unit = plan.units[unitIndex].name;
    const names = labelsIn.map((l) => l[unitIndex].trim());
    const regs = LANGS.map((l) => registerLabel(plan.rows[r].register, l));
    if (!names.includes(textOf(at(row, 1))) || !regs.includes(textOf(at(row, 2)))) {
      const cellAt = inFile(file, address(row, 1));
      problems.push(problem('error', 'quota-row-moved', cellAt, unit,
        `Dòng ${row} của trang «${grid.sheet}» trong tệp ${file} phải là «${labels[unitIndex]} – ${registerLabel(plan.rows[r].register, master.lang)}» ` +
          `nhưng đang là «${textOf(at(row, 1))} – ${textOf(at(row, 2))}»: các dòng đã bị chuyển, chèn hoặc xóa, nên không kiểm tra được chỉ tiêu. Hãy trả các dòng về như khi nhận.`,
        `Row ${row} of sheet "${grid.sheet}" in ${file} should be "${labels[unitIndex]} – ${registerLabel(plan.rows[r].register, master.lang)}" ` +
          `but is "${textOf(at(row, 1))} – ${textOf(at(row, 2))}": rows were moved, inserted or deleted, so its targets cannot be checked. Put the rows back as they were sent.`));
      return;
    }
    const check = (col: number, want: number, also: number | undefined, what: 'need' | 'target'): void => {
      const v = at(row, col);
      if (v !== want && !(also !== undefined && v === also)) problems.push(editedTarget(inFile(file, address(row, col)), unit, v, want, what));
    };
    check(layout.remaining, plan.rows[r].remaining, undefined, 'need');
    for (let k = 0; k < P; k++) if (layout.target[k] >= 0) check(layout.target[k], plan.targets[r * P + k], master.edits.get(r * P + k), 'target');
  });
  return problems;
}

function editedTarget(at: string, unit: string, v: CellValue, want: number, what: 'need' | 'target'): Problem {
  const label = what === 'need' ? { vi: 'số cần số hóa', en: 'records to digitize' } : { vi: 'chỉ tiêu', en: 'target' };
  return problem('error', 'edited-target', at, unit,
    `Ô ${at} ghi ${label.vi} «${shownCell(v, 'vi')}», nhưng sổ kế hoạch giao ${formatCount(want, 'vi')}: chỉ tiêu đã bị sửa trong tệp báo cáo. Chỉ tiêu do nơi lập kế hoạch giao; ` +
      'hãy gõ lại số đã giao. Muốn đổi chỉ tiêu, hãy sửa ở Phụ lục 01 của sổ kế hoạch rồi chia lại.',
    `Cell ${at} shows the ${label.en} "${shownCell(v, 'en')}", but the plan workbook sets ${formatCount(want, 'en')}: targets were edited in the returned report. Targets are set by the planner; ` +
      'type the assigned number back. To change a target, type it over on Annex 01 of the plan workbook and re-split.');
}
