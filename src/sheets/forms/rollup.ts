import { DayNumber, excelSerialFromDay, formatVN, ymdFromDay } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { groupTotals, planTotals } from '../../planning/plan-totals';
import { isFinalRow, stageDoing, stageLabel } from '../../planning/stages';
import { ModelColumn, ModelRow, ModelValue, SheetModel } from '../model';
import { CalendarLayout } from './calendar-sheet';
import { DOTS, SheetRows, documentSpan, footBlocks, headerBlock, issuerLines, placeDate, recipientsHead, signerHead, spanLine } from './document';
import { unitLabels } from './groups';
import { quoteSheet } from '../grid';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { columnBreaks, columnPages, fitWidth, printPage } from './pages';
import { ProgressLayout, StageColumns } from './progress-layout';
import { putTrackingLabels, statusFormats, statusFormula } from './tracking';
import { absCell, cell, literal, sheetRange } from './refs';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { FORM_TEXT } from './text';

/** The report date (Phụ lục 02's), under the title. */
const REPORT_DATE_ROW = 5;
/** The cumulative table and its chart, above the roll-up: at most this many points, so they print on the first page. */
const CHART_ROW = 8;
const MAX_POINTS = 16;
const CHART_ROWS = 18;

/** Shown instead of a projected finish, or a week's % and rank, when there is nothing to show. */
const NOTHING = '—';

/** An entry of the roll-up: a block of consecutive rows of Phụ lục 02. */
interface Entry {
  name: string;
  first: number;
  last: number;
}

