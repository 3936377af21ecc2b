/**
 * A host-neutral grid of cell values: what the Excel adapter and the .xlsx adapter hand to the pure readers.
 * Adapters normalise their hosts' values into these shapes (formula cells give their result; merged areas
 * give their value in the top-left cell only).
 */
import { formatVN } from '../planning/days';

export interface CellError {
  /** Excel's error text: `#REF!`, `#N/A`, `#VALUE!`, `#DIV/0!`, … */
  error: string;
}
export interface CellDate {
  /** Day number (days since 1970-01-01 UTC). */
  date: number;
}
export type CellValue = null | number | string | boolean | CellError | CellDate;

export interface Grid {
  /** The sheet's name, used in every cell address reported. */
  sheet: string;
  /** Rows of cells; rows[0][0] is the cell at (firstRow, firstCol). Rows may be ragged. */
  rows: CellValue[][];
  /** 1-based row number of rows[0] (default 1): a selection need not start at A1. */
  firstRow?: number;
  /** 1-based column number of rows[0][0] (default 1). */
  firstCol?: number;
  /** Rows hidden by hand, as indices into `rows`, ascending (none when absent). */
  hiddenRows?: readonly number[];
  /** Rows hidden by the sheet's filter, as indices into `rows`, ascending. */
  filteredRows?: readonly number[];
}

/**
 * The error an adapter gives a formula cell that has no saved result (a file written by a program that
 * does not calculate): planning with it would silently read the count as blank.
 */
export const NO_RESULT = '#NO-RESULT';

export const isCellError = (v: CellValue): v is CellError => typeof v === 'object' && v !== null && 'error' in v;
export const isCellDate = (v: CellValue): v is CellDate => typeof v === 'object' && v !== null && 'date' in v;

/** What a cell shows, quoted in a message in `lang`: a fraction as each reader writes it (20,5 / 20.5), a date as dd/mm/yyyy. */
export function shownCell(v: CellValue, lang: 'vi' | 'en'): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (isCellDate(v)) return formatVN(v.date);
  if (typeof v === 'number') return lang === 'vi' ? String(v).replace('.', ',') : String(v);
  return String(v).trim();
}

/** 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A → 1, aa → 27: the inverse of `columnLetters`, in either case. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/** A sheet name as formulas and defined names write it: always quoted, a `'` doubled (`'Tổng hợp'`). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `Sheet!C7` for a 1-based row and column. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${sheet}!${columnLetters(col)}${row}`;
}

/** The address of rows[r][c] of a grid (0-based indices into the grid). */
export function gridAddress(grid: Grid, r: number, c: number): string {
  return cellAddress(grid.sheet, (grid.firstRow ?? 1) + r, (grid.firstCol ?? 1) + c);
}
