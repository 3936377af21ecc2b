import { excelSerialFromDay } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { MAX_COUNT } from '../../planning/units';
import { ConditionalFormat, ModelRow, ModelValue, SheetModel } from '../model';
import { makeCalendar, workingDayFlags } from '../../planning/calendar';
import { predecessorOf, stageLabel } from '../../planning/stages';
import { CalendarLayout } from './calendar-sheet';
import { RowGroup, displayOrder, unitLabels } from './groups';
import { quoteSheet } from '../grid';
import { ACTUALS_NAME, formatMarker } from './marker';
import { FormOptions } from './options';
import { absCell, cell, col, literal, sheetRange } from './refs';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { registerLabel } from '../../planning/registers';
import { FORM_TEXT, FormText, periodLabel } from './text';

const REPORT_DATE_ROW = 4;
const WORKDAYS_ROW = 5;
const BAND_ROW = 7;
const HEADER_ROW = 8;
const FRACTION_ROW = 9;
const FIRST_ROW = 10;

/** One stage's columns on Phụ lục 02 (a plan without stages has one). Columns are 0-based. */
export interface StageColumns {
  actual0: number;
  need: number;
  done: number;
  left: number;
  percent: number;
  expected: number;
  status: number;
  target0: number;
  /** Hidden after the targets: what a re-split reads back (a revision's targets are not its settings' plan). */
  unscheduled: number;
  finish: number;
  /** The periods (0-based, comma-separated) whose target a planner held. */
  held: number;
}

/**
 * Where everything sits on Phụ lục 02, computed once and shared by the sheet, the roll-up's formulas and
 * the JSON contract's cell addresses. Columns are 0-based, rows 1-based. One sheet row per unit and
 * register; each stage has its own block of actual-input columns, tracking columns and targets, in stage
 * order. The actual-input blocks come right after the unit and register, together, so a district office
 * can fill them on a phone. With one stage the columns are those of the forms before stages existed.
 */
export interface ProgressLayout {
  sheet: string;
  /** Input cell holding the report date (TODAY() until someone types a date), as `$C$4`. */
  reportDate: string;
  /** Working days of the plan gone by the report date (from the Lịch sheet). */
  workdaysGone: string;
  firstRow: number;
  lastRow: number;
  /** Plan row indices in display order. */
  order: number[];
  /** Sheet row of each plan row (a unit and register's stages share one). */
  rowOf: Int32Array;
  /** The plan rows each sheet row from `firstRow` shows, one per stage it has. */
  lines: number[][];
  periods: number;
  /** Stage index of each plan row (0 without stages). */
  stageOf: Uint8Array;
  stages: StageColumns[];
  parent: number;
  machines: number;
}

/**
 * Phụ lục 02's columns for P periods and S stages (1 without stages), as `progressLayout` places them: STT,
 * unit and register; per stage P actuals, six tracking columns, P targets and three hidden; parent, machines.
 */
export const progressWidth = (periods: number, stages: number): number => 5 + 2 * stages * periods + 9 * stages;

/** Phụ lục 02's header rows above the first unit. */
export const PROGRESS_HEADER_ROWS = FIRST_ROW - 1;

/** The columns of a plan row: its stage's. */
export const colsOf = (layout: ProgressLayout, planRow: number): StageColumns => layout.stages[layout.stageOf[planRow]];

export function progressLayout(plan: Plan, groups: readonly RowGroup[], options: FormOptions): ProgressLayout {
  const P = plan.periods.length;
  const order = displayOrder(groups);
  const rowOf = new Int32Array(plan.rows.length);
  const stageOf = new Uint8Array(plan.rows.length);
  const lines: number[][] = [];
  let lastKey = '';
  for (const planRow of order) {
    const { unitIndex, register, stage } = plan.rows[planRow];
    const key = `${unitIndex}\u0000${register}`;
    if (key !== lastKey || lines.length === 0) lines.push([]);
    lastKey = key;
    lines[lines.length - 1].push(planRow);
    rowOf[planRow] = FIRST_ROW + lines.length - 1;
    stageOf[planRow] = stage ?? 0;
  }
  const S = Math.max(1, plan.settings.stages?.length ?? 0);
  const a = 3 + S * P;
  const t0 = a + 6 * S + 2;
  const stages: StageColumns[] = Array.from({ length: S }, (_, s) => ({
    actual0: 3 + s * P,
    need: a + 6 * s, done: a + 6 * s + 1, left: a + 6 * s + 2, percent: a + 6 * s + 3, expected: a + 6 * s + 4, status: a + 6 * s + 5,
    target0: t0 + s * P,
    unscheduled: t0 + S * P + 3 * s, finish: t0 + S * P + 3 * s + 1, held: t0 + S * P + 3 * s + 2,
  }));
  return {
    sheet: options.names.progress,
    reportDate: absCell(2, REPORT_DATE_ROW),
    workdaysGone: absCell(2, WORKDAYS_ROW),
    firstRow: FIRST_ROW,
    lastRow: FIRST_ROW + lines.length - 1,
    order,
    rowOf,
    lines,
    periods: P,
    stageOf,
    stages,
    parent: a + 6 * S,
    machines: a + 6 * S + 1,
  };
}

