import { excelSerialFromDay } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { MAX_COUNT } from '../../planning/units';
import { ConditionalFormat, ModelRow, ModelValue, SheetModel } from '../model';
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

/**
 * Where everything sits on Phụ lục 02, computed once and shared by the sheet, the roll-up's formulas and
 * the JSON contract's cell addresses. Columns are 0-based, rows 1-based. The actual-input columns come
 * right after the unit and register, together, so a district office can fill them on a phone.
 */
export interface ProgressLayout {
  sheet: string;
  /** Input cell holding the report date (TODAY() until someone types a date), as `$C$4`. */
  reportDate: string;
  /** Working days of the plan gone by the report date (from the Lịch sheet). */
  workdaysGone: string;
  firstRow: number;
  lastRow: number;
  /** Plan row index of each sheet row, from `firstRow`. */
  order: number[];
  /** Sheet row of each plan row. */
  rowOf: Int32Array;
  periods: number;
  cols: {
    actual0: number;
    need: number;
    done: number;
    left: number;
    percent: number;
    expected: number;
    status: number;
    parent: number;
    machines: number;
    target0: number;
    /** Hidden after the targets: what a re-split reads back (a revision's targets are not its settings' plan). */
    unscheduled: number;
    finish: number;
    /** The periods (0-based, comma-separated) whose target a planner held. */
    held: number;
  };
}

export function progressLayout(plan: Plan, groups: readonly RowGroup[], options: FormOptions): ProgressLayout {
  const P = plan.periods.length;
  const order = displayOrder(groups);
  const rowOf = new Int32Array(plan.rows.length);
  order.forEach((planRow, i) => (rowOf[planRow] = FIRST_ROW + i));
  const a = 3 + P;
  return {
    sheet: options.names.progress,
    reportDate: absCell(2, REPORT_DATE_ROW),
    workdaysGone: absCell(2, WORKDAYS_ROW),
    firstRow: FIRST_ROW,
    lastRow: FIRST_ROW + order.length - 1,
    order,
    rowOf,
    periods: P,
    cols: {
      actual0: 3, need: a, done: a + 1, left: a + 2, percent: a + 3, expected: a + 4, status: a + 5, parent: a + 6, machines: a + 7,
      target0: a + 8, unscheduled: a + 8 + P, finish: a + 9 + P, held: a + 10 + P,
    },
  };
}

