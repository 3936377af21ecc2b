import { parseDate } from '../planning/days';
import { Plan, PlanRow } from '../planning/plan';
import { planStages } from '../planning/stage-plan';
import { isFinalRow } from '../planning/stages';
import { Problem, hasErrors, problem } from '../planning/problems';
import { formatCount } from '../planning/text';
import { FormKind, planId } from './forms/marker';
import { groupByParent, unitLabels } from './forms/groups';
import { RevisionEntry, firstRevision } from '../planning/history';
import { readHistory } from './forms/history-sheet';
import { ProgressLayout, colsOf, progressLayout } from './forms/progress-layout';
import { cell } from './forms/refs';
import { quotaLayout } from './forms/quota-assignment';
import { registerLabel } from '../planning/registers';
import { FORM_TEXT, LANGS, Lang } from './forms/text';
import { DOCUMENT_KEYS } from './forms/calendar-sheet';
import { DocumentSettings } from './document-settings';
import { CellValue, Grid, gridAddress, isCellDate, shownCell } from './grid';
import { MAX_COUNT, codeNote } from '../planning/units';
import { isBlank } from './parse-count';
import { readPlanSettings } from './read-plan-settings';
import { readUnits } from './read-units';
import { Unit } from '../planning/units';

/** The grids of a workbook `plan` wrote, found by their markers (`QuotaPlanner.Form`). */
export interface PlanWorkbookSheets {
  /** The Lịch sheet: the plan's settings. */
  calendar: Grid;
  /** "Đơn vị đã đọc": the units the plan was made from. */
  units: Grid;
  /** Phụ lục 02: the actuals typed (and, from revision 2 on, the targets). */
  progress: Grid;
  /** Phụ lục 01: a target typed over there is held by the next re-split. Absent: nothing is held anew. */
  quota?: Grid;
  /** Lịch sử kế hoạch; absent in workbooks made before it existed (a first revision's line is made up). */
  history?: Grid;
  /** The sheet each form has in the workbook (as the markers found them). */
  names: Record<FormKind, string>;
  /** The plan id the markers carry. */
  planId: string;
}

export interface PlanWorkbook {
  /** The plan rebuilt from the Lịch settings and the units read: its targets are what the forms hold. */
  plan: Plan;
  /** Row-major plan rows × periods, as `replan` wants: what was typed, null where blank. */
  actuals: (number | null)[];
  revision: number;
  /** The id the forms' markers carry. */
  planId: string;
  /** The sheet each form has (empty for a form the workbook lacks). */
  names: Record<FormKind, string>;
  /** The units as Đơn vị đã đọc lists them, for writing that form again. */
  units: Unit[];
  /** The language the forms are in (from Phụ lục 02's title). */
  lang: Lang;
  /** The document's settings, as Lịch stores them (older workbooks: the issuer above Phụ lục 01's title). */
  document: DocumentSettings;
  /** Cells `r·P + k` held by an earlier re-split. */
  held: number[];
  /** Targets typed over in Phụ lục 01 (`r·P + k` → the number typed): held by the next re-split. */
  edits: Map<number, number>;
  history: RevisionEntry[];
  /** Where the actual of row r, period k is typed, as messages name cells (`Phụ lục 02 - Báo cáo tiến độ!D10`). */
  actualCell: (r: number, k: number) => string;
  /**
   * Where the target of row r, period k is shown on Phụ lục 01, where a planner types over it to hold it
   * (`Phụ lục 01 - Giao chỉ tiêu!H12`); in a workbook without Phụ lục 01, its copy on Phụ lục 02.
   */
  editCell: (r: number, k: number) => string;
  /** Warnings found on the way (the units form's); never an error. */
  problems: Problem[];
}

export type PlanWorkbookResult = PlanWorkbook | { plan: null; problems: Problem[] };

/**
 * Reads a plan and its typed actuals back from the workbook `plan` wrote, so it can be re-split. Pure, over
 * grids. The plan is rebuilt from what the workbook stores (settings and units), and must get the id the
 * markers carry: otherwise the forms were not made from them (edited by hand?) and nothing is read. The
 * actuals are read where `planForms` put them; a row whose unit or register is not the plan's (rows moved,
 * inserted or deleted) or an actual that is not a whole number ≥ 0 is refused, naming its cell.
 *
 * `lang`: the language the forms were written in; when absent, a register label of any language is taken.
 * The layout itself does not depend on the language.
 */
