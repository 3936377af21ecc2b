import { DayNumber, excelSerialFromDay, formatISO } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { MAX_COUNT } from '../../planning/units';
import { ConditionalFormat, ModelColumn, ModelRow, ModelValue, SheetModel } from '../model';
import { makeCalendar, workingDayFlags } from '../../planning/calendar';
import { predecessorOf, stageLabel } from '../../planning/stages';
import { CalendarLayout } from './calendar-sheet';
import { DOTS, SheetRows, attachedTo, documentSpan, footBlocks, headerBlock, spanLine } from './document';
import { RowGroup, unitLabels } from './groups';
import { quoteSheet } from '../grid';
import { INPUTS_NAME, formatMarker } from './marker';
import { FormOptions } from './options';
import { columnBreaks, columnPages, defaultRowHeight, fitWidth, printPage, textWidth, withRunAbove } from './pages';
import { roman } from './quota-assignment';
import { absCell, cell, col, literal, sheetRange } from './refs';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { registerLabel } from '../../planning/registers';
import { FORM_TEXT, FormText, periodLabel } from './text';

/** The document block above the table: issuing (reporting) unit and motto, titles, the plan, report date, instruction. */
const REPORT_DATE_ROW = 7;
const WORKDAYS_ROW = 8;
/** The table's three header rows: the stage's band, the period, then "Chỉ tiêu" and "Thực hiện" under it. */
const BAND_ROW = 10;
const PERIOD_ROW = 11;
const SUB_ROW = 12;
/** Hidden rows the formulas read: the share of each period gone, each target's and each box's period (its start). */
const FRACTION_ROW = 13;
const TARGET_KEY_ROW = 14;
const ACTUAL_KEY_ROW = 15;
const FIRST_ROW = 16;

/** One stage's columns on Phụ lục 02 (a plan without stages has one). Columns are 0-based. */
export interface StageColumns {
  /**
   * Period k's target, and the box its actual is typed into, next to it; -1 where the stage has no working day
   * in the period (a weekend, a day outside the stage's window): nothing is planned there, so nothing is asked.
   */
  target: Int32Array;
  actual: Int32Array;
  /** The block's period columns, first to last; -1 when the stage has no working day at all. */
  first: number;
  last: number;
  need: number;
  expected: number;
  done: number;
  left: number;
  percent: number;
  status: number;
  /** Hidden after the table, as text: what a re-split reads back (a revision's targets are not its settings' plan). */
  unscheduled: number;
  /** `2025-03-25`. */
  finish: number;
  /** The periods (0-based, comma-separated) whose target a planner held. */
  held: number;
  /** Targets of periods without a column (`k:target,…`): a re-split that moved a stage's window after them. */
  off: number;
}

/** A row of Phụ lục 02 that adds up others: a parent's heading, a unit's subtotal, the total. */
export interface SumRow {
  row: number;
  /** The plan rows it adds up (the SUBTOTALs' range runs from the first's row to the last's). */
  planRows: number[];
  first: number;
  last: number;
  kind: 'parent' | 'unit' | 'total';
  /** The parent's heading: its Roman number and name. */
  label?: [string, string];
}

/**
 * Where everything sits on Phụ lục 02, computed once from the plan and shared by the sheet, the roll-up's and
 * the periodic report's formulas, the readers and the JSON contract's cell addresses. Columns are 0-based, rows
 * 1-based. One sheet row per unit and register (its stages side by side), under its parent's heading, a unit of
 * several registers followed by its subtotal; each stage a block of periods (target and box) and its tracking.
 */
export interface ProgressLayout {
  sheet: string;
  /** Input cell holding the report date (TODAY() until someone types a date), as `$C$7`. */
  reportDate: string;
  /** Working days of the plan gone by the report date (from the Lịch sheet). */
  workdaysGone: string;
  fractionRow: number;
  targetKeyRow: number;
  actualKeyRow: number;
  firstRow: number;
  /** The last row of units (the total follows). */
  lastRow: number;
  totalRow: number;
  /** Plan row indices in display order. */
  order: number[];
  /** Sheet row of each plan row (a unit and register's stages share one). */
  rowOf: Int32Array;
  /** The plan rows each line shows, one per stage it has, lines in order; `lineRow` is each line's sheet row. */
  lines: number[][];
  lineRow: Int32Array;
  sums: SumRow[];
  periods: number;
  /** Stage index of each plan row (0 without stages). */
  stageOf: Uint8Array;
  stages: StageColumns[];
  /** Hidden: each line's parent (consolidation matches rows by it). */
  parent: number;
  /** Columns that print (the hidden ones come after). */
  width: number;
  /** Columns holding boxes, in order. */
  inputs: number[];
}