/** The cells automation types actuals into, and the one showing what remains after them (JSON contract). */
export function progressCells(layout: ProgressLayout, planRow: number): { actualCells: string[]; remainingCell: string } {
  const r = layout.rowOf[planRow];
  const sheet = quoteSheet(layout.sheet);
  const actualCells: string[] = [];
  const c = colsOf(layout, planRow);
  for (let k = 0; k < layout.periods; k++) actualCells.push(`${sheet}!${cell(c.actual0 + k, r)}`);
  return { actualCells, remainingCell: `${sheet}!${cell(c.left, r)}` };
}

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

/** Phụ lục 02 – the progress report the communes fill in: actuals per period (per stage), and how they stand. */
export function progressSheet(plan: Plan, layout: ProgressLayout, calendar: CalendarLayout, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const { periods, settings } = plan;
  const P = periods.length;
  const stageList = settings.stages ?? [];
  const S = layout.stages.length;
  const first = layout.stages[0];
  const lastStage = layout.stages[S - 1];
  const width = lastStage.target0 + P; // the title spans what prints; the hidden columns come after
  const held = new Set(options.held ?? []);
  const actuals = options.actuals;
  const last = col(width - 1);
  /** A band heading: the stage's name before it when the plan has stages. */
  const banded = (s: number, text: string): string => {
    const stage = stageList[s];
    if (!stage) return text;
    return `${stageLabel(stage, options.lang)}${stage.unit === 'books' ? ` (${t.booksUnit})` : ''}: ${text}`;
  };

  const startSerial = excelSerialFromDay(settings.start);
  const calDays = sheetRange(calendar.sheet, calendar.dateCol, calendar.firstRow, calendar.ordinalCol, calendar.lastRow);
  const { reportDate, workdaysGone: gone } = layout;

  const title = (text: string): ModelRow => ({ values: [text], style: 'title', ownStyle: true });
  const rows: ModelRow[] = [
    title(t.progressTitle[0]),
    title(t.progressTitle[1]),
    { values: [t.window(settings.start, settings.end, settings.method)], style: 'subtitle', ownStyle: true },
    { values: [null, t.reportDate, { formula: 'TODAY()' }], cellStyles: [undefined, 'labelRight', 'inputDate'], ownStyle: true },
    {
      values: [null, t.workdaysGone, { formula: `IF(${reportDate}="",0,IF(${reportDate}<${startSerial},0,VLOOKUP(${reportDate},${calDays},${calendar.ordinalCol - calendar.dateCol + 1},TRUE)))` }],
      cellStyles: [undefined, 'labelRight', 'center'],
      ownStyle: true,
    },
    { values: [null, S > 1 ? `${t.howToFill} ${t.howToFillStages}` : t.howToFill], style: 'hint', ownStyle: true },
  ];

  const band: ModelValue[] = [t.stt, t.unit, t.register];
  layout.stages.forEach((c, s) => {
    band[c.actual0] = banded(s, t.actualsBy);
    band[c.need] = banded(s, t.tracking);
    band[c.target0] = banded(s, t.targetsBy);
  });
  band[layout.parent] = t.parent;
  band[layout.machines] = t.machines;
  rows.push({ values: band, style: 'header', height: S > 1 ? 32 : 20 });

  const header: ModelValue[] = [null, null, null];
  const fractions: ModelValue[] = [null, t.elapsed];
  const fractionStyles: (string | undefined)[] = [undefined, 'hint'];
  // One fraction of each period gone per stage: a stage's expected count runs over its own window only.
  const before = workingDaysBefore(plan);
  layout.stages.forEach((c, s) => {
    const stage = stageList[s];
    periods.forEach((p, k) => {
      const label = periodLabel(p, settings.granularity, options.lang);
      header[c.actual0 + k] = label;
      header[c.target0 + k] = label;
      fractions[c.target0 + k] = { formula: fractionFormula(plan, before, k, stage?.start ?? settings.start, stage?.end ?? settings.end, reportDate, gone) };
      fractionStyles[c.target0 + k] = 'fraction';
    });
    putTrackingLabels(header, c, t);
  });
  rows.push({ values: header, style: 'header', height: 36 });
  rows.push({ values: fractions, cellStyles: fractionStyles, ownStyle: true });

  const labels = unitLabels(plan, options.lang);
  /** Cells of a stage block a line has no row for (books on a register's line): locked, shaded, empty. */
  const emptyBlock = (c: StageColumns, styles: (string | undefined)[]): void => {
    for (let k = 0; k < P; k++) styles[c.actual0 + k] = 'none';
  };
  for (const line of layout.lines) {
    const r = layout.rowOf[line[0]];
    const row0 = plan.rows[line[0]];
    const unit = plan.units[row0.unitIndex];
    const values: ModelValue[] = [r - FIRST_ROW + 1, labels[row0.unitIndex], registerLabel(row0.register, options.lang)];
    const cellStyles: (string | undefined)[] = [];
    const present = new Set<number>();
    for (const planRow of line) {
      const row = plan.rows[planRow];
      const c = colsOf(layout, planRow);
      present.add(layout.stageOf[planRow]);
      const need = cell(c.need, r);
      const done = cell(c.done, r);
      const expected = cell(c.expected, r);
      let typed = 0;
      if (actuals) {
        for (let k = 0; k < P; k++) {
          const a = actuals[planRow * P + k];
          values[c.actual0 + k] = a;
          typed += a ?? 0;
        }
      }
      const fractionRange = `${absCell(c.target0, FRACTION_ROW)}:${absCell(c.target0 + P - 1, FRACTION_ROW)}`;
      values[c.need] = row.remaining;
      values[c.done] = { formula: `SUM(${cell(c.actual0, r)}:${cell(c.actual0 + P - 1, r)})`, result: typed };
      values[c.left] = { formula: `${need}-${done}`, result: row.remaining - typed };
      values[c.percent] = { formula: `IF(${need}=0,1,${done}/${need})`, result: row.remaining === 0 ? 1 : typed / row.remaining };
      values[c.expected] = { formula: `ROUND(SUMPRODUCT(${fractionRange},${cell(c.target0, r)}:${cell(c.target0 + P - 1, r)}),0)` };
      values[c.status] = { formula: statusFormula(t, need, done, expected) };
      const heldHere: number[] = [];
      for (let k = 0; k < P; k++) {
        values[c.target0 + k] = plan.targets[planRow * P + k];
        if (held.has(planRow * P + k)) heldHere.push(k);
      }
      values[c.unscheduled] = row.unscheduled;
      values[c.finish] = row.finish === null ? null : { date: row.finish };
      values[c.held] = heldHere.length > 0 ? heldHere.join(',') : null;
      for (const k of heldHere) cellStyles[c.target0 + k] = 'held';
    }
    layout.stages.forEach((c, s) => {
      if (!present.has(s)) emptyBlock(c, cellStyles);
    });
    values[layout.parent] = unit.parent;
    values[layout.machines] = unit.machines;
    rows.push(cellStyles.length > 0 ? { values, cellStyles } : { values });
  }

  const { firstRow, lastRow } = layout;
  const rowRef = (colIndex: number): string => `$${col(colIndex)}${firstRow}`;
  const stageBlock = <T>(make: (c: StageColumns) => T[]): T[] => layout.stages.flatMap(make);
  return {
    name: layout.sheet,
    font: FORM_FONT,
    columns: [
      { width: 5, style: 'center' },
      { width: 24, style: 'text' },
      { width: 24, style: 'text' },
      ...stageBlock(() => periods.map(() => ({ width: 10, style: 'input' }))),
      ...stageBlock(() => [
        { width: 11, style: 'count' },
        { width: 11, style: 'count' },
        { width: 11, style: 'count' },
        { width: 9, style: 'percent' },
        { width: 11, style: 'count' },
        { width: 13, style: 'center' },
      ]),
      { width: 20, style: 'text' },
      { width: 7, style: 'count' },
      ...stageBlock(() => periods.map(() => ({ width: 10, style: 'count' }))),
      ...stageBlock(() => [
        { width: 10, style: 'count', hidden: true },
        { width: 10, style: 'date', hidden: true },
        { width: 10, hidden: true },
      ]),
    ],
    rows,
    styles: {
      ...FORM_STYLES,
      labelRight: { bold: true, align: 'right' },
      fraction: { numFmt: '0%', italic: true, align: 'center', border: true },
      none: { border: true, fill: 'FFD9D9D9' },
      ahead: { color: 'FF9C5700', fill: 'FFFFEB9C', bold: true },
    },
    merges: [
      `A1:${last}1`, `A2:${last}2`, `A3:${last}3`,
      ...[0, 1, 2, layout.parent, layout.machines].map((i) => `${cell(i, BAND_ROW)}:${cell(i, HEADER_ROW)}`),
      ...stageBlock((c) => [
        `${cell(c.actual0, BAND_ROW)}:${cell(c.actual0 + P - 1, BAND_ROW)}`,
        `${cell(c.need, BAND_ROW)}:${cell(c.status, BAND_ROW)}`,
        `${cell(c.target0, BAND_ROW)}:${cell(c.target0 + P - 1, BAND_ROW)}`,
      ]),
    ].filter((m) => !/^([A-Z]+\d+):\1$/.test(m)),
    freeze: { rows: FRACTION_ROW, cols: 3 },
    page: landscapePage(BAND_ROW, HEADER_ROW, t.footer),
    marker: formatMarker({ kind: 'progress', planId: options.planId }),
    names: lastRow >= firstRow ? [{ name: ACTUALS_NAME, ref: sheetRange(layout.sheet, first.actual0, firstRow, lastStage.actual0 + P - 1, lastRow) }] : [],
    protect: true,
    validations: [
      {
        range: `${cell(first.actual0, firstRow)}:${cell(lastStage.actual0 + P - 1, lastRow)}`,
        type: 'whole', min: 0, max: MAX_COUNT,
        prompt: { title: t.inputTitle, text: t.inputPrompt },
        error: { title: t.inputTitle, text: t.inputError },
      },
      {
        range: cell(2, REPORT_DATE_ROW), type: 'date', min: settings.start - 366, max: calendar.lastDay,
        prompt: { title: t.dateTitle, text: t.datePrompt },
        error: { title: t.dateTitle, text: t.dateError },
      },
    ],
    conditional:
      lastRow >= firstRow
        ? [
            ...stageBlock((c) => [c.percent, c.status].flatMap((i) =>
              statusFormats(`${cell(i, firstRow)}:${cell(i, lastRow)}`, rowRef(c.need), rowRef(c.done), rowRef(c.expected)))),
            ...aheadFormats(plan, layout),
          ]
        : [],
  };
}