export function readPlanWorkbook(sheets: PlanWorkbookSheets, lang?: Lang): PlanWorkbookResult {
  const refuse = (problems: Problem[]): PlanWorkbookResult => ({ plan: null, problems });

  const stored = readPlanSettings(sheets.calendar);
  if (!stored.plan) return refuse(stored.problems);
  const table = readUnits(sheets.units);
  if (hasErrors(table.problems)) return refuse(table.problems);
  const settings = stored.plan.settings;
  const revision = stored.plan.revision;
  lang ??= LANGS.find((l) => textOf(sheets.progress.rows[0]?.[0] ?? null) === FORM_TEXT[l].progressTitle[0]);
  const formLang = lang ?? 'vi';
  const units = withoutBlanks(table.units, table.registers, sheets.units);
  const base = planStages(units, table.registers, settings);
  if (hasErrors(base.problems)) return refuse([...table.problems, ...base.problems]);
  // From revision 2 on, the targets are the re-split's, stored on Phụ lục 02 next to the actuals.
  const candidate = revision === 1 ? { plan: base, held: [] } : storedTargets(base, sheets);
  const rebuilt = planId(candidate.plan, revision, candidate.held);
  const found = rebuilt === sheets.planId ? candidate : null;
  if (!found || stored.plan.planId !== sheets.planId) {
    const at = settingCell(sheets.calendar, 'planId');
    if (stored.plan.planId === sheets.planId && isPart(candidate.plan, sheets, revision)) {
      const names = candidate.plan.units.map((u) => u.name);
      const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')}…`;
      return refuse([problem('error', 'plan-part', at, null,
        `Tệp này là một phần của kế hoạch mã ${sheets.planId} (lần lập ${revision}) đã tách gửi cho một huyện hoặc xã (bằng «quota-plan split»): ` +
          `nó chỉ có ${formatCount(names.length, 'vi')} đơn vị (${shown}), không phải sổ kế hoạch. ` +
          'Hãy tổng hợp nó vào sổ kế hoạch thay vì dùng nó ở đây: quota-plan consolidate SỔ_KẾ_HOẠCH.xlsx TỆP_NÀY.xlsx --out KẾT_QUẢ.xlsx.',
        `This file is a part of plan ${sheets.planId} (revision ${revision}) sent to one district or commune (by "quota-plan split"): ` +
          `it holds only ${formatCount(names.length, 'en')} unit${names.length === 1 ? '' : 's'} (${shown}) and is not the plan workbook. ` +
          'Consolidate it into the plan workbook instead of using it here: quota-plan consolidate PLAN.xlsx THIS-FILE.xlsx --out RESULT.xlsx.')]);
    }
    return refuse([problem('error', 'plan-id-mismatch', at, null,
      `Các biểu mẫu mang mã kế hoạch ${sheets.planId}, nhưng thiết lập ở trang «${sheets.calendar.sheet}» (mã ${stored.plan.planId}) ` +
        `và đơn vị ở trang «${sheets.units.sheet}» cho kế hoạch mã ${rebuilt}: biểu mẫu không được lập từ các số liệu này ` +
        '(đã sửa tay?). Không đọc được kế hoạch; hãy lập lại kế hoạch.',
      `The forms carry plan id ${sheets.planId}, but the settings on sheet "${sheets.calendar.sheet}" (id ${stored.plan.planId}) ` +
        `and the units on sheet "${sheets.units.sheet}" make plan ${rebuilt}: the forms were not made from them ` +
        '(edited by hand?). The plan cannot be read back; plan again.')]);
  }
  const plan = found.plan;
  const layout = layoutOf(plan, sheets);

  const progress = readActuals(plan, layout, sheets, lang);
  const edits = sheets.quota ? readEdits(plan, sheets.quota) : { edits: new Map<number, number>(), problems: [] };
  const history = sheets.history ? readHistory(sheets.history) : { entries: [firstRevision(plan, null)], problems: [] };
  const problems = [...progress.problems, ...edits.problems, ...history.problems];
  if (hasErrors(problems)) return refuse(problems);
  const quota = quotaLayout(plan, groupByParent(plan));
  // Workbooks written before Lịch stored the document had the issuer above Phụ lục 01's title only.
  const stored0 = stored.plan.document;
  const oldIssuer = DOCUMENT_KEYS.some((k) => settingCell(sheets.calendar, k) !== `${sheets.calendar.sheet}!A`) ? '' : textOf(sheets.quota?.rows[0]?.[0] ?? null);
  const document = oldIssuer && !LANGS.some((l) => FORM_TEXT[l].issuerBlank === oldIssuer) ? { ...stored0, issuer: oldIssuer } : stored0;
  /** A cell of Phụ lục 02 (a period without a box falls back to the row's "done" cell, for messages only). */
  const progressCell = (r: number, column: number): string => `${layout.sheet}!${cell(column >= 0 ? column : colsOf(layout, r).done, layout.rowOf[r])}`;
  return {
    plan, actuals: progress.actuals, revision, planId: sheets.planId, names: sheets.names, units: plan.units.slice(), lang: formLang,
    document,
    held: found.held, edits: edits.edits, history: history.entries,
    actualCell: (r, k) => progressCell(r, colsOf(layout, r).actual[k]),
    editCell: (r, k) => (sheets.quota && sheets.names.quota && quota.target[k] >= 0
      ? `${sheets.names.quota}!${cell(quota.target[k], quota.rowOf[r])}`
      : progressCell(r, colsOf(layout, r).target[k])),
    problems: table.problems,
  };
}

