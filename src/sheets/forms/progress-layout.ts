import { DayNumber } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { makeCalendar, workingDayFlags } from '../../planning/calendar';
import { RowGroup } from './groups';
import { quoteSheet } from '../grid';
import { roman } from './quota-assignment';
import { absCell, cell } from './refs';

/**
 * Where everything is on Phụ lục 02: its header rows, each stage's block of period columns (target and box), the
 * tracking columns, the rows of units and sums. The writer, the other forms' formulas and the readers all take it from here.
 */

/** The document block above the table: issuing (reporting) unit and motto, titles, the plan, report date, instruction. */
export const REPORT_DATE_ROW = 7;
export const WORKDAYS_ROW = 8;
/** The table's three header rows: the stage's band, the period, then "Chỉ tiêu" and "Thực hiện" under it. */
export const BAND_ROW = 10;
export const PERIOD_ROW = 11;
export const SUB_ROW = 12;
/** Hidden rows the formulas read: the share of each period gone, each target's and each box's period (its start). */
export const FRACTION_ROW = 13;
export const TARGET_KEY_ROW = 14;
export const ACTUAL_KEY_ROW = 15;
export const FIRST_ROW = 16;

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
export function workingDaysBefore(plan: Pick<Plan, 'settings'>): Int32Array {
  const { start, end, calendar } = plan.settings;
  const flags = workingDayFlags(makeCalendar(calendar), start, end);
  const before = new Int32Array(end - start + 2);
  for (let i = 0; i < flags.length; i++) before[i + 1] = before[i] + flags[i];
  return before;
}

/** A stage's window (the plan's, without stages). */
export const windowOf = (plan: Pick<Plan, 'settings'>, s: number): { start: DayNumber; end: DayNumber } => plan.settings.stages?.[s] ?? plan.settings;

/** Working days of period k inside [start, end]. */
export function daysIn(plan: Pick<Plan, 'settings' | 'periods'>, before: Int32Array, k: number, start: DayNumber, end: DayNumber): number {
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