/**
 * Phụ lục 02's columns, from the plan alone, as `progressLayout` places them: STT, unit and register; per stage
 * a target and a box for each period it works in, and six tracking columns; an empty column, the parent; four
 * hidden per stage.
 */
export function progressWidth(plan: Pick<Plan, 'settings' | 'periods'>): number {
  const work = periodsWithWork(plan);
  let c = 3 + 2 + 10 * work.length; // the fixed columns, an empty one and the parent; six tracking and four hidden a stage
  for (const worked of work) for (const w of worked) if (w) c += 2;
  return c;
}

/** Phụ lục 02's header rows above the first unit. */
export const PROGRESS_HEADER_ROWS = FIRST_ROW - 1;

/** The columns of a plan row: its stage's. */
export const colsOf = (layout: ProgressLayout, planRow: number): StageColumns => layout.stages[layout.stageOf[planRow]];

/** Working days from the plan's start up to, not including, each day of the plan and the day after its end. */
function workingDaysBefore(plan: Pick<Plan, 'settings'>): Int32Array {
  const { start, end, calendar } = plan.settings;
  const flags = workingDayFlags(makeCalendar(calendar), start, end);
  const before = new Int32Array(end - start + 2);
  for (let i = 0; i < flags.length; i++) before[i + 1] = before[i] + flags[i];
  return before;
}

/** A stage's window (the plan's, without stages). */
const windowOf = (plan: Pick<Plan, 'settings'>, s: number): { start: DayNumber; end: DayNumber } => plan.settings.stages?.[s] ?? plan.settings;

/** Working days of period k inside [start, end]. */
function daysIn(plan: Pick<Plan, 'settings' | 'periods'>, before: Int32Array, k: number, start: DayNumber, end: DayNumber): number {
  const p = plan.periods[k];
  const from = Math.max(p.start, start);
  const to = Math.min(p.end, end);
  return to < from ? 0 : before[to + 1 - plan.settings.start] - before[from - plan.settings.start];
}

/**
 * Per stage (one without stages), whether it has a working day in each period: where Phụ lục 02 has a box.
 * Decided by the settings alone (calendar, windows), so the readers find the same boxes the writer made.
 */
export function periodsWithWork(plan: Pick<Plan, 'settings' | 'periods'>): boolean[][] {
  const before = workingDaysBefore(plan);
  const S = Math.max(1, plan.settings.stages?.length ?? 0);
  return Array.from({ length: S }, (_, s) => {
    const w = windowOf(plan, s);
    return plan.periods.map((_, k) => daysIn(plan, before, k, w.start, w.end) > 0);
  });
}