/** planForms' layout of Phụ lục 02: only the progress sheet's name comes from the workbook. */
function layoutOf(plan: Plan, sheets: PlanWorkbookSheets): ProgressLayout {
  return progressLayout(plan, groupByParent(plan), sheets.names.progress);
}

/**
 * True when the forms are a part `splitBook` cut from a plan (for one district or commune), not a plan
 * workbook edited by hand: they carry the master's plan id, and the units they list make a smaller plan that
 * Phụ lục 02 shows row for row (units, registers, records to digitize, nothing below), while the history,
 * the master's, counts more records to digitize in this revision than those rows hold. A hand edit of the
 * units (a count changed, a unit deleted) leaves Phụ lục 02 showing the old rows, so it is not taken for a part.
 */
function isPart(plan: Plan, sheets: PlanWorkbookSheets, revision: number): boolean {
  if (!sheets.history) return false;
  const history = readHistory(sheets.history);
  if (hasErrors(history.problems)) return false;
  const entry = history.entries.find((e) => e.revision === revision);
  const need = plan.rows.reduce((sum, row) => sum + (isFinalRow(plan, row) ? row.remaining : 0), 0);
  if (!entry || entry.need <= need) return false;
  const layout = layoutOf(plan, sheets);
  const { at } = sheetCells(sheets.progress);
  // The part shows each unit as the master's forms do: its name, with its code where the master has two of that name.
  const shows = (text: string, u: Unit): boolean => text === u.name || LANGS.some((l) => text === `${u.name}${codeNote(u.code, l)}`);
  const rowsMatch = plan.rows.every((row, r) => {
    const sheetRow = layout.rowOf[r];
    return shows(textOf(at(sheetRow, 1)), plan.units[row.unitIndex]) &&
      LANGS.some((l) => textOf(at(sheetRow, 2)) === registerLabel(row.register, l)) &&
      at(sheetRow, colsOf(layout, r).need) === row.remaining;
  });
  // The total follows the part's last unit: nothing was added below its rows.
  return rowsMatch && LANGS.some((l) => textOf(at(layout.totalRow, 1)) === FORM_TEXT[l].total) && isBlank(at(layout.totalRow, 2));
}

/** Accessors of a grid by 1-based sheet row and 0-based sheet column. */
export function sheetCells(grid: Grid): { at: (row: number, c: number) => CellValue; address: (row: number, c: number) => string } {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  return {
    at: (row, c) => grid.rows[row - firstRow]?.[c + 1 - firstCol] ?? null,
    address: (row, c) => gridAddress(grid, row - firstRow, c + 1 - firstCol),
  };
}

/**
 * A revision's targets, unscheduled records, finish dates and held periods, read from Phụ lục 02's columns
 * into the rows `base` has. Nothing is checked here: the plan id over what was read says whether it is whole.
 */
