import { excelSerialFromDay, formatVN } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { groupTotals, planTotals } from '../../planning/plan-totals';
import { isFinalRow } from '../../planning/stage-plan';
import { stageDoing, stageLabel } from '../../planning/stages';
import { ModelRow, ModelValue, SheetModel } from '../model';
import { CalendarLayout } from './calendar-sheet';
import { RowGroup, unitLabels } from './groups';
import { quoteSheet } from '../grid';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { ProgressLayout, putTrackingLabels, statusFormats, statusFormula } from './progress-report';
import { absCell, cell, col, literal, sheetRange } from './refs';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { FORM_TEXT, periodLabel } from './text';

const REPORT_DATE_ROW = 3;
const HEADER_ROW = 5;
const TOTAL_ROW = 6;
/** Columns of the roll-up table (0-based). */
const C = { stt: 0, name: 1, need: 2, expected: 3, done: 4, left: 5, percent: 6, status: 7, projected: 8, rank: 9 } as const;
/** The period table the chart draws, to the right of the roll-up, below the chart (which starts under the frozen rows). */
const CHART_COL = 11;
const CHART_ROWS = 18;
const PERIOD_HEADER_ROW = HEADER_ROW + CHART_ROWS + 2;

/** Shown instead of a projected finish when there is nothing to project (finished, or no pace yet). */
const NOTHING = '—';

/** An entry of the roll-up: a block of consecutive rows of Phụ lục 02. */
interface Entry {
  name: string;
  first: number;
  last: number;
}

/** One entry per parent, and one per unit, each covering its rows of Phụ lục 02 (contiguous by construction). */
function entries(plan: Plan, groups: readonly RowGroup[], layout: ProgressLayout, labels: readonly string[]): { parents: Entry[]; units: Entry[] } {
  const parents: Entry[] = [];
  const units: Entry[] = [];
  for (const g of groups) {
    if (g.rows.length === 0) continue;
    if (g.parent !== null) parents.push({ name: g.parent, first: layout.rowOf[g.rows[0]], last: layout.rowOf[g.rows[g.rows.length - 1]] });
  }
  let current: Entry | null = null;
  let currentUnit = -1;
  for (const planRow of layout.order) {
    const unitIndex = plan.rows[planRow].unitIndex;
    const r = layout.rowOf[planRow];
    if (unitIndex !== currentUnit || current === null) {
      current = { name: labels[unitIndex], first: r, last: r };
      units.push(current);
      currentUnit = unitIndex;
    } else current.last = r;
  }
  return { parents, units };
}

/**
 * Tổng hợp – what the province reads: per parent and per unit, what is done against what was expected by
 * the report date, the finish projected at the current pace, and the emulation ranking by % done; then
 * planned against actual cumulative progress per period, as a table and a chart.
 */
