import { excelSerialFromDay } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { registerLabel } from '../../planning/registers';
import { stageLabel } from '../../planning/stages';
import { ModelColumn, ModelRow, ModelValue, PageSetup, SheetModel, WIDTH_FONT_SIZE } from '../model';
import { quoteSheet } from '../grid';
import { DOTS, SheetRows, documentSpan, footBlocks, headerBlock, placeDate } from './document';
import { unitLabels } from './groups';
import { formatMarker } from './marker';
import { FormOptions } from './options';
import { defaultRowHeight, fitWidth, fitsAcross, rowBreaks, textWidth, withRunAbove } from './pages';
import { ProgressLayout, StageColumns, colsOf } from './progress-layout';
import { statusFormats, statusFormula } from './tracking';
import { absCell, cell, col, literal } from './refs';
import { FORM_FONT, FORM_STYLES } from './styles';
import { FORM_TEXT } from './text';

const PERIOD_ROW = 5;
const HEADER_ROW = 8;

/**
 * The report of the day (or the week, or the month: the plan's period holding the report date) that a unit
 * sends up, as the plans ask (Chơn Thành before 14:00, Sơn La's communes by 17:00, Đồng Nai weekly): per unit,
 * register and stage, the period's target and what was done in it, the cumulative done against the target to
 * date, what is left, % done and the status. Every figure is a formula over Phụ lục 02, driven by its one
 * report-date cell: type the period's figures there, then print this sheet. One A4 portrait page for a
 * commune's own report (a part split by unit); landscape, with the unit's name on each row, otherwise.
 */