function storedTargets(base: Plan, sheets: PlanWorkbookSheets): { plan: Plan; held: number[] } {
  const layout = layoutOf(base, sheets);
  const { at } = sheetCells(sheets.progress);
  const P = base.periods.length;
  const num = (v: CellValue): number => (typeof v === 'number' ? v : NaN);
  const targets = new Int32Array(base.rows.length * P);
  const held: number[] = [];
  const rows: PlanRow[] = base.rows.map((row, r) => {
    const sheetRow = layout.rowOf[r];
    const c = colsOf(layout, r);
    for (let k = 0; k < P; k++) if (c.target[k] >= 0) targets[r * P + k] = num(at(sheetRow, c.target[k]));
    // Targets of periods without a box (a stage's window moved after them by a re-split): `k:target,…`.
    for (const pair of textOf(at(sheetRow, c.off)).split(',').filter(Boolean)) {
      const [k, v] = pair.split(':').map(Number);
      if (k >= 0 && k < P) targets[r * P + k] = v;
    }
    const finish = at(sheetRow, c.finish);
    const finishDay = isCellDate(finish) ? finish.date : typeof finish === 'string' ? parseDate(finish) : null;
    const heldText = textOf(at(sheetRow, c.held));
    if (heldText) for (const k of heldText.split(',')) held.push(r * P + Number(k));
    const unscheduled = at(sheetRow, c.unscheduled);
    return { ...row, unscheduled: typeof unscheduled === 'string' && /^\d+$/.test(unscheduled) ? Number(unscheduled) : num(unscheduled), finish: finishDay };
  });
  held.sort((a, b) => a - b);
  // Warnings are the re-split's, written as notes on Phụ lục 01; the base plan's would be about another window.
  return { plan: { ...base, rows, targets, problems: [] }, held };
}

/** Targets typed over on Phụ lục 01: a whole number different from the plan's is held; anything else is refused. */
function readEdits(plan: Plan, grid: Grid): { edits: Map<number, number>; problems: Problem[] } {
  const layout = quotaLayout(plan, groupByParent(plan));
  const { at, address } = sheetCells(grid);
  const P = plan.periods.length;
  const edits = new Map<number, number>();
  const problems: Problem[] = [];
  plan.rows.forEach((row, r) => {
    for (let k = 0; k < P; k++) {
      if (layout.target[k] < 0) continue;
      const v = at(layout.rowOf[r], layout.target[k]);
      const planned = plan.targets[r * P + k];
      if (v === planned) continue;
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) {
        edits.set(r * P + k, v);
        continue;
      }
      const cellAt = address(layout.rowOf[r], layout.target[k]);
      problems.push(problem('error', 'bad-target', cellAt, plan.units[row.unitIndex].name,
        `Chỉ tiêu «${shownCell(v, 'vi')}» ở ô ${cellAt} không phải số nguyên từ 0 đến ${formatCount(MAX_COUNT, 'vi')}. Muốn giữ nguyên một chỉ tiêu khi chia lại, hãy gõ số vào ô đó; ` +
          'muốn bỏ, hãy gõ lại số đã giao.',
        `The target "${shownCell(v, 'en')}" at cell ${cellAt} is not a whole number from 0 to ${formatCount(MAX_COUNT, 'en')}. To hold a target through a re-split, type a number in its cell; ` +
          'to drop it, type the planned number back.'));
    }
  });
  return { edits, problems };
}

/**
 * The units form is wide, and leaves blank a register a unit does not have (a long-format sheet lists only
 * the registers a unit has); the reader takes a blank as 0, a row the plan never had. Blank cells are dropped.
 */
function withoutBlanks(units: readonly Unit[], registers: readonly string[], grid: Grid): Unit[] {
  const header = grid.rows[0] ?? [];
  const columnOf = new Map<string, number>();
  for (const code of registers) {
    const c = header.findIndex((v) => LANGS.some((l) => textOf(v) === registerLabel(code, l)));
    if (c >= 0) columnOf.set(code, c);
  }
  // The cell each unit came from in the planner's sheet, so messages keep naming it after a re-split; the
  // parent chain, so two provinces' Huyện Châu Thành stay two groups.
  const sourceCol = header.findIndex((v) => LANGS.some((l) => textOf(v) === FORM_TEXT[l].sourceCell));
  const chainCol = header.findIndex((v) => LANGS.some((l) => textOf(v) === FORM_TEXT[l].parentChain));
  return units.map((u) => {
    const row = grid.rows[Number(/(\d+)$/.exec(u.cell)?.[1] ?? 0) - (grid.firstRow ?? 1)] ?? [];
    const source = sourceCol < 0 ? '' : textOf(row[sourceCol] ?? null);
    const parentKey = chainCol < 0 ? '' : textOf(row[chainCol] ?? null);
    return {
      ...u,
      ...(parentKey ? { parentKey } : {}),
      cell: source || u.cell,
      counts: new Map([...u.counts].filter(([code]) => !isBlank(row[columnOf.get(code) ?? -1] ?? null))),
    };
  });
}