/**
 * The share of period k gone by the report date, within a stage's window: working days of the window gone
 * over the window's working days in the period (the Lịch sheet's ordinals count working days from the plan's
 * start; `before[i]`: working days from the start up to, not including, start + i). A period without a working
 * day of the window is gone once the report date passes its end.
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

/** Working days from the plan's start up to, not including, each day of the plan and the day after its end. */
function workingDaysBefore(plan: Plan): Int32Array {
  const { start, end, calendar } = plan.settings;
  const flags = workingDayFlags(makeCalendar(calendar), start, end);
  const before = new Int32Array(end - start + 2);
  for (let i = 0; i < flags.length; i++) before[i + 1] = before[i] + flags[i];
  return before;
}

/**
 * A stage's actual typed past what the stage before it has done (cumulative to that period, same row) is
 * shaded: you cannot attach a scan you have not made. The formula is relative to each block's first cell.
 */
function aheadFormats(plan: Plan, layout: ProgressLayout): ConditionalFormat[] {
  const stages = plan.settings.stages ?? [];
  const { firstRow, lastRow, periods: P } = layout;
  return stages.flatMap((_, s) => {
    const p = predecessorOf(stages, s);
    if (p < 0 || P === 0) return [];
    const mine = layout.stages[s].actual0;
    const pred = layout.stages[p].actual0;
    const here = cell(mine, firstRow);
    return [{
      range: `${here}:${cell(mine + P - 1, lastRow)}`,
      formula: `AND(${here}<>"",SUM($${col(mine)}${firstRow}:${here})>SUM($${col(pred)}${firstRow}:${cell(pred, firstRow)}))`,
      style: 'ahead',
    }];
  });
}