export function progressLayout(plan: Plan, groups: readonly RowGroup[], sheet: string): ProgressLayout {
  const P = plan.periods.length;
  const rowOf = new Int32Array(plan.rows.length);
  const stageOf = new Uint8Array(plan.rows.length);
  const order: number[] = [];
  const lines: number[][] = [];
  const lineRows: number[] = [];
  const sums: SumRow[] = [];
  let r = FIRST_ROW;
  groups.forEach((g, gi) => {
    if (g.rows.length === 0) return;
    const heading: SumRow | null = g.parent !== null ? { row: r++, planRows: g.rows, first: 0, last: 0, kind: 'parent', label: [roman(gi + 1), g.parent] } : null;
    if (heading) {
      heading.first = r;
      sums.push(heading);
    }
    let unitLines = 0;
    let unitFirst = r;
    let unitRows: number[] = [];
    const closeUnit = (): void => {
      if (unitLines > 1) sums.push({ row: r++, planRows: unitRows, first: unitFirst, last: r - 2, kind: 'unit' });
    };
    let lastKey = '';
    let lastUnit = -1;
    for (const planRow of g.rows) {
      const { unitIndex, register, stage } = plan.rows[planRow];
      if (unitIndex !== lastUnit) {
        if (lastUnit >= 0) closeUnit();
        unitLines = 0;
        unitFirst = r;
        unitRows = [];
        lastUnit = unitIndex;
      }
      const key = `${unitIndex}\u0000${register}`;
      if (key !== lastKey) {
        lines.push([]);
        lineRows.push(r++);
        unitLines++;
        lastKey = key;
      }
      lines[lines.length - 1].push(planRow);
      unitRows.push(planRow);
      order.push(planRow);
      rowOf[planRow] = lineRows[lineRows.length - 1];
      stageOf[planRow] = stage ?? 0;
    }
    closeUnit();
    if (heading) heading.last = r - 1;
  });
  const lastRow = r - 1;
  const totalRow = r;
  sums.push({ row: totalRow, planRows: order, first: FIRST_ROW, last: Math.max(FIRST_ROW, lastRow), kind: 'total' });

  const work = periodsWithWork(plan);
  let c = 3;
  const inputs: number[] = [];
  const stages = work.map((worked): StageColumns => {
    const target = new Int32Array(P).fill(-1);
    const actual = new Int32Array(P).fill(-1);
    const first = c;
    for (let k = 0; k < P; k++) {
      if (!worked[k]) continue;
      target[k] = c++;
      actual[k] = c++;
      inputs.push(actual[k]);
    }
    const last = c > first ? c - 1 : -1;
    const tracking = { need: c, expected: c + 1, done: c + 2, left: c + 3, percent: c + 4, status: c + 5 };
    c += 6;
    return { target, actual, first: last < 0 ? -1 : first, last, ...tracking, unscheduled: 0, finish: 0, held: 0, off: 0 };
  });
  const width = c;
  // An empty column between the table and the hidden data: LibreOffice draws a hidden figure next to the printed
  // area as ### over the table's edge.
  c++;
  const parent = c++;
  for (const st of stages) {
    st.unscheduled = c++;
    st.finish = c++;
    st.held = c++;
    st.off = c++;
  }
  return {
    sheet,
    reportDate: absCell(2, REPORT_DATE_ROW),
    workdaysGone: absCell(2, WORKDAYS_ROW),
    fractionRow: FRACTION_ROW,
    targetKeyRow: TARGET_KEY_ROW,
    actualKeyRow: ACTUAL_KEY_ROW,
    firstRow: FIRST_ROW,
    lastRow,
    totalRow,
    order,
    rowOf,
    lines,
    lineRow: Int32Array.from(lineRows),
    sums,
    periods: P,
    stageOf,
    stages,
    parent,
    width,
    inputs,
  };
}

/**
 * The cells automation types actuals into, and the one showing what remains after them (JSON contract): null
 * for a period the row's stage has no working day in (no box: nothing is planned there).
 */
export function progressCells(layout: ProgressLayout, planRow: number): { actualCells: (string | null)[]; remainingCell: string } {
  const r = layout.rowOf[planRow];
  const sheet = quoteSheet(layout.sheet);
  const c = colsOf(layout, planRow);
  const actualCells = Array.from(c.actual, (a) => (a < 0 ? null : `${sheet}!${cell(a, r)}`));
  return { actualCells, remainingCell: `${sheet}!${cell(c.left, r)}` };
}

/** The report-date cell with its sheet, for the JSON contract: `'Phụ lục 02 - Báo cáo tiến độ'!C7`. */
export const reportDateCell = (layout: ProgressLayout): string => `${quoteSheet(layout.sheet)}!${layout.reportDate.replace(/\$/g, '')}`;

/** The columns that track progress, on the report and on the roll-up. */
type TrackingColumns = Record<'need' | 'done' | 'left' | 'percent' | 'expected' | 'status', number>;

/** Puts the tracking columns' headings into a header row. */
export function putTrackingLabels(header: ModelValue[], c: TrackingColumns, t: FormText): void {
  header[c.need] = t.remaining;
  header[c.done] = t.done;
  header[c.left] = t.left;
  header[c.percent] = t.percent;
  header[c.expected] = t.expected;
  header[c.status] = t.status;
}

/** The status formula both the report and the roll-up use: finished, ahead, on track or behind. */
export function statusFormula(t: FormText, need: string, done: string, expected: string): string {
  const s = t.statuses;
  return `IF(${done}>=${need},${literal(s.done)},IF(${done}>${expected},${literal(s.ahead)},IF(${done}=${expected},${literal(s.onTrack)},${literal(s.behind)})))`;
}

/** Conditional formats that shade a status range: red when behind, green when finished. */
export function statusFormats(range: string, need: string, done: string, expected: string): ConditionalFormat[] {
  return [
    { range, formula: `AND(${need}<>"",${done}>=${need})`, style: 'finished' }, // not the roll-up's section headings
    { range, formula: `AND(${done}<${expected},${done}<${need})`, style: 'behind' },
  ];
}

/** A block's period columns in row `r`: `F16:Q16`. */
const blockRange = (c: StageColumns, r: number): string => `${cell(c.first, r)}:${cell(c.last, r)}`;
/** The same in a fixed row of the header (`$F$15:$Q$15`). */
const blockKeys = (c: StageColumns, r: number): string => `${absCell(c.first, r)}:${absCell(c.last, r)}`;