/** The value cell of a Lịch setting, or the sheet's key column when it is not there. */
function settingCell(grid: Grid, key: string): string {
  const r = grid.rows.findIndex((row) => row?.[0] === key);
  return r < 0 ? `${grid.sheet}!A` : gridAddress(grid, r, 2);
}

/** A label cell's text, trimmed ('' for anything else). */
export const textOf = (v: CellValue): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** An actual as typed at `at`: a whole number 0…MAX_COUNT, null when blank, or the refusal naming the cell. */
export function readActual(v: CellValue, at: string, unit: string | null): number | null | Problem {
  if (isBlank(v)) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT) return v;
  return problem('error', 'bad-actual', at, unit,
    `Số thực hiện «${shownCell(v, 'vi')}» không phải là số nguyên từ 0 đến ${formatCount(MAX_COUNT, 'vi')} (ô ${at}).`,
    `The actual "${shownCell(v, 'en')}" is not a whole number from 0 to ${formatCount(MAX_COUNT, 'en')} (cell ${at}).`);
}

function readActuals(plan: Plan, layout: ProgressLayout, sheets: PlanWorkbookSheets, lang: Lang | undefined): { actuals: (number | null)[]; problems: Problem[] } {
  const grid = sheets.progress;
  const P = plan.periods.length;
  const actuals: (number | null)[] = new Array(plan.rows.length * P).fill(null);
  const problems: Problem[] = [];
  const { at, address } = sheetCells(grid);

  // The name each row shows (with its code where two units of a group share a name), in either language.
  const langs = lang ? [lang] : LANGS;
  const unitNames = Object.fromEntries(langs.map((l) => [l, unitLabels(plan, l)])) as Record<Lang, string[]>;
  let lastChecked = -1;
  const moved = new Set<number>();
  for (const planRow of layout.order) {
    const row = layout.rowOf[planRow];
    const { unitIndex, register } = plan.rows[planRow];
    const again = row === lastChecked; // a unit and register's stages share a row: check its labels once
    lastChecked = row;
    const unit = plan.units[unitIndex];
    const name = textOf(at(row, 1));
    const label = textOf(at(row, 2));
    const labels = langs.map((l) => registerLabel(register, l));
    const names = langs.map((l) => unitNames[l][unitIndex].trim());
    if (!again && (!names.includes(name ?? '') || !labels.includes(label))) {
      const bad = !names.includes(name ?? '') ? 1 : 2;
      const expected = `${names[0]} – ${labels[0]}`;
      problems.push(problem('error', 'progress-row-moved', address(row, bad), unit.name,
        `Dòng ${row} của trang «${grid.sheet}» phải là «${expected}» nhưng đang là «${name} – ${label}»: các dòng đã bị chuyển, chèn ` +
          'hoặc xóa, nên không biết số thực hiện thuộc đơn vị nào. Hãy trả các dòng về như khi lập kế hoạch.',
        `Row ${row} of sheet "${grid.sheet}" should be "${expected}" but is "${name} – ${label}": rows were moved, inserted or ` +
          'deleted, so the actuals cannot be matched to their units. Put the rows back as they were planned.'));
      moved.add(row);
      continue;
    }
    if (moved.has(row)) continue;
    for (let k = 0; k < P; k++) {
      const c = colsOf(layout, planRow).actual[k];
      if (c < 0) continue;
      const v = readActual(at(row, c), address(row, c), unit.name);
      if (typeof v === 'number') actuals[planRow * P + k] = v;
      else if (v !== null) problems.push(v);
    }
  }

  // The total follows the units: a row added after them (above the total, which it pushes down) belongs to no plan row.
  const totals = new Set(LANGS.map((l) => FORM_TEXT[l].total));
  for (const row of [layout.totalRow]) {
    if (totals.has(textOf(at(row, 1)))) continue;
    for (const c of [1, 2, ...layout.inputs]) {
      if (isBlank(at(row, c))) continue;
      problems.push(problem('error', 'progress-extra-row', address(row, c), null,
        `Ô ${address(row, c)} nằm dưới các dòng của kế hoạch, trên dòng tổng cộng, nhưng có dữ liệu: dòng đã được thêm vào sau khi lập kế hoạch.`,
        `Cell ${address(row, c)} is below the plan's rows, above the total, but holds data: a row was added after planning.`));
      break;
    }
  }
  return { actuals, problems };
}