/** One entry per parent, and one per unit, each covering its rows of Phụ lục 02 (contiguous by construction). */
function entries(plan: Plan, layout: ProgressLayout, labels: readonly string[]): { parents: Entry[]; units: Entry[] } {
  const parents = layout.sums.filter((s) => s.kind === 'parent').map((s) => ({ name: s.label![1], first: s.first, last: s.last }));
  const units: Entry[] = [];
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

/** A point of the cumulative table: the label and the periods it closes (the last one's index). */
interface Point {
  label: string;
  last: number;
}

/**
 * The cumulative table's points: every period while they are few, else weeks (of a daily plan), months or
 * quarters, so the table and its chart fit above the roll-up on the first page.
 */
function points(plan: Plan, lang: 'vi' | 'en'): Point[] {
  const { periods, settings } = plan;
  // Short labels: the table's column is narrow, and its heading says what a point is.
  const short = (day: DayNumber): string => formatVN(day).slice(0, 5);
  const monthOf = (day: DayNumber): string => { const d = ymdFromDay(day); return `${d.month}/${d.year}`; };
  if (periods.length <= MAX_POINTS) {
    return periods.map((p, k) => ({
      label: settings.granularity === 'day' ? short(p.start) : settings.granularity === 'week' ? `${short(p.start)}–${short(p.end)}` : monthOf(p.start),
      last: k,
    }));
  }
  const byKey = (key: (day: DayNumber) => string, label: (first: number, last: number) => string): Point[] => {
    const out: Point[] = [];
    let first = 0;
    periods.forEach((p, k) => {
      if (k + 1 < periods.length && key(periods[k + 1].start) === key(p.start)) return;
      out.push({ label: label(first, k), last: k });
      first = k + 1;
    });
    return out;
  };
  const monday = (day: DayNumber): string => String(day - ((day + 3) % 7));
  const month = (day: DayNumber): string => { const d = ymdFromDay(day); return `${d.year}-${d.month}`; };
  const quarter = (day: DayNumber): string => { const d = ymdFromDay(day); return `${d.year}-${Math.ceil(d.month / 3)}`; };
  if (settings.granularity === 'day') {
    const weeks = byKey(monday, (a, b) => `${short(periods[a].start)}–${short(periods[b].end)}`);
    if (weeks.length <= MAX_POINTS) return weeks;
  }
  if (settings.granularity !== 'month') {
    const months = byKey(month, (a) => monthOf(periods[a].start));
    if (months.length <= MAX_POINTS) return months;
  }
  return byKey(quarter, (a) => { const d = ymdFromDay(periods[a].start); return `${lang === 'vi' ? 'Quý' : 'Q'}${Math.ceil(d.month / 3)}/${d.year}`; });
}

/**
 * Tổng hợp – what the province reads and forwards: issuing body and title with the report date; planned
 * against actual cumulative progress, as a table and a chart; per parent and per unit, what is done against
 * what was expected by the report date, the finish projected at the current pace and the emulation ranking by
 * % done, then the week's results and ranking (the month's in a monthly plan), which the emulation campaigns
 * award by; the signature block. The week's columns print on the page across, next to the units' names.
 */
export function rollupSheet(plan: Plan, progress: ProgressLayout, calendar: CalendarLayout, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const doc = options.document;
  const { settings } = plan;
  const pc = progress.stages[progress.stages.length - 1]; // the final stage: records finished
  const stageList = settings.stages ?? [];
  const S = stageList.length > 1 ? stageList.length : 0;
  const monthly = settings.granularity === 'month';
  const labels = unitLabels(plan, options.lang);

  // Columns: the roll-up, its stage columns, the week's ranking, then the chart's hidden series.
  let c = 0;
  const C = { stt: c++, name: c++, need: c++, expected: c++, done: c++, left: c++, percent: c++, status: c++, projected: c++, rank: c++ };
  const stageCol = (s: number): number => C.rank + 1 + s;
  c += S;
  const nowCol = S > 0 ? c++ : -1;
  const W = { target: c++, done: c++, percent: c++, rank: c++ };
  const gaps = c++;
  const columns: ModelColumn[] = [
    { width: 5, style: 'center' },
    { width: fitWidth([...labels, ...progress.sums.flatMap((s) => s.label ? [s.label[1]] : [])], 18, 30), style: 'text' },
    { width: 11, style: 'count' },
    { width: 11, style: 'count' },
    { width: 11, style: 'count' },
    { width: 11, style: 'count' },
    { width: 8, style: 'percent' },
    { width: 12, style: 'center' },
    { width: 11, style: 'date' },
    { width: 7, style: 'center' },
  ];
  for (let s = 0; s < S; s++) columns[stageCol(s)] = { width: 10, style: 'percent' };
  if (nowCol >= 0) columns[nowCol] = { width: 24, style: 'text' };
  columns[W.target] = { width: 11, style: 'count' };
  columns[W.done] = { width: 11, style: 'count' };
  columns[W.percent] = { width: 9, style: 'percentCenter' };
  columns[W.rank] = { width: 11, style: 'center' };
  columns[gaps] = { width: 10, hidden: true };
  const weekStarts = W.target;
  const page = landscapePage(0, 0, t.footer, [0, 1]);
  const colBreaks = columnBreaks(columns, FORM_FONT.size, page, { keepCols: [[weekStarts, W.rank]] });
  const span = documentSpan(columns.map((x) => x.width), colBreaks, 1, gaps - 1);

  const ps = quoteSheet(progress.sheet);
  const src = (colIndex: number, first: number, last: number): string => sheetRange(progress.sheet, colIndex, first, colIndex, last);
  const gone = `${ps}!${progress.workdaysGone}`;
  const calDates = sheetRange(calendar.sheet, calendar.dateCol, calendar.firstRow, calendar.dateCol, calendar.lastRow);
  const calOrdinals = sheetRange(calendar.sheet, calendar.ordinalCol, calendar.firstRow, calendar.ordinalCol, calendar.lastRow);
  /** Phụ lục 02's report date, shown under the title (right of the span's middle). */
  const reportDate = absCell(span.split(0.5) + 1, REPORT_DATE_ROW);

  const out = new SheetRows();
  headerBlock(out, issuerLines(doc), span, options.lang);
  out.blank(8);
  spanLine(out, span, t.rollupTitle, 'title', 20);
  // The report date under the title, in the middle of the span: label to its left, date to its right.
  const middle = span.split(0.5);
  out.line([
    { from: span.from, to: middle, value: `${t.rollupAsOf}:`, style: 'labelRight' },
    { from: middle + 1, to: Math.min(span.to, middle + 2), value: { formula: `${ps}!${progress.reportDate}` }, style: 'dateLeft' },
  ], 18);
  spanLine(out, span, t.window(settings.start, settings.end, settings.method), 'attached', 17);
  out.blank(8);
  if (out.next !== CHART_ROW) throw new Error('Tổng hợp: the document block is not where the layout puts it');

  // Planned against actual, cumulative: the plan's targets (final stage) and what Phụ lục 02's boxes hold by then.
  const pts = points(plan, options.lang);
  const perPeriod = planTotals(plan).perPeriod;
  // Right of the repeated columns (the names'), like the rest of the document: label, planned, actual; the chart after.
  const P0 = span.from;
  const pt = { label: P0, planned: P0 + 1, actual: P0 + 2 };
  const styled = (values: [number, ModelValue, string][], height?: number): ModelRow => {
    const v: ModelValue[] = [];
    const st: (string | undefined)[] = [];
    for (const [c, value, style] of values) {
      v[c] = value;
      st[c] = style;
    }
    return { values: v, cellStyles: st, ownStyle: true, ...(height ? { height } : {}) };
  };
  out.push(styled([[pt.label, t.period, 'header'], [pt.planned, t.plannedCum, 'header'], [pt.actual, t.actualCum, 'header']], 32));
  const keys = pc.first < 0 ? null : `${ps}!${absCell(pc.first, progress.actualKeyRow)}:${absCell(pc.last, progress.actualKeyRow)}`;
  const boxes = pc.first < 0 ? null : `${ps}!${absCell(pc.first, progress.firstRow)}:${absCell(pc.last, Math.max(progress.firstRow, progress.lastRow))}`;
  let planned = 0;
  let k0 = 0;
  const pointRows: number[] = [];
  for (const p of pts) {
    for (let k = k0; k <= p.last; k++) planned += perPeriod[k];
    const start = excelSerialFromDay(plan.periods[k0].start);
    const lastStart = excelSerialFromDay(plan.periods[p.last].start);
    k0 = p.last + 1;
    const actual = keys && boxes ? `SUMPRODUCT((${keys}>0)*(${keys}<=${lastStart})*${boxes})` : '0';
    const r = out.next;
    const row = styled([[pt.label, p.label, 'periodText'], [pt.planned, planned, 'countBox'],
      [pt.actual, { formula: `IF(${start}>${reportDate},"",${actual})` }, 'countBox']]);
    // The chart's series: the same figures, #N/A (a gap, never printed: the column is hidden) after the report date.
    row.values[gaps] = { formula: `IF(ISNUMBER(${cell(pt.actual, r)}),${cell(pt.actual, r)},NA())` };
    pointRows.push(out.push(row));
  }
  const chartEnd = CHART_ROW + CHART_ROWS;
  while (out.next <= chartEnd) out.blank();
  out.blank(8);

  // The roll-up, with the week's columns on the page across.
  const band = out.line([
    { from: 0, to: 0, value: t.stt, style: 'header' },
    { from: 1, to: 1, value: t.unit, style: 'header' },
    // Merged per page across, so each page's piece prints its words whole.
    ...columnPages(colBreaks, gaps - 1)
      .filter(([a, b]) => b >= 2 && a <= (nowCol >= 0 ? nowCol : C.rank))
      .map(([a, b]) => ({ from: Math.max(2, a), to: Math.min(b, nowCol >= 0 ? nowCol : C.rank), value: t.tracking, style: 'header' })),
    { from: W.target, to: W.target, value: (monthly ? t.month : t.week).from, style: 'header' },
    { from: W.done, to: W.done, value: { formula: monday(reportDate, monthly, settings.start, settings.end) }, style: 'headerDate' },
    { from: W.percent, to: W.percent, value: (monthly ? t.month : t.week).to, style: 'header' },
    { from: W.rank, to: W.rank, value: { formula: sunday(reportDate, monthly, settings.start, settings.end) }, style: 'headerDate' },
  ], 20);
  const header: ModelValue[] = [];
  putTrackingLabels(header, C, t);
  header[C.projected] = t.projected;
  header[C.rank] = t.rank;
  stageList.forEach((stage, s) => {
    if (S > 0) header[stageCol(s)] = t.stagePercent(stageLabel(stage, options.lang));
  });
  if (nowCol >= 0) header[nowCol] = t.stageNow;
  const w = monthly ? t.month : t.week;
  header[W.target] = w.target;
  header[W.done] = w.done;
  header[W.percent] = w.percent;
  header[W.rank] = w.rank;
  const headerRow = out.push({ values: header, style: 'header', height: 48 });
  out.merges.push(`${cell(0, band)}:${cell(0, headerRow)}`, `${cell(1, band)}:${cell(1, headerRow)}`);
  const weekFrom = absCell(W.done, band);
  const weekTo = absCell(W.rank, band);

  const afterCalendar = `${t.afterCalendar} ${formatVN(calendar.lastDay)}`;
  const tkeys = pc.first < 0 ? null : `${ps}!${absCell(pc.first, progress.targetKeyRow)}:${absCell(pc.last, progress.targetKeyRow)}`;
  /** A stage block's period cells of an entry's rows that fall in the week (or month), added up. */
  const inWeek = (keysRange: string | null, e: Entry): string => {
    if (!keysRange) return '0';
    const rows = `${ps}!${cell(pc.first, e.first)}:${cell(pc.last, e.last)}`;
    return `SUMPRODUCT((${keysRange}>=${weekFrom})*(${keysRange}<=${weekTo})*${rows})`;
  };
  /**
   * % done per stage, and the stage an entry is in (the Đồng Nai groups): finished when the final stage is;
   * not started when nothing is done; awaiting the final stage when every earlier one is done; else the first
   * stage not done yet.
   */
  const putStages = (v: ModelValue[], e: Entry, r: number): void => {
    progress.stages.forEach((st: StageColumns, s) => {
      const need = `SUBTOTAL(9,${src(st.need, e.first, e.last)})`;
      const done = `SUBTOTAL(9,${src(st.done, e.first, e.last)})`;
      v[stageCol(s)] = { formula: `IF(${need}=0,1,${done}/${need})` };
    });
    const pct = (s: number): string => cell(stageCol(s), r);
    const anyDone = progress.stages.map((st) => `SUBTOTAL(9,${src(st.done, e.first, e.last)})`).join('+');
    let inStage = literal(t.stageStates.waiting(stageLabel(stageList[S - 1], options.lang)));
    for (let s = S - 2; s >= 0; s--) inStage = `IF(${pct(s)}<1,${literal(stageDoing(stageList[s], options.lang))},${inStage})`;
    v[nowCol] = { formula: `IF(${pct(S - 1)}>=1,${literal(t.statuses.done)},IF(${anyDone}=0,${literal(t.stageStates.notStarted)},${inStage}))` };
  };
  const entryRow = (stt: number | null, e: Entry, r: number, ranks: { all: string; week: string } | null): ModelRow => {
    const v: ModelValue[] = [];
    const need = cell(C.need, r);
    const done = cell(C.done, r);
    const left = cell(C.left, r);
    const { need: needTotal, done: doneTotal } = sumRows(plan, progress, e, options.actuals);
    v[C.stt] = stt;
    v[C.name] = e.name;
    v[C.need] = { formula: `SUBTOTAL(9,${src(pc.need, e.first, e.last)})`, result: needTotal };
    v[C.expected] = { formula: `SUBTOTAL(9,${src(pc.expected, e.first, e.last)})` };
    v[C.done] = { formula: `SUBTOTAL(9,${src(pc.done, e.first, e.last)})`, result: doneTotal };
    v[C.left] = { formula: `${need}-${done}`, result: needTotal - doneTotal };
    v[C.percent] = { formula: `IF(${need}=0,1,${done}/${need})`, result: needTotal === 0 ? 1 : doneTotal / needTotal };
    v[C.status] = { formula: statusFormula(t, need, done, cell(C.expected, r)) };
    v[C.projected] = {
      formula: `IF(OR(${done}>=${need},${done}=0,${gone}=0),"${NOTHING}",IFERROR(INDEX(${calDates},MATCH(${gone}+ROUNDUP(${left}*${gone}/${done},0),${calOrdinals},0)),${literal(afterCalendar)}))`,
      // With actuals carried over, the projection depends on the report date: the host calculates it on open.
      ...(doneTotal === 0 ? { result: NOTHING } : {}),
    };
    v[C.rank] = ranks ? { formula: `RANK(${cell(C.percent, r)},${ranks.all})` } : null;
    if (S > 0) putStages(v, e, r);
    const wt = cell(W.target, r);
    const wp = cell(W.percent, r);
    v[W.target] = { formula: inWeek(tkeys, e) };
    v[W.done] = { formula: inWeek(keys, e) };
    v[W.percent] = { formula: `IF(${wt}=0,"${NOTHING}",${cell(W.done, r)}/${wt})` };
    v[W.rank] = ranks ? { formula: `IF(ISNUMBER(${wp}),RANK(${wp},${ranks.week}),"${NOTHING}")` } : null;
    return stt === null ? { values: v, style: 'total', ownStyle: false } : { values: v };
  };

  const all: Entry = { name: t.total, first: progress.firstRow, last: Math.max(progress.firstRow, progress.lastRow) };
  const totalRow = out.next;
  out.push(entryRow(null, all, totalRow, null));
  const { parents, units } = entries(plan, progress, labels);
  // The roll-up starts a page of its own, its header kept with its first rows.
  const keepRows: [number, number][] = [[CHART_ROW, chartEnd], [band, totalRow + 3]];
  const section = (label: string, list: Entry[]): void => {
    const at = out.push({ values: [null, label], cellStyles: [undefined, 'section'], ownStyle: true });
    const first = out.next;
    const range = (colIndex: number): string => `${absCell(colIndex, first)}:${absCell(colIndex, first + list.length - 1)}`;
    list.forEach((e, i) => out.push(entryRow(i + 1, e, first + i, { all: range(C.percent), week: range(W.percent) })));
    keepRows.push([at, Math.min(out.next - 1, at + 1)]);
  };
  if (parents.length > 0) section(t.byParent, parents);
  section(t.byUnit, units);
  const lastRow = out.next - 1;

  // Recipients, who prepared it, and the signer, under the roll-up on its first page across.
  out.blank();
  const thirds = [span.split(0.33), span.split(0.62)];
  const foot = footBlocks(out, [
    { from: span.from, to: thirds[0], head: recipientsHead(doc, t), name: '' },
    { from: thirds[0] + 1, to: thirds[1], head: [['', ''], [t.doc.preparer, 'signTitle']], name: doc.preparer.trim() || DOTS + DOTS },
    { from: thirds[1] + 1, to: span.to, head: [[placeDate({ place: doc.place, issued: null }, options.lang), 'dateLine'], ...signerHead(doc)], name: doc.signer.trim() || DOTS + DOTS },
  ]);
  keepRows.push([lastRow - 1, foot[1]]);

  const titles: [number, number] = [band, headerRow];
  const withTitles = { ...page, printTitleRows: titles, printArea: { lastRow: out.rows.length, lastCol: gaps - 1 } };
  return {
    name: options.names.rollup,
    font: FORM_FONT,
    columns,
    rows: out.rows,
    styles: {
      ...FORM_STYLES,
      labelRight: { bold: true, align: 'right' },
      dateLeft: { numFmt: 'dd/mm/yyyy', bold: true, align: 'left' },
      headerDate: { ...FORM_STYLES.header, numFmt: 'dd/mm/yyyy' },
      section: { bold: true, italic: true },
      periodText: { border: true, align: 'center' },
      percentCenter: { numFmt: '0.0%', border: true, align: 'center' },
      countBox: { numFmt: '#,##0', border: true },
    },
    merges: out.merges,
    // The columns of whose row it is; no rows: above the header are the document block and the chart, which
    // frozen would fill a laptop's window (the printed pages repeat the header).
    freeze: { rows: 0, cols: 2 },
    page: printPage(withTitles, colBreaks, out.rows, keepRows, FORM_FONT.size, [band]),
    marker: formatMarker({ kind: 'rollup', planId: options.planId }),
    conditional: statusFormats(`${cell(C.status, totalRow)}:${cell(C.status, lastRow)}`, `$C${totalRow}`, `$E${totalRow}`, `$D${totalRow}`),
    charts:
      pts.length > 0
        ? [{
            title: t.chartTitle,
            from: { col: pt.actual + 1, row: CHART_ROW - 1 },
            to: { col: span.to + 1, row: chartEnd },
            categories: sheetRange(options.names.rollup, pt.label, pointRows[0], pt.label, pointRows[pointRows.length - 1]),
            series: [
              { name: t.plannedCum, values: sheetRange(options.names.rollup, pt.planned, pointRows[0], pt.planned, pointRows[pointRows.length - 1]), color: 'FF4472C4' },
              { name: t.actualCum, values: sheetRange(options.names.rollup, gaps, pointRows[0], gaps, pointRows[pointRows.length - 1]), color: 'FFED7D31' },
            ],
          }]
        : [],
  };
}

/** The first day of the week (Monday) holding the report date, or of its month in a monthly plan, within the plan. */
const monday = (d: string, monthly: boolean, start: DayNumber, end: DayNumber): string => {
  const x = within(d, start, end);
  return `MAX(${monthly ? `DATE(YEAR(${x}),MONTH(${x}),1)` : `${x}-WEEKDAY(${x},3)`},${excelSerialFromDay(start)})`;
};
/** Its last day (Sunday, or the month's), within the plan. */
const sunday = (d: string, monthly: boolean, start: DayNumber, end: DayNumber): string => {
  const x = within(d, start, end);
  return `MIN(${monthly ? `EOMONTH(${x},0)` : `${x}-WEEKDAY(${x},3)+6`},${excelSerialFromDay(end)})`;
};
/** A report date outside the plan reads as the plan's nearest day: its week is the plan's first or last. */
const within = (d: string, start: DayNumber, end: DayNumber): string =>
  `MIN(MAX(${d},${excelSerialFromDay(start)}),${excelSerialFromDay(end)})`;

/** Records to digitize (the plan's total of the entry's rows) and done (the final stage's): the cached values of their sums. */
function sumRows(plan: Plan, layout: ProgressLayout, e: Entry, actuals: FormOptions['actuals']): { need: number; done: number } {
  const P = plan.periods.length;
  // The lines are in row order: the entry's are found from the first at or below its first row.
  const planRows: number[] = [];
  const rows = layout.lineRow;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < e.first) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < rows.length && rows[i] <= e.last; i++) planRows.push(...layout.lines[i]);
  let done = 0;
  if (actuals) {
    for (const planRow of planRows) {
      if (isFinalRow(plan, plan.rows[planRow])) for (let k = 0; k < P; k++) done += actuals[planRow * P + k] ?? 0;
    }
  }
  return { need: groupTotals(plan, planRows).remaining, done };
}