/** Phụ lục 02 – the progress report a unit fills in and sends up: per period the target next to the box for what was done. */
export function progressSheet(plan: Plan, layout: ProgressLayout, calendar: CalendarLayout, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const { periods, settings } = plan;
  const P = periods.length;
  const stageList = settings.stages ?? [];
  const S = layout.stages.length;
  const held = new Set(options.held ?? []);
  const actuals = options.actuals;
  /** A band heading: the stage's name before it when the plan has stages. */
  const banded = (s: number, text: string): string => {
    const stage = stageList[s];
    if (!stage) return text;
    return `${stageLabel(stage, options.lang)}${stage.unit === 'books' ? ` (${t.booksUnit})` : ''}: ${text}`;
  };
  const labels = unitLabels(plan, options.lang);

  // Columns first: where the pages break across decides where the document block's merges end.
  const columns: ModelColumn[] = [
    { width: 5, style: 'center' },
    { width: fitWidth(labels, 16, 32), style: 'text' },
    { width: fitWidth(plan.registers.map((r) => registerLabel(r, options.lang)), 10, 28), style: 'text' },
  ];
  const widest = String(Math.max(0, ...plan.rows.map((r) => r.remaining))).length;
  const numberWidth = Math.max(9, widest + 3);
  for (const c of layout.stages) {
    for (let k = 0; k < P; k++) {
      if (c.target[k] < 0) continue;
      columns[c.target[k]] = { width: numberWidth, style: 'count' };
      columns[c.actual[k]] = { width: numberWidth + 1, style: 'input' };
    }
    columns[c.need] = { width: 10, style: 'count' };
    columns[c.expected] = { width: 10, style: 'count' };
    columns[c.done] = { width: 10, style: 'count' };
    columns[c.left] = { width: 10, style: 'count' };
    columns[c.percent] = { width: 9, style: 'percent' };
    columns[c.status] = { width: 13, style: 'center' };
  }
  columns[layout.width] = { width: 2, hidden: true };
  columns[layout.parent] = { width: 20, style: 'text', hidden: true };
  for (const c of layout.stages) {
    columns[c.unscheduled] = { width: 10, hidden: true };
    columns[c.finish] = { width: 10, hidden: true };
    columns[c.held] = { width: 10, hidden: true };
    columns[c.off] = { width: 10, hidden: true };
  }
  const page = landscapePage(BAND_ROW, SUB_ROW, t.footer, [0, 2]);
  // A period's target and its box never part; each stage's block starts a page of its own.
  const keepCols: [number, number][] = layout.stages.flatMap((c) => [
    ...Array.from(c.target).flatMap((tc, k) => (tc < 0 ? [] : [[tc, c.actual[k]] as [number, number]])),
    [c.need, c.status] as [number, number],
  ]);
  const colStarts = layout.stages.slice(1).map((c) => (c.first >= 0 ? c.first : c.need));
  const colBreaks = columnBreaks(columns, FORM_FONT.size, page, { keepCols, colStarts });
  const pagesAcross = columnPages(colBreaks, layout.width - 1);
  const span = documentSpan(columns.map((c) => c.width), colBreaks, 2, layout.width - 1);
  /** Segments of a merged band cut at the page breaks, each piece repeating the text. */
  /**
   * A band merged per page across, so each page prints its own words; a piece too narrow for them (a last page
   * of one period) carries the short words (the stage alone) rather than lines cut by the row's height.
   */
  const acrossPages = (from: number, to: number, value: string, short: string, lines: number): { from: number; to: number; value: string }[] =>
    pagesAcross.flatMap(([a, b]) => {
      if (b < from || a > to) return [];
      const [x, y] = [Math.max(a, from), Math.min(b, to)];
      let width = 0;
      for (let c = x; c <= y; c++) width += columns[c]?.width ?? 0;
      const fits = Math.ceil((textWidth(value, true) * 1.1) / Math.max(1, width - 1)) <= lines;
      return [{ from: x, to: y, value: fits ? value : short }];
    });

  const { reportDate, workdaysGone: gone } = layout;
  const out = new SheetRows();
  const reporting = options.reportingUnit ? options.reportingUnit.toLocaleUpperCase('vi') : DOTS + DOTS;
  headerBlock(out, [t.doc.reportingUnit, reporting], span, options.lang);
  out.blank(8);
  spanLine(out, span, t.progressTitle[0], 'title', 20);
  spanLine(out, span, t.progressTitle[1], 'title', 20);
  spanLine(out, span, attachedTo(options.document, options.lang), 'attached', 17);
  const startSerial = excelSerialFromDay(settings.start);
  const calDays = sheetRange(calendar.sheet, calendar.dateCol, calendar.firstRow, calendar.ordinalCol, calendar.lastRow);
  // The labels right-aligned over the STT and unit columns, the date and the count in C (the repeated columns).
  out.line([
    { from: 0, to: 1, value: t.reportDate, style: 'labelRight' },
    { from: 2, to: 2, value: { formula: 'TODAY()' }, style: 'inputDate' },
  ], 18);
  out.line([
    { from: 0, to: 1, value: t.workdaysGone, style: 'labelRight' },
    { from: 2, to: 2, value: { formula: `IF(${reportDate}="",0,IF(${reportDate}<${startSerial},0,VLOOKUP(${reportDate},${calDays},${calendar.ordinalCol - calendar.dateCol + 1},TRUE)))` }, style: 'centerPlain' },
  ]);
  const books = stageList.find((s) => s.unit === 'books');
  // The instruction over the boxes' columns (never in the repeated ones: it would print again, cut, across).
  const unitOfMeasure = books ? t.doc.unitOfMeasureBooks(stageLabel(books, options.lang)) : t.doc.unitOfMeasure;
  const instruction = S > 1 ? `${t.howToFill} ${t.howToFillStages}` : t.howToFill;
  // Beside the report date, merged over its two rows (the second grown when the words need more), right of the
  // repeated columns; the unit of measure on the row under it, over the table's right edge.
  const from = Math.max(3, span.from);
  const dateRow = out.rows[REPORT_DATE_ROW - 1];
  const gonesRow = out.rows[WORKDAYS_ROW - 1];
  const beside = (dateRow.height ?? defaultRowHeight(FORM_FONT.size)) + (gonesRow.height ?? defaultRowHeight(FORM_FONT.size));
  const need = wrappedHeight(columns, from, span.to, instruction);
  if (need > beside) gonesRow.height = need - (dateRow.height ?? defaultRowHeight(FORM_FONT.size));
  dateRow.values[from] = instruction;
  for (const row of [dateRow, gonesRow]) {
    row.cellStyles = row.cellStyles ?? [];
    for (let c = from; c <= span.to; c++) row.cellStyles[c] = 'instruction';
  }
  out.merges.push(`${cell(from, REPORT_DATE_ROW)}:${cell(span.to, WORKDAYS_ROW)}`);
  out.line([{ from, to: span.to, value: unitOfMeasure, style: 'unitOfMeasure' }], 17);
  if (out.next !== BAND_ROW) throw new Error('Phụ lục 02: the document block is not where the layout puts it');

  // The header: fixed columns over three rows; each stage's band; each period over its target and box.
  const band: { from: number; to: number; value: ModelValue; style?: string }[] = [
    { from: 0, to: 0, value: t.stt }, { from: 1, to: 1, value: t.unit }, { from: 2, to: 2, value: t.register },
  ];
  const periodRow: ModelValue[] = [];
  const subRow: ModelValue[] = [];
  const fractions: ModelValue[] = [];
  const targetKeys: ModelValue[] = [];
  const actualKeys: ModelValue[] = [];
  const before = workingDaysBefore(plan);
  layout.stages.forEach((c, s) => {
    const stage = stageList[s];
    const short = stage ? `${stageLabel(stage, options.lang)}${stage.unit === 'books' ? ` (${t.booksUnit})` : ''}` : '';
    const lines = S > 1 ? 2 : 1;
    if (c.first >= 0) band.push(...acrossPages(c.first, c.last, banded(s, t.actualsBy), short || t.byPeriod, lines));
    band.push(...acrossPages(c.need, c.status, banded(s, t.tracking), short || t.tracking, lines));
    const w = windowOf(plan, s);
    for (let k = 0; k < P; k++) {
      if (c.target[k] < 0) continue;
      periodRow[c.target[k]] = periodLabel(periods[k], settings.granularity, options.lang);
      subRow[c.target[k]] = t.target;
      subRow[c.actual[k]] = t.actual;
      fractions[c.target[k]] = { formula: fractionFormula(plan, before, k, w.start, w.end, reportDate, gone) };
      const key = excelSerialFromDay(periods[k].start);
      targetKeys[c.target[k]] = key;
      actualKeys[c.actual[k]] = key;
    }
    putTrackingLabels(periodRow, c, t);
  });
  const bandRow = out.line(band.map((b) => ({ ...b, style: 'header' })), S > 1 ? 34 : 20);
  out.rows[bandRow - 1].style = 'header';
  out.push({ values: periodRow, style: 'header', ownStyle: true, height: 18 });
  out.push({ values: subRow, style: 'header', ownStyle: true, height: 32 });
  out.merges.push(...[0, 1, 2].map((i) => `${cell(i, BAND_ROW)}:${cell(i, SUB_ROW)}`));
  for (const c of layout.stages) {
    for (let k = 0; k < P; k++) if (c.target[k] >= 0) out.merges.push(`${cell(c.target[k], PERIOD_ROW)}:${cell(c.actual[k], PERIOD_ROW)}`);
    for (const i of [c.need, c.expected, c.done, c.left, c.percent, c.status]) out.merges.push(`${cell(i, PERIOD_ROW)}:${cell(i, SUB_ROW)}`);
  }
  out.push({ values: fractions, hidden: true, ownStyle: true });
  out.push({ values: targetKeys, hidden: true, ownStyle: true });
  out.push({ values: actualKeys, hidden: true, ownStyle: true });

  // The lines, the parents' headings, the units' subtotals and the total, in row order.
  const sumAt = new Map(layout.sums.map((sum) => [sum.row, sum]));
  const lineAt = new Map(Array.from(layout.lineRow, (row, i) => [row, layout.lines[i]]));
  const P0 = (planRow: number, k: number): number => planRow * P + k;
  const typed = (planRow: number): number => {
    let n = 0;
    if (actuals) for (let k = 0; k < P; k++) n += actuals[P0(planRow, k)] ?? 0;
    return n;
  };
  const keepRows: [number, number][] = [];
  let stt = 0;
  let lastUnit = -1;
  for (let r = FIRST_ROW; r <= layout.totalRow; r++) {
    const sum = sumAt.get(r);
    if (sum) {
      out.push(sumLine(plan, layout, sum, t, typed));
      if (sum.kind === 'parent') stt = 0;
      continue;
    }
    const line = lineAt.get(r)!;
    const row0 = plan.rows[line[0]];
    const unit = plan.units[row0.unitIndex];
    if (row0.unitIndex !== lastUnit) stt++;
    const values: ModelValue[] = [row0.unitIndex !== lastUnit ? stt : null, labels[row0.unitIndex], registerLabel(row0.register, options.lang)];
    lastUnit = row0.unitIndex;
    const cellStyles: (string | undefined)[] = [];
    const present = new Set<number>();
    for (const planRow of line) {
      const row = plan.rows[planRow];
      const c = colsOf(layout, planRow);
      present.add(layout.stageOf[planRow]);
      const need = cell(c.need, r);
      const done = cell(c.done, r);
      const heldHere: number[] = [];
      const off: string[] = [];
      let offSum = 0;
      for (let k = 0; k < P; k++) {
        const target = plan.targets[P0(planRow, k)];
        if (c.target[k] < 0) {
          if (target !== 0) {
            off.push(`${k}:${target}`);
            offSum += target;
          }
          continue;
        }
        values[c.target[k]] = target;
        if (actuals) values[c.actual[k]] = actuals[P0(planRow, k)];
        if (held.has(P0(planRow, k))) {
          heldHere.push(k);
          cellStyles[c.target[k]] = 'held';
        }
      }
      const done0 = typed(planRow);
      values[c.need] = row.remaining;
      const fractionsOf = c.first >= 0 ? `SUMPRODUCT(${blockKeys(c, FRACTION_ROW)},${blockRange(c, r)})` : '0';
      values[c.expected] = { formula: `ROUND(${fractionsOf}${offSum ? `+${offSum}` : ''},0)` };
      values[c.done] = c.first >= 0 ? { formula: `SUMIF(${blockKeys(c, ACTUAL_KEY_ROW)},">0",${blockRange(c, r)})`, result: done0 } : 0;
      values[c.left] = { formula: `${need}-${done}`, result: row.remaining - done0 };
      values[c.percent] = { formula: `IF(${need}=0,1,${done}/${need})`, result: row.remaining === 0 ? 1 : done0 / row.remaining };
      values[c.status] = { formula: statusFormula(t, need, done, cell(c.expected, r)) };
      // As text: LibreOffice prints a hidden figure next to the printed area as ### (see `width`).
      values[c.unscheduled] = String(row.unscheduled);
      values[c.finish] = row.finish === null ? null : formatISO(row.finish);
      values[c.held] = heldHere.length > 0 ? heldHere.join(',') : null;
      values[c.off] = off.length > 0 ? off.join(',') : null;
    }
    // A stage this line has no row for (the books stage on a register's line): its cells shaded, locked, empty.
    layout.stages.forEach((c, s) => {
      if (present.has(s)) return;
      for (let k = 0; k < P; k++) if (c.target[k] >= 0) cellStyles[c.target[k]] = cellStyles[c.actual[k]] = 'none';
      for (let i = c.need; i <= c.status; i++) cellStyles[i] = 'none';
    });
    values[layout.parent] = unit.parent;
    out.push(cellStyles.length > 0 ? { values, cellStyles } : { values });
  }
  // A unit's lines and its subtotal print on one page; a district's heading goes with its first unit.
  for (const sum of layout.sums) {
    if (sum.kind === 'unit') keepRows.push([sum.first, sum.row]);
  }
  layout.sums.filter((s) => s.kind === 'parent').forEach((s) => {
    const firstUnit = keepRows.find(([a]) => a === s.row + 1);
    keepRows.push([s.row, firstUnit ? firstUnit[1] : s.row + 1]);
  });

  // Who prepared it and who signs for the unit, under the table on its first page across.
  out.blank();
  const half = span.split(0.45);
  const foot = footBlocks(out, [
    { from: span.from, to: half, head: [['', ''], [t.doc.preparer, 'signTitle'], [t.doc.signHint, 'signHint']], name: '' },
    { from: half + 1, to: span.to, head: [[placeDateDotted(options.lang), 'dateLine'], [t.doc.head, 'signTitle'], [t.doc.sealHint, 'signHint']], name: '' },
  ], true);
  keepRows.push([withRunAbove(keepRows, layout.totalRow), foot[1]]);

  const { firstRow, lastRow, totalRow } = layout;
  const rowRef = (colIndex: number): string => `$${col(colIndex)}${firstRow}`;
  const inputRanges = layout.inputs.map((c) => `${cell(c, firstRow)}:${cell(c, lastRow)}`).join(' ');
  const first = layout.stages.find((c) => c.first >= 0);
  const last = [...layout.stages].reverse().find((c) => c.first >= 0);
  return {
    name: layout.sheet,
    font: FORM_FONT,
    columns,
    rows: out.rows,
    styles: {
      ...FORM_STYLES,
      labelRight: { bold: true, align: 'right' },
      centerPlain: { align: 'center', bold: true },
      // Where nothing is typed: shaded and locked. None of these draws a line: a box's medium border comes from its
      // column alone (one rectangle a column, in any host), and a sum row's cell there stays boxed, grey and locked.
      none: { fill: 'FFD9D9D9', unlocked: false },
      subtotal: { bold: true, fill: 'FFF2F2F2', unlocked: false },
      total: { bold: true, fill: 'FFE2EFDA', unlocked: false },
      held: { numFmt: '#,##0', bold: true, italic: true, fill: 'FFFCE4D6' },
      ahead: { color: 'FF9C5700', fill: 'FFFFEB9C', bold: true },
    },
    merges: out.merges,
    freeze: { rows: ACTUAL_KEY_ROW, cols: 3 },
    page: printPage({ ...page, printArea: { lastRow: out.rows.length, lastCol: layout.width - 1 } }, colBreaks, out.rows, keepRows),
    marker: formatMarker({ kind: 'progress', planId: options.planId }),
    names: first && last && lastRow >= firstRow ? [{ name: INPUTS_NAME, ref: sheetRange(layout.sheet, first.first, ACTUAL_KEY_ROW, last.last, lastRow) }] : [],
    protect: true,
    validations: [
      ...(inputRanges && lastRow >= firstRow ? [{
        range: inputRanges,
        type: 'whole' as const, min: 0, max: MAX_COUNT,
        prompt: { title: t.inputTitle, text: t.inputPrompt },
        error: { title: t.inputTitle, text: t.inputError },
      }] : []),
      {
        range: cell(2, REPORT_DATE_ROW), type: 'date', min: settings.start - 366, max: calendar.lastDay,
        prompt: { title: t.dateTitle, text: t.datePrompt },
        error: { title: t.dateTitle, text: t.dateError },
      },
    ],
    conditional:
      lastRow >= firstRow
        ? [
            ...layout.stages.flatMap((c) => [c.percent, c.status].flatMap((i) =>
              statusFormats(`${cell(i, firstRow)}:${cell(i, totalRow)}`, rowRef(c.need), rowRef(c.done), rowRef(c.expected)))),
            ...aheadFormats(plan, layout),
          ]
        : [],
  };
}