/** The cells automation types actuals into, and the one showing what remains after them (JSON contract). */
export function progressCells(layout: ProgressLayout, planRow: number): { actualCells: string[]; remainingCell: string } {
  const r = layout.rowOf[planRow];
  const sheet = quoteSheet(layout.sheet);
  const actualCells: string[] = [];
  for (let k = 0; k < layout.periods; k++) actualCells.push(`${sheet}!${cell(layout.cols.actual0 + k, r)}`);
  return { actualCells, remainingCell: `${sheet}!${cell(layout.cols.left, r)}` };
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

/** Phụ lục 02 – the progress report the communes fill in: actuals per period, and how they stand. */
export function progressSheet(plan: Plan, layout: ProgressLayout, calendar: CalendarLayout, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const { periods, settings } = plan;
  const P = periods.length;
  const c = layout.cols;
  const width = c.target0 + P;
  const held = new Set(options.held ?? []);
  const actuals = options.actuals;
  const last = col(width - 1);

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
    { values: [null, t.howToFill], style: 'hint', ownStyle: true },
  ];

  const band: ModelValue[] = [t.stt, t.unit, t.register, t.actualsBy];
  band[c.need] = t.tracking;
  band[c.parent] = t.parent;
  band[c.machines] = t.machines;
  band[c.target0] = t.targetsBy;
  rows.push({ values: band, style: 'header', height: 20 });

  const header: ModelValue[] = [null, null, null];
  const fractions: ModelValue[] = [null, t.elapsed];
  const fractionStyles: (string | undefined)[] = [undefined, 'hint'];
  let before = 0;
  periods.forEach((p, k) => {
    const label = periodLabel(p, settings.granularity, options.lang);
    header[c.actual0 + k] = label;
    header[c.target0 + k] = label;
    fractions[c.target0 + k] = {
      formula: p.workingDays > 0 ? `MEDIAN(0,1,(${gone}-${before})/${p.workingDays})` : `IF(${reportDate}>=${excelSerialFromDay(p.end)},1,0)`,
    };
    fractionStyles[c.target0 + k] = 'fraction';
    before += p.workingDays;
  });
  putTrackingLabels(header, c, t);
  rows.push({ values: header, style: 'header', height: 36 });
  rows.push({ values: fractions, cellStyles: fractionStyles, ownStyle: true });

  const fractionRange = `${absCell(c.target0, FRACTION_ROW)}:${absCell(c.target0 + P - 1, FRACTION_ROW)}`;
  const labels = unitLabels(plan, options.lang);
  for (const planRow of layout.order) {
    const row = plan.rows[planRow];
    const unit = plan.units[row.unitIndex];
    const r = layout.rowOf[planRow];
    const need = cell(c.need, r);
    const done = cell(c.done, r);
    const expected = cell(c.expected, r);
    const values: ModelValue[] = [r - FIRST_ROW + 1, labels[row.unitIndex], registerLabel(row.register, options.lang)];
    let typed = 0;
    if (actuals) {
      for (let k = 0; k < P; k++) {
        const a = actuals[planRow * P + k];
        values[c.actual0 + k] = a;
        typed += a ?? 0;
      }
    }
    values[c.need] = row.remaining;
    values[c.done] = { formula: `SUM(${cell(c.actual0, r)}:${cell(c.actual0 + P - 1, r)})`, result: typed };
    values[c.left] = { formula: `${need}-${done}`, result: row.remaining - typed };
    values[c.percent] = { formula: `IF(${need}=0,1,${done}/${need})`, result: row.remaining === 0 ? 1 : typed / row.remaining };
    values[c.expected] = { formula: `ROUND(SUMPRODUCT(${fractionRange},${cell(c.target0, r)}:${cell(c.target0 + P - 1, r)}),0)` };
    values[c.status] = { formula: statusFormula(t, need, done, expected) };
    values[c.parent] = unit.parent;
    values[c.machines] = unit.machines;
    const heldHere: number[] = [];
    for (let k = 0; k < P; k++) {
      values[c.target0 + k] = plan.targets[planRow * P + k];
      if (held.has(planRow * P + k)) heldHere.push(k);
    }
    values[c.unscheduled] = row.unscheduled;
    values[c.finish] = row.finish === null ? null : { date: row.finish };
    values[c.held] = heldHere.length > 0 ? heldHere.join(',') : null;
    const cellStyles: (string | undefined)[] = [];
    for (const k of heldHere) cellStyles[c.target0 + k] = 'held';
    rows.push(heldHere.length > 0 ? { values, cellStyles } : { values });
  }

  const { firstRow, lastRow } = layout;
  const rowRef = (colIndex: number): string => `$${col(colIndex)}${firstRow}`;
  return {
    name: layout.sheet,
    font: FORM_FONT,
    columns: [
      { width: 5, style: 'center' },
      { width: 24, style: 'text' },
      { width: 24, style: 'text' },
      ...periods.map(() => ({ width: 10, style: 'input' })),
      { width: 11, style: 'count' },
      { width: 11, style: 'count' },
      { width: 11, style: 'count' },
      { width: 9, style: 'percent' },
      { width: 11, style: 'count' },
      { width: 13, style: 'center' },
      { width: 20, style: 'text' },
      { width: 7, style: 'count' },
      ...periods.map(() => ({ width: 10, style: 'count' })),
      { width: 10, style: 'count', hidden: true },
      { width: 10, style: 'date', hidden: true },
      { width: 10, hidden: true },
    ],
    rows,
    styles: {
      ...FORM_STYLES,
      labelRight: { bold: true, align: 'right' },
      fraction: { numFmt: '0%', italic: true, align: 'center', border: true },
    },
    merges: [
      `A1:${last}1`, `A2:${last}2`, `A3:${last}3`,
      ...[0, 1, 2, c.parent, c.machines].map((i) => `${cell(i, BAND_ROW)}:${cell(i, HEADER_ROW)}`),
      `${cell(c.actual0, BAND_ROW)}:${cell(c.actual0 + P - 1, BAND_ROW)}`,
      `${cell(c.need, BAND_ROW)}:${cell(c.status, BAND_ROW)}`,
      `${cell(c.target0, BAND_ROW)}:${cell(c.target0 + P - 1, BAND_ROW)}`,
    ].filter((m) => !/^([A-Z]+\d+):\1$/.test(m)),
    freeze: { rows: FRACTION_ROW, cols: 3 },
    page: landscapePage(BAND_ROW, HEADER_ROW, t.footer),
    marker: formatMarker({ kind: 'progress', planId: options.planId }),
    names: lastRow >= firstRow ? [{ name: ACTUALS_NAME, ref: sheetRange(layout.sheet, c.actual0, firstRow, c.actual0 + P - 1, lastRow) }] : [],
    protect: true,
    validations: [
      {
        range: `${cell(c.actual0, firstRow)}:${cell(c.actual0 + P - 1, lastRow)}`,
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
        ? [c.percent, c.status].flatMap((i) =>
            statusFormats(`${cell(i, firstRow)}:${cell(i, lastRow)}`, rowRef(c.need), rowRef(c.done), rowRef(c.expected)))
        : [],
  };
}
