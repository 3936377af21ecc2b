import { excelSerialFromDay, formatISO } from '../../planning/days';
import { Plan } from '../../planning/plan';
import { MAX_COUNT } from '../../planning/units';
import { ConditionalFormat, ModelColumn, ModelRow, ModelValue, SheetModel } from '../model';
import { predecessorOf, stageLabel } from '../../planning/stages';
import { CalendarLayout } from './calendar-sheet';
import { DOTS, SheetRows, attachedTo, documentSpan, footBlocks, headerBlock, placeDate, spanLine } from './document';
import { unitLabels } from './groups';
import { INPUTS_NAME, formatMarker } from './marker';
import { FormOptions } from './options';
import { columnBreaks, columnPages, countWidth, defaultRowHeight, fitWidth, printPage, textWidth, withRunAbove } from './pages';
import { absCell, cell, col, sheetRange } from './refs';
import { FORM_FONT, FORM_STYLES, landscapePage } from './styles';
import { registerLabel } from '../../planning/registers';
import { FORM_TEXT, FormText, periodLabel } from './text';
import { REPORT_DATE_ROW, WORKDAYS_ROW, BAND_ROW, PERIOD_ROW, SUB_ROW, FRACTION_ROW, ACTUAL_KEY_ROW, FIRST_ROW, ProgressLayout, SumRow, StageColumns, colsOf, workingDaysBefore, windowOf } from './progress-layout';
import { putTrackingLabels, statusFormats, statusFormula } from './tracking';

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
  const numberWidth = countWidth(plan.rows, 9);
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
  const unitEnd = new Map<number, number>();
  for (const sum of layout.sums) {
    if (sum.kind === 'unit') {
      keepRows.push([sum.first, sum.row]);
      unitEnd.set(sum.first, sum.row);
    }
  }
  for (const s of layout.sums) if (s.kind === 'parent') keepRows.push([s.row, unitEnd.get(s.row + 1) ?? s.row + 1]);

  // Who prepared it and who signs for the unit, under the table on its first page across.
  out.blank();
  const half = span.split(0.45);
  const foot = footBlocks(out, [
    { from: span.from, to: half, head: [['', ''], [t.doc.preparer, 'signTitle'], [t.doc.signHint, 'signHint']], name: '' },
    { from: half + 1, to: span.to, head: [[placeDate({ place: '', issued: null }, options.lang), 'dateLine'], [t.doc.head, 'signTitle'], [t.doc.sealHint, 'signHint']], name: '' },
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