/** The instruction wraps in its merged cells: the row grows to show it whole (hosts do not fit heights on opening). */
function wrappedHeight(columns: readonly ModelColumn[], from: number, to: number, text: string): number {
  let width = 0;
  for (let c = from; c <= to; c++) width += columns[c]?.width ?? 0;
  return Math.max(1, Math.ceil((textWidth(text) * 1.08) / Math.max(1, width - 1))) * 16;
}

/** "…, ngày … tháng … năm …": a unit's report is dated and signed by hand. */
const placeDateDotted = (lang: 'vi' | 'en'): string => (lang === 'vi' ? `${DOTS}, ngày … tháng … năm …` : `${DOTS}, …/…/……`);

/**
 * A row adding up others (a parent's heading, a unit's subtotal, the total): SUBTOTALs of the tracking columns
 * (SUBTOTAL skips the SUBTOTALs inside its range, so a total never counts a subtotal twice), cached with the plan's
 * figures. Its period cells stay empty, no box: so every number in a block's period columns is a row's own, and
 * sums over them (the roll-up's week, the cumulative table) never count a subtotal.
 */
function sumLine(plan: Plan, layout: ProgressLayout, sum: SumRow, t: FormText, typed: (planRow: number) => number): ModelRow {
  const r = sum.row;
  const values: ModelValue[] = [];
  if (sum.kind === 'parent') [values[0], values[1]] = sum.label!;
  else values[1] = sum.kind === 'unit' ? t.subtotal : t.total;
  const range = (c: number): string => `${cell(c, sum.first)}:${cell(c, Math.max(sum.first, sum.last))}`;
  layout.stages.forEach((c, s) => {
    const rows = sum.planRows.filter((planRow) => layout.stageOf[planRow] === s);
    if (rows.length === 0) return;
    let need = 0;
    let done = 0;
    for (const planRow of rows) {
      need += plan.rows[planRow].remaining;
      done += typed(planRow);
    }
    values[c.need] = { formula: `SUBTOTAL(9,${range(c.need)})`, result: need };
    values[c.expected] = { formula: `SUBTOTAL(9,${range(c.expected)})` };
    values[c.done] = { formula: `SUBTOTAL(9,${range(c.done)})`, result: done };
    values[c.left] = { formula: `SUBTOTAL(9,${range(c.left)})`, result: need - done };
    values[c.percent] = { formula: `IF(${cell(c.need, r)}=0,1,${cell(c.done, r)}/${cell(c.need, r)})`, result: need === 0 ? 1 : done / need };
    values[c.status] = { formula: statusFormula(t, cell(c.need, r), cell(c.done, r), cell(c.expected, r)) };
  });
  return { values, style: sum.kind === 'total' ? 'total' : 'subtotal' };
}

