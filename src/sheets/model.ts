import { DayNumber } from '../planning/days';

/**
 * The host-neutral sheet model both adapters render (SpreadsheetML to a file, Office.js into the open
 * workbook). Plain data, so a form is tested by comparing data. Styles are named and shared per column,
 * per row or per cell rather than stored per cell: national plans have millions of cells.
 */
export interface FormulaValue {
  /** Without the leading `=`, in English function names and `,` separators, as in the file format. */
  formula: string;
  /**
   * What the formula shows before any actual is typed, written as the cached value so a file reads right
   * unrecalculated; absent where it depends on the report date (`TODAY()`), which hosts calculate on open.
   */
  result?: number | string;
}

/** The number format of a date cell whose style gives none (both adapters apply it). */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/** An ARGB colour (`FFC00000`; an RGB one gets an opaque alpha), checked, upper case, as both adapters write it. */
export function argb(color: string): string {
  if (!/^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(color)) throw new Error(`Not an ARGB colour: ${color}`);
  return (color.length === 6 ? 'FF' + color : color).toUpperCase();
}

export type ModelValue = null | number | string | { date: DayNumber } | FormulaValue;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** A single underline (the line under the issuing body and the national motto). */
  underline?: boolean;
  size?: number;
  /** Font colour as ARGB hex, e.g. `FFC00000`. */
  color?: string;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Lines around the cell: thin, or medium for the boxes people fill (they show on a black-and-white print). */
  border?: boolean | 'medium';
  /** Background as ARGB hex, e.g. `FFDDEBF7`. */
  fill?: string;
  /** Editable when the sheet is protected (the cells people type into). */
  unlocked?: boolean;
}

export interface ModelRow {
  values: ModelValue[];
  /** Style name applied to every cell of the row, over the column's. */
  style?: string;
  /** Per-cell style names, over the row's and the column's (sparse). */
  cellStyles?: (string | undefined)[];
  /** Column styles do not reach this row (title blocks above a table). */
  ownStyle?: boolean;
  /** Height in points; the host's default when absent. */
  height?: number;
  /** Hidden (helper rows the formulas read: never printed). */
  hidden?: boolean;
}

/**
 * Column widths count digits of a font this size, whatever a sheet's own size: the workbook's Normal font as the
 * file writer writes it (the first sheet's, the forms' 12 pt Times New Roman), and what the Office host converts
 * from, so a sheet at 11 pt has the same widths in Excel as in the file.
 */
export const WIDTH_FONT_SIZE = 12;

export interface ModelColumn {
  /** In digits of a WIDTH_FONT_SIZE font. */
  width: number;
  style?: string;
  hidden?: boolean;
}

/** A data validation over an A1 range on the same sheet: what may be typed, and the hint shown on entry. */
export interface Validation {
  range: string;
  type: 'whole' | 'date';
  /** Whole numbers, or day numbers for `date` (like `{ date }` values). */
  min: number;
  max?: number;
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
}

/** A conditional format: `formula` (no `=`) is written for the range's top-left cell, relative like any formula. */
export interface ConditionalFormat {
  range: string;
  formula: string;
  /** A style name of the sheet; only its font colour, bold and fill are used. */
  style: string;
}

/** A line chart over ranges of the workbook (absolute references with the sheet name). */
export interface ChartModel {
  title: string;
  /** Top-left and bottom-right cells of the chart's frame, zero-based. */
  from: { col: number; row: number };
  to: { col: number; row: number };
  categories: string;
  series: { name: string; values: string; color: string }[];
}

/** Page margins in millimetres. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** From the page's edge to the header and the footer. */
  header: number;
  footer: number;
}

/** The margins of Decree 30/2020/NĐ-CP (Appendix I): top and bottom 20 mm, left 30 mm, right 15 mm. */
export const DECREE_30_MARGINS: Margins = { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 };

/**
 * How a sheet prints: on A4, at its own size unless `fitToWidth` (scaled to one page wide), with the rows
 * (1-based, inclusive) and columns (0-based, inclusive) repeated on every page, page breaks placed by hand
 * and pages numbered in the footer (`&P`, `&N`: SpreadsheetML's codes, which both hosts take).
 */
export interface PageSetup {
  landscape: boolean;
  fitToWidth?: boolean;
  printTitleRows?: [number, number];
  printTitleCols?: [number, number];
  header?: string;
  footer?: string;
  /** A new page starts at each of these rows (1-based), and at each of these columns (0-based). */
  rowBreaks?: number[];
  colBreaks?: number[];
  /** Pages numbered across, then down (a wide table's continuation pages next to it); down, then across by default. */
  overThenDown?: boolean;
  /** Decree 30's when absent. */
  margins?: Margins;
  /**
   * What prints, from A1 to this last row (1-based) and last column (0-based): the helper columns hidden after a
   * table, and rows kept for lookups only, stay out of print (LibreOffice prints a hidden column's figure as ###).
   */
  printArea?: { lastRow: number; lastCol: number };
}

export interface SheetModel {
  name: string;
  font: { name: string; size: number };
  columns: ModelColumn[];
  rows: ModelRow[];
  styles: Record<string, CellStyle>;
  /** A1 ranges, e.g. `A1:H1`. */
  merges: string[];
  /** Rows and columns kept in view when scrolling (the header). */
  freeze?: { rows: number; cols: number };
  /** How the sheet prints on A4 (see `PageSetup`). */
  page?: PageSetup;
  /** Identifies a generated sheet (see `forms/marker.ts`); hosts store it hidden, with the sheet. */
  marker?: string;
  /** Hidden names scoped to the sheet, each an absolute reference to a range of it (see `forms/marker.ts`). */
  names?: { name: string; ref: string }[];
  /** Protected without a password: only `unlocked` cells can be edited. */
  protect?: boolean;
  validations?: Validation[];
  conditional?: ConditionalFormat[];
  charts?: ChartModel[];
}

/** The style of a cell: its column's (unless the row has its own), overridden by its row's, then its own. */
export function cellStyle(sheet: SheetModel, rowIndex: number, colIndex: number): CellStyle {
  return resolveStyle(sheet, styleNames(sheet, rowIndex, colIndex));
}

/** The style names that make up a cell's style, outermost first; hosts key shared formats on them. */
export function styleNames(sheet: SheetModel, rowIndex: number, colIndex: number): (string | undefined)[] {
  const row = sheet.rows[rowIndex];
  return [row?.ownStyle ? undefined : sheet.columns[colIndex]?.style, row?.style, row?.cellStyles?.[colIndex]];
}

export function resolveStyle(sheet: SheetModel, names: readonly (string | undefined)[]): CellStyle {
  let style: CellStyle = {};
  for (const n of names) if (n) style = { ...style, ...sheet.styles[n] };
  return style;
}