export function reportSheet(plan: Plan, progress: ProgressLayout, options: FormOptions): SheetModel {
  const t = FORM_TEXT[options.lang];
  const r = t.report;
  const { settings } = plan;
  const stages = settings.stages ?? [];
  const staged = stages.length > 1;
  const one = plan.units.length === 1;
  const labels = unitLabels(plan, options.lang);
  const ps = quoteSheet(progress.sheet);
  const p2 = (colIndex: number, row: number): string => `${ps}!${cell(colIndex, row)}`;
  const reportDate = `${ps}!${progress.reportDate}`;

  // Columns: STT, unit (not in a commune's own report), register, stage, then the figures.
  let c = 0;
  const C = {
    stt: c++, unit: one ? -1 : c++, register: c++, stage: staged ? c++ : -1,
    target: c++, done: c++, cumulative: c++, expected: c++, left: c++, percent: c++, status: c++,
  };
  const width = c;
  const stageName = (s: number): string => `${stageLabel(stages[s], options.lang)}${stages[s].unit === 'books' ? ` (${t.booksUnit})` : ''}`;
  // One page across: a commune's own report on A4 portrait at 11 pt with narrow columns; the others on landscape
  // at 12 pt, with narrower figures if need be, then the names' columns narrowed to what is left, their words
  // wrapped on taller rows; so the status never prints on a page of its own. (Widths count digits of a 12 pt
  // font, WIDTH_FONT_SIZE, whatever the sheet's own size.)
  const layoutAt = (figure: number): ModelColumn[] => {
    const columns: ModelColumn[] = [];
    columns[C.stt] = { width: one ? 4 : 5, style: 'center' };
    if (C.unit >= 0) columns[C.unit] = { width: fitWidth(labels, 16, 30), style: 'textWrap' };
    columns[C.register] = { width: fitWidth(plan.registers.map((g) => registerLabel(g, options.lang)), 9, one ? 16 : 26), style: 'textWrap' };
    if (staged) columns[C.stage] = { width: fitWidth(stages.map((_, s) => stageName(s)), 9, one ? 14 : 30), style: 'textWrap' };
    for (const k of [C.target, C.done, C.cumulative, C.expected, C.left]) columns[k] = { width: figure, style: 'count' };
    columns[C.percent] = { width: one || figure < 10 ? 8 : 9, style: 'percent' };
    columns[C.status] = { width: one ? 12 : 13, style: 'center' };
    return columns;
  };
  const fitsOn = (landscape: boolean) => (cs: ModelColumn[]): boolean => fitsAcross(cs.map((x) => x.width), FORM_FONT.size, landscape);
  const narrowed = (landscape: boolean): ModelColumn[] => {
    const fits = fitsOn(landscape);
    const columns = [one ? 8 : 10, 9].map(layoutAt).find(fits) ?? layoutAt(one ? 8 : 9);
    for (const k of [C.stage, C.unit, C.register]) {
      while (k >= 0 && !fits(columns) && columns[k].width > 10) columns[k] = { ...columns[k], width: columns[k].width - 1 };
    }
    return columns;
  };
  // A commune's report in stages may not fit portrait: then it is one landscape page.
  const portrait = one && fitsOn(false)(narrowed(false));
  const columns = narrowed(!portrait);
  const font = { ...FORM_FONT, size: one ? 11 : 12 };
  /** Lines a name takes in its column (wrapped when the column was narrowed). */
  const linesOf = (k: number, text: string): number => (k < 0 ? 1 : Math.ceil((textWidth(text) * font.size) / WIDTH_FONT_SIZE / Math.max(1, columns[k].width - 1)));
  const last = width - 1;
  const span = documentSpan(columns.map((x) => x.width), [], 0, last);
  const split = span.split(one ? 0.4 : 0.45);
  const page: PageSetup = { landscape: !portrait, printTitleRows: [HEADER_ROW, HEADER_ROW], footer: t.footer };

  const out = new SheetRows();
  const reporting = options.reportingUnit ? options.reportingUnit.toLocaleUpperCase('vi') : DOTS + DOTS;
  headerBlock(out, [t.doc.reportingUnit, reporting], span, options.lang, font.size);
  out.blank(8);
  out.line([{ from: 0, to: last, value: r.title, style: 'title' }], 20);
  // The period holding the report date (read as the window's nearest day when outside it): its first and last day.
  const [startSerial, endSerial] = [excelSerialFromDay(settings.start), excelSerialFromDay(settings.end)];
  const d = `MIN(MAX(${reportDate},${startSerial}),${endSerial})`;
  const [first, lastDay] = settings.granularity === 'day'
    ? [d, d]
    : settings.granularity === 'week'
      ? [`${d}-WEEKDAY(${d},3)`, `${d}-WEEKDAY(${d},3)+6`]
      : [`DATE(YEAR(${d}),MONTH(${d}),1)`, `EOMONTH(${d},0)`];
  // The period itself within the window too (a week across the plan's first day starts on it).
  const within = (x: string): string => `MIN(MAX(${x},${startSerial}),${endSerial})`;
  const [from, to] = [within(first), within(lastDay)];
  const periodStart = absCell(C.target, PERIOD_ROW);
  // A day's report names its day; a week's or a month's, its first and last day.
  const daily = settings.granularity === 'day';
  out.line([
    { from: 0, to: C.target - 1, value: daily ? t.reportDate : r.period, style: 'labelRight' },
    { from: C.target, to: C.done, value: { formula: from }, style: 'dateBold' },
    ...(daily ? [] : [
      { from: C.cumulative, to: C.cumulative, value: r.to, style: 'body' },
      { from: C.expected, to: C.left, value: { formula: to }, style: 'dateBold' },
    ]),
  ], 18);
  const books = stages.find((s) => s.unit === 'books');
  out.line([
    { from: 0, to: last, value: books ? t.doc.unitOfMeasureBooks(stageLabel(books, options.lang)) : t.doc.unitOfMeasure, style: 'unitOfMeasure' },
  ], 17);
  out.blank(6);
  if (out.next !== HEADER_ROW) throw new Error('The periodic report: the document block is not where the layout puts it');
  const header: ModelValue[] = [];
  header[C.stt] = t.stt;
  if (C.unit >= 0) header[C.unit] = t.unit;
  header[C.register] = t.register;
  if (staged) header[C.stage] = t.stage;
  header[C.target] = r.periodTarget;
  header[C.done] = r.periodDone;
  header[C.cumulative] = r.cumulative;
  header[C.expected] = t.expected;
  header[C.left] = t.left;
  header[C.percent] = t.percent;
  header[C.status] = t.status;
  out.push({ values: header, style: 'header', height: 48 });

  /** What a stage's block of Phụ lục 02 holds for the period starting on the report's first day, in row `row`. */
  const inPeriod = (st: StageColumns, keyRow: number, row: number): ModelValue =>
    st.first < 0 ? 0 : { formula: `SUMIF(${ps}!${absCell(st.first, keyRow)}:${absCell(st.last, keyRow)},${periodStart},${ps}!${cell(st.first, row)}:${cell(st.last, row)})` };
  const firstData = out.next;
  const keepRows: [number, number][] = [];
  let stt = 0;
  let lastUnit = -1;
  for (const planRow of progress.order) {
    const row = plan.rows[planRow];
    const st = colsOf(progress, planRow);
    const line = progress.rowOf[planRow];
    const values: ModelValue[] = [];
    const firstOfUnit = row.unitIndex !== lastUnit;
    if (firstOfUnit) stt++;
    lastUnit = row.unitIndex;
    values[C.stt] = firstOfUnit ? stt : null;
    if (C.unit >= 0) values[C.unit] = labels[row.unitIndex];
    values[C.register] = registerLabel(row.register, options.lang);
    if (staged) values[C.stage] = stageName(row.stage ?? 0);
    values[C.target] = inPeriod(st, progress.targetKeyRow, line);
    values[C.done] = inPeriod(st, progress.actualKeyRow, line);
    values[C.cumulative] = { formula: p2(st.done, line) };
    values[C.expected] = { formula: p2(st.expected, line) };
    values[C.left] = { formula: p2(st.left, line) };
    values[C.percent] = { formula: p2(st.percent, line) };
    values[C.status] = { formula: p2(st.status, line) };
    const lines = Math.max(linesOf(C.unit, labels[row.unitIndex]), linesOf(C.register, registerLabel(row.register, options.lang)),
      staged ? linesOf(C.stage, stageName(row.stage ?? 0)) : 1);
    const at = out.push(lines > 1 ? { values, height: lines * defaultRowHeight(font.size) } : { values });
    if (firstOfUnit) keepRows.push([at, at]);
    else keepRows[keepRows.length - 1][1] = at;
  }
  const lastData = out.next - 1;
  // The total, per stage with stages (records of one stage and books of another do not add up).
  const totals: ModelRow[] = (staged ? stages.map((_, s) => s) : [-1]).map((s) => {
    const at = out.next + (staged ? s : 0);
    const values: ModelValue[] = [];
    values[staged ? C.stage : C.register] = staged ? `${t.total}: ${stageName(s)}` : t.total;
    if (staged) values[C.register] = null;
    const range = (k: number): string => `${cell(k, firstData)}:${cell(k, Math.max(firstData, lastData))}`;
    const sum = (k: number): ModelValue => (staged
      ? { formula: `SUMIFS(${range(k)},${absRangeOf(C.stage, firstData, lastData)},${literal(stageName(s))})` }
      : { formula: `SUM(${range(k)})` });
    for (const k of [C.target, C.done, C.cumulative, C.expected, C.left]) values[k] = sum(k);
    const need = `(${cell(C.cumulative, at)}+${cell(C.left, at)})`;
    values[C.percent] = { formula: `IF(${need}=0,1,${cell(C.cumulative, at)}/${need})` };
    values[C.status] = { formula: statusFormula(t, need, cell(C.cumulative, at), cell(C.expected, at)) };
    return { values, style: 'total' };
  });
  const firstTotal = out.next;
  for (const row of totals) out.push(row);
  const lastTotal = out.next - 1;

  out.blank();
  const foot = footBlocks(out, [
    { from: 0, to: split, head: [['', ''], [t.doc.preparer, 'signTitle'], [t.doc.signHint, 'signHint']], name: '' },
    { from: split + 1, to: last, head: [[placeDate({ place: '', issued: null }, options.lang), 'dateLine'], [t.doc.head, 'signTitle'], [t.doc.sealHint, 'signHint']], name: '' },
  ], true);
  keepRows.push([withRunAbove(keepRows, firstTotal), foot[1]]);

  const status = `${cell(C.status, firstData)}:${cell(C.status, lastTotal)}`;
  const percent = `${cell(C.percent, firstData)}:${cell(C.percent, lastTotal)}`;
  const need = `($${col(C.cumulative)}${firstData}+$${col(C.left)}${firstData})`;
  return {
    name: options.names.report,
    font,
    columns,
    rows: out.rows,
    styles: {
      ...FORM_STYLES,
      labelRight: { bold: true, align: 'right' },
      dateBold: { numFmt: 'dd/mm/yyyy', bold: true, align: 'center' },
      textWrap: { border: true, wrap: true, valign: 'top' },
    },
    merges: out.merges,
    freeze: { rows: HEADER_ROW, cols: 0 },
    page: { ...page, rowBreaks: rowBreaks(out.rows, font.size, page, { keepRows }) },
    marker: formatMarker({ kind: 'report', planId: options.planId }),
    conditional: [status, percent].flatMap((range) =>
      statusFormats(range, need, `$${col(C.cumulative)}${firstData}`, `$${col(C.expected)}${firstData}`)),
  };
}

const absRangeOf = (c: number, r1: number, r2: number): string => `${absCell(c, r1)}:${absCell(c, Math.max(r1, r2))}`;