/**
 * The share of period k gone by the report date, within a stage's window: working days of the window gone
 * over the window's working days in the period (the Lịch sheet's ordinals count working days from the plan's
 * start; `before[i]`: working days from the start up to, not including, start + i).
 */
function fractionFormula(plan: Plan, before: Int32Array, k: number, start: number, end: number, reportDate: string, gone: string): string {
  const p = plan.periods[k];
  const at = (day: number): number => before[day - plan.settings.start];
  const from = Math.max(p.start, start);
  const to = Math.min(p.end, end);
  const days = to < from ? 0 : at(to + 1) - at(from);
  if (days === 0) return `IF(${reportDate}>=${excelSerialFromDay(p.end)},1,0)`;
  return `MEDIAN(0,1,(${gone}-${at(from)})/${days})`;
}

/**
 * A stage's actual typed past what the stage before it has done by the same period (same row) is shaded: you
 * cannot attach a scan you have not made. Periods are matched by their start (the hidden key row), since the
 * two stages' blocks need not have the same periods; the formula is relative to the block's first cell.
 */
function aheadFormats(plan: Plan, layout: ProgressLayout): ConditionalFormat[] {
  const stages = plan.settings.stages ?? [];
  const { firstRow, lastRow } = layout;
  const key = ACTUAL_KEY_ROW;
  return stages.flatMap((_, s) => {
    const p = predecessorOf(stages, s);
    const mine = layout.stages[s];
    const pred = p < 0 ? null : layout.stages[p];
    if (!pred || mine.first < 0) return [];
    const here = cell(mine.first, firstRow);
    const keyHere = `${col(mine.first)}$${key}`;
    const cumulative = (c: StageColumns): string =>
      c.first < 0 ? '0' : `SUMIF(${blockKeys(c, key)},"<="&${keyHere},$${col(c.first)}${firstRow}:$${col(c.last)}${firstRow})`;
    return [{
      range: `${here}:${cell(mine.last, lastRow)}`,
      formula: `AND(${keyHere}<>"",${here}<>"",${cumulative(mine)}>${cumulative(pred)})`,
      style: 'ahead',
    }];
  });
}
