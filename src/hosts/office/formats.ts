import { excelSerialFromDay, formatISO } from '../../planning/days';
import { columnLetters } from '../../sheets/grid';
import { CellStyle, ChartModel, DECREE_30_MARGINS, ModelValue, PageSetup, Validation, WIDTH_FONT_SIZE, argb } from '../../sheets/model';
import { splitAddress } from './address';
import { CellInput, FormatProps, Op, PageOp, SheetRef } from './operations';

/**
 * The sheet model's values, styles and extras as Office.js takes them. The semantics are the file writer's
 * (`src/xlsx/worksheet-xml.ts`): the same cells get the same values, styles and extras.
 */

/** Excel refuses a cell holding more text than this; a data validation's title and message are capped too. */
const MAX_CELL_TEXT = 32767;
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
/** Characters a workbook cannot hold (XML 1.0 forbids them); the file writer drops them too. */
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/**
 * Latin letters, Vietnamese ones included (precomposed), spelled out: panes may run in EdgeHTML 18, which
 * cannot parse `\p{L}`.
 */
export const LETTER = 'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF';
/** Text Excel never reads as anything else (once composed): letters and spaces, not TRUE or FALSE. */
const PLAIN_TEXT = new RegExp(`^[${LETTER}][${LETTER} ]*$`);
/** A defined name Excel takes (Latin letters; the file writer allows any). */
export const NAME = new RegExp(`^[${LETTER}_\\\\][${LETTER}0-9_.\\\\]*$`);
const BOOLEAN_TEXT = /^(true|false)$/i;
/** Text as Excel must keep it: Office.js parses a string as if typed, so text that could read as a number,
 * date, boolean or formula gets Excel's text prefix `'` (which the cell does not show). */
export function textInput(s: string): string | null {
  let t = s.replace(ILLEGAL, '');
  if (t.length > MAX_CELL_TEXT) t = t.slice(0, MAX_CELL_TEXT);
  if (t.length === 0) return null;
  return PLAIN_TEXT.test(t.normalize('NFC')) && !BOOLEAN_TEXT.test(t) ? t : "'" + t;
}

/** A model value as written through `range.formulas`. */
export function cellInput(v: ModelValue | undefined): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string') return textInput(v);
  if ('date' in v) return excelSerialFromDay(v.date);
  return '=' + (v.formula.startsWith('=') ? v.formula.slice(1) : v.formula);
}

export const hex = (color: string): string => '#' + argb(color).slice(2);
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** What `range.format` sets for a style (everything but its number format); null when nothing. */
export function formatProps(style: CellStyle): FormatProps | null {
  const f: FormatProps = {};
  if (style.bold !== undefined) f.bold = style.bold;
  if (style.italic !== undefined) f.italic = style.italic;
  if (style.underline !== undefined) f.underline = style.underline;
  if (style.size !== undefined) f.size = style.size;
  if (style.color) f.color = hex(style.color);
  if (style.fill) f.fill = hex(style.fill);
  if (style.align) f.horizontal = HORIZONTAL[style.align];
  if (style.valign) f.vertical = VERTICAL[style.valign];
  if (style.wrap !== undefined) f.wrap = style.wrap;
  if (style.border !== undefined) f.border = style.border;
  if (style.unlocked !== undefined) f.locked = !style.unlocked;
  return Object.keys(f).length ? f : null;
}

/**
 * Excel measures a column in digits of the Normal font, padding included, and Office.js sets it in points.
 * The model's widths count digits of a WIDTH_FONT_SIZE font (the file's Normal font), whatever the sheet's own
 * size; a digit is about half an em (12 pt: 8 px), and a pixel is ¾ of a point.
 */
export function columnPoints(width: number): number {
  const digitPx = Math.round((WIDTH_FONT_SIZE * 96) / 72 / 2);
  return Math.round(width * digitPx * 0.75 * 100) / 100;
}