export function rollupSheet(plan: Plan, groups: readonly RowGroup[], progress: ProgressLayout, calendar: CalendarLayout, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const { settings, periods } = plan;
  const P = periods.length;
  const pc = progress.stages[progress.stages.length - 1]; // the final stage: records finished
  const stageList = settings.stages ?? [];
  const S = stageList.length > 1 ? stageList.length : 0;
  /** With stages: % done per stage, then the stage each entry is in, after the rank. */
  const stageCol = (s: number): number => C.rank + 1 + s;
  const nowCol = C.rank + 1 + S;
  const tableEnd = S > 0 ? nowCol : C.rank;
  const chartCol = CHART_COL + (S > 0 ? S + 1 : 0);
  const src = (colIndex: number, first: number, last: number): string => sheetRange(progress.sheet, colIndex, first, colIndex, last);
  const ps = quoteSheet(progress.sheet);
  const gone = `${ps}!${progress.workdaysGone}`;
  const calDates = sheetRange(calendar.sheet, calendar.dateCol, calendar.firstRow, calendar.dateCol, calendar.lastRow);
  const calOrdinals = sheetRange(calendar.sheet, calendar.ordinalCol, calendar.firstRow, calendar.ordinalCol, calendar.lastRow);
  const reportDate = absCell(2, REPORT_DATE_ROW);

  const rows: ModelRow[] = [
    { values: [t.rollupTitle], style: 'title', ownStyle: true },
    { values: [t.window(settings.start, settings.end, settings.method)], style: 'subtitle', ownStyle: true },
    {
      values: [null, t.reportDate, { formula: `${ps}!${progress.reportDate}` }],
      cellStyles: [undefined, 'labelRight', 'dateBold'],
      ownStyle: true,
    },
    { values: [] },
  ];
  const header: ModelValue[] = [];
  header[C.stt] = t.stt;
  header[C.name] = t.unit;
  putTrackingLabels(header, C, t);
  header[C.projected] = t.projected;
  header[C.rank] = t.rank;
  stageList.forEach((stage, s) => {
    if (S > 0) header[stageCol(s)] = t.stagePercent(stageLabel(stage, options.lang));
  });
  if (S > 0) header[nowCol] = t.stageNow;
  rows.push(tableRow(header, 'header', 36, tableEnd));

  const afterCalendar = `${t.afterCalendar} ${formatVN(calendar.lastDay)}`;
  /**
   * % done per stage, and the stage an entry is in (the Đồng Nai groups): finished when the final stage is;
   * not started when nothing is done; awaiting the final stage when every earlier one is done; else the first
   * stage not done yet.
   */
  const putStages = (v: ModelValue[], e: Entry, r: number): void => {
    progress.stages.forEach((c, s) => {
      const need = `SUM(${src(c.need, e.first, e.last)})`;
      const done = `SUM(${src(c.done, e.first, e.last)})`;
      v[stageCol(s)] = { formula: `IF(${need}=0,1,${done}/${need})` };
    });
    const pct = (s: number): string => cell(stageCol(s), r);
    const anyDone = progress.stages.map((c) => `SUM(${src(c.done, e.first, e.last)})`).join('+');
    let inStage = literal(t.stageStates.waiting(stageLabel(stageList[S - 1], options.lang)));
    for (let s = S - 2; s >= 0; s--) inStage = `IF(${pct(s)}<1,${literal(stageDoing(stageList[s], options.lang))},${inStage})`;
    v[nowCol] = { formula: `IF(${pct(S - 1)}>=1,${literal(t.statuses.done)},IF(${anyDone}=0,${literal(t.stageStates.notStarted)},${inStage}))` };
  };
  const entryRow = (stt: number | null, e: Entry, r: number, rankRange: string | null): ModelRow => {
    const v: ModelValue[] = [];
    const need = cell(C.need, r);
    const done = cell(C.done, r);
    const left = cell(C.left, r);
    const { need: needTotal, done: doneTotal } = sumRows(plan, progress, e, options.actuals);
    v[C.stt] = stt;
    v[C.name] = e.name;
    v[C.need] = { formula: `SUM(${src(pc.need, e.first, e.last)})`, result: needTotal };
    v[C.expected] = { formula: `SUM(${src(pc.expected, e.first, e.last)})` };
    v[C.done] = { formula: `SUM(${src(pc.done, e.first, e.last)})`, result: doneTotal };
    v[C.left] = { formula: `${need}-${done}`, result: needTotal - doneTotal };
    v[C.percent] = { formula: `IF(${need}=0,1,${done}/${need})`, result: needTotal === 0 ? 1 : doneTotal / needTotal };
    v[C.status] = { formula: statusFormula(t, need, done, cell(C.expected, r)) };
    v[C.projected] = {
      formula: `IF(OR(${done}>=${need},${done}=0,${gone}=0),"${NOTHING}",IFERROR(INDEX(${calDates},MATCH(${gone}+ROUNDUP(${left}*${gone}/${done},0),${calOrdinals},0)),${literal(afterCalendar)}))`,
      // With actuals carried over, the projection depends on the report date: the host calculates it on open.
      ...(doneTotal === 0 ? { result: NOTHING } : {}),
    };
    v[C.rank] = rankRange ? { formula: `RANK(${cell(C.percent, r)},${rankRange})` } : null;
    if (S > 0) putStages(v, e, r);
    return stt === null ? tableRow(v, 'total', undefined, tableEnd) : { values: v };
  };

  const all: Entry = { name: t.total, first: progress.firstRow, last: progress.lastRow };
  rows.push(entryRow(null, all, TOTAL_ROW, null));
  const { parents, units } = entries(plan, groups, progress, unitLabels(plan, options.lang));
  const section = (label: string, list: Entry[]): void => {
    rows.push({ values: [null, label], cellStyles: [undefined, 'section'], ownStyle: true });
    const first = rows.length + 1;
    const rankRange = `${absCell(C.percent, first)}:${absCell(C.percent, first + list.length - 1)}`;
    list.forEach((e, i) => rows.push(entryRow(i + 1, e, first + i, rankRange)));
  };
  if (parents.length > 0) section(t.byParent, parents);
  section(t.byUnit, units);
  const lastRow = rows.length;

  // The period table and the chart: planned cumulative targets (the engine's) against the typed actuals.
  const planned = planTotals(plan).perPeriod;
  const setAt = (r: number, colIndex: number, value: ModelValue, style: string): void => {
    while (rows.length < r) rows.push({ values: [], ownStyle: true });
    const row = rows[r - 1];
    row.values[colIndex] = value;
    (row.cellStyles ??= [])[colIndex] = style;
  };
  const tableEnds = rows.length;
  setAt(PERIOD_HEADER_ROW, chartCol, t.period, 'header');
  if (tableEnds < PERIOD_HEADER_ROW) rows[PERIOD_HEADER_ROW - 1].height = 30; // never stretch a roll-up row
  setAt(PERIOD_HEADER_ROW, chartCol + 1, t.plannedCum, 'header');
  setAt(PERIOD_HEADER_ROW, chartCol + 2, t.actualCum, 'header');
  let cumulative = 0;
  periods.forEach((p, k) => {
    const r = PERIOD_HEADER_ROW + 1 + k;
    cumulative += planned[k];
    const actual = `SUM(${src(pc.actual0 + k, progress.firstRow, progress.lastRow)})${k > 0 ? `+${cell(chartCol + 2, r - 1)}` : ''}`;
    setAt(r, chartCol, periodLabel(p, settings.granularity, options.lang), 'periodText');
    setAt(r, chartCol + 1, cumulative, 'count');
    setAt(r, chartCol + 2, { formula: `IF(${excelSerialFromDay(p.start)}>${reportDate},NA(),${actual})` }, 'count');
  });
  const periodFirst = PERIOD_HEADER_ROW + 1;
  const periodLast = PERIOD_HEADER_ROW + P;

  return {
    name: options.names.rollup,
    font: FORM_FONT,
    columns: [
      { width: 5, style: 'center' },
      { width: 26, style: 'text' },
      { width: 12, style: 'count' },
      { width: 12, style: 'count' },
      { width: 12, style: 'count' },
      { width: 12, style: 'count' },
      { width: 10, style: 'percent' },
      { width: 13, style: 'center' },
      { width: 13, style: 'date' },
      { width: 8, style: 'center' },
      ...Array.from({ length: S }, () => ({ width: 10, style: 'percent' })),
      ...(S > 0 ? [{ width: 24, style: 'text' }] : []),
      { width: 3 },
      { width: 16 },
      { width: 14 },
      { width: 14 },
    ],
    rows,
    styles: {
      ...FORM_STYLES,
      labelRight: { bold: true, align: 'right' },
      dateBold: { numFmt: 'dd/mm/yyyy', bold: true, align: 'center' },
      section: { bold: true, italic: true },
      periodText: { border: true },
    },
    merges: [`A1:${col(tableEnd)}1`, `A2:${col(tableEnd)}2`],
    freeze: { rows: HEADER_ROW, cols: 2 },
    page: landscapePage(HEADER_ROW, HEADER_ROW, t.footer),
    marker: formatMarker({ kind: 'rollup', planId: options.planId }),
    conditional: statusFormats(`${cell(C.status, TOTAL_ROW)}:${cell(C.status, lastRow)}`, `$C${TOTAL_ROW}`, `$E${TOTAL_ROW}`, `$D${TOTAL_ROW}`),
    charts:
      P > 0
        ? [
            {
              title: t.chartTitle,
              from: { col: chartCol, row: HEADER_ROW },
              to: { col: chartCol + 8, row: HEADER_ROW + CHART_ROWS },
              categories: sheetRange(options.names.rollup, chartCol, periodFirst, chartCol, periodLast),
              series: [
                { name: t.plannedCum, values: sheetRange(options.names.rollup, chartCol + 1, periodFirst, chartCol + 1, periodLast), color: 'FF4472C4' },
                { name: t.actualCum, values: sheetRange(options.names.rollup, chartCol + 2, periodFirst, chartCol + 2, periodLast), color: 'FFED7D31' },
              ],
            },
          ]
        : [],
  };
}

/** A row styled across the roll-up table only, not across the period table beside it. */
function tableRow(values: ModelValue[], style: string, height: number | undefined, lastCol: number): ModelRow {
  return { values, cellStyles: Array.from({ length: lastCol + 1 }, () => style), height };
}

/** Records to digitize (the plan's total of the entry's rows) and done (the final stage's): the cached values of their SUMs. */
function sumRows(plan: Plan, layout: ProgressLayout, e: Entry, actuals: FormOptions['actuals']): { need: number; done: number } {
  const P = plan.periods.length;
  const planRows: number[] = [];
  for (let r = e.first; r <= e.last; r++) planRows.push(...(layout.lines[r - layout.firstRow] ?? []));
  let done = 0;
  if (actuals) {
    for (const planRow of planRows) {
      if (isFinalRow(plan, plan.rows[planRow])) for (let k = 0; k < P; k++) done += actuals[planRow * P + k] ?? 0;
    }
  }
  return { need: groupTotals(plan, planRows).remaining, done };
}