export const col = (index: number): string => columnLetters(index + 1);
/** A1 range of 0-based rows [r1, r2] and columns [c1, c2]. */
export const rect = (r1: number, c1: number, r2: number, c2: number): string => `${col(c1)}${r1 + 1}:${col(c2)}${r2 + 1}`;
export const noDollar = (range: string): string => range.replace(/\$/g, '');
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);
/** A formula's string constant: `"…"` with `"` doubled. */
export const stringConstant = (s: string): string => `"${s.replace(/"/g, '""')}"`;

const POINTS_PER_MM = 72 / 25.4;

/** The page setup in Office.js's terms (points, A1 addresses), as the file writer writes it. */
export function pageOp(page: PageSetup): PageOp {
  const m = page.margins ?? DECREE_30_MARGINS;
  const pt = (mm: number): number => Math.round(mm * POINTS_PER_MM * 100) / 100;
  return {
    landscape: page.landscape,
    fitToWidth: !!page.fitToWidth,
    overThenDown: !!page.overThenDown,
    margins: [pt(m.top), pt(m.bottom), pt(m.left), pt(m.right), pt(m.header), pt(m.footer)],
    ...(page.printTitleRows ? { titleRows: `$${page.printTitleRows[0]}:$${page.printTitleRows[1]}` } : {}),
    ...(page.printTitleCols ? { titleColumns: `$${col(page.printTitleCols[0])}:$${col(page.printTitleCols[1])}` } : {}),
    ...(page.printArea ? { printArea: `A1:${col(page.printArea.lastCol)}${page.printArea.lastRow}` } : {}),
    ...(page.header ? { header: page.header } : {}),
    ...(page.footer ? { footer: page.footer } : {}),
    rowBreaks: (page.rowBreaks ?? []).map((r) => `A${r}`),
    colBreaks: (page.colBreaks ?? []).map((c) => `${col(c)}1`),
  };
}

export function validationOp(v: Validation): Op {
  const operator = v.max === undefined ? 'GreaterThanOrEqualTo' : 'Between';
  // Whole numbers as they are; dates (day numbers) as ISO dates, which Office.js reads without a locale.
  const rule: Excel.DataValidationRule =
    v.type === 'whole'
      ? { wholeNumber: { formula1: v.min, ...(v.max !== undefined ? { formula2: v.max } : {}), operator } }
      : { date: { formula1: formatISO(v.min), ...(v.max !== undefined ? { formula2: formatISO(v.max) } : {}), operator } };
  return {
    kind: 'validation',
    range: noDollar(v.range),
    rule,
    prompt: v.prompt && { showPrompt: true, title: clip(v.prompt.title, MAX_TITLE), message: clip(v.prompt.text, MAX_MESSAGE) },
    error: { showAlert: true, style: 'Stop', title: clip(v.error?.title ?? '', MAX_TITLE), message: clip(v.error?.text ?? '', MAX_MESSAGE) },
  };
}

function sheetRef(ref: string): SheetRef {
  const parts = splitAddress(ref);
  if (!parts) throw new Error(`A chart range needs its sheet: ${ref}`);
  return { sheet: parts.sheet, address: noDollar(parts.local) };
}

/** A line chart with markers framed like the file's two-cell anchor: from the `from` cell's corner to the `to` cell's. */
export function chartOp(chart: ChartModel): Op {
  const { from, to } = chart;
  // setPosition's end cell is covered entirely: the one before `to` in both directions ends where the file's frame does.
  const endCol = Math.max(to.col - 1, from.col);
  const endRow = Math.max(to.row - 1, from.row);
  return {
    kind: 'chart',
    title: chart.title,
    start: `${col(from.col)}${from.row + 1}`,
    end: `${col(endCol)}${endRow + 1}`,
    categories: sheetRef(chart.categories),
    series: chart.series.map((s) => ({ name: s.name, values: sheetRef(s.values), color: hex(s.color) })),
  };
}
